"""``unionnews ingest``: files, folders and WARC archives into the tables; bad inputs reported and skipped."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path


from pipeline.normalizer import extract_record as extract
from pipeline.cli import main
from pipeline.tables import article_id
from pipeline.benchmarks.ingest import benchmark_ingest
from pipeline.benchmarks.synthetic import article_texts, write_articles
from scrapers.reading import read_file
from scrapers.warc import WarcArchive
from data_sources import CORPUS, ROOT
from processes import children, gone
from table_reads import duckdb_sql, plain_counts
from test_tables import CHILD_FIELDS


def table_counts(data: Path) -> dict[str, int]:
    """Rows per table, read with pyarrow alone."""
    return plain_counts(data)


def extracted_counts(files: list[Path]) -> dict[str, int]:
    """Rows per table that extract gives for ``files``."""
    records = [extract(read_file(file)) for file in files]
    return {"articles": len(records), **{table: sum(len(r[field]) for r in records)
                                         for table, field in CHILD_FIELDS.items()}}


def test_articles_twice_with_bad_files_in_the_folder(tmp_path, capsys):
    folder, data = tmp_path / "in", tmp_path / "data"
    shutil.copytree(CORPUS / "articles", folder)
    articles = sorted(folder.glob("*.txt"))
    (folder / "binary.txt").write_bytes(b"\x00\x01\xff\xfe" * 64)
    (folder / "empty.txt").write_bytes(b"")

    assert main(["ingest", str(folder), "--data", str(data)]) == 1
    out, err = capsys.readouterr()
    assert "binary.txt" in err and "empty.txt" in err and len(err.strip().splitlines()) == 2
    assert f"{len(articles)} new" in out
    first = table_counts(data)
    assert first == extracted_counts(articles)

    assert main(["ingest", str(folder), "--data", str(data)]) == 1
    assert f"{len(articles)} unchanged" in capsys.readouterr().out
    assert table_counts(data) == first


def test_nothing_readable_is_a_usage_error(tmp_path, capsys):
    (tmp_path / "empty.txt").write_bytes(b"")
    assert main(["ingest", str(tmp_path / "empty.txt"), str(tmp_path / "missing.txt"),
                 "--data", str(tmp_path / "data")]) == 2
    err = capsys.readouterr().err
    assert "empty.txt" in err and "missing.txt" in err


def page(text: str) -> bytes:
    """An HTML page holding ``text``: headline, then one paragraph per block."""
    title, *paragraphs = text.split("\n\n")
    body = "".join(f"<p>{p}</p>" for p in paragraphs)
    return (f"<html><head><meta charset='utf-8'><title>{title}</title></head>"
            f"<body><article><h1>{title}</h1>{body}</article></body></html>").encode()


def test_warc_pages_are_ingested_under_their_url(tmp_path, capsys):
    folder, data = tmp_path / "crawl", tmp_path / "data"
    url = "https://congdoan.example.vn/tin/cum-thi-dua-1.html"
    with WarcArchive(folder / "run.warc.gz") as archive:
        archive.write_response(url, 200, "OK", {"Content-Type": "text/html; charset=utf-8"},
                               page(next(article_texts(1, seed=3))))
        archive.write_response("https://congdoan.example.vn/", 200, "OK", {"Content-Type": "text/html"},
                               "<html><body><p>Trang chủ</p></body></html>".encode())
    assert main(["ingest", str(folder), "--data", str(data)]) == 0
    assert "1 new" in capsys.readouterr().out
    rows = duckdb_sql(data, "SELECT article_id, source, url FROM records")
    assert rows == [(article_id({"url": url}), url, url)]


def test_synthetic_articles_are_reproducible_and_varied(tmp_path):
    write_articles(tmp_path / "a", 40, seed=7)
    write_articles(tmp_path / "b", 40, seed=7)
    files = sorted((tmp_path / "a").iterdir())
    assert len(files) == 40
    assert all(f.read_bytes() == (tmp_path / "b" / f.name).read_bytes() for f in files)
    texts = list(article_texts(40, seed=7))
    assert len(set(texts)) == 40
    assert len({t.split("Liên đoàn Lao động ")[1].split(" đã")[0] for t in texts}) > 10  # provinces
    assert len({t[len("date "):][:4] for t in texts}) > 4  # years


def test_benchmark_ingest_measures_a_child_run_of_the_whole_ingest_per_worker_count():
    result = benchmark_ingest(12, [1, 2])
    assert result["articles"] == 12 and result["speedup_w1"] == 1.0
    for count in (1, 2):
        assert result[f"exit_code_w{count}"] == 0 and result[f"articles_per_second_w{count}"] > 0
        assert result[f"driver_peak_mib_w{count}"] > 0 and result[f"worker_peak_mib_w{count}"] > 0
        assert result[f"reingest_seconds_w{count}"] > 0 and result[f"reingest_ratio_w{count}"] > 0
        assert 0 < result[f"serial_fraction_w{count}"] < 1
    assert result["speedup_w2"] > 0


def test_a_killed_ingest_leaves_no_worker_process_behind(tmp_path):
    write_articles(tmp_path / "in", 300, seed=3)
    command = [sys.executable, "-m", "pipeline", "ingest", str(tmp_path / "in"), "--data", str(tmp_path / "data"),
               "--workers", "2"]
    driver = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    started = children(driver.pid, 3, seconds=60)  # the two workers and multiprocessing's resource tracker
    driver.kill()
    driver.wait(timeout=30)
    assert len(started) == 3 and all(gone(pid) for pid in started)
