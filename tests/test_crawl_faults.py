"""A crawl through every fault goes on, reports each failed URL once, and loses nothing on kill -9."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from crawl_fixtures import SITES, RecordingStore, article_paths, quick_fetcher
from fault_server import ARTICLE_PATHS, ARTICLES, FAILING, FORBIDDEN, FaultServer
from pipeline.cli import main
from pipeline.sample_site import SampleSite
from pipeline.crawling import page_store
from scrapers.crawler import crawl_sites
from scrapers.sites import generic_site
from scrapers.warc import iter_warc_pages

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def faulty_crawl(tmp_path_factory):
    store, errors = RecordingStore(), []
    with FaultServer(slow_seconds=1.5) as server:
        site = generic_site(server.base_url + "/")
        report = crawl_sites([site], tmp_path_factory.mktemp("data"), delay=0, fetcher=quick_fetcher(),
                             store_pages=page_store(store), on_error=errors.append)[site.name]
    return server, store, errors, report


def test_every_fault_is_reported_once_with_its_url(faulty_crawl):
    server, _, errors, report = faulty_crawl
    assert report.failed == len(errors) >= len(FAILING)  # the rest: 404s of links in the borrowed pages
    for path in FAILING:
        assert sum(error.startswith(f"unionnews: {server.base_url}{path}: ") for error in errors) == 1


def test_crawl_goes_on_and_keeps_the_good_pages(faulty_crawl):
    _, store, _, report = faulty_crawl
    assert set(ARTICLE_PATHS) <= store.paths()
    assert report.new_records >= len(ARTICLE_PATHS)


def test_robots_txt_is_obeyed_under_faults(faulty_crawl):
    server, _, _, report = faulty_crawl
    assert FORBIDDEN not in server.hits and report.disallowed == 1


def test_legacy_charset_articles_are_extracted_readably(faulty_crawl):
    _, store, _, _ = faulty_crawl
    for path, number in [("/cp1258-wrong-header", 3), ("/cp1258-no-header", 0)]:
        [record] = [r for r in store.records.values() if r["url"].endswith(path)]
        source = ARTICLES[number].read_text(encoding="utf-8")
        title = source.split("<h1")[1].split(">", 1)[1].split("<")[0]
        assert record["title"] == title and "\ufffd" not in record["text"]


def test_no_url_is_fetched_again_within_a_run(faulty_crawl):
    server, _, _, _ = faulty_crawl
    retried = {"/busy": 2, "/limited": 2, "/error": 3, "/loop": 11, "/loop-again": 11}  # retries and redirect hops
    assert all(count <= retried.get(path, 1) for path, count in server.hits.items())


def committed_pages(state: Path) -> dict[str, str]:
    """URL → ETag of the pages a crawl has committed so far (read-only, while it runs)."""
    if not state.exists():
        return {}
    try:
        with sqlite3.connect(f"file:{state}?mode=ro", uri=True) as db:
            return dict(db.execute("SELECT url, etag FROM pages WHERE etag IS NOT NULL"))
    except sqlite3.OperationalError:
        return {}


def test_kill_9_loses_nothing_and_the_next_run_resumes(tmp_path):
    data = tmp_path / "data"
    state = data / "crawl" / "state.sqlite"
    with SampleSite(SITES / "portal") as server:
        command = [sys.executable, "-m", "pipeline", "crawl", "--start-url", server.base_url + "/",
                   "--data", str(data), "--delay", "0.4"]
        crawl = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while len(committed_pages(state)) < 3 and crawl.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        os.kill(crawl.pid, signal.SIGKILL)
        crawl.wait()
        before_kill = committed_pages(state)
        first_run = len(server.requests)
        resumed = subprocess.run([*command[:-1], "0"], cwd=REPO, capture_output=True, text=True, timeout=300)
        second_run = server.requests[first_run:]
    assert crawl.returncode == -signal.SIGKILL and len(before_kill) >= 3
    assert resumed.returncode == 0, resumed.stderr
    committed_paths = {url.split("/", 3)[3] for url in before_kill}
    downloaded_again = {path.lstrip("/") for _, path, status in second_run if status == 200}
    assert not committed_paths & downloaded_again
    after = committed_pages(state)
    assert {f"{server.base_url}{path}" for path in article_paths("portal")} <= set(after)
    warcs = sorted((data / "crawl" / "warc").glob("*.warc.gz"))
    archived = {page.url for warc in warcs for page in iter_warc_pages(warc)}
    assert {url for url in after if not url.endswith(".xml")} <= archived  # the WARC reader gives HTML pages only


def test_cli_rejects_an_unknown_site(capsys):
    assert main(["crawl", "--site", "no-such-site"]) == 2
    assert "no-such-site" in capsys.readouterr().err


def test_cli_exit_code_2_when_nothing_could_be_fetched(tmp_path, capsys):
    with FaultServer() as server:
        code = main(["crawl", "--start-url", server.base_url + "/nowhere", "--data", str(tmp_path), "--delay", "0"])
    out, err = capsys.readouterr()
    assert code == 2 and f"{server.base_url}/nowhere: HTTP 404" in err and "failed" in out


def test_cli_exit_code_1_when_some_pages_failed(tmp_path, capsys):
    site = tmp_path / "site"
    shutil.copytree(SITES / "portal", site)
    index = site / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace("</h2>", '</h2><a href="/mat-trang.html">?</a>'), encoding="utf-8")
    with SampleSite(site) as server:
        code = main(["crawl", "--start-url", server.base_url + "/", "--data", str(tmp_path / "data"), "--delay", "0"])
    out, err = capsys.readouterr()
    assert code == 1 and err.strip() == f"unionnews: {server.base_url}/mat-trang.html: HTTP 404 Not Found"
    assert out.splitlines()[0].split()[:2] == ["site", "discovered"]
