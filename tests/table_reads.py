"""Reading the stored table the way an analyst's tools do: pyarrow.dataset over the files of the Delta
table's latest commit (the log says which), and DuckDB over those same files; nothing of ours."""
from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.compute as pc
import pyarrow.dataset as ds
from deltalake import DeltaTable

CHILD_TABLES = ["officials", "member_units", "figures", "documents"]


def records_path(data: Path) -> Path:
    return Path(data) / "records"


def plain_dataset(data: Path) -> ds.Dataset:
    """The ``records`` table as a hive-partitioned pyarrow dataset of its current Parquet files."""
    files = DeltaTable(str(records_path(data))).file_uris()
    return ds.dataset(files, format="parquet", partitioning="hive", partition_base_dir=str(records_path(data)))


def plain_counts(data: Path) -> dict[str, int]:
    """Rows of each analyst table, counted with pyarrow alone (child rows are list items)."""
    table = plain_dataset(data).to_table()
    counts = {name: pc.sum(pc.list_value_length(table[name])).as_py() or 0 for name in CHILD_TABLES}
    return {**counts, "articles": table.num_rows}


def duckdb_sql(data: Path, sql: str) -> list[tuple]:
    """``sql`` over a plain DuckDB ``read_parquet`` of the current files, named ``records``."""
    files = DeltaTable(str(records_path(data))).file_uris()
    records = duckdb.read_parquet(files, hive_partitioning=True)  # noqa: F841  (read by name in the SQL)
    return duckdb.sql(sql).fetchall()
