"""Extract articles from local files and store them in the tables of the data folder.

PATH is an article file (.txt, .html/.htm), a web archive (.warc, .warc.gz) or a
folder holding any of them, as a local path or an fsspec URL (file://, s3://, ...). The inputs are split into tasks that run on every core
(--workers to choose) or on a Dask cluster (--scheduler, or DASK_SCHEDULER_ADDRESS);
each task extracts its inputs, and the job commits all their rows to the tables and
the search archive at once, so an interrupted ingest changes nothing and running it
again goes on where it stopped. Inputs whose bytes are unchanged since they were
ingested are not extracted again. Each unreadable input is reported on stderr as one
line and skipped; a storage failure (read-only folder, full disk, damaged archive)
is one line too, and leaves what was stored before as it was."""
from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

HELP = "extract local article files, folders or WARC archives into the Parquet tables"


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``ingest``."""
    parser.add_argument("paths", nargs="+", metavar="PATH",
                        help="article file, WARC file or folder: a local path or an fsspec URL (file://, s3://...)")
    parser.add_argument("--data", type=Path, default=Path("outputs"), metavar="DIR",
                        help="data folder holding the tables (default: outputs)")
    parser.add_argument("--workers", type=int, default=None, metavar="N",
                        help="worker processes (default: one per core)")
    parser.add_argument("--scheduler", default=os.environ.get("DASK_SCHEDULER_ADDRESS"), metavar="ADDRESS",
                        help="run the tasks on this Dask scheduler, e.g. tcp://HOST:8786 "
                        "(default: $DASK_SCHEDULER_ADDRESS, else local processes)")


def run(args: argparse.Namespace) -> int:
    """Ingest every input and print how many articles were new, updated or unchanged."""
    from pipeline.ingest_job import run_job
    from pipeline.storage_errors import storage_error

    failures = []

    def report(message: str) -> None:
        failures.append(message)
        print(message, file=sys.stderr, flush=True)

    if args.workers is not None and args.workers < 1:
        print("unionnews ingest: --workers must be at least 1", file=sys.stderr)
        return 2
    try:
        counts = run_job(args.paths, args.data, report, workers=args.workers, scheduler=args.scheduler).counts
    except Exception as exc:
        error = storage_error(exc, args.data)
        if error is None:
            raise
        print(f"unionnews ingest: {error}", file=sys.stderr)
        return 2
    stored = sum(counts.values())
    print(f"{stored} articles in {args.data}: {counts['new']} new, {counts['updated']} updated, "
          f"{counts['unchanged']} unchanged; {len(failures)} inputs failed")
    if not stored:
        return 2
    return 1 if failures else 0
