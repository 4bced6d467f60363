"""Start-up time: whole ``unionnews`` processes (interpreter, imports and the work itself) for ``--help``,
``search`` and ``query``, on the sample corpus ingested into a temporary data folder; the median of
several runs of each, in milliseconds."""
from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path


def command() -> list[str]:
    """How to start unionnews as a user does: the ``unionnews`` script beside this interpreter, else
    ``python -m pipeline``."""
    script = Path(sys.executable).with_name("unionnews")
    return [str(script)] if script.is_file() else [sys.executable, "-m", "pipeline"]


def timed(args: list[str], runs: int) -> float:
    """The median wall time of ``runs`` runs of ``args``, in milliseconds (each must succeed)."""
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run(args, check=True, capture_output=True, timeout=120)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def ingest_sample(data_dir: Path) -> None:
    """Ingest the sample corpus (its articles and its site's pages) into ``data_dir`` with ``unionnews ingest``."""
    from pipeline.bundled import corpus_dir

    corpus = corpus_dir()
    ingest = subprocess.run([*command(), "ingest", "--data", str(data_dir), str(corpus / "articles"),
                             str(corpus / "site")], capture_output=True, text=True, timeout=600)
    if ingest.returncode not in (0, 1):  # 1: some pages of the site are no articles (listings, the admin page)
        raise RuntimeError(f"unionnews ingest of the corpus failed: {ingest.stderr.strip()}")


def benchmark_startup(runs: int) -> dict[str, float]:
    """Ingest the sample corpus into a temporary folder, then time ``runs`` runs of each command."""
    unionnews = command()
    with tempfile.TemporaryDirectory() as folder:
        ingest_sample(Path(folder))
        return {
            "runs": runs,
            "help_ms": timed([*unionnews, "--help"], runs),
            "search_ms": timed([*unionnews, "search", "--data", folder, "cum thi dua"], runs),
            "query_ms": timed([*unionnews, "query", "--data", folder, "SELECT count(*) FROM articles"], runs),
        }
