"""Open the tables of a data folder for analysis: DuckDB views by table name, or pandas DataFrames."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.names import DATA_FILE, TABLE_NAMES, UNKNOWN

if TYPE_CHECKING:
    import duckdb
    import pandas

DEFAULT_DATA_DIR = Path("outputs")


class NoTables(LookupError):
    """The data folder holds no tables yet."""


def table_files(data_dir: Path, table: str) -> str:
    """The glob of a table's Parquet files, as plain DuckDB ``read_parquet`` takes it."""
    return (Path(data_dir) / table / "*" / "*" / DATA_FILE).as_posix()


def connect(data_dir: Path = DEFAULT_DATA_DIR) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB connection with one view per stored table, named like the table.

    In the views the partition columns are typed: ``province`` is text and
    ``year`` an integer, both NULL where the folder name says ``unknown``.
    Raises :class:`NoTables` when the data folder holds no table.
    """
    import duckdb

    found = [table for table in TABLE_NAMES if any((Path(data_dir) / table).glob(f"*/*/{DATA_FILE}"))]
    if not found:
        raise NoTables(f"no tables in {data_dir}: run `unionnews ingest PATH --data {data_dir}` first")
    con = duckdb.connect()
    for table in found:
        files = table_files(data_dir, table).replace("'", "''")
        con.execute(
            f"CREATE VIEW {table} AS SELECT * REPLACE ("
            f"NULLIF(province, '{UNKNOWN}') AS province, "
            f"TRY_CAST(NULLIF(year, '{UNKNOWN}') AS INTEGER) AS year) "
            f"FROM read_parquet('{files}', hive_partitioning = true, "
            "hive_types = {'province': VARCHAR, 'year': VARCHAR})"
        )
    return con


def load(table: str, data_dir: Path = DEFAULT_DATA_DIR) -> pandas.DataFrame:
    """One table of the data folder as a pandas DataFrame, e.g. ``pipeline.load("officials")``."""
    if table not in TABLE_NAMES:
        raise ValueError(f"unknown table {table!r}; the tables are {', '.join(TABLE_NAMES)}")
    with connect(data_dir) as con:
        return con.table(table).df()
