"""The state store and the WARC archive: what a crash or a second run relies on."""
from __future__ import annotations

import gzip
import random
import sqlite3

import pytest

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


def test_a_page_that_fails_run_after_run_is_backed_off_and_a_success_resets_it(tmp_path):
    state = CrawlState(tmp_path / "s.sqlite")
    state.add_urls("s", ["http://h/hong", "http://h/tot"], state.begin_run())
    tried = []
    for _ in range(12):
        run = state.begin_run()
        pending = state.pending("s", run)
        tried.append("http://h/hong" in pending)
        assert ("http://h/hong" in state.backed_off("s", run)) != tried[-1]
        for url in pending:
            state.page_done("s", url, run, Fetched("failed", 500, error="HTTP 500") if url.endswith("hong") else Fetched("listing", 200))
        state.finish_run(run)
    # three failures, then a gap of 2 runs, then 4, then 8
    assert [i + 1 for i, t in enumerate(tried) if t] == [1, 2, 3, 5, 9]
    assert state.failures("http://h/hong") == 5 and state.failures("http://h/tot") == 0
    run = state.begin_run()
    state.page_done("s", "http://h/hong", run, Fetched("listing", 200))
    assert state.failures("http://h/hong") == 0 and "http://h/hong" in state.pending("s", state.begin_run() + 1)


def test_a_page_the_store_had_when_the_process_died_counts_as_a_failure(tmp_path):
    path = tmp_path / "s.sqlite"
    state = CrawlState(path)
    run = state.begin_run()
    state.storing("s", "http://h/doc", run)
    state.storing("s", "http://h/xong", run)
    state.page_done("s", "http://h/xong", run, Fetched("article", 200))
    state.close()  # as after a kill: the store never answered for http://h/doc
    for death in range(1, 4):
        reopened = CrawlState(path)
        assert reopened.begin_run() == run and reopened.failures("http://h/doc") == death
        assert reopened.failures("http://h/xong") == 0
        left_out = "http://h/doc" not in reopened.pending("s", run)
        assert left_out == (death == 3)  # the third death leaves it out of the rest of the run
        reopened.storing("s", "http://h/doc", run)
        reopened.close()


def test_the_chain_of_a_url_is_the_one_it_was_first_met_with(tmp_path):
    state = CrawlState(tmp_path / "s.sqlite")
    run = state.begin_run()
    state.page_done("s", "http://h/trang/1", run, Fetched("listing", 200), ["http://h/trang/2"], {"http://h/trang/2": 7})
    state.page_done("s", "http://h/", run, Fetched("listing", 200), ["http://h/trang/2"], {"http://h/trang/2": 0})
    assert state.chain("http://h/trang/2") == 7 and state.chain("http://h/unknown") == 0


def test_a_state_file_of_the_first_schema_gets_the_new_columns(tmp_path):
    path = tmp_path / "s.sqlite"
    with sqlite3.connect(path) as db:
        db.executescript(
            "CREATE TABLE runs (id INTEGER PRIMARY KEY, started_at TEXT NOT NULL, finished_at TEXT);"
            "CREATE TABLE pages (url TEXT PRIMARY KEY, site TEXT NOT NULL, first_seen_run INTEGER NOT NULL,"
            " fetched_run INTEGER, fetched_at TEXT, outcome TEXT, http_status INTEGER, etag TEXT,"
            " last_modified TEXT, content_hash TEXT, error TEXT);"
            "INSERT INTO runs (started_at, finished_at) VALUES ('2026-01-01', '2026-01-01');"
            "INSERT INTO pages (url, site, first_seen_run, fetched_run) VALUES ('http://h/a', 's', 1, 1);")
    state = CrawlState(path)
    run = state.begin_run()
    assert run == 2 and state.pending("s", run) == ["http://h/a"] and state.chain("http://h/a") == 0
    state.page_done("s", "http://h/a", run, Fetched("failed", 500))
    assert state.failures("http://h/a") == 1


def test_a_page_and_its_links_are_committed_together_or_not_at_all(tmp_path):
    state = CrawlState(tmp_path / "s.sqlite")
    run = state.begin_run()

    def links():  # fails half-way through the links, after the page's own update
        yield "http://h/b"
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        state.page_done("s", "http://h/a", run, Fetched("listing", 200), links())
    assert state.pending("s", run) == [] and state.fetched_in("s", run) == set()
