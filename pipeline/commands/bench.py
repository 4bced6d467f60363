"""Measure speed: extraction against underthesea's word segmentation, and the other stages.

``extract``: articles/second of the extractors on the bundled corpus (read
once, extracted several rounds) and the marginal rate of whole ``unionnews
extract`` processes (400 minus 100 files), each beside
``underthesea.word_tokenize`` on the same texts, on one core. ``crawl``,
``ingest`` run the benchmarks of those stages on generated data, on loopback; ``search``
serves generated records, then the demo data, with the real server to concurrent clients on
loopback; ``startup`` times whole ``unionnews --help``, ``search`` and ``query``
processes on the sample corpus, the median of several runs."""
from __future__ import annotations

import argparse
import json

HELP = "measure extraction, crawl, ingest and search speed"
SUITES = ["extract", "pages", "crawl", "ingest", "search", "startup"]
#: Generated articles when ``--articles`` is not given: ingest's speed-up needs many; search fewer.
INGEST_ARTICLES = 20000
SEARCH_ARTICLES = 10_000


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``bench``."""
    parser.add_argument("suites", nargs="*", choices=SUITES, metavar="SUITE",
                        help=f"what to measure, any of {', '.join(SUITES)} (default: all)")
    parser.add_argument("--rounds", type=int, default=5, help="extraction rounds over the corpus (default: 5)")
    parser.add_argument("--pages", type=int, default=200, help="pages of the generated site to crawl (default: 200)")
    parser.add_argument("--articles", type=int, default=None,
                        help=f"generated articles to ingest and to index for search (default: {INGEST_ARTICLES} "
                        f"for ingest, {SEARCH_ARTICLES} for search)")
    parser.add_argument("--requests", type=int, default=2000,
                        help="requests the search clients send to each served archive (default: 2000)")
    parser.add_argument("--clients", type=int, default=20, help="concurrent search clients (default: 20)")
    parser.add_argument("--workers", default="1,2", metavar="N,N...",
                        help="worker counts to ingest and crawl with, each into a fresh folder (default: 1,2)")
    parser.add_argument("--runs", type=int, default=7, help="runs of each command timed by startup (default: 7)")
    parser.add_argument("--format", choices=["text", "json"], default="text", help="output format (default: text)")


def run(args: argparse.Namespace) -> int:
    """Run the chosen benchmarks and print their numbers."""
    results = {}
    for suite in args.suites or SUITES:
        results[suite] = BENCHMARKS[suite](args)
        if args.format == "text":
            print(f"{suite}: " + ", ".join(f"{k} {_fmt(v)}" for k, v in results[suite].items()), flush=True)
    if args.format == "json":
        print(json.dumps(results))
    return 0


def _fmt(value: object) -> str:
    return f"{value:.2f}" if isinstance(value, float) else str(value)


def bench_extract(args: argparse.Namespace) -> dict:
    """Articles/second of extraction and of ``underthesea.word_tokenize`` on the corpus texts."""
    from pipeline.benchmarks.extract import benchmark_extract

    return benchmark_extract(args.rounds)


def bench_pages(args: argparse.Namespace) -> dict:
    """Pages/second of reading + extracting web pages, beside ``trafilatura.extract`` alone on the same pages."""
    from pipeline.benchmarks.pages import benchmark_pages

    return benchmark_pages(args.rounds)


def bench_crawl(args: argparse.Namespace) -> dict:
    """Pages/second of a crawl of a generated site on loopback, politeness delays off, for each worker count,
    beside the server's own rate."""
    from pipeline.benchmarks.crawl import benchmark_crawl

    return benchmark_crawl(args.pages, worker_counts(args))


def worker_counts(args: argparse.Namespace) -> list[int]:
    """The worker counts of ``--workers``."""
    return [int(count) for count in args.workers.split(",")]


def bench_ingest(args: argparse.Namespace) -> dict:
    """Articles/second, speed-up, re-ingest ratio and peak memory of ingesting generated articles, per worker count."""
    from pipeline.benchmarks.ingest import benchmark_ingest

    return benchmark_ingest(args.articles or INGEST_ARTICLES, worker_counts(args))


def bench_search(args: argparse.Namespace) -> dict:
    """Latency percentiles, requests/second and errors of the served archive under concurrent clients, per
    kind of page (search, facet, meeting) and overall: on generated records, then on the demo data
    (its figures prefixed ``demo_``)."""
    from pipeline.benchmarks.search import benchmark_demo, benchmark_search

    synthetic = benchmark_search(args.articles or SEARCH_ARTICLES, args.requests, args.clients)
    demo = benchmark_demo(args.requests, args.clients)
    return {**synthetic, **{f"demo_{key}": value for key, value in demo.items() if key != "clients"}}


def bench_startup(args: argparse.Namespace) -> dict:
    """Median wall time of whole ``unionnews --help``, ``search`` and ``query`` processes."""
    from pipeline.benchmarks.startup import benchmark_startup

    return benchmark_startup(args.runs)


BENCHMARKS = {"extract": bench_extract, "pages": bench_pages, "crawl": bench_crawl, "ingest": bench_ingest,
              "search": bench_search, "startup": bench_startup}
