"""Extract one record per article (the shape of RECORD.md) and print them.

PATH is an article file (.txt: first non-empty line is the title; .html/.htm:
a saved web page) or a folder of them. One JSON object per line on stdout;
a one-line error on stderr for each input that cannot be read; the others
are still processed."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HELP = "extract records from article files or folders, one JSON line each"


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``extract``."""
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article file or folder")
    parser.add_argument("--format", choices=["jsonl"], default="jsonl", help="output format (default: jsonl)")
    parser.add_argument("--no-text", action="store_true", help="leave the cleaned article text out of each record")


def run(args: argparse.Namespace) -> int:
    """Extract every input and print its record; returns the exit code."""
    from extractors import extract
    from pipeline.inputs import article_files, read_articles

    done = failed = 0
    for folder in args.paths:
        if folder.is_dir() and next(article_files([folder]), None) is None:
            print(f"unionnews: {folder}: no article files (.txt, .html, .htm) in this folder", file=sys.stderr)
            failed += 1
    for article in read_articles(args.paths, on_error=lambda msg: print(msg, file=sys.stderr)):
        if article is None:
            failed += 1
            continue
        record = extract(article)
        if args.no_text:
            record.pop("text", None)
        print(json.dumps(record, ensure_ascii=False))
        done += 1
    if not done:
        return 2
    return 1 if failed else 0
