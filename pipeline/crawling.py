"""The crawl as a job: the crawler fetches, this module reads, extracts and stores what it fetched.

:func:`page_store` is the page store the crawler hands its article pages to (see
:class:`scrapers.crawler.StoredPages`); :func:`crawl` runs a crawl into a data folder's tables and archive.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from pipeline.records import ExtractionFailed, record_of
from pipeline.sources import crawled_article, describe
from scrapers.article import NotAnArticle
from scrapers.crawler import ArticlePage, SiteReport, StorePages, StoredPages, crawl_sites
from scrapers.sites import Site

#: Saves records and counts them as ``new``, ``updated`` and ``unchanged`` (see :func:`pipeline.store.save_records`).
SaveRecords = Callable[[list[dict[str, Any]]], dict[str, int]]


def page_store(save: SaveRecords) -> StorePages:
    """A page store that reads each page, extracts its article and saves the batch's records with ``save``."""

    def store(pages: list[ArticlePage]) -> StoredPages:
        stored, records = StoredPages(), []
        for page in pages:
            try:
                records.append(record_of(crawled_article(page).article))
            except NotAnArticle:
                stored.listings.add(page.url)
            except ExtractionFailed as exc:
                stored.failures[page.url] = str(exc)
            except Exception as exc:  # a hostile page fails alone
                stored.failures[page.url] = describe(exc)
        counts = save(records) if records else {}
        stored.new, stored.updated = counts.get("new", 0), counts.get("updated", 0)
        return stored

    return store


def crawl(sites: list[Site], data_dir: Path, **options: Any) -> dict[str, SiteReport]:
    """Crawl ``sites`` into the tables and archive of ``data_dir`` (options as :func:`scrapers.crawler.crawl_sites`)."""
    from pipeline.store import save_records

    return crawl_sites(sites, Path(data_dir), page_store(partial(save_records, Path(data_dir))), **options)
