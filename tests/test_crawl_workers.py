"""The crawl's reading and extraction in worker processes: the same rows as in one process, a page that fails
in a worker failing alone, and the page store's thread leaving the fetch loop free."""
from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import pandas
import pytest

from pipeline import load
from pipeline.crawling import ExtractionPool, crawl, page_store, read_page
from pipeline.names import TABLE_NAMES
from pipeline.normalizer import MAX_TEXT_CHARS
from pipeline.sample_site import serve_folder
from scrapers.sites import generic_site
from scrapers.store_queue import ArticlePage, StoredPages, StoreQueue

ROOT = Path(__file__).resolve().parents[1]
SITE = ROOT / "corpus" / "site"
ARTICLES = sorted(SITE.glob("*/*/*.html"))


def tables(data: Path) -> dict[str, pandas.DataFrame]:
    """Every table of ``data``, rows in a stable order."""
    found = {}
    for name in TABLE_NAMES:
        frame = load(name, data)
        keys = [c for c in ("article_id", "position") if c in frame.columns]
        found[name] = frame.sort_values(keys).reset_index(drop=True)
    return found


@pytest.fixture(scope="module")
def site_with_a_bad_page(tmp_path_factory) -> Path:
    """The sample site plus one article page whose text is over the extractors' limit, linked from the home page."""
    folder = tmp_path_factory.mktemp("site") / "site"
    shutil.copytree(SITE, folder)
    body = "<p>" + "Công đoàn cơ sở tổ chức hội nghị tổng kết năm. " * (MAX_TEXT_CHARS // 40) + "</p>"
    page = f"<html lang='vi'><head><title>Bài quá dài</title></head><body><article><h1>Bài quá dài</h1>{body}"
    (folder / "toan-quoc" / "thi-dua" / "bai-qua-dai.html").write_text(page + "</article></body></html>",
                                                                      encoding="utf-8")
    index = folder / "index.html"
    index.write_text(index.read_text(encoding="utf-8").replace(
        "</body>", '<a href="/toan-quoc/thi-dua/bai-qua-dai.html">Bài quá dài</a></body>'), encoding="utf-8")
    return folder


def test_two_workers_store_the_rows_of_one_process(site_with_a_bad_page, tmp_path) -> None:
    runs = {}
    with serve_folder(site_with_a_bad_page) as base_url:
        for workers in (1, 2):
            errors: list[str] = []
            reports = crawl([generic_site(base_url + "/")], tmp_path / str(workers), workers=workers, delay=0.0,
                            on_error=errors.append)
            runs[workers] = next(iter(reports.values())), [e for e in errors if "bai-qua-dai" in e]
    (one, one_errors), (two, two_errors) = runs[1], runs[2]
    assert one.new_records == two.new_records > 0 and one.failed == two.failed == 1
    assert len(two_errors) == 1 and "too long" in two_errors[0] and two_errors == one_errors
    first, second = tables(tmp_path / "1"), tables(tmp_path / "2")
    for name in TABLE_NAMES:
        assert len(first[name]) > 0
        pandas.testing.assert_frame_equal(first[name], second[name], check_like=True)


def test_a_pool_reads_pages_as_this_process_does() -> None:
    pages = [ArticlePage(f"http://127.0.0.1/{path.relative_to(SITE)}", path.read_text(encoding="utf-8"))
             for path in [*ARTICLES[:5], SITE / "tin-tuc" / "trang-2.html"]]
    pool = ExtractionPool(2)
    try:
        assert pool.read(pages) == [read_page(page) for page in pages]
    finally:
        pool.close()


def test_the_store_runs_beside_the_caller_and_hands_batches_back_in_order() -> None:
    release = threading.Event()

    def slow_store(pages: list[ArticlePage]) -> StoredPages:
        release.wait(5)
        return StoredPages(listings={page.url for page in pages})

    queue = StoreQueue(slow_store)
    try:
        started = time.monotonic()
        assert queue.submit([ArticlePage("a", "")], "first") == []
        assert queue.submit([ArticlePage("b", "")], "second") == []
        assert time.monotonic() - started < 1 and queue.finished() == []  # nothing waited for the store
        release.set()
        assert [(tag, stored.listings) for tag, stored in queue.drain()] == [("first", {"a"}), ("second", {"b"})]
    finally:
        queue.close()


def test_a_store_that_raises_fails_its_batch_only() -> None:
    def broken_save(records: list[dict]) -> dict[str, int]:
        raise OSError("disk full")

    queue = StoreQueue(page_store(broken_save))
    try:
        page = ArticlePage("http://127.0.0.1/a.html", ARTICLES[0].read_text(encoding="utf-8"))
        queue.submit([page], "batch")
        [(tag, stored)] = queue.drain()
        assert tag == "batch" and "disk full" in stored.failures[page.url]
    finally:
        queue.close()
