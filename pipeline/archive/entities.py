"""What the archive knows about its entities, read from the stored documents: the whole archive (the
front page), one official (by ``person_key``), one cluster (by its cluster key), one province.

Counts come from tantivy's terms aggregation on the same fields as the search facets
(:mod:`pipeline.archive.browse`), so they equal ``unionnews query``'s ``GROUP BY`` counts; the
meetings of an entity are its documents' stored records, oldest first.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import tantivy
from tantivy import Query

from extractors.lexicon import name_key
from pipeline.archive.browse import Filters, browse, facet_value
from pipeline.archive.index import ARCHIVE_DIR, fold_key, items, open_index, part, record_cluster_key, text_value

#: The most meetings an entity page reads (a cluster or a person has far fewer).
MAX_MEETINGS = 2000
#: The most meetings a province page lists (the search lists them all).
PROVINCE_LISTED = 50
LATEST = 8
BUCKETS = 1000


def _searcher(data_dir: Path) -> tuple[tantivy.Schema, tantivy.Searcher]:
    index = open_index(data_dir)
    index.reload()
    return index.schema, index.searcher()


def _terms(searcher: tantivy.Searcher, query: Query, field: str, name: str) -> list[dict]:
    """The facet buckets of ``field`` (as :func:`browse.facet_value` gives them) over ``query``, by value."""
    found = searcher.aggregate(query, {"t": {"terms": {"field": field, "size": BUCKETS}}})
    buckets = found.get("t", {}).get("buckets", [])
    return sorted((facet_value(name, b["key"], b["doc_count"]) for b in buckets), key=lambda v: v["value"])


def _years_by_type(searcher: tantivy.Searcher, query: Query) -> dict[str, dict[int, int]]:
    """``{meeting type: {year: meetings}}`` over ``query``."""
    spec = {"y": {"terms": {"field": "year", "size": BUCKETS},
                  "aggs": {"t": {"terms": {"field": "facet_type", "size": BUCKETS}}}}}
    out: dict[str, dict[int, int]] = {}
    for year in searcher.aggregate(query, spec).get("y", {}).get("buckets", []):
        for kind in year.get("t", {}).get("buckets", []):
            out.setdefault(str(kind["key"]), {})[int(year["key"])] = kind["doc_count"]
    return out


def meeting_year(record: dict) -> int | None:
    """The year of a meeting as the index files it: the meeting's date, else the publication's."""
    for value in (part(record, "meeting").get("date"), record.get("published_date")):
        if isinstance(value, str) and len(value) >= 4 and value[:4].isdigit():
            return int(value[:4])
    return None


def _records(searcher: tantivy.Searcher, query: Query, limit: int = MAX_MEETINGS, newest: bool = False) -> list[dict]:
    """The stored records ``query`` selects (with ``id``), by meeting date."""
    order = tantivy.Order.Desc if newest else tantivy.Order.Asc
    hits = searcher.search(query, limit, order_by_field="meeting_day", order=order).hits
    out = []
    for _, address in hits:
        doc = searcher.doc(address)
        out.append({**json.loads(doc.get_first("record")), "id": doc.get_first("id")})
    return out


def summary(record: dict) -> dict:
    """A meeting as entity pages list it."""
    cluster, meeting = part(record, "cluster"), part(record, "meeting")
    return {
        "id": record["id"], "title": record.get("title") or record.get("source"), "date": meeting.get("date"),
        "year": meeting_year(record), "meeting_type": meeting.get("type"),
        "province": text_value(record.get("province")), "cluster_name": cluster.get("name"),
        "cluster_key": record_cluster_key(record),
    }


def updated(data_dir: Path) -> str | None:
    """When the archive was last written (its last commit), as an ISO date in UTC."""
    meta = Path(data_dir) / ARCHIVE_DIR / "meta.json"
    try:
        return datetime.fromtimestamp(meta.stat().st_mtime, timezone.utc).date().isoformat()
    except OSError:
        return None


def overview(data_dir: Path) -> dict:
    """The whole archive: counts of articles and meetings (articles with a meeting type), the facet counts
    of everything, meetings by year and type, the latest meetings and when the archive was last written."""
    found = browse(data_dir, Filters(), "date", 1, LATEST)
    _, searcher = _searcher(data_dir)
    everything = Query.all_query()
    return {
        "articles": found["total"],
        "meetings": searcher.search(Query.exists_query("facet_type"), 1).count,
        "clusters": len(_terms(searcher, everything, "facet_cluster", "cluster_key")),
        "facets": found["facets"],
        "years_by_type": _years_by_type(searcher, everything),
        "latest": found["results"],
        "updated": updated(data_dir),
    }


def official(data_dir: Path, person_key: str) -> dict | None:
    """Every meeting the person ``person_key`` appears in, oldest first, each with the titles and
    organisations given there; None when no meeting names them."""
    key = name_key(person_key)
    if not key:
        return None
    schema, searcher = _searcher(data_dir)
    records = _records(searcher, Query.term_query(schema, "person_keys", key))
    meetings, spellings = [], {}
    for record in records:
        roles = [item for item in items(record, "officials")
                 if text_value(item.get("name")) and name_key(item["name"]) == key]
        for role in roles:
            spellings[role["name"]] = spellings.get(role["name"], 0) + 1
        meetings.append({**summary(record), "roles": [
            {name: role.get(name) for name in ("name", "title", "organization", "former", "cluster_role")}
            for role in roles]})
    if not meetings:
        return None
    name = max(spellings, key=lambda spelling: (spellings[spelling], spelling))
    return {"person_key": key, "name": name, "spellings": sorted(spellings), "meetings": meetings}


def cluster(data_dir: Path, key: str) -> dict | None:
    """One cluster's meetings, oldest first, with their member units, leaders and figures; None when unknown."""
    folded = fold_key(key)
    if not folded:
        return None
    schema, searcher = _searcher(data_dir)
    records = _records(searcher, Query.term_query(schema, "cluster_key", folded))
    if not records:
        return None
    latest = records[-1]
    meetings = []
    for record in records:
        leader = part(record, "cluster_leader")
        meetings.append({
            **summary(record),
            "members": [name for item in items(record, "member_units") if (name := text_value(item.get("name")))],
            "leader": {"name": text_value(leader.get("name")), "unit": text_value(leader.get("unit"))},
            "figures": items(record, "figures"),
        })
    info = part(latest, "cluster")
    return {"cluster_key": folded, "name": info.get("name"), "kind": info.get("kind"), "number": info.get("number"),
            "province": text_value(latest.get("province")), "federation": latest.get("federation"),
            "meetings": meetings}


def province(data_dir: Path, name: str) -> dict | None:
    """One province: its clusters with their meeting counts, meetings by year and type, its latest meetings;
    None when no meeting is in it."""
    folded = fold_key(name)
    if not folded:
        return None
    schema, searcher = _searcher(data_dir)
    query = Query.term_query(schema, "province_key", folded)
    total = searcher.search(query, 1).count
    if not total:
        return None
    latest = [summary(record) for record in _records(searcher, query, PROVINCE_LISTED, newest=True)]
    return {"name": latest[0]["province"], "articles": total,
            "clusters": _terms(searcher, query, "facet_cluster", "cluster_key"),
            "types": _terms(searcher, query, "facet_type", "type"),
            "years": _terms(searcher, query, "year", "year"),
            "years_by_type": _years_by_type(searcher, query), "latest": latest}
