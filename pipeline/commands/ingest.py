"""Extract articles from local files and store them in the Parquet tables of the data folder.

PATH is an article file (.txt, .html/.htm), a web archive (.warc, .warc.gz) or a
folder holding any of them. Articles are read, extracted and written one
bounded batch at a time, so memory stays flat however many files there are.
Ingesting an article again replaces its rows; a changed version updates them.
Each unreadable input is reported on stderr as one line and skipped."""
from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from scrapers.article import Article

HELP = "extract local article files, folders or WARC archives into the Parquet tables"

WARC_SUFFIXES = (".warc", ".warc.gz")


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``ingest``."""
    parser.add_argument("paths", nargs="+", type=Path, metavar="PATH", help="article file, WARC file or folder")
    parser.add_argument("--data", type=Path, default=Path("outputs"), metavar="DIR",
                        help="data folder holding the tables (default: outputs)")


def run(args: argparse.Namespace) -> int:
    """Ingest every input and print how many articles were new, updated or unchanged."""
    from pipeline.store import save_records

    failures = []

    def report(message: str) -> None:
        failures.append(message)
        print(message, file=sys.stderr)

    counts = save_records(args.data, extracted_records(args.paths, report))
    stored = sum(counts.values())
    print(f"{stored} articles in {args.data}: {counts['new']} new, {counts['updated']} updated, "
          f"{counts['unchanged']} unchanged; {len(failures)} inputs failed")
    if not stored:
        return 2
    return 1 if failures else 0


def extracted_records(paths: Iterable[Path], on_error: Callable[[str], None]) -> Iterator[dict[str, Any]]:
    """The record of every readable article under ``paths``; each failure goes to ``on_error``."""
    from extractors import extract

    for article in articles(paths, on_error):
        try:
            yield extract(article)
        except Exception as exc:  # one bad article must not stop the run
            on_error(f"unionnews: {article.url or article.source}: extraction failed: {exc}".splitlines()[0])


def articles(paths: Iterable[Path], on_error: Callable[[str], None]) -> Iterator[Article]:
    """Every article in the files, folders and WARC archives named, in a stable order."""
    from pipeline.inputs import read_articles

    for path in paths:
        if is_warc(path):
            yield from warc_articles(path, on_error)
            continue
        yield from (article for article in read_articles([path], on_error) if article is not None)
        if path.is_dir():
            for warc in sorted(p for p in path.rglob("*") if p.is_file() and is_warc(p)):
                yield from warc_articles(warc, on_error)


def warc_articles(path: Path, on_error: Callable[[str], None]) -> Iterator[Article]:
    """The articles among the pages of a WARC file; pages that hold no article are skipped quietly."""
    from scrapers.article import NotAnArticle
    from scrapers.reading import read_html
    from scrapers.warc import iter_warc_pages

    try:
        for url, body, _headers in iter_warc_pages(path):
            try:
                yield read_html(body, source=url, url=url)
            except NotAnArticle:
                continue
    except OSError as exc:
        on_error(f"unionnews: {path}: {exc.strerror or exc}")


def is_warc(path: Path) -> bool:
    """Whether ``path`` names a web archive file."""
    return path.name.lower().endswith(WARC_SUFFIXES)
