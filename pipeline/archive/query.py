"""Searching the archive: full-text queries with filters, and the results they give.

Every term of a query must match (in the title, the text, an official's name, a unit's name, the
cluster's name or a place), and, unless it is a number, next to one of its neighbours in the query:
Vietnamese words are mostly several syllables, and ``Nguyễn Văn Khoa`` must not match ``Nguyễn Văn An
... khoa học``. The ``pairs`` field indexes every two neighbouring syllables as one term, so that this
costs a term lookup, not a phrase query. BM25 ranks the matches, with a bonus when the whole query
appears as a phrase.
"""
from __future__ import annotations

import json
from collections.abc import Callable
from datetime import date, datetime
from pathlib import Path

import tantivy
from tantivy import Occur, Query

from pipeline.archive.index import (FIELD_BOOSTS, WORDS, ArchiveError, analyzer, day_number, fold_key,
                                    neighbour_pairs, open_index, part, record_cluster_key)
from pipeline.archive.snippets import SNIPPET_CHARS, best_passage

MAX_QUERY_CHARS = 300
MAX_QUERY_TERMS = 24
MAX_LIMIT = 100


class BadQuery(ArchiveError, ValueError):
    """The query or one of its filters is invalid. The message is English (for the command line); ``key`` and
    ``values`` name the same error as a message of ``pipeline/web/vi_words.toml`` (for the web page)."""

    def __init__(self, text: str, key: str = "bad_query", **values: object) -> None:
        super().__init__(text)
        self.key = key
        self.values = values or {"value": text}


#: How a date filter may be written: ISO, or day/month/year as Vietnamese write it (and the web form asks).
DATE_FORMS = ("%Y-%m-%d", "%d/%m/%Y")


def _bound(value: str | date | None, name: str) -> int | None:
    """A date filter as ``YYYYMMDD``; BadQuery when it is not a date in one of :data:`DATE_FORMS`."""
    if value is None or value == "":
        return None
    text = value.isoformat() if isinstance(value, date) else str(value).strip()
    for form in DATE_FORMS:
        try:
            return day_number(datetime.strptime(text, form).date().isoformat())
        except ValueError:
            continue
    raise BadQuery(f"{name}: {text[:40]!r} is not a date (expected YYYY-MM-DD or DD/MM/YYYY)", "bad_date_form",
                   value=text[:40])


def _as_date(day: int) -> date:
    return date(day // 10000, day // 100 % 100, day % 100)


def _cluster_number(value: int | str | None) -> int | None:
    if value is None or value == "":
        return None
    try:
        number = int(value)
    except ValueError:
        raise BadQuery(f"cluster: {str(value)[:40]!r} is not a number", "bad_cluster", value=str(value)[:40]) from None
    if not 0 <= number < 10_000:
        raise BadQuery(f"cluster: {number} is out of range", "bad_cluster", value=str(number))
    return number


def query_terms(text: str) -> list[str]:
    """The folded words of a query; BadQuery when it is too long."""
    if len(text) > MAX_QUERY_CHARS:
        raise BadQuery(f"query too long: {len(text)} characters (at most {MAX_QUERY_CHARS})", "long_query_chars",
                       count=len(text), limit=MAX_QUERY_CHARS)
    terms = analyzer(WORDS).analyze(text)
    if len(terms) > MAX_QUERY_TERMS:
        raise BadQuery(f"query too long: {len(terms)} words (at most {MAX_QUERY_TERMS})", "long_query_words",
                       count=len(terms), limit=MAX_QUERY_TERMS)
    return terms


def _text_query(schema: tantivy.Schema, terms: list[str]) -> list[tuple[Occur, Query]]:
    """Clauses: every term must match, beside a neighbour from the query unless it is a number (see above)."""
    adjacent = [Query.term_query(schema, "pairs", pair) for pair in neighbour_pairs(terms)]
    clauses = []
    for i, term in enumerate(terms):
        clauses.append((Occur.Must, _best_field(lambda field: Query.term_query(schema, field, term))))
        beside = adjacent[max(i - 1, 0) : i + 1]
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


def compile_query(
    schema: tantivy.Schema,
    text: str,
    province: str | None = None,
    cluster: int | str | None = None,
    since: str | date | None = None,
    until: str | date | None = None,
    extra: list[Query] | None = None,
) -> tuple[Query | None, list[str]]:
    """The query for ``text`` and the filters (``extra``: more filter queries), and the text's terms.

    The query is None when ``text`` has no searchable word (nothing matches). Raises BadQuery for an
    invalid query or filter."""
    since_day, until_day = _bound(since, "since"), _bound(until, "until")
    if since_day and until_day and since_day > until_day:
        raise BadQuery("since is after until", "bad_range", since=_as_date(since_day), until=_as_date(until_day))
    number = _cluster_number(cluster)
    if province and len(province) > 100:
        raise BadQuery(f"province too long: {len(province)} characters (at most 100)", "long_province",
                       count=len(province), limit=100)
    terms = query_terms(text)
    if text.strip() and not terms:
        return None, []
    clauses = _filters(schema, province, number, since_day, until_day)
    clauses += [(Occur.Must, Query.const_score_query(query, 0.0)) for query in extra or []]
    if not terms:
        return Query.boolean_query([(Occur.Must, Query.all_query()), *clauses]), []
    return Query.boolean_query(_text_query(schema, terms) + clauses), terms


def snippets(searcher: tantivy.Searcher, schema: tantivy.Schema, query: Query) -> tantivy.SnippetGenerator:
    """The generator of the results' snippets for ``query``."""
    generator = tantivy.SnippetGenerator.create(searcher, query, schema, "text")
    generator.set_max_num_chars(SNIPPET_CHARS)
    return generator


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
    meeting_type, cluster (its number), cluster_name, cluster_key (see :func:`record_cluster_key`), province,
    score (None when listing), snippet (plain text) and highlights ([start, end] of the matches in it).
    """
    if not 1 <= limit <= MAX_LIMIT:
        raise BadQuery(f"limit must be between 1 and {MAX_LIMIT}")
    index = open_index(data_dir)
    query, terms = compile_query(index.schema, text, province, cluster, since, until)
    if query is None:
        return []
    index.reload()
    searcher = index.searcher()
    if not terms:
        hits = searcher.search(query, limit, order_by_field="meeting_day", order=tantivy.Order.Desc).hits
        return [result_of(searcher.doc(address), None, None) for _, address in hits]
    generator = snippets(searcher, index.schema, query)
    return [result_of(searcher.doc(address), score, generator) for score, address in searcher.search(query, limit).hits]


def result_of(doc: tantivy.Document, score: float | None, generator: tantivy.SnippetGenerator | None) -> dict:
    """One search result from its index document."""
    record = json.loads(doc.get_first("record"))
    cluster, meeting = part(record, "cluster"), part(record, "meeting")
    passage, highlights = best_passage(doc, generator)
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
        "cluster_key": record_cluster_key(record),
        "province": record.get("province"),
        "score": None if score is None else round(score, 4),
        "snippet": passage,
        "highlights": highlights,
    }
