"""The analyst tables: their pyarrow schemas, and how one record becomes rows of each.

Every table is keyed by ``article_id``; child tables add ``position`` (the
item's index in the record's list). All five are views of one stored table,
``records`` (:data:`RECORDS_SCHEMA`): one row per article holding the article's
columns, its child rows as lists of structs, the record itself as JSON and the
catalog columns (which input gave it, and the hash of that input). It is
partitioned ``province=<name or unknown>/year=<yyyy or unknown>``, so an
article and its children always change together.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import unicodedata
from collections.abc import Callable
from typing import Any

import pyarrow as pa

from extractors.lexicon import name_key
from pipeline.names import TABLE_NAMES, UNKNOWN, article_id  # noqa: F401  (part of this module's interface)

SPAN = pa.struct([("start", pa.int32()), ("end", pa.int32())])
EVIDENCE_COLUMNS = [("evidence_start", pa.int32()), ("evidence_end", pa.int32())]
CHILD_KEY = [("article_id", pa.string()), ("position", pa.int32())]

SCHEMAS: dict[str, pa.Schema] = {
    "articles": pa.schema([
        ("article_id", pa.string()),
        ("record_hash", pa.string()),
        ("source", pa.string()),
        ("url", pa.string()),
        ("title", pa.string()),
        ("published_date", pa.date32()),
        ("author", pa.string()),
        ("cluster_kind", pa.string()),
        ("cluster_number", pa.int32()),
        ("cluster_name", pa.string()),
        ("federation", pa.string()),
        ("meeting_date", pa.date32()),
        ("meeting_type", pa.string()),
        ("meeting_location", pa.string()),
        ("meeting_period", pa.string()),
        ("cluster_leader_name", pa.string()),
        ("cluster_leader_unit", pa.string()),
        ("member_count_stated", pa.int32()),
        ("evidence", pa.map_(pa.string(), SPAN)),
        ("text", pa.string()),
    ]),
    "officials": pa.schema(CHILD_KEY + [
        ("name", pa.string()),
        ("person_key", pa.string()),
        ("title", pa.string()),
        ("organization", pa.string()),
        ("former", pa.bool_()),
        ("cluster_role", pa.string()),
    ] + EVIDENCE_COLUMNS),
    "member_units": pa.schema(CHILD_KEY + [
        ("name", pa.string()),
        ("type", pa.string()),
        ("place", pa.string()),
        ("admin_level", pa.string()),
        ("admin_code", pa.string()),
    ] + EVIDENCE_COLUMNS),
    "figures": pa.schema(CHILD_KEY + [
        ("value", pa.float64()),
        ("unit", pa.string()),
        ("kind", pa.string()),
        ("comparator", pa.string()),
        ("subject", pa.string()),
        ("text", pa.string()),
    ] + EVIDENCE_COLUMNS),
    "documents": pa.schema(CHILD_KEY + [
        ("number", pa.string()),
        ("type", pa.string()),
        ("date", pa.date32()),
        ("issuer", pa.string()),
    ] + EVIDENCE_COLUMNS),
}

CHILD_TABLES = ["officials", "member_units", "figures", "documents"]
#: Partition columns of the stored ``records`` table (text; ``unknown`` when the article does not say).
PARTITIONS = ["province", "year"]
#: Catalog columns: the input an article came from and the hash of that input's bytes and extractor version.
CATALOG_COLUMNS = [("input_key", pa.string()), ("input_hash", pa.string())]
RECORDS_SCHEMA = pa.schema(
    list(SCHEMAS["articles"])[:2] + [pa.field(*column) for column in CATALOG_COLUMNS] + list(SCHEMAS["articles"])[2:]
    + [pa.field(name, pa.list_(pa.struct(list(SCHEMAS[name])[1:]))) for name in CHILD_TABLES]
    + [pa.field("record", pa.string())] + [pa.field(name, pa.string()) for name in PARTITIONS]
)


def stored_row(record: dict[str, Any], input_key: str | None = None, input_hash: str | None = None) -> dict[str, Any]:
    """The row of the ``records`` table for one record: article columns, child lists, the record as JSON."""
    aid, digest = article_id(record), record_hash(record)
    rows = record_rows(record, aid, digest)
    row = {**rows["articles"][0], "input_key": input_key, "input_hash": input_hash}
    for name in CHILD_TABLES:
        row[name] = [{key: value for key, value in child.items() if key != "article_id"} for child in rows[name]]
    stored = {key: value for key, value in record.items() if key != "text"}
    row["record"] = json.dumps(stored, ensure_ascii=False, default=str)
    row["province"], row["year"] = partition_of(record)
    return row


def stored_record(row: dict[str, Any]) -> dict[str, Any]:
    """The record a ``records`` row was made from (the inverse of :func:`stored_row`)."""
    return {**json.loads(row["record"]), "text": row["text"]}


def record_hash(record: dict[str, Any]) -> str:
    """A fingerprint of a record's whole content, to tell an updated article from an unchanged one."""
    canonical = json.dumps(record, sort_keys=True, ensure_ascii=False, default=str)
    return hashlib.sha1(canonical.encode("utf-8")).hexdigest()


def partition_of(record: dict[str, Any]) -> tuple[str, str]:
    """The (province, year) partition of a record: the year of the meeting, else of publication."""
    province = record.get("province") or UNKNOWN
    meeting = record.get("meeting") or {}
    day = parse_date(meeting.get("date")) or parse_date(record.get("published_date"))
    year = str(day.year) if day else UNKNOWN
    return unicodedata.normalize("NFC", province).replace("/", "-"), year


def parse_date(value: Any) -> dt.date | None:
    """A ``YYYY-MM-DD`` string as a date; ``None`` when missing or malformed."""
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


def record_rows(record: dict[str, Any], article_id: str, record_hash: str) -> dict[str, list[dict[str, Any]]]:
    """The rows of every table for one record (partition columns excluded)."""
    cluster = record.get("cluster") or {}
    meeting = record.get("meeting") or {}
    leader = record.get("cluster_leader") or {}
    article = {
        "article_id": article_id,
        "record_hash": record_hash,
        "source": record.get("source"),
        "url": record.get("url"),
        "title": record.get("title"),
        "published_date": parse_date(record.get("published_date")),
        "author": record.get("author"),
        "cluster_kind": cluster.get("kind"),
        "cluster_number": as_int(cluster.get("number")),
        "cluster_name": cluster.get("name"),
        "federation": record.get("federation"),
        "meeting_date": parse_date(meeting.get("date")),
        "meeting_type": meeting.get("type"),
        "meeting_location": meeting.get("location"),
        "meeting_period": meeting.get("period"),
        "cluster_leader_name": leader.get("name"),
        "cluster_leader_unit": leader.get("unit"),
        "member_count_stated": as_int(record.get("member_count_stated")),
        "evidence": [(field, span_of(span)) for field, span in (record.get("evidence") or {}).items()],
        "text": record.get("text"),
    }
    province = record.get("province")
    return {
        "articles": [article],
        "officials": child_rows(record, "officials", article_id, lambda o: {
            "name": o.get("name"),
            "person_key": name_key(o["name"]) if o.get("name") else None,
            "title": o.get("title"),
            "organization": o.get("organization"),
            "former": o.get("former"),
            "cluster_role": o.get("cluster_role"),
        }),
        "member_units": child_rows(record, "member_units", article_id, lambda u: {
            "name": u.get("name"),
            "type": u.get("type"),
            "place": u.get("place"),
            **admin_link(u.get("type"), u.get("place"), province),
        }),
        "figures": child_rows(record, "figures", article_id, lambda f: {
            "value": as_float(f.get("value")),
            "unit": f.get("unit"),
            "kind": f.get("kind"),
            "comparator": f.get("comparator"),
            "subject": f.get("subject"),
            "text": f.get("text"),
        }),
        "documents": child_rows(record, "documents", article_id, lambda d: {
            "number": d.get("number"),
            "type": d.get("type"),
            "date": parse_date(d.get("date")),
            "issuer": d.get("issuer"),
        }),
    }


def child_rows(record: dict[str, Any], field: str, article_id: str,
               columns: Callable[[dict[str, Any]], dict[str, Any]]) -> list[dict[str, Any]]:
    """One row per item of ``record[field]``: key, the item's own columns, and its evidence span."""
    rows = []
    for position, item in enumerate(record.get(field) or []):
        span = span_of(item.get("evidence")) or {}
        rows.append({"article_id": article_id, "position": position, **columns(item),
                     "evidence_start": span.get("start"), "evidence_end": span.get("end")})
    return rows


def span_of(span: Any) -> dict[str, int] | None:
    """A ``[start, end]`` evidence pair as a struct; ``None`` when absent or malformed."""
    if isinstance(span, (list, tuple)) and len(span) == 2 and all(isinstance(i, int) for i in span):
        return {"start": span[0], "end": span[1]}
    return None


def as_float(value: Any) -> float | None:
    """A figure's value as a float; ``None`` when it is not a number."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None


def as_int(value: Any) -> int | None:
    """A count or number as an int; ``None`` when it is not a whole number."""
    return int(value) if as_float(value) is not None and float(value).is_integer() else None


def admin_link(unit_type: str | None, place: str | None, province: str | None) -> dict[str, str | None]:
    """The 2025 administrative code of a member unit, when the map has it (see :func:`extractors.places.admin_code`)."""
    from extractors.places import admin_code

    level, code = admin_code(unit_type, place, province) or (None, None)
    return {"admin_level": level, "admin_code": code}


def to_table(name: str, rows: list[dict[str, Any]]) -> pa.Table:
    """Rows of table ``name`` as a pyarrow table with its explicit schema."""
    return pa.Table.from_pylist(rows, schema=SCHEMAS[name])
