"""The stored table reads with one schema in pyarrow.dataset and in DuckDB: no unsigned integers, timestamps
(if any) in microseconds, strings as UTF-8, and the same columns with the same values in both."""
from __future__ import annotations

import pyarrow as pa
import pyarrow.types as pt

from pipeline.store import save_records
from table_reads import duckdb_sql, plain_dataset
from test_tables import gold_records

#: DuckDB type names that Spark or pandas would read differently from the pyarrow schema.
FOREIGN_DUCKDB_TYPES = ("UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT", "TIMESTAMP_NS", "BLOB")


def leaf_types(arrow_type: pa.DataType) -> list[pa.DataType]:
    """``arrow_type`` and every type nested in it (list items, struct fields, map keys and values)."""
    if pt.is_list(arrow_type) or pt.is_large_list(arrow_type):
        return [arrow_type, *leaf_types(arrow_type.value_type)]
    if pt.is_map(arrow_type):
        return [arrow_type, *leaf_types(arrow_type.key_type), *leaf_types(arrow_type.item_type)]
    if pt.is_struct(arrow_type):
        return [arrow_type, *(t for i in range(arrow_type.num_fields) for t in leaf_types(arrow_type.field(i).type))]
    return [arrow_type]


def test_pyarrow_dataset_schema_has_no_unsigned_ns_or_binary_types(tmp_path):
    save_records(tmp_path, gold_records())
    schema = plain_dataset(tmp_path).schema
    types = [t for field in schema for t in leaf_types(field.type)]
    assert not [t for t in types if pt.is_unsigned_integer(t)]
    assert all(t.unit == "us" for t in types if pt.is_timestamp(t))
    assert not [t for t in types if pt.is_binary(t) or pt.is_large_binary(t) or pt.is_large_string(t)]
    assert pt.is_string(schema.field("text").type) and pt.is_string(schema.field("record").type)


def test_duckdb_reads_the_same_columns_and_values_as_pyarrow(tmp_path):
    records = gold_records()
    save_records(tmp_path, records)
    arrow = plain_dataset(tmp_path).to_table()
    described = duckdb_sql(tmp_path, "SELECT column_name, column_type FROM (DESCRIBE SELECT * FROM records)")
    assert sorted(name for name, _ in described) == sorted(arrow.column_names)
    assert not [(name, kind) for name, kind in described if any(bad in kind for bad in FOREIGN_DUCKDB_TYPES)]
    kinds = dict(described)
    assert kinds["text"] == "VARCHAR" and kinds["published_date"] == "DATE" and kinds["cluster_number"] == "INTEGER"
    by_duckdb = sorted(duckdb_sql(tmp_path, "SELECT article_id, title, text, cluster_number FROM records"))
    by_arrow = sorted(zip(*(arrow[name].to_pylist() for name in ["article_id", "title", "text", "cluster_number"])))
    assert by_duckdb == by_arrow and len(by_arrow) == len(records)
    assert any("ư" in text or "đ" in text for _, _, text, _ in by_duckdb)  # Vietnamese letters survive as UTF-8
