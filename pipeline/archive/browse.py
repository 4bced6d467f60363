"""Browsing the archive: one page of results with the total, sorted by relevance or by meeting date,
with facet counts (province, year, meeting type, cluster) over everything the query and filters
select, counted by tantivy's terms aggregation on the facet fields; and every result, for export.

The facet values are those the tables hold (``articles.province``, ``year``, ``meeting_type``,
``province``/``cluster_kind``/``cluster_number``), so a facet's counts are what ``unionnews query``
gives with ``GROUP BY`` under the same filters.
"""
from __future__ import annotations

from collections.abc import Iterator
from dataclasses import asdict, dataclass, fields
from pathlib import Path

import tantivy
from tantivy import Query

from pipeline.archive.index import open_index
from pipeline.archive.query import BadQuery, compile_query, result_of, snippets

SORTS = ("relevance", "date")
PER_PAGE = 20
MAX_PER_PAGE = 100
#: Pages past this are not served (deep pages cost more than anyone reads them for).
MAX_PAGE = 500
FACET_SIZE = 200
#: Facet name: its field in the index.
FACETS = {"province": "facet_province", "year": "year", "type": "facet_type", "cluster_key": "facet_cluster"}
EXPORT_BATCH = 500


@dataclass(frozen=True)
class Filters:
    """What a search asks for: words and filters, each a string as a form sends it ('' for none)."""

    q: str = ""
    province: str = ""
    cluster: str = ""
    cluster_key: str = ""
    year: str = ""
    type: str = ""
    since: str = ""
    until: str = ""

    @classmethod
    def of(cls, params: dict[str, str]) -> Filters:
        """The filters among request parameters (others ignored)."""
        return cls(**{f.name: str(params.get(f.name) or "").strip() for f in fields(cls)})

    def given(self) -> dict[str, str]:
        """The filters that are set."""
        return {key: value for key, value in asdict(self).items() if value}


def _year(value: str) -> int | None:
    if not value:
        return None
    if not (value.isdigit() and len(value) == 4):
        raise BadQuery(f"year: {value[:40]!r} is not a year", "bad_year", value=value[:40])
    return int(value)


def selection(schema: tantivy.Schema, filters: Filters) -> tuple[Query | None, list[str]]:
    """The query selecting what ``filters`` ask for, and the words of its text (see :func:`compile_query`)."""
    extra = []
    year = _year(filters.year)
    if year is not None:
        extra.append(Query.term_query(schema, "year", year))
    if filters.type:
        extra.append(Query.term_query(schema, "facet_type", filters.type))
    if filters.cluster_key:
        extra.append(Query.term_query(schema, "cluster_key", filters.cluster_key))
    return compile_query(schema, filters.q, filters.province, filters.cluster, filters.since, filters.until, extra)


def page_number(value: str | int | None) -> int:
    """A page number from a request (1 when missing); BadQuery when it is not one."""
    if value in (None, ""):
        return 1
    if not str(value).isdigit() or not 1 <= int(value) <= MAX_PAGE:
        raise BadQuery(f"page: {str(value)[:20]!r} is not a page number (1 to {MAX_PAGE})", "bad_page_range",
                       value=str(value)[:20], limit=MAX_PAGE)
    return int(value)


def browse(data_dir: Path, filters: Filters, sort: str = "relevance", page: int = 1,
           per_page: int = PER_PAGE) -> dict:
    """One page of the results of ``filters``: ``{"total", "page", "per_page", "pages", "sort", "results",
    "facets"}``; each facet a list of ``{"value", "label", "count"}``, most frequent first.

    Without words the results are sorted by meeting date whatever ``sort`` says (there is no relevance)."""
    if sort not in SORTS:
        raise BadQuery(f"sort: {sort[:20]!r} is not one of {', '.join(SORTS)}", "bad_sort", value=sort[:20])
    if not 1 <= per_page <= MAX_PER_PAGE:
        raise BadQuery(f"per_page must be between 1 and {MAX_PER_PAGE}")
    index = open_index(data_dir)
    query, terms = selection(index.schema, filters)
    empty = {"total": 0, "page": page, "per_page": per_page, "pages": 0, "sort": sort, "results": [],
             "facets": {name: [] for name in FACETS}}
    if query is None:
        return empty
    index.reload()
    searcher = index.searcher()
    found = _search(searcher, query, terms, sort, per_page, (page - 1) * per_page)
    generator = snippets(searcher, index.schema, query) if terms else None
    results = [result_of(searcher.doc(address), score if terms and sort == "relevance" else None, generator)
               for score, address in found.hits]
    return {**empty, "total": found.count, "pages": -(-found.count // per_page), "results": results,
            "facets": facets(searcher, query)}


def _search(searcher: tantivy.Searcher, query: Query, terms: list[str], sort: str, limit: int,
            offset: int) -> tantivy.SearchResult:
    if terms and sort == "relevance":
        return searcher.search(query, limit, offset=offset)
    return searcher.search(query, limit, offset=offset, order_by_field="meeting_day", order=tantivy.Order.Desc)


def facets(searcher: tantivy.Searcher, query: Query) -> dict[str, list[dict]]:
    """The facet counts of everything ``query`` selects."""
    spec = {name: {"terms": {"field": field, "size": FACET_SIZE}} for name, field in FACETS.items()}
    found = searcher.aggregate(query, spec)
    out = {}
    for name in FACETS:
        buckets = sorted(found.get(name, {}).get("buckets", []), key=lambda b: (-b["doc_count"], str(b["key"])))
        out[name] = [facet_value(name, bucket["key"], bucket["doc_count"]) for bucket in buckets]
    return out


def facet_value(name: str, key: object, count: int) -> dict:
    """One facet bucket: the value to filter by, the label to show, the count."""
    if name == "cluster_key":
        value, _, label = str(key).partition("\t")
        return {"value": value, "label": label, "count": count}
    value = str(int(key)) if name == "year" else str(key)
    return {"value": value, "label": value, "count": count}


def count(data_dir: Path, filters: Filters) -> int:
    """How many meetings ``filters`` select."""
    index = open_index(data_dir)
    query, _ = selection(index.schema, filters)
    return 0 if query is None else index.searcher().search(query, 1).count


def each_result(data_dir: Path, filters: Filters, sort: str = "relevance") -> Iterator[dict]:
    """Every result of ``filters`` in order, without snippets, read in batches (for export)."""
    index = open_index(data_dir)
    query, terms = selection(index.schema, filters)
    if query is None:
        return
    index.reload()
    searcher = index.searcher()
    offset = 0
    while True:
        hits = _search(searcher, query, terms, sort, EXPORT_BATCH, offset).hits
        for score, address in hits:
            yield result_of(searcher.doc(address), score if terms and sort == "relevance" else None, None)
        if len(hits) < EXPORT_BATCH:
            return
        offset += EXPORT_BATCH
