"""The state store and the WARC archive: what a crash or a second run relies on."""
from __future__ import annotations

import gzip
import random

from scrapers.state import CrawlState, Fetched, Validators
from scrapers.warc import WarcArchive, iter_warc_pages


def test_warc_round_trip_keeps_url_body_and_headers(tmp_path):
    path = tmp_path / "a.warc.gz"
    pages = [(f"http://127.0.0.1/bai-{i}.html", f"<p>Bài số {i}: hội nghị</p>".encode("utf-8") * 20) for i in range(3)]
    with WarcArchive(path) as warc:
        for url, body in pages:
            warc.write_response(url, 200, "OK", {"Content-Type": "text/html", "Content-Encoding": "gzip", "ETag": '"x"'}, body)
    read = list(iter_warc_pages(path))
    assert [(page.url, page.body) for page in read] == pages
    assert all(page.headers["Content-Type"] == "text/html" and "Content-Encoding" not in page.headers for page in read)
    with gzip.open(path, "rb") as raw:
        assert raw.read().count(b"WARC-Type: response") == 3


def test_torn_last_record_is_skipped(tmp_path):
    path = tmp_path / "a.warc.gz"
    noise = random.Random(0)
    with WarcArchive(path) as warc:
        for i in range(3):
            warc.write_response(f"http://127.0.0.1/{i}", 200, "OK", {"Content-Type": "text/html"}, noise.randbytes(5000))
    data = path.read_bytes()
    path.write_bytes(data[: len(data) - 2000])
    urls = [page.url for page in iter_warc_pages(path)]
    assert urls[:2] == ["http://127.0.0.1/0", "http://127.0.0.1/1"] and len(urls) == 2


def test_only_html_pages_are_read_back(tmp_path):
    path = tmp_path / "a.warc.gz"
    with WarcArchive(path) as warc:
        warc.write_response("http://127.0.0.1/sitemap.xml", 200, "OK", {"Content-Type": "application/xml"}, b"<urlset/>")
        warc.write_response("http://127.0.0.1/a", 200, "OK", {"Content-Type": "text/html; charset=utf-8"}, b"<p>a</p>")
        warc.write_response("http://127.0.0.1/b", 200, "OK", {}, b"<!DOCTYPE html><html>b</html>")
    assert [page.url for page in iter_warc_pages(path)] == ["http://127.0.0.1/a", "http://127.0.0.1/b"]


def test_second_archive_appends(tmp_path):
    path = tmp_path / "a.warc.gz"
    for i in range(2):
        with WarcArchive(path) as warc:
            warc.write_response(f"http://127.0.0.1/{i}", 200, "OK", {"Content-Type": "text/html"}, b"<html>x</html>")
    assert [page.url for page in iter_warc_pages(path)] == ["http://127.0.0.1/0", "http://127.0.0.1/1"]


def test_unfinished_run_is_resumed_and_finished_run_is_not(tmp_path):
    state = CrawlState(tmp_path / "s.sqlite")
    run = state.begin_run()
    assert state.begin_run() == run
    state.finish_run(run)
    assert state.begin_run() == run + 1


def test_pending_is_what_this_run_has_not_fetched(tmp_path):
    path = tmp_path / "s.sqlite"
    state = CrawlState(path)
    run = state.begin_run()
    assert state.add_urls("s", ["http://h/a", "http://h/b"], run) == 2
    new = state.page_done("s", "http://h/a", run, Fetched("listing", 200, Validators('"e"', None, "h1")), ["http://h/b", "http://h/c"])
    assert new == 1
    state.close()
    reopened = CrawlState(path)  # as after a kill: everything committed is there
    assert reopened.begin_run() == run
    assert reopened.pending("s", run) == ["http://h/b", "http://h/c"]
    assert reopened.fetched_in("s", run) == {"http://h/a"}
    reopened.finish_run(run)
    assert reopened.pending("s", reopened.begin_run()) == ["http://h/b", "http://h/c", "http://h/a"]


def test_validators_survive_a_not_modified_answer(tmp_path):
    state = CrawlState(tmp_path / "s.sqlite")
    run = state.begin_run()
    state.page_done("s", "http://h/a", run, Fetched("article", 200, Validators('"e1"', "Mon, 01 Jan 2024 00:00:00 GMT", "hash1")))
    state.page_done("s", "http://h/a", run, Fetched("not_modified", 304))
    assert state.validators("http://h/a") == Validators('"e1"', "Mon, 01 Jan 2024 00:00:00 GMT", "hash1")
    assert state.outcomes(run) == {"not_modified": 1}
    assert state.validators("http://h/unknown") is None


def test_robots_copy_is_kept(tmp_path):
    state = CrawlState(tmp_path / "s.sqlite")
    state.save_robots("http://h", Validators('"r"', None, None), "User-agent: *\nDisallow: /x/\n")
    assert state.robots_copy("http://h") == (Validators('"r"', None, None), "User-agent: *\nDisallow: /x/\n")
    assert state.robots_copy("http://other") is None
