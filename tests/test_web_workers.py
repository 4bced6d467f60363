"""``unionnews serve --workers 2``: two server processes answer on one port, and they end with their parent,
whether it is told to stop (SIGTERM) or killed."""
from __future__ import annotations

import signal

import pytest
import requests

from pipeline.benchmarks.load import served
from processes import children, gone
from test_archive_samples import sample_archive  # noqa: F401  (fixture)


@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGKILL])
def test_two_workers_answer_and_end_with_their_parent(sample_archive, stop) -> None:
    with served(sample_archive[0], workers=2) as (host, port, process):
        workers = children(process.pid, 2)
        assert len(workers) == 2
        for _ in range(6):  # a new connection each time: either worker may take it
            assert requests.get(f"http://{host}:{port}/?q=cum+thi+dua", timeout=10).status_code == 200
        process.send_signal(stop)
        process.wait(timeout=10)
        assert all(gone(pid) for pid in workers)
        with pytest.raises(requests.ConnectionError):
            requests.get(f"http://{host}:{port}/", timeout=5)
