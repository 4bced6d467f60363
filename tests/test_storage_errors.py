"""Storage failures of ``unionnews ingest``: a full disk, a read-only folder, a damaged archive or table.
Each is one line on stderr, exit code 2, no traceback, and what was stored before is all still there."""
from __future__ import annotations

import errno
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest

from data_sources import CORPUS
from pipeline import staging
from pipeline.benchmarks.synthetic import write_articles
from pipeline.archive.index import close_index
from pipeline.cli import main
from store_checks import snapshot, table_rows


@pytest.fixture
def small_disk(tmp_path) -> Iterator[Path | None]:
    """A 3 MiB tmpfs folder (when this process may mount one; else None)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=3m", "tmpfs", str(folder)], capture_output=True).returncode:
        yield None
        return
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=True)


def ingest(folder: Path, data: Path) -> int:
    return main(["ingest", str(folder), "--data", str(data), "--workers", "1"])


def one_line(err: str, *words: str) -> None:
    lines = err.strip().splitlines()
    assert len(lines) == 1 and "Traceback" not in err and all(word in lines[0] for word in words), err


def test_a_full_disk_is_one_line_and_keeps_what_was_stored(small_disk, tmp_path, monkeypatch, capsys):
    data = (small_disk or tmp_path) / "data"
    assert ingest(CORPUS / "articles", data) == 0
    before = snapshot(data)
    capsys.readouterr()
    many = tmp_path / "many"
    write_articles(many, 600 if small_disk else 5, seed=5)
    if small_disk is None:  # no tmpfs here: the disk fills up as the first part is written
        monkeypatch.setattr(staging.pq, "write_table", lambda *a, **k: (_ for _ in ()).throw(
            OSError(errno.ENOSPC, "No space left on device")))
    assert ingest(many, data) == 2
    one_line(capsys.readouterr().err, str(data), "no space left")
    monkeypatch.undo()
    assert snapshot(data) == before


def test_a_read_only_folder_is_one_line(small_disk, tmp_path, monkeypatch, capsys):
    data = (small_disk or tmp_path) / "data"
    assert ingest(CORPUS / "articles", data) == 0
    before = snapshot(data)
    capsys.readouterr()
    if small_disk is not None:
        subprocess.run(["mount", "-o", "remount,ro", str(small_disk)], check=True)
    else:
        monkeypatch.setattr(staging.pq, "write_table", lambda *a, **k: (_ for _ in ()).throw(
            OSError(errno.EROFS, "Read-only file system")))
    new = tmp_path / "new"
    write_articles(new, 3, seed=6)
    assert ingest(new, data) == 2
    one_line(capsys.readouterr().err, str(data), "read-only")
    assert table_rows(data) == before["rows"]
    if small_disk is None:
        (data / "archive").chmod(0o555)  # what a read-only disk is to a process that is not root
    close_index(data)
    assert main(["search", "--data", str(data), "--format", "json", "cụm thi đua"]) == 0  # still searchable
    found = capsys.readouterr()
    assert found.err == "" and found.out.count("\n") >= 3


def test_a_damaged_archive_is_one_line(tmp_path, capsys):
    data = tmp_path / "data"
    assert ingest(CORPUS / "articles", data) == 0
    (data / "archive" / "meta.json").write_text("{ not json")
    close_index(data)
    capsys.readouterr()
    assert ingest(CORPUS / "articles", data) == 2
    one_line(capsys.readouterr().err, "archive", "delete it and ingest again")


def test_a_damaged_table_log_is_one_line(tmp_path, capsys):
    data = tmp_path / "data"
    assert ingest(CORPUS / "articles", data) == 0
    next((data / "records" / "_delta_log").glob("*.json")).write_text("{ not json")
    capsys.readouterr()
    assert ingest(CORPUS / "articles", data) == 2
    one_line(capsys.readouterr().err, str(data), "table")
