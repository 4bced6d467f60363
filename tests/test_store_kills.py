"""``kill -9`` at many instants of a write, and crashes in the write window of an ingest: the tables show
one commit or the next, never a mix, and a rerun always converges to the rows of a clean run."""
from __future__ import annotations

import copy
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from data_sources import ROOT
from pipeline import pending_index
from pipeline.benchmarks.synthetic import write_articles
from pipeline.cli import main
from pipeline.store import save_records
from store_checks import snapshot, table_rows
from test_tables import gold_records

WRITER = """
import copy, sys
from pathlib import Path
sys.path.insert(0, "tests")
from pipeline.store import save_records
from test_store_kills import edited
from test_tables import gold_records
records = gold_records()
print("ready", flush=True)
while True:
    save_records(Path(sys.argv[1]), records)
    save_records(Path(sys.argv[1]), edited(records))
"""


def edited(records: list[dict]) -> list[dict]:
    """Another version of every record: other titles, fewer officials, one article in another partition."""
    changed = [copy.deepcopy(record) | {"title": f"Bản sửa {i}"} for i, record in enumerate(records)]
    for record in changed:
        record["officials"] = record["officials"][:1]
    changed[0]["province"] = "Nghệ An"
    return changed


def killed_at(command: list[str], delay: float, started: Path | None = None) -> None:
    """Run ``command`` from the checkout, and ``kill -9`` it ``delay`` seconds after ``started`` exists, or,
    without ``started``, after the command's first line of output (so a slow start never eats the delay)."""
    child = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
    if started is None:
        child.stdout.readline()
    deadline = time.monotonic() + 60
    while started is not None and not started.exists() and child.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    child.wait(timeout=30)
    child.stdout.close()


def test_kill_9_at_many_instants_of_alternating_commits(tmp_path):
    records = gold_records()
    versions = []
    for name, content in (("a", records), ("b", edited(records))):
        save_records(tmp_path / name, content)
        versions.append(snapshot(tmp_path / name))
    rng = random.Random(14)
    data = tmp_path / "killed"
    save_records(data, records)
    seen = set()
    for _ in range(24):
        if seen == {True, False}:
            break
        killed_at([sys.executable, "-c", WRITER, str(data)], rng.uniform(0.0, 1.5))
        rows = table_rows(data)
        assert rows in (versions[0]["rows"], versions[1]["rows"])  # one commit or the other, never a mix
        seen.add(rows == versions[0]["rows"])
        save_records(data, records)
        assert snapshot(data) == versions[0]
    assert seen == {True, False}, "the kills should land after either commit"


def ingest(folder: Path, data: Path) -> int:
    return main(["ingest", str(folder), "--data", str(data), "--workers", "1"])


@pytest.fixture(scope="module")
def clean_run(tmp_path_factory) -> tuple[Path, dict]:
    """Twelve synthetic articles (content A) and the snapshot of a clean ingest of them."""
    folder = tmp_path_factory.mktemp("a")
    write_articles(folder, 12, seed=1)
    data = tmp_path_factory.mktemp("clean")
    assert ingest(folder, data) == 0
    return folder, snapshot(data)


def test_a_crash_after_the_commit_then_the_previous_content_again_gives_its_rows(clean_run, tmp_path, monkeypatch):
    folder_a, clean = clean_run
    folder, data = tmp_path / "in", tmp_path / "data"
    write_articles(folder, 12, seed=1)
    assert ingest(folder, data) == 0
    write_articles(folder, 12, seed=2)  # the same files with other content (B)
    with monkeypatch.context() as patch:
        patch.setattr(pending_index.PendingIndex, "commit", lambda *args: (_ for _ in ()).throw(RuntimeError("killed")))
        with pytest.raises(RuntimeError):
            ingest(folder, data)
    write_articles(folder, 12, seed=1)  # back to A
    assert ingest(folder, data) == 0
    assert snapshot(data) == clean


def test_kill_9_of_ingest_at_many_instants_then_a_rerun_of_the_previous_content(clean_run, tmp_path):
    folder_a, clean = clean_run
    folder, data = tmp_path / "in", tmp_path / "data"
    write_articles(folder, 12, seed=1)
    assert ingest(folder, data) == 0
    rng = random.Random(11)
    for _ in range(3):
        write_articles(folder, 12, seed=2)
        command = [sys.executable, "-m", "pipeline", "ingest", str(folder), "--data", str(data), "--workers", "1"]
        killed_at(command, rng.uniform(0.5, 4.0), folder)
        write_articles(folder, 12, seed=1)
        ingest(folder, data)
        assert snapshot(data) == clean
