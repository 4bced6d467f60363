"""One meeting of the archive, and the other meetings that share its officials or its cluster."""
from __future__ import annotations

import json
import re
from pathlib import Path

import tantivy
from tantivy import Occur, Query

from pipeline.archive.index import cluster_key, fold_key, items, open_index, part, text_value
from pipeline.archive.query import result_of
from pipeline import names

RELATED_LIMIT = 10


def get(data_dir: Path, article_id: str) -> dict | None:
    """The stored record of one article (with ``id`` and ``text``), or None when it is not in the archive."""
    if not re.fullmatch(r"[0-9a-f]{16}", article_id):
        return None
    index = open_index(data_dir)
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
    index = open_index(data_dir)
    index.reload()
    searcher, schema = index.searcher(), index.schema
    not_this = (Occur.MustNot, Query.term_query(schema, "id", str(record.get("id") or names.article_id(record))))

    def meetings(field: str, key: str) -> list[dict]:
        query = Query.boolean_query([(Occur.Must, Query.term_query(schema, field, key)), not_this])
        hits = searcher.search(query, RELATED_LIMIT, order_by_field="meeting_day", order=tantivy.Order.Desc).hits
        return [result_of(searcher.doc(address), None, None) for _, address in hits]

    officials = {}
    for official in items(record, "officials"):
        name = text_value(official.get("name"))
        if name and name not in officials:
            officials[name] = meetings("official_keys", fold_key(name))
    cluster, province = part(record, "cluster"), text_value(record.get("province"))
    number = cluster.get("number")
    same_cluster = (
        meetings("cluster_key", cluster_key(province, text_value(cluster.get("kind")), number))
        if province and isinstance(number, int)
        else []
    )
    return {"officials": officials, "cluster": same_cluster}
