"""The archive's tantivy index: its schema and tokenizers, opening it, and indexing records.

One document per article, keyed by its article id (:func:`pipeline.names.article_id`), so indexing
the same article again replaces it. Each batch is written in one tantivy commit, which replaces the
index's metadata atomically: a crash leaves the previous commit readable.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import json
import os
import tempfile
import threading
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from pathlib import Path

import tantivy

from extractors.lexicon import name_key
from pipeline.names import article_id

ARCHIVE_DIR = "archive"

WORDS = "vi_words"  # tokenizer: words, lower-cased, ASCII-folded
KEY = "vi_key"  # tokenizer: the whole value as one lower-cased, ASCII-folded term

#: Full-text fields a query searches, with their weight.
FIELD_BOOSTS = {"title": 3.0, "officials": 3.0, "cluster_name": 2.0, "units": 1.5, "places": 1.5, "text": 1.0}


#: Facet fields: the province, the meeting type, and the cluster as ``key<TAB>label`` (see :func:`cluster_facet`).
FACET_FIELDS = ("facet_province", "facet_type", "facet_cluster")


class ArchiveError(Exception):
    """A search cannot be answered; the message is one line, fit for the user."""


class NoArchive(ArchiveError):
    """The data folder holds no archive yet."""


@lru_cache(maxsize=None)
def analyzer(name: str) -> tantivy.TextAnalyzer:
    tokenizer = tantivy.Tokenizer.simple() if name == WORDS else tantivy.Tokenizer.raw()
    builder = tantivy.TextAnalyzerBuilder(tokenizer).filter(tantivy.Filter.lowercase())
    return builder.filter(tantivy.Filter.ascii_fold()).build()


@lru_cache(maxsize=None)
def _schema() -> tantivy.Schema:
    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("text", stored=True, tokenizer_name=WORDS)
    for field in ("title", "officials", "units", "cluster_name", "places"):
        builder.add_text_field(field, tokenizer_name=WORDS)
    for field in ("official_keys", "cluster_key", "province_key"):
        builder.add_text_field(field, tokenizer_name=KEY)
    builder.add_text_field("person_keys", tokenizer_name="raw")
    for field in FACET_FIELDS:  # facets: the values as shown, counted by tantivy's terms aggregation
        builder.add_text_field(field, tokenizer_name="raw", fast=True)
    builder.add_integer_field("year", indexed=True, fast=True)
    builder.add_text_field("pairs", tokenizer_name="whitespace", index_option="freq")
    builder.add_integer_field("cluster_number", indexed=True, fast=True)
    builder.add_integer_field("meeting_day", indexed=True, fast=True)
    builder.add_bytes_field("record", stored=True)
    return builder.build()


_indexes: dict[Path, tantivy.Index] = {}
_indexes_lock = threading.Lock()
_views: list[tempfile.TemporaryDirectory] = []


def _read_only_view(path: Path) -> Path:
    """A writable folder of links to the files of the read-only archive ``path``: tantivy takes its lock
    files there, so an archive on a read-only disk (a published copy, a read-only mount) can be searched."""
    view = tempfile.TemporaryDirectory(prefix="unionnews-archive-")
    _views.append(view)
    for item in path.iterdir():
        if not item.name.startswith(".tantivy"):
            (Path(view.name) / item.name).symlink_to(item)
    return Path(view.name)


def open_index(data_dir: Path, create: bool = False) -> tantivy.Index:
    """The archive's index in ``data_dir`` (opened once per process)."""
    path = (Path(data_dir) / ARCHIVE_DIR).resolve()
    with _indexes_lock:
        index = _indexes.get(path)
        if index is None:
            if not create and not (path.is_dir() and tantivy.Index.exists(str(path))):
                raise NoArchive(f"no archive yet in {data_dir}: run `unionnews ingest` first")
            path.mkdir(parents=True, exist_ok=True)
            opened = path if create or os.access(path, os.W_OK) else _read_only_view(path)
            try:
                index = tantivy.Index(_schema(), path=str(opened), reuse=True)
            except ValueError as exc:
                reason = str(exc).splitlines()[0]
                raise ArchiveError(f"cannot open the archive in {path} ({reason}): delete it and ingest again") from None
            for name in (WORDS, KEY):
                index.register_tokenizer(name, analyzer(name))
            _indexes[path] = index
    return index


def close_index(data_dir: Path) -> None:
    """Forget the index of ``data_dir`` opened by this process (its folder may then be removed)."""
    with _indexes_lock:
        _indexes.pop((Path(data_dir) / ARCHIVE_DIR).resolve(), None)


def fold_key(value: str) -> str:
    """``value`` as the archive compares names: one lower-cased, ASCII-folded string."""
    terms = analyzer(KEY).analyze(" ".join(value.split()))
    return terms[0] if terms else ""


def index_records(data_dir: Path, records: Iterable[dict]) -> None:
    """Add ``records`` to the archive in ``data_dir`` in one commit, replacing earlier versions of the same
    articles (a later copy of an article in ``records`` wins)."""
    if isinstance(records, list) and not records:
        return
    writer = index_writer(data_dir)
    try:
        add_records(writer, records)
        writer.commit()
    finally:
        close_writer(writer)


def index_writer(data_dir: Path) -> tantivy.IndexWriter:
    """A writer of the archive in ``data_dir``: what it adds is seen once it commits; close it with :func:`close_writer`.

    Files a writer left uncommitted (it was stopped, or rolled back) are removed first: a new writer
    could otherwise pick the same file name and fail."""
    writer = open_index(data_dir, create=True).writer(heap_size=15_000_000, num_threads=1)
    writer.garbage_collect_files()
    return writer


def add_records(writer: tantivy.IndexWriter, records: Iterable[dict]) -> None:
    """Add ``records`` through ``writer``, each replacing the document of its article."""
    for record in records:
        article = article_id(record)
        writer.delete_documents_by_term("id", article)
        writer.add_document(document(article, record))


def close_writer(writer: tantivy.IndexWriter) -> None:
    """Wait for ``writer``'s merges and hand its memory back."""
    writer.wait_merging_threads()
    _release_heap()


def _release_heap() -> None:
    """Hand freed heap back to the system after a write.

    tantivy's writer threads leave glibc's per-thread heaps fragmented; without a trim the
    process grows with every batch and a long ingest does not stay flat in memory.
    """
    trim = getattr(_libc(), "malloc_trim", None)
    if trim is not None:
        trim(0)


@lru_cache(maxsize=1)
def _libc() -> ctypes.CDLL | None:
    name = ctypes.util.find_library("c")
    return ctypes.CDLL(name) if name else None


def text_value(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def part(record: dict, key: str) -> dict:
    value = record.get(key)
    return value if isinstance(value, dict) else {}


def items(record: dict, key: str) -> list[dict]:
    value = record.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def day_number(value: object) -> int | None:
    """``YYYY-MM-DD`` as the integer ``YYYYMMDD``, or None."""
    try:
        day = datetime.strptime(str(value), "%Y-%m-%d").date()
    except ValueError:
        return None
    return day.year * 10000 + day.month * 100 + day.day


def cluster_key(province: str, kind: str | None, number: int) -> str:
    return fold_key(f"{province} {kind or ''} {number}")


def document(article: str, record: dict) -> tantivy.Document:
    """The index document of one record."""
    doc = tantivy.Document()
    doc.add_text("id", article)
    stored = {key: value for key, value in record.items() if key != "text"}
    doc.add_bytes("record", json.dumps(stored, ensure_ascii=False).encode())
    cluster, meeting = part(record, "cluster"), part(record, "meeting")
    province = text_value(record.get("province"))
    names = [text_value(item.get("name")) for item in items(record, "officials")]
    units = [text_value(item.get("name")) for item in items(record, "member_units")]
    units.append(text_value(part(record, "cluster_leader").get("unit")))
    places = [province, text_value(record.get("federation")), text_value(meeting.get("location"))]
    fields = {
        "title": [text_value(record.get("title"))],
        "text": [record.get("text") if isinstance(record.get("text"), str) else None],  # as is: evidence points into it
        "officials": names,
        "official_keys": [fold_key(name) for name in names if name],
        "units": units,
        "places": places,
        "cluster_name": [text_value(cluster.get("name"))],
        "province_key": [fold_key(province) if province else None],
    }
    for field, values in fields.items():
        for value in values:
            if value:
                doc.add_text(field, value)
                if field in FIELD_BOOSTS:
                    doc.add_text("pairs", " ".join(neighbour_pairs(analyzer(WORDS).analyze(value))))
    number = cluster.get("number")
    if isinstance(number, int) and not isinstance(number, bool):
        doc.add_integer("cluster_number", number)
        if province:
            doc.add_text("cluster_key", cluster_key(province, text_value(cluster.get("kind")), number))
    day = day_number(meeting.get("date"))
    if day is not None:
        doc.add_integer("meeting_day", day)
    add_browse_fields(doc, record, province, day)
    return doc


def add_browse_fields(doc: tantivy.Document, record: dict, province: str | None, meeting_day: int | None) -> None:
    """The fields that facets, filters and entity pages use: exact values, the year, the officials' person keys.

    The year is the meeting's (``meeting_day``, as :func:`day_number` gives it), else the publication's (as the
    tables' ``year`` partition)."""
    for item in items(record, "officials"):
        if text_value(item.get("name")):
            doc.add_text("person_keys", name_key(item["name"]))
    kind = text_value(part(record, "meeting").get("type"))
    facet = cluster_facet(record, province)
    for field, value in zip(FACET_FIELDS, (province, kind, facet)):
        if value:
            doc.add_text(field, value)
    day = meeting_day if meeting_day is not None else day_number(record.get("published_date"))
    if day is not None:
        doc.add_integer("year", day // 10000)


def cluster_facet(record: dict, province: str | None) -> str | None:
    """The cluster of a record as ``key<TAB>label`` (key: :func:`cluster_key`), or None without number or province."""
    cluster = part(record, "cluster")
    number = cluster.get("number")
    if not province or not isinstance(number, int) or isinstance(number, bool):
        return None
    kind = text_value(cluster.get("kind"))
    label = text_value(cluster.get("name")) or f"{(kind or 'cụm').capitalize()} số {number}"
    return f"{cluster_key(province, kind, number)}\t{label} · {province}"


def record_cluster_key(record: dict) -> str | None:
    """The cluster key of a record (as the ``cluster_key`` field and facet hold it), or None."""
    facet = cluster_facet(record, text_value(record.get("province")))
    return facet.partition("\t")[0] if facet else None


def neighbour_pairs(terms: list[str]) -> list[str]:
    """Each two neighbouring terms as one ``a_b`` term (the ``pairs`` field: adjacency without phrase queries)."""
    return [f"{a}_{b}" for a, b in zip(terms, terms[1:])]
