"""Search latency: synthetic meeting records indexed in a temporary archive, then a mix of queries timed."""
from __future__ import annotations

import random
import statistics
import tempfile
import time
from pathlib import Path

from pipeline.archive import index_records, search
from pipeline.archive.index import close_index
from pipeline.benchmarks.synthetic import meeting_record, official_names, province_wards, search_queries


def benchmark_search(n: int, queries: int = 200) -> dict:
    """Index ``n`` synthetic records in a temporary folder, then time ``queries`` searches.

    Returns ``{"articles", "queries", "index_seconds", "median_ms", "p95_ms"}``.
    """
    rng = random.Random(5)
    people, provinces = official_names(rng), [p for p in province_wards() if p[2]]
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        started = time.perf_counter()
        for first in range(0, n, 2000):
            batch = range(first, min(n, first + 2000))
            index_records(data_dir, [meeting_record(rng, i, people, provinces) for i in batch])
        index_seconds = time.perf_counter() - started
        plan = search_queries(rng, queries, people, provinces)
        search(data_dir, plan[0]["text"])
        latencies = []
        for query in plan:
            started = time.perf_counter()
            search(data_dir, **query)
            latencies.append((time.perf_counter() - started) * 1000)
        close_index(data_dir)
    return {
        "articles": n,
        "queries": queries,
        "index_seconds": round(index_seconds, 2),
        "median_ms": round(statistics.median(latencies), 2),
        "p95_ms": round(statistics.quantiles(latencies, n=20)[-1], 2),
    }
