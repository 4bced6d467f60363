"""Extract articles from local files and store them in the Parquet tables of the data folder.

PATH is an article file (.txt, .html/.htm), a web archive (.warc, .warc.gz) or a
folder holding any of them. Articles are read, extracted and written one
bounded batch at a time, so memory stays flat however many files there are.
Ingesting an article again replaces its rows; a changed version updates them.
Each unreadable input is reported on stderr as one line and skipped."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "extract local article files, folders or WARC archives into the Parquet tables"


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``ingest``."""
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article file, WARC file or folder")
    parser.add_argument("--data", type=Path, default=Path("outputs"), metavar="DIR",
                        help="data folder holding the tables (default: outputs)")


def run(args: argparse.Namespace) -> int:
    """Ingest every input and print how many articles were new, updated or unchanged."""
    from pipeline.records import extracted
    from pipeline.sources import articles
    from pipeline.store import save_records

    failures = []

    def report(message: str) -> None:
        failures.append(message)
        print(message, file=sys.stderr, flush=True)

    records = (record for _, record in extracted(articles(args.paths, report), report))
    counts = save_records(args.data, records)
    stored = sum(counts.values())
    print(f"{stored} articles in {args.data}: {counts['new']} new, {counts['updated']} updated, "
          f"{counts['unchanged']} unchanged; {len(failures)} inputs failed")
    if not stored:
        return 2
    return 1 if failures else 0
