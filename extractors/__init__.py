"""Vietnamese NLP extractors: from an :class:`~scrapers.article.Article` to a record (``../shared/spec/RECORD.md``)."""
from extractors.engine import extract

__all__ = ["extract"]
