"""Crawling the three fixture sites: discovery, robots.txt, incremental re-crawls, WARC."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from crawl_fixtures import FORBIDDEN, LAYOUTS, SITES, RecordingStore, article_paths, quick_fetcher
from pipeline.sample_site import SampleSite
from pipeline.crawling import page_store
from scrapers.crawl_report import format_report
from scrapers.crawler import crawl_sites
from scrapers.reading import read_html
from scrapers.sites import Site, generic_site
from scrapers.warc import iter_warc_pages


def crawl(site: Site, data: Path, store: RecordingStore, errors: list[str] | None = None, **options):
    errors = [] if errors is None else errors
    reports = crawl_sites([site], data, delay=0, fetcher=quick_fetcher(), store_pages=page_store(store), on_error=errors.append, **options)
    return reports[site.name]


@pytest.mark.parametrize("layout", LAYOUTS)
def test_start_url_alone_finds_every_article_and_obeys_robots(layout, tmp_path):
    store, errors = RecordingStore(), []
    with SampleSite(SITES / layout) as server:
        report = crawl(generic_site(server.base_url + "/"), tmp_path, store, errors)
    assert article_paths(layout) <= store.paths()
    assert not any(path.startswith(FORBIDDEN[layout]) for _, path, _ in server.requests)
    assert report.disallowed >= 1 and errors == [] and report.failed == 0
    fetched = [path for _, path, status in server.requests if status == 200 and path != "/robots.txt"]
    assert len(fetched) == len(set(fetched)) == report.fetched
    assert report.new_records == len(store.records)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_second_run_of_an_unchanged_site_downloads_no_body_and_extracts_nothing(layout, tmp_path):
    store = RecordingStore()
    with SampleSite(SITES / layout) as server:
        first = crawl(generic_site(server.base_url + "/"), tmp_path, store)
        calls, seen = store.calls, len(server.requests)
        second = crawl(generic_site(server.base_url + "/"), tmp_path, store)
        again = server.requests[seen:]
    assert [request for request in again if request[2] == 200] == []
    assert {path for _, path, status in again if status == 304} >= article_paths(layout)
    assert second.fetched == 0 and second.not_modified == first.fetched
    assert second.new_records == second.updated_records == 0
    assert store.calls == calls


def test_legacy_charset_post_is_read_right(tmp_path):
    store = RecordingStore()
    with SampleSite(SITES / "blog") as server:
        crawl(generic_site(server.base_url + "/"), tmp_path, store)
    [record] = [r for r in store.records.values() if "cum-thi-dua-so-3" in r["url"]]
    assert "Liên đoàn Lao động tỉnh Nghệ An" in record["text"] and "\ufffd" not in record["text"]


def test_configured_site_extracts_only_what_its_article_pattern_allows(tmp_path):
    store = RecordingStore()
    with SampleSite(SITES / "portal") as server:
        site = Site(name="portal", start_urls=(server.base_url + "/tin-tuc/trang-1.html",),
                    article_pattern=r"/tin-tuc/(?!trang-)[a-z0-9-]+\.html$", follow_pattern=r"/tin-tuc/trang-\d+\.html$")
        report = crawl(site, tmp_path, store)
        requested = {path for _, path, _ in server.requests}
    assert store.paths() == article_paths("portal")
    assert "/gioi-thieu.html" not in requested          # not an article, not a listing: not followed
    assert "/sitemaps/tin-tuc.xml" in requested          # found through robots.txt
    assert report.new_records == len(article_paths("portal"))


def test_changed_article_is_updated_not_duplicated(tmp_path):
    site_dir = tmp_path / "site"
    shutil.copytree(SITES / "portal", site_dir)
    store = RecordingStore()
    with SampleSite(site_dir) as server:
        site = generic_site(server.base_url + "/")
        crawl(site, tmp_path / "data", store)
        count = len(store.records)
        page = site_dir / "tin-tuc" / "cum-thi-dua-so-4-so-ket-6-thang.html"
        page.write_text(page.read_text(encoding="utf-8").replace("42 hội nghị", "45 hội nghị"), encoding="utf-8")
        report = crawl(site, tmp_path / "data", store)
    assert len(store.records) == count
    assert report.fetched == 1 and report.updated_records == 1 and report.new_records == 0
    [record] = [r for r in store.records.values() if r["url"].endswith("cum-thi-dua-so-4-so-ket-6-thang.html")]
    assert "45 hội nghị" in record["text"]


def test_every_fetched_page_is_in_the_warc_and_reads_back_the_same(tmp_path):
    store = RecordingStore()
    with SampleSite(SITES / "newspaper") as server:
        crawl(generic_site(server.base_url + "/"), tmp_path, store)
    html_paths = {path for _, path, status in server.requests if status == 200 and path.endswith(("/", ".html"))}
    pages = [page for warc in sorted((tmp_path / "crawl" / "warc").glob("*.warc.gz")) for page in iter_warc_pages(warc)]
    assert sorted("/" + page.url.split("/", 3)[3] for page in pages) == sorted(html_paths)
    for page in pages:
        assert page.headers["Content-Type"].startswith("text/html")
        if page.url in store.records:
            assert read_html(page.body, source=page.url, url=page.url).title == store.records[page.url]["title"]


def test_page_cap_leaves_the_rest_for_the_next_run(tmp_path):
    store = RecordingStore()
    with SampleSite(SITES / "portal") as server:
        site = generic_site(server.base_url + "/")
        first = crawl(site, tmp_path, store, max_pages=3)
        assert first.fetched == 3
        for _ in range(5):
            crawl(site, tmp_path, store, max_pages=3)
    assert article_paths("portal") <= store.paths()


def test_report_has_one_row_per_site():
    from scrapers.crawl_report import SiteReport

    text = format_report({"a": SiteReport(fetched=12, failed=1), "b.vn": SiteReport(new_records=3)})
    header, *rows = text.splitlines()
    assert header.split()[:3] == ["site", "discovered", "fetched"]
    assert rows[0].split()[:4] == ["a", "0", "12", "0"] and rows[1].split()[0] == "b.vn" and len(rows) == 2


def test_benchmark_crawls_the_whole_generated_site():
    from pipeline.benchmarks.crawl import PER_LISTING, benchmark_crawl

    result = benchmark_crawl(PER_LISTING + 5, [1, 2])
    for workers in (1, 2):
        assert result[f"workers_{workers}_records"] == PER_LISTING + 5 and result[f"workers_{workers}_failed"] == 0
        # articles, two listing pages, home page, sitemap
        assert result[f"workers_{workers}_fetched"] == PER_LISTING + 5 + 2 + 2
        assert result[f"workers_{workers}_pages_per_second"] > 0
    assert result["server_pages_per_second"] > 0 and result["speedup"] > 0


def test_requests_to_one_host_are_spaced_by_the_delay_and_other_hosts_are_not_held():
    import time
    from concurrent.futures import ThreadPoolExecutor

    from scrapers.crawler import HostPacer

    pacer, starts = HostPacer(), []

    def turn(host: str) -> None:
        pacer.wait_turn(host, 0.1)
        starts.append((host, time.monotonic()))

    with ThreadPoolExecutor(4) as pool:
        list(pool.map(turn, ["a", "a", "a", "a", "b"]))
    a_times = sorted(t for host, t in starts if host == "a")
    assert all(later - earlier >= 0.09 for earlier, later in zip(a_times, a_times[1:]))
    assert next(t for host, t in starts if host == "b") < a_times[-1]
