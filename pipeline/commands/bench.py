"""Measure speed: extraction against underthesea's word segmentation, and the other stages.

``extract``: articles/second of ``unionnews extract`` on the bundled corpus (read
once, extracted several rounds), beside the articles/second of
``underthesea.word_tokenize`` on the same texts. ``crawl``, ``ingest`` and
``search`` run the benchmarks of those stages on generated data, on loopback; ``pages`` the page
reader beside trafilatura.
Everything runs in this one process, so on one core."""
from __future__ import annotations

import argparse
import json
import time
from pathlib import Path

HELP = "measure extraction, crawl, ingest and search speed"
SUITES = ["extract", "crawl", "ingest", "search", "pages"]
CORPUS = Path(__file__).resolve().parents[2] / "corpus"


def register(parser: argparse.ArgumentParser) -> None:
    """Add the options of ``bench``."""
    parser.add_argument("suites", nargs="*", choices=SUITES, metavar="SUITE",
                        help=f"what to measure, any of {', '.join(SUITES)} (default: all)")
    parser.add_argument("--rounds", type=int, default=5, help="extraction rounds over the corpus (default: 5)")
    parser.add_argument("--pages", type=int, default=200, help="pages of the generated site to crawl (default: 200)")
    parser.add_argument("--articles", type=int, default=1000,
                        help="generated articles to ingest and to index for search (default: 1000)")
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
    from underthesea import word_tokenize

    from extractors import extract
    from pipeline.inputs import read_articles

    articles = [a for a in read_articles([CORPUS / "articles", CORPUS / "site"], on_error=lambda _: None) if a]
    extract(articles[0])
    word_tokenize(articles[0].text)
    started = time.perf_counter()
    for _ in range(args.rounds):
        for article in articles:
            extract(article)
    extract_rate = len(articles) * args.rounds / (time.perf_counter() - started)
    started = time.perf_counter()
    for _ in range(args.rounds):
        for article in articles:
            word_tokenize(article.text)
    tokenize_rate = len(articles) * args.rounds / (time.perf_counter() - started)
    return {"articles": len(articles), "extract_articles_per_s": extract_rate,
            "word_tokenize_articles_per_s": tokenize_rate, "ratio": extract_rate / tokenize_rate}


def bench_crawl(args: argparse.Namespace) -> dict:
    """Pages/second of a crawl of a generated site on loopback, politeness delays off."""
    from scrapers.crawl_benchmark import benchmark_crawl

    return benchmark_crawl(args.pages)


def bench_ingest(args: argparse.Namespace) -> dict:
    """Time, articles/second and peak memory of ingesting generated articles."""
    from pipeline.synthetic import benchmark_ingest

    return benchmark_ingest(args.articles)


def bench_search(args: argparse.Namespace) -> dict:
    """Median and 95th-percentile search latency over an archive of generated records."""
    from pipeline.archive import benchmark_search

    return benchmark_search(args.articles)


def bench_pages(args: argparse.Namespace) -> dict:
    """Pages/second of reading + extracting a page beside ``trafilatura.extract`` alone, side by side."""
    from pipeline.benchmarks.pages import benchmark_pages

    return benchmark_pages(args.rounds)


BENCHMARKS = {"extract": bench_extract, "crawl": bench_crawl, "ingest": bench_ingest, "search": bench_search,
              "pages": bench_pages}
