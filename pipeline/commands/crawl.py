"""Crawl trade-union news sites and store their articles in the data folder.

With no --site or --start-url, every site of the shipped sites config is crawled.
--start-url crawls any news site without a config: its sitemaps, feeds and same-site
links are followed, and every page that reads as an article is extracted.

robots.txt is obeyed and requests to a host are spaced (--delay, default from the
sites config, 1 s otherwise). Known pages are asked for conditionally, unchanged
articles are not extracted again, and raw pages are kept as WARC files in
DIR/crawl/warc (`unionnews ingest` re-extracts them). A killed crawl resumes where it
stopped. Fetched pages are read and extracted in --workers processes (one per core
by default) while fetching goes on. Each failed URL is reported on stderr as one line; a per-site report ends the run."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HELP = "crawl union news sites (configured ones, or any site from --start-url) into the data folder"


def non_negative_float(value: str) -> float:
    """argparse type: a number of seconds, 0 or more."""
    number = float(value)
    if number < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {value}")
    return number


def positive_int(value: str) -> int:
    """argparse type: a count, 1 or more."""
    number = int(value)
    if number < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more: {value}")
    return number


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``crawl``."""
    parser.add_argument("--site", action="append", default=[], metavar="NAME",
                        help="a site of the sites config (repeatable; default: all of them)")
    parser.add_argument("--start-url", action="append", default=[], metavar="URL",
                        help="crawl the site of this URL without a config (repeatable)")
    parser.add_argument("--data", type=Path, default=Path("outputs"), metavar="DIR",
                        help="data folder (default: outputs)")
    parser.add_argument("--max-pages", type=positive_int, metavar="N",
                        help="fetch at most N pages per site in this run (the rest waits for the next run; "
                             "default: the site's max_pages in the sites config, else 1000)")
    parser.add_argument("--delay", type=non_negative_float, metavar="SECONDS",
                        help="seconds between requests to one host (overrides the sites config; "
                             "robots.txt Crawl-delay still wins)")
    parser.add_argument("--workers", type=positive_int, metavar="N",
                        help="processes that read and extract the fetched pages (default: one per core)")


def run(args: argparse.Namespace) -> int:
    """Crawl the chosen sites and print the run report."""
    from pipeline.crawling import crawl
    from scrapers.crawl_report import format_report
    from scrapers.sites import SiteConfigError, generic_site, load_sites

    try:
        sites = [generic_site(url) for url in args.start_url]
        if args.site or not sites:
            configured = {site.name: site for site in load_sites()}
            unknown = [name for name in args.site if name not in configured]
            if unknown:
                print(f"unionnews crawl: unknown site {', '.join(unknown)} (known: {', '.join(configured)})",
                      file=sys.stderr)
                return 2
            sites += [configured[name] for name in args.site or configured]
    except SiteConfigError as exc:
        print(f"unionnews crawl: {exc}", file=sys.stderr)
        return 2
    reports = crawl(sites, args.data, workers=args.workers, delay=args.delay, max_pages=args.max_pages,
                    progress=sys.stderr.isatty())
    print(format_report(reports))
    if not any(report.fetched or report.not_modified for report in reports.values()):
        return 2
    return 1 if any(report.failed for report in reports.values()) else 0
