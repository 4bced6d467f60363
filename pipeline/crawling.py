"""The crawl as a job: the crawler fetches, this module reads, extracts and stores what it fetched.

:func:`page_store` is the page store the crawler hands its article pages to (see
:class:`scrapers.store_queue.StoredPages`); :func:`crawl` runs a crawl into a data folder's tables and
archive. Reading and extracting pages is the crawl's CPU work: with more than one worker it runs in
that many processes (:class:`ExtractionPool`), while the crawler's thread goes on fetching and the
store's thread saves the records.
"""
from __future__ import annotations

import multiprocessing
import os
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager
from functools import partial
from pathlib import Path
from typing import Any

from pipeline.parent_watch import exit_with_parent
from pipeline.records import ExtractionFailed, record_of
from pipeline.sources import crawled_article, describe
from scrapers.article import NotAnArticle
from scrapers.crawler import SiteReport, crawl_sites
from scrapers.sites import Site
from scrapers.store_queue import ArticlePage, StorePages, StoredPages

#: Saves records and counts them as ``new``, ``updated`` and ``unchanged`` (see :func:`pipeline.store.save_records`).
SaveRecords = Callable[[list[dict[str, Any]]], dict[str, int]]
#: What reading one page gave: ``("record", record)``, ``("listing", None)`` or ``("failed", reason)``.
PageOutcome = tuple[str, Any]


def read_page(page: ArticlePage) -> PageOutcome:
    """Read one crawled page and extract its article; whatever it raises is its own failure."""
    try:
        return "record", record_of(crawled_article(page).article)
    except NotAnArticle:
        return "listing", None
    except ExtractionFailed as exc:
        return "failed", str(exc)
    except Exception as exc:  # a hostile page fails alone
        return "failed", describe(exc)


def _start_worker(parent: int) -> None:
    """Make a new worker process end with the crawl (``parent``), and load its extraction engine."""
    from extractors.nlp import get_nlp

    exit_with_parent(parent)
    get_nlp()


class ExtractionPool:
    """Worker processes that read and extract pages (fresh interpreters: the crawl's threads are not forked).

    A page that takes its worker process down fails alone: the pool is started again and the other pages of
    its batch are read one by one, so only the page that kills a worker again is blamed.
    """

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool = self._start()

    def _start(self) -> ProcessPoolExecutor:
        """A new pool whose processes start loading the extractors now, while the crawl fetches its first pages."""
        pool = ProcessPoolExecutor(self.workers, mp_context=multiprocessing.get_context("spawn"),
                                   initializer=_start_worker, initargs=(os.getpid(),))
        for _ in range(self.workers):
            pool.submit(int)
        return pool

    def read(self, pages: list[ArticlePage]) -> list[PageOutcome]:
        """The outcome of every page, in order."""
        try:
            return list(self._pool.map(read_page, pages))
        except BrokenProcessPool:
            self._restart()
        outcomes = []
        for page in pages:
            try:
                outcomes.append(self._pool.submit(read_page, page).result())
            except BrokenProcessPool:
                outcomes.append(("failed", "the page took its extraction process down"))
                self._restart()
        return outcomes

    def _restart(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        self._pool = self._start()

    def close(self) -> None:
        """Stop the worker processes."""
        self._pool.shutdown(wait=True, cancel_futures=True)


def page_store(save: SaveRecords, pool: ExtractionPool | None = None) -> StorePages:
    """A page store that reads each page, extracts its article (in ``pool``'s processes, else in this one) and
    saves the batch's records with ``save``. Called for two batches at once, it reads one in the pool while it
    saves the other; saves (and reading in this process) take turns."""
    turn = threading.Lock()

    def store(pages: list[ArticlePage]) -> StoredPages:
        outcomes = pool.read(pages) if pool else None
        with turn:
            stored, records = StoredPages(), []
            for page, (kind, value) in zip(pages, outcomes or map(read_page, pages)):
                if kind == "record":
                    records.append(value)
                elif kind == "listing":
                    stored.listings.add(page.url)
                else:
                    stored.failures[page.url] = value
            counts = save(records) if records else {}
            stored.new, stored.updated = counts.get("new", 0), counts.get("updated", 0)
            return stored

    return store


@contextmanager
def extraction_pool(workers: int | None) -> Iterator[ExtractionPool | None]:
    """Worker processes for ``workers`` > 1 (None: one per core), else None (pages are read in this process)."""
    count = (os.cpu_count() or 1) if workers is None else workers
    if count <= 1:
        yield None
        return
    pool = ExtractionPool(count)
    try:
        yield pool
    finally:
        pool.close()


def crawl(sites: list[Site], data_dir: Path, workers: int | None = None, **options: Any) -> dict[str, SiteReport]:
    """Crawl ``sites`` into the tables and archive of ``data_dir``, reading and extracting pages in ``workers``
    processes (None: one per core; 1: in this process); options as :func:`scrapers.crawler.crawl_sites`."""
    from pipeline.store import save_records

    with extraction_pool(workers) as pool:
        store = page_store(partial(save_records, Path(data_dir)), pool)
        return crawl_sites(sites, Path(data_dir), store, **options)
