"""Run SQL over the Parquet tables with DuckDB.

Each table of the data folder is a view with its own name (articles, officials,
member_units, figures, documents), e.g.

    unionnews query "SELECT province, count(*) FROM articles GROUP BY 1"

The result prints as a table fitted to the terminal, or in full as CSV or JSON
lines with --format."""
from __future__ import annotations

import argparse
import csv
import json
import shutil
import sys
from pathlib import Path

HELP = "run SQL over the tables (DuckDB), printed as a table, CSV or JSON lines"

FETCH_SIZE = 1000


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``query``."""
    parser.add_argument("sql", metavar="SQL", help="the query; tables are views named after themselves")
    parser.add_argument("--data", type=Path, default=Path("outputs"), metavar="DIR",
                        help="data folder holding the tables (default: outputs)")
    parser.add_argument("--format", choices=["table", "csv", "json"], default="table",
                        help="output format (default: table)")


def run(args: argparse.Namespace) -> int:
    """Run the query and print its result; a SQL error is one line on stderr and exit code 2."""
    import duckdb

    from pipeline.views import NoTables, connect

    try:
        con = connect(args.data)
    except NoTables as exc:
        print(f"unionnews query: {exc}", file=sys.stderr)
        return 2
    try:
        PRINTERS[args.format](con, args.sql)
    except duckdb.Error as exc:
        print(f"unionnews query: {str(exc).splitlines()[0]}", file=sys.stderr)
        return 2
    finally:
        con.close()
    return 0


def print_table(con, sql: str) -> None:
    """Print every row as a boxed table fitted to the terminal's width (long values and extra columns elided)."""
    result = con.sql(sql)
    if result is not None:
        result.show(max_rows=sys.maxsize, max_width=shutil.get_terminal_size().columns)


def print_csv(con, sql: str) -> None:
    """Print the result as CSV with a header line, streaming it in chunks."""
    cursor = con.execute(sql)
    if cursor.description is None:
        return
    writer = csv.writer(sys.stdout)
    writer.writerow(column[0] for column in cursor.description)
    while rows := cursor.fetchmany(FETCH_SIZE):
        writer.writerows(rows)


def print_json(con, sql: str) -> None:
    """Print one JSON object per row (dates as ISO strings), streaming it in chunks."""
    cursor = con.execute(sql)
    if cursor.description is None:
        return
    columns = [column[0] for column in cursor.description]
    while rows := cursor.fetchmany(FETCH_SIZE):
        for row in rows:
            print(json.dumps(dict(zip(columns, row)), ensure_ascii=False, default=str))


PRINTERS = {"table": print_table, "csv": print_csv, "json": print_json}
