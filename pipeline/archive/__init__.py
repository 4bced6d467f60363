"""The searchable meeting archive: a tantivy full-text index kept in ``DATA/archive/``.

Text is lower-cased and ASCII-folded by tantivy's own filters (which map ``đ`` to ``d``), so
``dang thi phuong hoa`` finds ``Đặng Thị Phương Hoa``. The package is split by job:
:mod:`~pipeline.archive.index` (schema, tokenizers, indexing), :mod:`~pipeline.archive.query`
(searching), :mod:`~pipeline.archive.snippets` and :mod:`~pipeline.archive.related` (one meeting and
the meetings that share its officials or cluster).
"""
from pipeline.archive.index import ARCHIVE_DIR, ArchiveError, NoArchive, fold_key, index_records
from pipeline.archive.query import BadQuery, search
from pipeline.archive.related import get, related
from pipeline.archive.snippets import SNIPPET_CHARS

__all__ = ["ARCHIVE_DIR", "SNIPPET_CHARS", "ArchiveError", "BadQuery", "NoArchive", "fold_key", "get",
           "index_records", "related", "search"]
