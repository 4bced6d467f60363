"""Search the meeting archive of a data folder.

TEXT is matched with or without diacritics, in any case, against each article's
title, text, officials and member units; every word must match. An empty TEXT
("") lists the meetings the filters select, latest first. Exit code 0 also when
nothing matches; 2 when the query is invalid or there is no archive yet."""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

HELP = "search the meeting archive (with or without diacritics)"

JSON_FIELDS = ("id", "source", "url", "title", "meeting_date", "cluster", "province", "score", "snippet")


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``search``."""
    parser.add_argument("text", metavar="TEXT", help="words to find, e.g. \"dang thi phuong hoa\"")
    parser.add_argument("--data", type=Path, default=Path("outputs"), metavar="DIR", help="data folder (default: outputs)")
    parser.add_argument("--province", metavar="P", help="only meetings of this province (accents optional)")
    parser.add_argument("--cluster", type=int, metavar="N", help="only meetings of cluster/bloc number N")
    parser.add_argument("--since", metavar="YYYY-MM-DD", help="only meetings on or after this date")
    parser.add_argument("--until", metavar="YYYY-MM-DD", help="only meetings on or before this date")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="text (default) or json: one result per line")


def run(args: argparse.Namespace) -> int:
    """Print the matching meetings, best first; returns the exit code."""
    from pipeline import archive

    try:
        results = archive.search(
            args.data, args.text, province=args.province, cluster=args.cluster,
            since=args.since, until=args.until,
        )
    except archive.ArchiveError as exc:
        print(f"unionnews search: {exc}", file=sys.stderr)
        return 2
    for rank, result in enumerate(results, 1):
        if args.format == "json":
            print(json.dumps({field: result[field] for field in JSON_FIELDS}, ensure_ascii=False))
        else:
            print(describe(rank, result))
    if not results and args.format == "text":
        print("no matching meetings", file=sys.stderr)
    return 0


def describe(rank: int, result: dict) -> str:
    """A result as three lines of plain text."""
    facts = [result["province"], result["cluster_name"], result["meeting_type"], result["meeting_date"]]
    score = "" if result["score"] is None else f"  [{result['score']:.2f}]"
    return (
        f"{rank}. {result['title'] or '(untitled)'}{score}\n"
        f"   {' · '.join(fact for fact in facts if fact)}  {result['url'] or result['source']}\n"
        f"   {' '.join(result['snippet'].split())}"
    )
