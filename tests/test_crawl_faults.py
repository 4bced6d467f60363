"""A crawl through every fault goes on, reports each failed URL once, and loses nothing on kill -9; redirects,
traps, caps, hostile sitemaps and robots.txt files, and pages that fail run after run."""
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

from processes import children, gone
from crawl_fixtures import SITES, RecordingStore, article_paths, patient_fetcher, quick_fetcher
from fault_server import (ARTICLE_PATHS, ARTICLES, FAILING, FORBIDDEN, HOSTILE_JSON_LD, HUGE_SITEMAP_URLS, ROBOTS,
                          FaultServer)
from pipeline.cli import main
from pipeline.sample_site import SampleSite
from pipeline.crawling import page_store
from scrapers import discovery
from scrapers.crawler import crawl_sites
from scrapers.fetch import Fetcher
from scrapers.sites import Site, generic_site, load_sites
from scrapers.traps import MAX_CHAIN, MAX_QUERY_PARAMS
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
                   "--data", str(data), "--workers", "2", "--delay", "0.4"]
        crawl = subprocess.Popen(command, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 120
        while len(committed_pages(state)) < 3 and crawl.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
        workers = children(crawl.pid, 2)
        os.kill(crawl.pid, signal.SIGKILL)
        crawl.wait()
        left_behind = [pid for pid in workers if not gone(pid)]
        before_kill = committed_pages(state)
        first_run = len(server.requests)
        resumed = subprocess.run([*command[:-1], "0"], cwd=REPO, capture_output=True, text=True, timeout=300)
        second_run = server.requests[first_run:]
    assert crawl.returncode == -signal.SIGKILL and len(before_kill) >= 3
    assert len(workers) >= 2 and not left_behind  # the extraction processes end with the crawl
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


def crawl_of(site, data: Path, errors: list[str], store: RecordingStore | None = None, **options):
    """One crawl run of ``site`` into ``data`` with no delay (and the patient fetcher, unless ``fetcher`` is given)."""
    options.setdefault("fetcher", patient_fetcher())
    return crawl_sites([site], data, page_store(store or RecordingStore()), delay=0, on_error=errors.append,
                       **options)[site.name]


def test_every_redirect_hop_obeys_robots_txt_and_the_site_scope(tmp_path):
    closed = "User-agent: *\nDisallow: /\n"
    store, errors = RecordingStore(), []
    with FaultServer() as home, FaultServer(robots_text=closed) as other_host, FaultServer() as elsewhere:
        home.redirects.update({
            "/chuyen/vao-cam": FORBIDDEN,                           # into a path robots.txt forbids
            "/chuyen/nha-dong-cua": other_host.base_url + "/good",  # to a host of the site that forbids everything
            "/chuyen/ra-ngoai": elsewhere.base_url + "/good",        # off the site
            "/chuyen/tot": "/moi",                                   # an ordinary move
        })
        site = Site(name="hai-may", start_urls=(home.base_url + "/chuyen/", other_host.base_url + "/"))
        first = crawl_of(site, tmp_path, errors, store)
        again = crawl_of(site, tmp_path, [], store)
    assert FORBIDDEN not in home.hits
    assert set(other_host.hits) == {"/robots.txt"} and elsewhere.hits == {}
    assert first.disallowed == 3 and first.out_of_scope == 1  # the other host's start URL, two hops; one hop
    refused = {error.split(": ", 2)[1]: error for error in errors}
    assert set(refused) == {f"{home.base_url}/chuyen/{p}" for p in ("vao-cam", "nha-dong-cua", "ra-ngoai")}
    assert "robots.txt disallows it" in refused[f"{home.base_url}/chuyen/nha-dong-cua"]
    assert "outside the site" in refused[f"{home.base_url}/chuyen/ra-ngoai"]
    assert f"{home.base_url}/moi" in store.records and f"{home.base_url}/chuyen/tot" not in store.records
    warc_urls = [page.url for warc in (tmp_path / "crawl" / "warc").glob("*.warc.gz") for page in iter_warc_pages(warc)]
    assert f"{home.base_url}/moi" in warc_urls and f"{home.base_url}/chuyen/tot" not in warc_urls
    assert again.not_modified == 1 and again.fetched == 1 and again.new_records == 0  # /moi revalidated; the index


@pytest.fixture(scope="module")
def trap_crawl(tmp_path_factory):
    errors: list[str] = []
    with FaultServer() as server:
        report = crawl_of(generic_site(server.base_url + "/bay/"), tmp_path_factory.mktemp("data"), errors)
    return server, report, errors


def test_a_crawl_of_endless_url_spaces_ends_by_itself(trap_crawl):
    server, report, _ = trap_crawl
    fetched = [path for path, _ in server.requests]
    assert sum(path.startswith("/bay/trang/") for path in fetched) == MAX_CHAIN + 1
    assert fetched.count("/bay/lich") == 2 * MAX_CHAIN + 1  # a day before and a day after, each way
    assert fetched.count("/bay/phien") == 1 and not any(";" in path or "%3B" in path for path in fetched)
    assert fetched.count("/bay/loc") == 1 and fetched.count("/bay/them") == MAX_QUERY_PARAMS
    assert [path for path in fetched if path.startswith("/bay/lap/")] == ["/bay/lap/", "/bay/lap/lap/"]
    assert report.failed == 0 and report.deferred == 0


def test_each_kind_of_trap_is_one_note_and_its_links_are_counted(trap_crawl):
    _, report, errors = trap_crawl
    assert all("(a crawler trap?)" in error for error in errors)
    kinds = ["pages in a row of one kind", "repeats a segment", "repeats a parameter",
             f"more than {MAX_QUERY_PARAMS} parameters", "too long"]
    assert len(errors) == len(kinds) and all(sum(kind in error for error in errors) == 1 for kind in kinds)
    assert report.trapped >= len(kinds)


def test_an_endless_site_stops_at_the_page_cap_of_its_config(tmp_path):
    config = tmp_path / "sites.toml"
    errors: list[str] = []
    with FaultServer() as server:
        config.write_text(f'[[site]]\nname = "vo-tan"\nstart_urls = ["{server.base_url}/vo-tan/"]\nmax_pages = 30\n')
        [site] = load_sites(config)
        report = crawl_of(site, tmp_path / "data", errors)
        capped = sum(path.startswith("/vo-tan/") for path, _ in server.requests)
        override = crawl_of(site, tmp_path / "data", [], max_pages=5)
    assert capped == 29 and report.fetched == 29  # and the /sitemap.xml probe
    assert errors == [f"unionnews: vo-tan: page cap reached (30 pages fetched in this run); "
                      f"{report.deferred} URLs wait for the next run"] and report.deferred > 0
    assert override.fetched + override.not_modified <= 5


def test_gzipped_sitemaps_from_robots_txt_and_from_an_index_are_read(tmp_path):
    robots = ROBOTS + "Sitemap: {origin}/sitemaps/index.xml\nSitemap: {origin}/sitemaps/tin.xml.gz\n"
    errors: list[str] = []
    with FaultServer(robots_text=robots) as server:
        crawl_of(generic_site(server.base_url + "/ban-do/0"), tmp_path, errors)
    assert {f"/ban-do/{n}" for n in range(1, 6)} <= set(server.hits) and errors == []
    assert server.hits["/sitemaps/tin.xml.gz"] == server.hits["/sitemaps/octet.xml.gz"] == 1


def test_a_100k_url_sitemap_over_5_mb_is_read_whole(tmp_path):
    errors: list[str] = []
    patient = Fetcher(timeout=10, max_bytes=1_000_000, backoff=0.01)  # 5.7 MB on a busy test machine
    with FaultServer(robots_text=ROBOTS + "Sitemap: {origin}/sitemaps/lon.xml\n") as server:
        report = crawl_of(generic_site(server.base_url + "/ban-do/0"), tmp_path, errors, max_pages=3, fetcher=patient)
    assert report.discovered >= HUGE_SITEMAP_URLS and report.failed == 0
    assert len(errors) == 1 and "page cap reached" in errors[0]


def test_a_sitemap_over_the_size_limit_is_reported_even_at_the_usual_place(tmp_path):
    errors: list[str] = []
    with FaultServer() as server:
        server.redirects["/sitemap.xml"] = "/sitemaps/lon.xml"
        fetcher = Fetcher(timeout=10, max_bytes=1_000_000, max_list_bytes=1_000_000, backoff=0.01)
        crawl_of(generic_site(server.base_url + "/doc/"), tmp_path, errors, fetcher=fetcher)
    [line] = [error for error in errors if "sitemap.xml" in error]
    assert line.startswith(f"unionnews: {server.base_url}/sitemap.xml: response too large")


def test_a_gzip_bomb_sitemap_gives_its_first_links_and_a_note(tmp_path, monkeypatch):
    monkeypatch.setattr(discovery, "MAX_UNZIPPED", 20_000)
    errors: list[str] = []
    with FaultServer(robots_text=ROBOTS + "Sitemap: {origin}/sitemaps/bom.xml.gz\n") as server:
        report = crawl_of(generic_site(server.base_url + "/ban-do/0"), tmp_path, errors, max_pages=3)
    assert errors[0] == f"unionnews: {server.base_url}/sitemaps/bom.xml.gz: more than 20,000 bytes unzipped: only the links in those first bytes read"
    assert 100 < report.discovered < 2000


def test_a_5_mb_robots_txt_is_obeyed_from_its_first_part(tmp_path):
    padding = "# Quy định cho các trình thu thập\n" * 150_000  # about 5 MB of comments
    errors: list[str] = []
    patient = Fetcher(timeout=10, max_bytes=1_000_000, backoff=0.01)  # half a megabyte on a busy test machine
    with FaultServer(robots_text=ROBOTS + padding) as server:
        report = crawl_of(generic_site(server.base_url + "/chuyen/"), tmp_path, errors, fetcher=patient)
        server.redirects["/chuyen/bi-mat"] = FORBIDDEN
        again = crawl_of(generic_site(server.base_url + "/chuyen/"), tmp_path, errors, fetcher=patient)
    assert report.fetched >= 1 and not any("not crawling" in error for error in errors)
    assert again.disallowed == 1 and FORBIDDEN not in server.hits


def test_a_page_that_fails_every_run_is_backed_off(tmp_path):
    tried = []
    with FaultServer() as server:
        for _ in range(9):
            before = server.hits.get("/error", 0)
            report = crawl_of(generic_site(server.base_url + "/doc/"), tmp_path, [])
            tried.append(server.hits.get("/error", 0) > before)
    assert [run + 1 for run, hit in enumerate(tried) if hit] == [1, 2, 3, 5, 9]
    assert report.deferred == 0 and report.failed == 1  # run 9: tried again, failed again


CRASHING_CRAWL = """
import os, sys
from pathlib import Path
sys.path.insert(0, sys.argv[3])
from crawl_fixtures import quick_fetcher
from scrapers.crawler import crawl_sites
from scrapers.store_queue import StoredPages
from scrapers.sites import generic_site

def store(pages):
    if any(page.url.endswith("/moi") for page in pages):
        os.kill(os.getpid(), 9)  # the page takes the whole process down, as a reader bug or the OOM killer would
    return StoredPages()

report = crawl_sites([generic_site(sys.argv[1])], Path(sys.argv[2]), store, delay=0, fetcher=quick_fetcher(),
                     on_error=lambda line: None)
print(report)
"""


def test_a_page_that_kills_the_crawl_is_left_out_after_three_deaths(tmp_path):
    command = [sys.executable, "-c", CRASHING_CRAWL, "", str(tmp_path / "data"), str(Path(__file__).parent)]
    with FaultServer() as server:
        command[3] = server.base_url + "/doc/"
        codes = [subprocess.run(command, cwd=REPO, capture_output=True, timeout=120).returncode for _ in range(4)]
    assert codes == [-signal.SIGKILL] * 3 + [0]
    assert server.hits["/moi"] == 3
    with sqlite3.connect(tmp_path / "data" / "crawl" / "state.sqlite") as db:
        pages = {url.rsplit("/", 1)[1] or "doc": (outcome, failures)
                 for url, outcome, failures in db.execute("SELECT url, outcome, failures FROM pages")}
    assert pages["moi"] == (None, 3)  # never stored, left out
    assert pages["doc"] == ("article", 0)  # the page that shared its first batch was stored alone, and cleared


def test_pages_with_hostile_json_ld_do_not_end_the_crawl(tmp_path):
    store, errors = RecordingStore(), []
    with FaultServer() as server:
        report = crawl_of(generic_site(server.base_url + "/doc-hai/"), tmp_path, errors, store)
    assert f"{server.base_url}/moi" in store.records
    hostile = {f"{server.base_url}{path}" for path in HOSTILE_JSON_LD}
    failed = {error.split(": ", 2)[1] for error in errors}
    assert hostile <= failed | set(store.records) and failed <= hostile  # each stored, or one line naming it
    assert all("\n" not in error for error in errors) and report.failed == len(failed)
    with sqlite3.connect(tmp_path / "crawl" / "state.sqlite") as db:
        assert db.execute("SELECT finished_at IS NOT NULL FROM runs").fetchall() == [(1,)]  # the run ended
