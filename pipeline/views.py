"""Open the tables of a data folder for analysis: DuckDB views by table name, or pandas DataFrames.

The stored table is the ``records`` Delta table (:mod:`pipeline.store`); ``deltalake`` reads its log
to list the Parquet files of its latest commit, which DuckDB reads directly (no DuckDB extension is
needed). The view ``records`` is that table; ``articles`` takes its article columns, and each child
table unnests one list column, so all five analyst tables keep their columns and types.
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.delta_table import open_table
from pipeline.names import TABLE_NAMES, UNKNOWN

if TYPE_CHECKING:
    import duckdb
    import pandas

DEFAULT_DATA_DIR = Path("outputs")

#: The columns of the ``articles`` view, in order (the partition columns come last).
ARTICLE_COLUMNS = ["article_id", "record_hash", "source", "url", "title", "published_date", "author", "cluster_kind",
                   "cluster_number", "cluster_name", "federation", "meeting_date", "meeting_type", "meeting_location",
                   "meeting_period", "cluster_leader_name", "cluster_leader_unit", "member_count_stated", "evidence",
                   "text"]


class NoTables(LookupError):
    """The data folder holds no tables yet."""


def current_files(data_dir: Path) -> list[str]:
    """The Parquet files of the ``records`` table's latest commit; raises :class:`NoTables` when there is none."""
    table = open_table(data_dir)
    files = table.file_uris() if table is not None else []
    if not files:
        raise NoTables(f"no tables in {data_dir}: run `unionnews ingest PATH --data {data_dir}` first")
    return files


def view_sql(table: str) -> str:
    """The body of the view ``table`` over the view ``records``."""
    if table == "articles":
        return f"SELECT {', '.join(ARTICLE_COLUMNS)}, province, year FROM records"
    return f"SELECT article_id, unnest({table}, max_depth := 2), province, year FROM records"


def connect(data_dir: Path = DEFAULT_DATA_DIR) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with a view per table, named like the table, and ``records``.

    In the views the partition columns are typed: ``province`` is text and
    ``year`` an integer, both NULL where the folder name says ``unknown``.
    Raises :class:`NoTables` when the data folder holds no table.
    """
    import duckdb

    files = ", ".join("'" + file.replace("'", "''") + "'" for file in current_files(data_dir))
    con = duckdb.connect()
    con.execute(
        "CREATE VIEW records AS SELECT * REPLACE ("
        f"NULLIF(province, '{UNKNOWN}') AS province, "
        f"TRY_CAST(NULLIF(year, '{UNKNOWN}') AS INTEGER) AS year) "
        f"FROM read_parquet([{files}], hive_partitioning = true, "
        "hive_types = {'province': VARCHAR, 'year': VARCHAR})"
    )
    for table in TABLE_NAMES:
        con.execute(f"CREATE VIEW {table} AS {view_sql(table)}")
    return con


def load(table: str, data_dir: Path = DEFAULT_DATA_DIR) -> pandas.DataFrame:
    """One table of the data folder as a pandas DataFrame, e.g. ``pipeline.load("officials")``."""
    if table not in TABLE_NAMES:
        raise ValueError(f"unknown table {table!r}; the tables are {', '.join(TABLE_NAMES)}")
    with connect(data_dir) as con:
        return con.table(table).df()
