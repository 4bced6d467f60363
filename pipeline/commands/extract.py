"""Extract one record per article (the shape of docs/record.md) and print them.

PATH is an article file (.txt: first non-empty line is the title; .html/.htm:
a saved web page), a web archive (.warc, .warc.gz: every article page in it)
or a folder of any of them. One JSON object per line on stdout; a one-line
error on stderr for each input that cannot be read or extracted; the others
are still processed."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HELP = "extract records from article files, web archives or folders, one JSON line each"


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``extract``."""
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article file, WARC file or folder")
    parser.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format (default: jsonl)")
    parser.add_argument("--no-text", action="store_true", help="leave the cleaned article text out of each record")


def run(args: argparse.Namespace) -> int:
    """Extract every input and print its record; returns the exit code."""
    from pipeline.records import extracted
    from pipeline.sources import articles

    failed = 0

    def report(message: str) -> None:
        nonlocal failed
        failed += 1
        print(message, file=sys.stderr, flush=True)

    done = 0
    for _, record in extracted(articles(args.paths, report), report):
        if args.no_text:
            record.pop("text", None)
        print(json.dumps(record, ensure_ascii=False))
        done += 1
    if not done:
        return 2
    return 1 if failed else 0
