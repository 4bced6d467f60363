"""Ingest speed and memory: synthetic articles ingested by a child process, for each worker count.

For every worker count the child runs the ingest job (:func:`pipeline.ingest_job.run_job`) into a fresh
data folder, then again over the same unchanged input (which must cost at most a tenth of the first
run). The child reports its own peak memory (the driver's) apart from the workers', and how much CPU
the driver spent before, during and after the tasks: what it spends before and after cannot overlap
the workers, so it is the serial part that bounds the speed-up (Amdahl).
"""
from __future__ import annotations

import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pipeline.benchmarks.synthetic import write_articles


def benchmark_ingest(n: int, workers: list[int] | None = None) -> dict[str, float]:
    """Generate ``n`` articles and ingest them once per worker count in ``workers`` (default ``[1]``).

    Per count ``W`` it returns (keys suffixed ``_wW``): articles per second, the speed-up over the first
    count, seconds of the first run and of a re-ingest of the unchanged input and their ratio, the
    driver's and the largest worker's peak memory in MiB, the driver's serial CPU seconds (before and
    after the tasks) and the share of all CPU they are, and the child's exit code.
    """
    results: dict[str, float] = {"articles": n}
    with tempfile.TemporaryDirectory(prefix="unionnews-bench-") as tmp:
        folder = Path(tmp) / "articles"
        write_articles(folder, n)
        base = None
        for count in workers or [1]:
            run = ingest_child(folder, Path(tmp) / f"data-{count}", count)
            rate = n / run["seconds"]
            base = base or rate
            cpu = run["cpu"]
            serial = cpu["driver_plan"] + cpu["driver_commit"]
            total = cpu["driver_plan"] + cpu["driver_tasks"] + cpu["driver_commit"] + cpu["workers"]
            results.update({
                f"articles_per_second_w{count}": round(rate, 1),
                f"speedup_w{count}": round(rate / base, 2),
                f"seconds_w{count}": run["seconds"],
                f"reingest_seconds_w{count}": run["reingest_seconds"],
                f"reingest_ratio_w{count}": round(run["reingest_seconds"] / run["seconds"], 3),
                f"driver_peak_mib_w{count}": run["driver_peak_mib"],
                f"worker_peak_mib_w{count}": run["worker_peak_mib"],
                f"driver_serial_cpu_s_w{count}": round(serial, 2),
                f"serial_fraction_w{count}": round(serial / total, 3) if total else 0.0,
                f"exit_code_w{count}": run["exit_code"],
            })
    return results


def ingest_child(folder: Path, data: Path, workers: int) -> dict:
    """Run :func:`child` in a fresh process and return what it measured, with its exit code."""
    command = [sys.executable, "-m", "pipeline.benchmarks.ingest", str(folder), str(data), str(workers)]
    done = subprocess.run(command, capture_output=True, text=True)
    lines = done.stdout.strip().splitlines()
    if done.returncode or not lines:
        raise RuntimeError(f"ingest benchmark child failed ({done.returncode}): {done.stderr.strip()[-2000:]}")
    return {**json.loads(lines[-1]), "exit_code": done.returncode}


def child(folder: Path, data: Path, workers: int) -> dict:
    """Ingest ``folder`` into ``data`` with ``workers`` workers, then again; what it cost, as a dict."""
    from pipeline.ingest_job import run_job

    errors: list[str] = []
    start = time.perf_counter()
    first = run_job([folder], data, errors.append, workers=workers)
    seconds = time.perf_counter() - start
    start = time.perf_counter()
    again = run_job([folder], data, errors.append, workers=workers)
    reingest = time.perf_counter() - start
    if errors or again.counts["unchanged"] != sum(first.counts.values()):
        raise RuntimeError(f"ingest benchmark: unexpected result {again.counts} {errors[:3]}")
    return {
        "seconds": round(seconds, 2),
        "reingest_seconds": round(reingest, 2),
        "counts": first.counts,
        "driver_peak_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1),
        "worker_peak_mib": first.worker_peak_mib,
        "cpu": first.cpu,
    }


if __name__ == "__main__":
    print(json.dumps(child(Path(sys.argv[1]), Path(sys.argv[2]), int(sys.argv[3]))))
