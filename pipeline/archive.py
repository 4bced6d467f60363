"""The searchable meeting archive: a tantivy full-text index kept in ``DATA/archive/``.

One document per article, keyed by its article id (``pipeline.store.article_id``), so
indexing the same article again replaces it. Text is lower-cased and ASCII-folded by
tantivy's own filters (which map ``đ`` to ``d``), so ``dang thi phuong hoa`` finds
``Đặng Thị Phương Hoa``. Every term of a query must match (in the title, the text,
an official's name, a unit's name, the cluster's name or a place), and, unless it is
a number, next to one of its neighbours in the query: Vietnamese words are mostly
several syllables, and ``Nguyễn Văn Khoa`` must not match ``Nguyễn Văn An ... khoa học``.
The ``pairs`` field indexes every two neighbouring syllables as one term, so that this
costs a term lookup, not a phrase query. BM25 ranks the matches, with a bonus when the
whole query appears as a phrase.

Each batch is written in one tantivy commit, which replaces the index's metadata
atomically: a crash leaves the previous commit readable.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import json
import random
import re
import statistics
import tempfile
import threading
import time
from collections.abc import Callable
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path

import tantivy
from tantivy import Occur, Query

from pipeline import store

ARCHIVE_DIR = "archive"
MAX_QUERY_CHARS = 300
MAX_QUERY_TERMS = 24
MAX_LIMIT = 100
SNIPPET_CHARS = 240
RELATED_LIMIT = 10

WORDS = "vi_words"  # tokenizer: words, lower-cased, ASCII-folded
KEY = "vi_key"  # tokenizer: the whole value as one lower-cased, ASCII-folded term

#: Full-text fields a query searches, with their weight.
FIELD_BOOSTS = {"title": 3.0, "officials": 3.0, "cluster_name": 2.0, "units": 1.5, "places": 1.5, "text": 1.0}


class ArchiveError(Exception):
    """A search cannot be answered; the message is one line, fit for the user."""


class NoArchive(ArchiveError):
    """The data folder holds no archive yet."""


class BadQuery(ArchiveError, ValueError):
    """The query or one of its filters is invalid."""


@lru_cache(maxsize=None)
def _analyzer(name: str) -> tantivy.TextAnalyzer:
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
    builder.add_text_field("pairs", tokenizer_name="whitespace", index_option="freq")
    builder.add_integer_field("cluster_number", indexed=True, fast=True)
    builder.add_integer_field("meeting_day", indexed=True, fast=True)
    builder.add_bytes_field("record", stored=True)
    return builder.build()


_indexes: dict[Path, tantivy.Index] = {}
_indexes_lock = threading.Lock()


def _index(data_dir: Path, create: bool = False) -> tantivy.Index:
    """The archive's index in ``data_dir`` (opened once per process)."""
    path = (Path(data_dir) / ARCHIVE_DIR).resolve()
    with _indexes_lock:
        index = _indexes.get(path)
        if index is None:
            if not create and not (path.is_dir() and tantivy.Index.exists(str(path))):
                raise NoArchive(f"no archive yet in {data_dir}: run `unionnews ingest` first")
            path.mkdir(parents=True, exist_ok=True)
            try:
                index = tantivy.Index(_schema(), path=str(path), reuse=True)
            except ValueError as exc:
                reason = str(exc).splitlines()[0]
                raise ArchiveError(f"cannot open the archive in {path} ({reason}): delete it and ingest again") from None
            for name in (WORDS, KEY):
                index.register_tokenizer(name, _analyzer(name))
            _indexes[path] = index
    return index


def fold_key(value: str) -> str:
    """``value`` as the archive compares names: one lower-cased, ASCII-folded string."""
    terms = _analyzer(KEY).analyze(" ".join(value.split()))
    return terms[0] if terms else ""


def index_records(data_dir: Path, records: list[dict]) -> None:
    """Add ``records`` to the archive in ``data_dir``, replacing earlier versions of the same articles."""
    if not records:
        return
    writer = _index(data_dir, create=True).writer(heap_size=15_000_000, num_threads=1)
    try:
        for record in records:
            article = store.article_id(record)
            writer.delete_documents_by_term("id", article)
            writer.add_document(_document(article, record))
        writer.commit()
    finally:
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


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None


def _part(record: dict, key: str) -> dict:
    value = record.get(key)
    return value if isinstance(value, dict) else {}


def _items(record: dict, key: str) -> list[dict]:
    value = record.get(key)
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _day(value: object) -> int | None:
    """``YYYY-MM-DD`` as the integer ``YYYYMMDD``, or None."""
    try:
        day = datetime.strptime(str(value), "%Y-%m-%d").date()
    except ValueError:
        return None
    return day.year * 10000 + day.month * 100 + day.day


def _cluster_key(province: str, kind: str | None, number: int) -> str:
    return fold_key(f"{province} {kind or ''} {number}")


def _document(article: str, record: dict) -> tantivy.Document:
    """The index document of one record."""
    doc = tantivy.Document()
    doc.add_text("id", article)
    stored = {key: value for key, value in record.items() if key != "text"}
    doc.add_bytes("record", json.dumps(stored, ensure_ascii=False).encode())
    cluster, meeting = _part(record, "cluster"), _part(record, "meeting")
    province = _text(record.get("province"))
    names = [_text(item.get("name")) for item in _items(record, "officials")]
    units = [_text(item.get("name")) for item in _items(record, "member_units")]
    units.append(_text(_part(record, "cluster_leader").get("unit")))
    places = [province, _text(record.get("federation")), _text(meeting.get("location"))]
    fields = {
        "title": [_text(record.get("title"))],
        "text": [record.get("text") if isinstance(record.get("text"), str) else None],  # as is: evidence points into it
        "officials": names,
        "official_keys": [fold_key(name) for name in names if name],
        "units": units,
        "places": places,
        "cluster_name": [_text(cluster.get("name"))],
        "province_key": [fold_key(province) if province else None],
    }
    for field, values in fields.items():
        for value in values:
            if value:
                doc.add_text(field, value)
                if field in FIELD_BOOSTS:
                    doc.add_text("pairs", " ".join(_pairs(_analyzer(WORDS).analyze(value))))
    number = cluster.get("number")
    if isinstance(number, int) and not isinstance(number, bool):
        doc.add_integer("cluster_number", number)
        if province:
            doc.add_text("cluster_key", _cluster_key(province, _text(cluster.get("kind")), number))
    day = _day(meeting.get("date"))
    if day is not None:
        doc.add_integer("meeting_day", day)
    return doc


def _bound(value: str | date | None, name: str) -> int | None:
    """A date filter as ``YYYYMMDD``; BadQuery when it is not a date."""
    if value is None or value == "":
        return None
    day = _day(value.isoformat() if isinstance(value, date) else value)
    if day is None:
        raise BadQuery(f"{name}: {str(value)[:40]!r} is not a date (expected YYYY-MM-DD)")
    return day


def _cluster_number(value: int | str | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except ValueError:
        raise BadQuery(f"cluster: {str(value)[:40]!r} is not a number") from None
    if not 0 <= number < 10_000:
        raise BadQuery(f"cluster: {number} is out of range")
    return number


def query_terms(text: str) -> list[str]:
    """The folded words of a query; BadQuery when it is too long."""
    if len(text) > MAX_QUERY_CHARS:
        raise BadQuery(f"query too long: {len(text)} characters (at most {MAX_QUERY_CHARS})")
    terms = _analyzer(WORDS).analyze(text)
    if len(terms) > MAX_QUERY_TERMS:
        raise BadQuery(f"query too long: {len(terms)} words (at most {MAX_QUERY_TERMS})")
    return terms


def _pairs(terms: list[str]) -> list[str]:
    """Each two neighbouring terms as one ``a_b`` term (the ``pairs`` field: adjacency without phrase queries)."""
    return [f"{a}_{b}" for a, b in zip(terms, terms[1:])]


def _text_query(schema: tantivy.Schema, terms: list[str]) -> list[tuple[Occur, Query]]:
    """Clauses: every term must match, beside a neighbour from the query unless it is a number (see above)."""
    pairs = [Query.term_query(schema, "pairs", pair) for pair in _pairs(terms)]
    clauses = []
    for i, term in enumerate(terms):
        clauses.append((Occur.Must, _best_field(lambda field: Query.term_query(schema, field, term))))
        beside = pairs[max(i - 1, 0) : i + 1]
        if beside and not term.isdigit():
            clauses.append((Occur.Must, Query.boolean_query([(Occur.Should, pair) for pair in beside])))
    if len(terms) > 2:
        clauses.append((Occur.Should, _best_field(lambda field: Query.phrase_query(schema, field, terms), boost=2.0)))
    return clauses


def _best_field(query_in: Callable[[str], Query], boost: float = 1.0) -> Query:
    """The best-scoring of ``query_in(field)`` over the full-text fields, each weighted by its field."""
    weighted = [Query.boost_query(query_in(field), boost * weight) for field, weight in FIELD_BOOSTS.items()]
    return Query.disjunction_max_query(weighted, tie_breaker=0.2)


def _filters(
    schema: tantivy.Schema, province: str | None, cluster: int | None, since: int | None, until: int | None
) -> list[tuple[Occur, Query]]:
    """Clauses that filter without changing the score."""
    filters = []
    if province and province.strip():
        filters.append(Query.term_query(schema, "province_key", fold_key(province)))
    if cluster is not None:
        filters.append(Query.term_query(schema, "cluster_number", cluster))
    if since is not None or until is not None:
        days = (since or 0, until or 99_999_999)
        filters.append(Query.range_query(schema, "meeting_day", tantivy.FieldType.Integer, *days))
    return [(Occur.Must, Query.const_score_query(query, 0.0)) for query in filters]


def search(
    data_dir: Path,
    text: str,
    province: str | None = None,
    cluster: int | str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    limit: int = 20,
) -> list[dict]:
    """Meetings matching ``text`` and the filters, best match first.

    An empty ``text`` lists the meetings the filters select, latest meeting first.
    ``since``/``until`` bound the meeting date (inclusive). Raises NoArchive when
    ``data_dir`` has no archive, BadQuery for an invalid query or filter.
    Each result holds id, source, url, title, published_date, meeting_date,
    meeting_type, cluster (its number), cluster_name, province, score (None when
    listing), snippet (plain text) and highlights ([start, end] of the matches in it).
    """
    since_day, until_day = _bound(since, "since"), _bound(until, "until")
    if since_day and until_day and since_day > until_day:
        raise BadQuery("since is after until")
    number = _cluster_number(cluster)
    if province and len(province) > 100:
        raise BadQuery(f"province too long: {len(province)} characters (at most 100)")
    if not 1 <= limit <= MAX_LIMIT:
        raise BadQuery(f"limit must be between 1 and {MAX_LIMIT}")
    terms = query_terms(text)
    if text.strip() and not terms:
        return []
    index = _index(data_dir)
    index.reload()
    searcher, schema = index.searcher(), index.schema
    clauses = _filters(schema, province, number, since_day, until_day)
    if not terms:
        query = Query.boolean_query([(Occur.Must, Query.all_query()), *clauses])
        hits = searcher.search(query, limit, order_by_field="meeting_day", order=tantivy.Order.Desc).hits
        return [_result(searcher.doc(address), None, None) for _, address in hits]
    query = Query.boolean_query(_text_query(schema, terms) + clauses)
    generator = tantivy.SnippetGenerator.create(searcher, query, schema, "text")
    generator.set_max_num_chars(SNIPPET_CHARS)
    return [_result(searcher.doc(address), score, generator) for score, address in searcher.search(query, limit).hits]


def _result(doc: tantivy.Document, score: float | None, generator: tantivy.SnippetGenerator | None) -> dict:
    """One search result from its index document."""
    record = json.loads(doc.get_first("record"))
    cluster, meeting = _part(record, "cluster"), _part(record, "meeting")
    snippet, highlights = _snippet(doc, generator)
    return {
        "id": doc.get_first("id"),
        "source": record.get("source"),
        "url": record.get("url"),
        "title": record.get("title"),
        "published_date": record.get("published_date"),
        "meeting_date": meeting.get("date"),
        "meeting_type": meeting.get("type"),
        "cluster": cluster.get("number"),
        "cluster_name": cluster.get("name"),
        "province": record.get("province"),
        "score": None if score is None else round(score, 4),
        "snippet": snippet,
        "highlights": highlights,
    }


def _snippet(doc: tantivy.Document, generator: tantivy.SnippetGenerator | None) -> tuple[str, list[list[int]]]:
    """The passage of the text that best matches the query, and where the matches are in it."""
    text = doc.get_first("text") or ""
    snippet = generator.snippet_from_doc(doc) if generator else None
    if snippet is None or not snippet.highlighted():
        return " ".join(text[:SNIPPET_CHARS].split()), []
    fragment, where, raw = snippet.fragment().encode(), snippet.fragment_range(), text.encode()  # byte offsets
    pieces = ["… " if _has_words(raw[: where.start]) else ""]
    spans, position, length = [], 0, len(pieces[0])
    for mark in snippet.highlighted():
        before, word = fragment[position : mark.start].decode(), fragment[mark.start : mark.end].decode()
        pieces += [before, word]
        spans.append([length + len(before), length + len(before) + len(word)])
        length += len(before) + len(word)
        position = mark.end
    pieces.append(fragment[position:].decode())
    if _has_words(raw[where.end :]):
        pieces.append(" …")
    return "".join(pieces), spans


def _has_words(data: bytes) -> bool:
    return any(char.isalnum() for char in data.decode(errors="ignore"))


def get(data_dir: Path, article_id: str) -> dict | None:
    """The stored record of one article (with ``id`` and ``text``), or None when it is not in the archive."""
    if not re.fullmatch(r"[0-9a-f]{16}", article_id):
        return None
    index = _index(data_dir)
    index.reload()
    searcher = index.searcher()
    hits = searcher.search(Query.term_query(index.schema, "id", article_id), 1).hits
    if not hits:
        return None
    doc = searcher.doc(hits[0][1])
    record = json.loads(doc.get_first("record"))
    record["id"] = article_id
    record["text"] = doc.get_first("text") or ""
    return record


def related(data_dir: Path, record: dict) -> dict:
    """Other meetings sharing this record's officials and cluster.

    Returns ``{"officials": {name: [meeting, ...]}, "cluster": [meeting, ...]}``; each
    meeting is a search result without snippet.
    """
    index = _index(data_dir)
    index.reload()
    searcher, schema = index.searcher(), index.schema
    not_this = (Occur.MustNot, Query.term_query(schema, "id", str(record.get("id") or store.article_id(record))))

    def meetings(field: str, key: str) -> list[dict]:
        query = Query.boolean_query([(Occur.Must, Query.term_query(schema, field, key)), not_this])
        hits = searcher.search(query, RELATED_LIMIT, order_by_field="meeting_day", order=tantivy.Order.Desc).hits
        return [_result(searcher.doc(address), None, None) for _, address in hits]

    officials = {}
    for official in _items(record, "officials"):
        name = _text(official.get("name"))
        if name and name not in officials:
            officials[name] = meetings("official_keys", fold_key(name))
    cluster, province = _part(record, "cluster"), _text(record.get("province"))
    number = cluster.get("number")
    same_cluster = (
        meetings("cluster_key", _cluster_key(province, _text(cluster.get("kind")), number))
        if province and isinstance(number, int)
        else []
    )
    return {"officials": officials, "cluster": same_cluster}


# --- benchmark -------------------------------------------------------------

_SENTENCES = [
    "Các đơn vị trong cụm đã chăm lo đời sống cho đoàn viên và người lao động.",
    "Hội nghị thống nhất đề ra chỉ tiêu phát triển đoàn viên trong thời gian tới.",
    "Phong trào thi đua lao động giỏi được triển khai rộng khắp tại cơ sở.",
    "Công tác tuyên truyền pháp luật cho công nhân được đẩy mạnh.",
    "Nhiều sáng kiến cải tiến kỹ thuật đã được áp dụng vào sản xuất.",
    "Các công đoàn cơ sở tổ chức thăm hỏi, tặng quà cho đoàn viên khó khăn.",
]


def _synthetic_record(rng: random.Random, i: int, people: list[str], provinces: list[tuple]) -> dict:
    """A made-up meeting record, with officials from the pool ``people``, and a text of about 3,000 characters."""
    from pipeline.synthetic import MEETINGS

    province, kind, wards = rng.choice(provinces)
    members = rng.sample(wards, k=min(len(wards), 6))
    names = rng.sample(people, k=4)
    number, (meeting_type, period) = rng.randint(1, 12), rng.choice(MEETINGS)
    day = date.fromordinal(date(2018, 1, 1).toordinal() + rng.randrange(2900))
    cluster = f"Cụm thi đua số {number}"
    title = f"{cluster} {meeting_type} tại {members[0]}"
    body = [title, f"Ngày {day:%d/%m/%Y}, {cluster} Liên đoàn Lao động {kind} {province} họp tại {members[0]}."]
    body += [f"Đồng chí {name} phát biểu tại hội nghị." for name in names]
    body += [f"Thành viên của cụm: {', '.join(f'Công đoàn {m}' for m in members)}."]
    body += rng.choices(_SENTENCES, k=40)
    return {
        "source": f"synthetic-{i:06d}.txt", "url": None, "title": title,
        "cluster": {"number": number, "name": cluster, "kind": "cụm"}, "province": province,
        "meeting": {"date": day.isoformat(), "type": meeting_type, "location": members[0],
                    "period": period.format(year=day.year)},
        "officials": [{"name": name} for name in names],
        "member_units": [{"name": f"Công đoàn {m}"} for m in members],
        "text": "\n".join(body),
    }


def _synthetic_queries(rng: random.Random, count: int, people: list[str], provinces: list[tuple]) -> list[dict]:
    """A mix of name, cluster-and-place and phrase searches, with and without accents, some filtered."""
    queries = []
    for i in range(count):
        province, _, wards = rng.choice(provinces)
        place = rng.choice(wards).split(" ", 1)[-1]
        text = [
            rng.choice(people),
            f"cum thi dua so {rng.randint(1, 12)} {fold_key(place)}",
            fold_key(rng.choice(people)),
            "sáng kiến cải tiến",
        ][i % 4]
        filters = {"province": province} if i % 3 == 0 else {}
        if i % 5 == 0:
            filters.update(since="2020-01-01", until="2023-12-31")
        queries.append({"text": text, **filters})
    return queries


def benchmark_search(n: int, queries: int = 200) -> dict:
    """Index ``n`` synthetic records in a temporary folder, then time ``queries`` searches.

    Returns ``{"articles", "queries", "index_seconds", "median_ms", "p95_ms"}``.
    """
    from pipeline.synthetic import official_names, province_wards

    rng = random.Random(5)
    people, provinces = official_names(rng), [p for p in province_wards() if p[2]]
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        started = time.perf_counter()
        for first in range(0, n, 2000):
            batch = range(first, min(n, first + 2000))
            index_records(data_dir, [_synthetic_record(rng, i, people, provinces) for i in batch])
        index_seconds = time.perf_counter() - started
        plan = _synthetic_queries(rng, queries, people, provinces)
        search(data_dir, plan[0]["text"])
        latencies = []
        for query in plan:
            started = time.perf_counter()
            search(data_dir, **query)
            latencies.append((time.perf_counter() - started) * 1000)
        with _indexes_lock:
            _indexes.pop((data_dir / ARCHIVE_DIR).resolve(), None)
    return {
        "articles": n,
        "queries": queries,
        "index_seconds": round(index_seconds, 2),
        "median_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(statistics.quantiles(latencies, n=20)[-1], 2),
    }
