"""What the store's tests compare: every row of every table, and what the search archive holds."""
from __future__ import annotations

from pathlib import Path

from pipeline import archive
from pipeline.cli import main
from pipeline.names import TABLE_NAMES
from pipeline.views import connect
from test_tables import CHILD_FIELDS

#: Searches whose results a snapshot keeps.
SEARCHES = ["cum thi dua", "chu tich", "thanh hoa"]


def expected_counts(records: list[dict]) -> dict[str, int]:
    """Rows per table that ``records`` should give."""
    return {"articles": len(records), **{table: sum(len(r[field]) for r in records)
                                         for table, field in CHILD_FIELDS.items()}}


def table_rows(data: Path) -> dict[str, list[tuple]]:
    """Every row of every analyst table, sorted (as ``unionnews query`` sees them)."""
    with connect(data) as con:
        return {table: sorted(map(repr, con.sql(f"SELECT * FROM {table}").fetchall())) for table in TABLE_NAMES}


def snapshot(data: Path) -> dict:
    """The rows of every table, the archive's record of each article, and a few searches' results."""
    rows = table_rows(data)
    with connect(data) as con:
        ids = [aid for (aid,) in con.sql("SELECT article_id FROM articles ORDER BY 1").fetchall()]
    return {
        "rows": rows,
        "archive": {aid: archive.get(data, aid) for aid in ids},
        "searches": {query: [(r["id"], r["title"]) for r in archive.search(data, query)] for query in SEARCHES},
    }


def one_process_snapshot(inputs: str | Path, data: Path) -> dict:
    """The tables and archive of ``inputs`` ingested into ``data`` by one process: what every other way of
    ingesting them must give."""
    assert main(["ingest", str(inputs), "--data", str(data), "--workers", "1"]) == 0
    return snapshot(data)
