"""Ingest speed and memory: synthetic articles ingested by a child ``unionnews ingest`` process."""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.benchmarks.synthetic import write_articles


def benchmark_ingest(n: int) -> dict[str, float]:
    """Generate ``n`` articles, ingest them in a child process and measure it.

    Returns the article count, wall-clock seconds of the ingest, articles per
    second, the child's peak resident memory in MiB (its own ``ru_maxrss``)
    and its exit code.
    """
    with tempfile.TemporaryDirectory(prefix="unionnews-bench-") as tmp:
        folder, data = Path(tmp) / "articles", Path(tmp) / "data"
        write_articles(folder, n)
        command = [sys.executable, "-m", "pipeline", "ingest", str(folder), "--data", str(data)]
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=subprocess.DEVNULL)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait for it
    return {
        "articles": n,
        "seconds": round(seconds, 2),
        "articles_per_second": round(n / seconds, 1),
        "peak_rss_mib": round(usage.ru_maxrss / 1024, 1),
        "exit_code": child.returncode,
    }
