"""Search speed as users get it: the archive's pages served by the real server under concurrent clients.

Two archives: ``n`` synthetic meeting records indexed in a temporary folder, and the bundled sample
corpus ingested as the demo does. On each, ``unionnews serve`` answers a planned mix of pages —
searches (relevance, sorted by date, page 2), facet-filtered pages and meeting pages — from
concurrent keep-alive clients (:mod:`pipeline.benchmarks.load`).
"""
from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path

from pipeline.archive import index_records
from pipeline.archive.browse import Filters, browse
from pipeline.archive.index import close_index
from pipeline.benchmarks.load import Request, run_load, served
from pipeline.benchmarks.startup import ingest_sample
from pipeline.benchmarks.synthetic import meeting_record, official_names, province_wards, search_queries
from pipeline.web.page import url
from pipeline.web.results import FACET_SHOWN

#: Meetings whose ids the plan draws meeting pages from (the latest, in pages of 100).
MEETING_POOL_PAGES = 5
#: Per ten requests: which kind of page each is.
MIX = ["search", "search", "sorted", "page2", "facet", "facet", "facet", "facet", "meeting", "meeting"]
#: The kinds reported together: the search pages, the facet-filtered pages, the meeting pages.
GROUPS = {"search": "search", "sorted": "search", "page2": "search", "facet": "facet", "meeting": "meeting"}
#: Words searched on the demo archive beside the starts of its titles.
DEMO_QUERIES = ["cum thi dua", "tổng kết", "công đoàn", "sơ kết 6 tháng", "khoi thi dua", "giao ước thi đua"]


def benchmark_search(n: int, requests: int = 2000, clients: int = 20) -> dict:
    """Index ``n`` synthetic records in a temporary folder, serve them, and load the server with ``requests``
    requests from ``clients`` clients (see :func:`pipeline.benchmarks.load.run_load`); adds ``articles``
    and ``index_seconds``."""
    rng = random.Random(5)
    people, provinces = official_names(rng), [p for p in province_wards() if p[2]]
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        started = time.perf_counter()
        for first in range(0, n, 2000):
            batch = range(first, min(n, first + 2000))
            index_records(data_dir, [meeting_record(rng, i, people, provinces) for i in batch])
        index_seconds = time.perf_counter() - started
        queries = [query["text"] for query in search_queries(rng, 200, people, provinces)]
        result = load_archive(data_dir, queries, requests, clients, rng)
    return {"articles": n, "index_seconds": round(index_seconds, 2), **result}


def benchmark_demo(requests: int = 1000, clients: int = 20) -> dict:
    """Ingest the bundled sample corpus into a temporary folder, serve it, and load the server as
    :func:`benchmark_search` does; adds ``articles`` (the meetings in its archive)."""
    rng = random.Random(7)
    with tempfile.TemporaryDirectory() as folder:
        data_dir = Path(folder)
        ingest_sample(data_dir)
        latest = browse(data_dir, Filters(), "date", 1, 100)
        titles = [" ".join(str(r["title"]).split()[:3]) for r in latest["results"] if r.get("title")]
        result = load_archive(data_dir, DEMO_QUERIES + titles, requests, clients, rng)
    return {"articles": latest["total"], **result}


def load_archive(data_dir: Path, queries: list[str], requests: int, clients: int, rng: random.Random) -> dict:
    """Plan ``requests`` requests over the archive of ``data_dir``, serve it and run them."""
    try:
        plan = request_plan(data_dir, queries, requests, rng)
    finally:
        close_index(data_dir)
    with served(data_dir) as (host, port, _):
        run_load((host, port), plan[: min(len(plan), clients * 2)], clients)  # warm-up: connections, caches
        result = run_load((host, port), plan, clients)
    return {**group(result), "distinct_pages": len({request.path for request in plan})}


def request_plan(data_dir: Path, queries: list[str], count: int, rng: random.Random) -> list[Request]:
    """``count`` requests in the proportions of :data:`MIX`: searches for ``queries``, the same sorted by date
    or on page 2, facet-filtered pages as a user reaches them (a search or the whole archive, then one or two
    clicks on a facet value it shows), meeting pages."""
    everything = browse(data_dir, Filters(), "date", 1, 100)
    ids = [r["id"] for page in range(1, MEETING_POOL_PAGES + 1)
           for r in (everything if page == 1 else browse(data_dir, Filters(), "date", page, 100))["results"]]
    if not ids or not queries:
        raise RuntimeError(f"nothing to request: the archive of {data_dir} is empty")
    plan = []
    for i in range(count):
        kind, q = MIX[i % len(MIX)], rng.choice(queries)
        if kind == "meeting":
            path = f"/meeting/{rng.choice(ids)}"
        elif kind == "facet":
            path = url(**clicked(data_dir, {"q": q} if i % 3 else {}, 1 + i % 2, rng))
        else:
            path = url(q=q, sort="date" if kind == "sorted" else None, page=2 if kind == "page2" else None)
        plan.append(Request(GROUPS[kind], path))
    return plan


def clicked(data_dir: Path, params: dict[str, str], clicks: int, rng: random.Random) -> dict[str, str]:
    """``params`` after ``clicks`` clicks on facet values their results show (fewer when none is left)."""
    for _ in range(clicks):
        facets = browse(data_dir, Filters.of(params), "relevance" if params.get("q") else "date", 1, 1)["facets"]
        shown = [(name, bucket["value"]) for name, buckets in facets.items() if name not in params
                 for bucket in buckets[:FACET_SHOWN]]
        if not shown:
            break
        name, value = rng.choice(shown)
        params = {**params, name: value}
    return params


def group(result: dict) -> dict:
    """The load result with each kind's figures as top-level keys (``search_p95_ms``, …)."""
    flat = {key: value for key, value in result.items() if key != "kinds"}
    for kind, figures in result["kinds"].items():
        flat.update({f"{kind}_{key}": value for key, value in figures.items()})
    return flat

