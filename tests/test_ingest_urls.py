"""``unionnews ingest URL``: inputs named by fsspec URLs (a ``file://`` folder read by two workers, a
``memory://`` folder with a WARC file in it) give the rows of the same files ingested from local paths."""
from __future__ import annotations

from pathlib import Path

import fsspec
import pytest

from pipeline.benchmarks.synthetic import article_texts, write_articles
from pipeline.cli import main
from scrapers.warc import WarcArchive
from store_checks import one_process_snapshot, snapshot
from test_ingest import page


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    """Twenty synthetic article files and a WARC file of two pages."""
    folder = tmp_path_factory.mktemp("inputs")
    write_articles(folder / "articles", 20, seed=21)
    with WarcArchive(folder / "crawl.warc.gz") as archive:
        for i, text in enumerate(article_texts(2, seed=22)):
            archive.write_response(f"https://congdoan.example.vn/bai/{i}.html", 200, "OK",
                                   {"Content-Type": "text/html; charset=utf-8"}, page(text))
    return folder


@pytest.fixture(scope="module")
def local(folder, tmp_path_factory) -> dict:
    return one_process_snapshot(folder, tmp_path_factory.mktemp("local"))


def test_a_file_url_folder_read_by_two_workers_gives_the_rows_of_its_local_path(folder, local, tmp_path, capsys):
    url = folder.as_uri()
    assert url.startswith("file://")
    assert main(["ingest", url, "--data", str(tmp_path), "--workers", "2"]) == 0
    assert "22 new" in capsys.readouterr().out
    assert snapshot(tmp_path) == local
    assert main(["ingest", url, "--data", str(tmp_path), "--workers", "2"]) == 0
    assert "0 new, 0 updated, 22 unchanged" in capsys.readouterr().out


def test_a_memory_url_folder_gives_the_rows_of_the_same_files_on_disk(folder, local, tmp_path, capsys):
    memory = fsspec.filesystem("memory")
    for file in sorted(folder.rglob("*")):
        if file.is_file():
            memory.pipe(f"/unionnews-test/{file.relative_to(folder).as_posix()}", file.read_bytes())
    try:
        assert main(["ingest", "memory://unionnews-test", "--data", str(tmp_path), "--workers", "1"]) == 0
        assert "22 new" in capsys.readouterr().out
        assert snapshot(tmp_path) == local
        memory.pipe("/unionnews-test/articles/000004.txt", b"\x00\xff" * 50)  # now a binary file
        assert main(["ingest", "memory://unionnews-test", "--data", str(tmp_path), "--workers", "1"]) == 1
        out, err = capsys.readouterr()
        assert "21 unchanged" in out
        bad = memory.unstrip_protocol("/unionnews-test/articles/000004.txt")
        assert err.strip() == f"unionnews: {bad}: binary file, not text"
    finally:
        memory.rm("/unionnews-test", recursive=True)


def test_a_url_that_names_nothing_is_one_error_line(tmp_path, capsys):
    assert main(["ingest", "memory://unionnews-missing/none.txt", "--data", str(tmp_path), "--workers", "1"]) == 2
    assert capsys.readouterr().err.strip().startswith("unionnews: memory://unionnews-missing/none.txt:")
