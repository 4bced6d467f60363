"""``unionnews ingest --workers N``: the same rows whatever the number of workers; unchanged inputs not
extracted again; an interrupted job resumed from its staged parts."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from data_sources import CORPUS
from pipeline import ingest_job, records, store
from pipeline.benchmarks.synthetic import article_texts, write_articles
from pipeline.cli import main
from store_checks import snapshot
from scrapers.warc import WarcArchive
from test_ingest import page


def inputs(folder: Path) -> Path:
    """Synthetic articles, the corpus's, a WARC file of three pages and a bad file: 90 articles in all."""
    write_articles(folder / "synthetic", 73, seed=9)
    shutil.copytree(CORPUS / "articles", folder / "corpus")
    with WarcArchive(folder / "crawl.warc.gz") as archive:
        for i, text in enumerate(article_texts(3, seed=10)):
            archive.write_response(f"https://congdoan.example.vn/tin/{i}.html", 200, "OK",
                                   {"Content-Type": "text/html; charset=utf-8"}, page(text))
    (folder / "binary.txt").write_bytes(b"\x00\xff" * 100)
    return folder


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return inputs(tmp_path_factory.mktemp("inputs"))


def ingest(folder: Path, data: Path, workers: int) -> int:
    return main(["ingest", str(folder), "--data", str(data), "--workers", str(workers)])


@pytest.fixture(scope="module")
def one_worker(folder, tmp_path_factory) -> dict:
    """The snapshot of a one-process ingest of the inputs."""
    data = tmp_path_factory.mktemp("one")
    assert ingest(folder, data, 1) == 1  # the bad file
    return snapshot(data)


def test_two_workers_write_exactly_the_rows_of_one(folder, one_worker, tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(ingest_job, "FILES_PER_TASK", 8)  # many tasks, spread over both workers
    assert ingest(folder, tmp_path, 2) == 1
    out, err = capsys.readouterr()
    assert "90 new" in out and "binary.txt" in err and len(err.strip().splitlines()) == 1
    assert snapshot(tmp_path) == one_worker


def test_unchanged_inputs_are_not_extracted_again(folder, one_worker, tmp_path, monkeypatch, capsys):
    assert ingest(folder, tmp_path, 1) == 1
    capsys.readouterr()
    with monkeypatch.context() as patch:
        patch.setattr(records, "record_of", lambda article: pytest.fail(f"{article.source} extracted again"))
        assert ingest(folder, tmp_path, 1) == 1
    out, err = capsys.readouterr()
    assert "0 new, 0 updated, 90 unchanged" in out and "binary.txt" in err
    edited = folder / "synthetic" / "000003.txt"
    original = edited.read_text(encoding="utf-8")
    try:
        edited.write_text(original.replace("hội nghị", "hội nghị trực tuyến", 1), encoding="utf-8")
        assert ingest(folder, tmp_path, 1) == 1
        assert "0 new, 1 updated, 89 unchanged" in capsys.readouterr().out
    finally:
        edited.write_text(original, encoding="utf-8")
    assert ingest(folder, tmp_path, 1) == 1
    assert snapshot(tmp_path) == one_worker


def test_a_new_extractor_version_extracts_everything_again(folder, tmp_path, monkeypatch, capsys):
    assert ingest(folder / "corpus", tmp_path, 1) == 0
    monkeypatch.setattr(ingest_job, "extractor_version", lambda: "another version")
    extracted = []
    real = records.record_of
    monkeypatch.setattr(records, "record_of", lambda article: (extracted.append(article.source), real(article))[1])
    assert ingest(folder / "corpus", tmp_path, 1) == 0
    assert "14 unchanged" in capsys.readouterr().out and len(extracted) == 14


def test_an_interrupted_job_resumes_from_the_parts_it_staged(folder, one_worker, tmp_path, monkeypatch):
    monkeypatch.setattr(ingest_job, "FILES_PER_TASK", 8)
    with monkeypatch.context() as patch:
        patch.setattr(store, "merge", lambda *args: (_ for _ in ()).throw(KeyboardInterrupt()))
        assert ingest(folder, tmp_path, 2) == 130
    assert not (tmp_path / "records").exists() and len(list((tmp_path / ".staging").glob("*.parquet"))) > 5
    monkeypatch.setattr(records, "record_of", lambda article: pytest.fail(f"{article.source} extracted again"))
    assert ingest(folder, tmp_path, 1) == 1  # in this process, where extraction would fail the test
    assert snapshot(tmp_path) == one_worker and not (tmp_path / ".staging").exists()
