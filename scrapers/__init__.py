"""Fetching and page reading: from a file, a saved page or a URL to an :class:`Article`."""
from scrapers.article import Article, NotAnArticle

__all__ = ["Article", "NotAnArticle"]
