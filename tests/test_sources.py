"""One way in: files, folders, WARC archives and crawled pages read through ``pipeline.sources``,
with one error vocabulary; whatever one input raises, the others are still read."""
from __future__ import annotations

import json
import os
from io import BytesIO
from pathlib import Path

from table_reads import duckdb_sql
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from extract_helpers import article_text, run_cli
from pipeline import sources
from pipeline.benchmarks.synthetic import article_texts
from pipeline.cli import main
from scrapers.warc import MAX_RECORD_BYTES, WarcArchive
from test_ingest import page

URL = "https://congdoan.example.vn/tin/cum-thi-dua-{}.html"


def write_warc(path: Path, count: int) -> list[str]:
    """A crawl archive of ``count`` synthetic article pages and one listing page; returns the article URLs."""
    urls = [URL.format(i) for i in range(count)]
    with WarcArchive(path) as archive:
        for url, text in zip(urls, article_texts(count, seed=11)):
            archive.write_response(url, 200, "OK", {"Content-Type": "text/html; charset=utf-8"}, page(text))
        archive.write_response("https://congdoan.example.vn/", 200, "OK", {"Content-Type": "text/html"},
                               b"<html><body><p>Trang chu</p></body></html>")
    return urls


def test_extract_reads_a_warc_file_as_ingest_stores_it(tmp_path: Path) -> None:
    warc, data = tmp_path / "crawl.warc.gz", tmp_path / "data"
    urls = write_warc(warc, 3)
    done = run_cli("extract", "--format", "jsonl", "--no-text", warc)
    assert done.returncode == 0, done.stderr
    printed = [json.loads(line) for line in done.stdout.splitlines()]
    assert [record["url"] for record in printed] == urls
    assert main(["ingest", str(warc), "--data", str(data)]) == 0
    stored = duckdb_sql(data, "SELECT url, title, meeting_date::VARCHAR, cluster_number FROM records ORDER BY url")
    assert stored == sorted((r["url"], r["title"], r["meeting"]["date"], r["cluster"]["number"]) for r in printed)


def test_a_warc_record_without_target_uri_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    warc = tmp_path / "mixed.warc.gz"
    urls = write_warc(warc, 2)
    with open(warc, "ab") as out:
        writer = WARCWriter(out, gzip=True)
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], protocol="HTTP/1.1")
        body = page(article_text("Một."))
        record = writer.create_warc_record("https://x.vn/", "response", payload=BytesIO(body), length=len(body),
                                           http_headers=headers)
        del record.rec_headers.headers[[k for k, _ in record.rec_headers.headers].index("WARC-Target-URI")]
        writer.write_record(record)
    errors: list[str] = []
    read = [item.article.url for item in sources.articles([warc], errors.append)]
    assert read == urls
    assert len(errors) == 1 and str(warc) in errors[0] and "record at byte" in errors[0]
    assert "WARC-Target-URI" in errors[0]


def test_an_input_that_raises_anything_is_one_line_and_the_others_go_on(tmp_path: Path, monkeypatch) -> None:
    good, bad = tmp_path / "a.txt", tmp_path / "b.txt"
    for path in (good, bad):
        path.write_text(article_text("Sáng 3/4, Cụm thi đua số 2 họp giao ban."), encoding="utf-8")
    real_read = sources.read_file

    def flaky(path: Path):
        if path.name == "b.txt":
            raise AttributeError("'str' object has no attribute 'get'")
        return real_read(path)

    monkeypatch.setattr(sources, "read_file", flaky)
    errors: list[str] = []
    assert [item.origin.path.name for item in sources.articles([bad, good], errors.append)] == ["a.txt"]
    assert errors == [f"unionnews: {bad}: cannot be read (AttributeError: 'str' object has no attribute 'get')"]


def test_a_named_pipe_is_refused_without_reading_it(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    errors: list[str] = []
    assert list(sources.articles([fifo], errors.append)) == []
    assert errors == [f"unionnews: {fifo}: not a regular file"]


def test_an_unreadable_subfolder_is_reported(tmp_path: Path, monkeypatch) -> None:
    (tmp_path / "a.txt").write_text(article_text("Sáng 3/4, Cụm thi đua số 2 họp."), encoding="utf-8")
    real_walk = os.walk

    def walk(top, onerror=None):
        onerror(PermissionError(13, "Permission denied", str(tmp_path / "locked")))
        yield from real_walk(top, onerror=onerror)

    monkeypatch.setattr(sources.os, "walk", walk)
    errors: list[str] = []
    assert len(list(sources.articles([tmp_path], errors.append))) == 1
    assert errors == [f"unionnews: {tmp_path / 'locked'}: folder cannot be read (permission denied)"]


def test_an_empty_warc_file_is_reported(tmp_path: Path) -> None:
    empty = tmp_path / "empty.warc.gz"
    empty.write_bytes(b"")
    errors: list[str] = []
    assert list(sources.articles([empty], errors.append)) == []
    assert len(errors) == 1 and str(empty) in errors[0] and "not a WARC file" in errors[0]


def test_an_empty_folder_is_reported(tmp_path: Path) -> None:
    errors: list[str] = []
    assert list(sources.articles([tmp_path], errors.append)) == []
    assert errors == [f"unionnews: {tmp_path}: no article files (.txt, .html, .htm, .warc, .warc.gz) in this folder"]


def test_an_oversized_warc_record_is_skipped_unread_and_the_next_one_read(tmp_path: Path) -> None:
    warc = tmp_path / "bomb.warc.gz"
    with WarcArchive(warc) as archive:
        archive.write_response("https://x.vn/bom.html", 200, "OK", {"Content-Type": "text/html"},
                               b"<p>" + b"0" * (MAX_RECORD_BYTES + 1024) + b"</p>")
    urls = write_warc(tmp_path / "good.warc.gz", 1)
    with open(warc, "ab") as out:
        out.write((tmp_path / "good.warc.gz").read_bytes())
    errors: list[str] = []
    assert [item.article.url for item in sources.articles([warc], errors.append)] == urls
    assert len(errors) == 1 and "https://x.vn/bom.html" in errors[0] and "larger than" in errors[0]
