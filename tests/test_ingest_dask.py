"""The ingest job on a real Dask cluster (a ``LocalCluster`` of two worker processes on 127.0.0.1): the
rows of a one-process run, even when a worker is killed mid-job (Dask runs its tasks again elsewhere)."""
from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

from pipeline import ingest_job
from pipeline.benchmarks.synthetic import write_articles
from pipeline.cli import main
from pipeline.ingest_job import run_job
from store_checks import one_process_snapshot, snapshot


@pytest.fixture(scope="module")
def cluster():
    """Two single-threaded worker processes and their scheduler, on loopback, without a dashboard."""
    from distributed import LocalCluster

    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, host="127.0.0.1",
                      dashboard_address=None, silence_logs=50) as local:
        yield local


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("inputs")
    write_articles(folder, 60, seed=12)
    return folder


@pytest.fixture(scope="module")
def one_process(folder, tmp_path_factory) -> dict:
    return one_process_snapshot(folder, tmp_path_factory.mktemp("one"))


def test_the_cluster_writes_the_rows_of_one_process(cluster, folder, one_process, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("DASK_SCHEDULER_ADDRESS", cluster.scheduler_address)
    assert main(["ingest", str(folder), "--data", str(tmp_path)]) == 0
    assert "60 new" in capsys.readouterr().out
    assert snapshot(tmp_path) == one_process


def test_a_worker_killed_mid_job_and_the_job_still_finishes_with_the_same_rows(cluster, folder, one_process, tmp_path,
                                                                              monkeypatch):
    from distributed import Client

    monkeypatch.setattr(ingest_job, "FILES_PER_TASK", 2)  # 30 tasks: the kill lands while most wait
    errors: list[str] = []
    outcome: dict = {}
    job = threading.Thread(target=lambda: outcome.update(result=run_job(
        [folder], tmp_path, errors.append, scheduler=cluster.scheduler_address)))
    job.start()
    staging = tmp_path / ".staging"
    deadline = time.monotonic() + 120
    while len(list(staging.glob("*.parquet"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    with Client(cluster.scheduler_address) as client:
        pids = client.run(os.getpid)
        killed = next(iter(pids.values()))
        os.kill(killed, signal.SIGKILL)
        assert len(list(staging.glob("*.parquet"))) < 30  # killed mid-job
        job.join(timeout=300)
        client.wait_for_workers(2, timeout=60)
        assert killed not in client.run(os.getpid).values()  # the nanny started a new worker
    assert not job.is_alive() and not errors
    assert outcome["result"].counts == {"new": 60, "updated": 0, "unchanged": 0}
    assert snapshot(tmp_path) == one_process
