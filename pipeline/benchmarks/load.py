"""HTTP load on the real archive server: ``unionnews serve`` started as a child process on a free port of
127.0.0.1, then concurrent clients, each on one keep-alive connection, requesting a planned list of pages;
latency percentiles, requests/second and errors, per kind of page and overall."""
from __future__ import annotations

import http.client
import re
import statistics
import subprocess
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from pipeline.benchmarks.startup import command

#: How long the server may take to start listening.
START_SECONDS = 60.0


@dataclass(frozen=True)
class Request:
    """One planned request: its kind (the group it is reported in) and its path with query string."""

    kind: str
    path: str


@contextmanager
def served(data_dir: Path, workers: int | None = None) -> Iterator[tuple[str, int, subprocess.Popen]]:
    """``unionnews serve`` over ``data_dir`` on a free port of 127.0.0.1 (with ``--workers``, when given) for
    as long as the block runs: its host, port and process."""
    extra = ["--workers", str(workers)] if workers else []
    process = subprocess.Popen([*command(), "serve", "--data", str(data_dir), "--port", "0", *extra],
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    try:
        host, port = _listening(process)
        yield host, port, process
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()
        process.stderr.close()


def _listening(process: subprocess.Popen) -> tuple[str, int]:
    """The address the server says it serves on (read from its first lines on stderr)."""
    deadline = time.monotonic() + START_SECONDS
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line and process.poll() is not None:
            raise RuntimeError(f"unionnews serve exited with code {process.returncode}")
        found = re.search(r"http://([\d.]+):(\d+)/", line)
        if found:
            return found[1], int(found[2])
    raise RuntimeError("unionnews serve did not start listening in time")


def run_load(address: tuple[str, int], plan: list[Request], clients: int) -> dict:
    """Issue every request of ``plan`` from ``clients`` threads (client ``c`` takes requests ``c``,
    ``c + clients``, …), each on its own keep-alive connection, all starting together.

    Returns ``{"clients", "requests", "seconds", "rps", "errors", "p50_ms", "p95_ms", "p99_ms", "kinds"}``,
    ``kinds`` holding ``{"requests", "errors", "p50_ms", "p95_ms", "p99_ms"}`` for each kind. A request
    is an error when it does not answer 200 or its connection fails."""
    timings: list[tuple[str, float, bool]] = []
    lock, start = threading.Lock(), threading.Barrier(clients + 1)

    def client(share: list[Request]) -> None:
        connection = http.client.HTTPConnection(*address, timeout=30)
        mine = []
        start.wait()
        for request in share:
            began = time.perf_counter()
            ok = _get(connection, request.path)
            if not ok:
                connection.close()
                connection = http.client.HTTPConnection(*address, timeout=30)
            mine.append((request.kind, (time.perf_counter() - began) * 1000, ok))
        connection.close()
        with lock:
            timings.extend(mine)

    threads = [threading.Thread(target=client, args=(plan[c::clients],)) for c in range(clients)]
    for thread in threads:
        thread.start()
    start.wait()
    began = time.perf_counter()
    for thread in threads:
        thread.join()
    seconds = time.perf_counter() - began
    kinds = {kind: summary([t for t in timings if t[0] == kind]) for kind in dict.fromkeys(r.kind for r in plan)}
    return {"clients": clients, **summary(timings), "seconds": round(seconds, 2),
            "rps": round(len(timings) / seconds, 1), "kinds": kinds}


def _get(connection: http.client.HTTPConnection, path: str) -> bool:
    """GET ``path`` on the connection, reading the whole body: whether it answered 200."""
    try:
        connection.request("GET", path, headers={"Accept": "text/html"})
        response = connection.getresponse()
        response.read()
        return response.status == 200
    except (OSError, http.client.HTTPException):
        return False


def summary(timings: list[tuple[str, float, bool]]) -> dict:
    """Count, errors and latency percentiles (ms) of ``(kind, ms, ok)`` timings."""
    latencies = sorted(ms for _, ms, _ in timings)
    cuts = statistics.quantiles(latencies, n=100, method="inclusive") if len(latencies) > 1 else latencies * 99
    return {"requests": len(timings), "errors": sum(not ok for *_, ok in timings),
            "p50_ms": round(cuts[49], 1) if cuts else None, "p95_ms": round(cuts[94], 1) if cuts else None,
            "p99_ms": round(cuts[98], 1) if cuts else None}
