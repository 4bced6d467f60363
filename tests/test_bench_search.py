"""``unionnews bench search``: the served archive loaded by concurrent clients (shape and errors only;
the speed itself is what the benchmark reports, never asserted)."""
from __future__ import annotations

from pipeline.benchmarks.search import GROUPS, benchmark_search


def test_search_benchmark_serves_every_kind_of_page_without_errors() -> None:
    result = benchmark_search(60, requests=40, clients=4)
    assert result["articles"] == 60 and result["clients"] == 4
    assert result["requests"] == 40 and result["errors"] == 0
    for kind in set(GROUPS.values()):
        assert result[f"{kind}_requests"] > 0 and result[f"{kind}_errors"] == 0
        assert 0 < result[f"{kind}_p50_ms"] <= result[f"{kind}_p95_ms"] <= result[f"{kind}_p99_ms"]
    assert sum(result[f"{kind}_requests"] for kind in set(GROUPS.values())) == 40
    assert result["rps"] > 0
