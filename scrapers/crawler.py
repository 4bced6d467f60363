"""The crawl loop: fetch the sites' pages politely, keep them in a WARC file, hand the pages that
may hold articles to the caller's page store, and remember everything in the state store.

Per page: fetch (conditional when we have validators; every redirect hop checked against
robots.txt and the site's scope before it is fetched) → WARC record, flushed → links queued
(crawler traps left out, see :mod:`scrapers.traps`) → if it may be an article and its body
changed: queued for the page store, which reads, extracts and saves a batch at a time on a thread
of its own while fetching goes on (:mod:`scrapers.store_queue`; the crawler knows nothing of
records). The state of a page is committed only once its WARC record
is on disk and the page store is done with it, so a crawl killed at any point loses nothing
already stored, and the next run resumes the unfinished one. Each site fetches at most its
page cap per run (``max_pages``); pages that fail run after run are backed off (see
:mod:`scrapers.state`); a page that failed before goes to the page store alone, so that a page
that kills the process is the only one blamed for it.
"""
from __future__ import annotations

import hashlib
import os
import sys
import threading
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import urlsplit

from tqdm import tqdm

from scrapers.crawl_report import SiteReport
from scrapers.discovery import canonical_url, find_links, host_of
from scrapers.fetch import Fetcher, FetchError, RedirectRefused, Response, first_line, is_html
from scrapers.robots import RobotsRules, origin
from scrapers.scope import SiteScope
from scrapers.sites import Site
from scrapers.state import CrawlState, Fetched, Validators
from scrapers.store_queue import ArticlePage, StorePages, StoredPages, StoreQueue
from scrapers.warc import WarcArchive

#: Fetches running at once, all sites together (each host also has its own limit).
WORKERS = 8
#: Records saved together (the Parquet store rewrites a partition per call).
SAVE_BATCH = 25
#: Longest a fetched article waits for its batch to be saved, in seconds.
SAVE_EVERY = 10.0


class HostPacer:
    """Spaces the requests to each host ``delay`` seconds apart (thread-safe)."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._next: dict[str, float] = {}

    def wait_turn(self, host: str, delay: float) -> None:
        """Block until the next request to ``host`` may start."""
        with self._lock:
            now = time.monotonic()
            slot = max(now, self._next.get(host, now))
            self._next[host] = slot + delay
        if slot > now:
            time.sleep(slot - now)


@dataclass
class SiteCrawl:
    """One site's frontier and counters during a run."""

    site: Site
    delay: float
    cap: int
    scope: SiteScope
    report: SiteReport = field(default_factory=SiteReport)
    queue: deque[str] = field(default_factory=deque)
    seen: set[str] = field(default_factory=set)
    probes: set[str] = field(default_factory=set)
    attempts: int = 0
    batch: list[tuple[ArticlePage, str, Fetched, list[str]]] = field(default_factory=list)
    batch_started: float = 0.0

    def enqueue(self, urls: Iterable[str]) -> None:
        """Queue the URLs not seen yet in this run."""
        for url in urls:
            if url not in self.seen:
                self.seen.add(url)
                self.queue.append(url)


def crawl_sites(sites: list[Site], data_dir: Path, store_pages: StorePages, *, delay: float | None = None,
                max_pages: int | None = None, fetcher: Fetcher | None = None,
                on_error: Callable[[str], None] | None = None, progress: bool = False) -> dict[str, SiteReport]:
    """Crawl ``sites`` (state and WARC in ``data_dir/crawl``), handing article pages to ``store_pages``;
    returns the report per site.

    ``delay`` overrides the sites' politeness delay (robots.txt Crawl-delay still wins);
    ``max_pages`` overrides the sites' caps on fetches per run (the rest waits for the next run);
    ``on_error`` gets one line per failed URL, refused redirect and note (default: stderr).
    """
    run = CrawlRun(Path(data_dir), fetcher or Fetcher(), store_pages, on_error or print_error, delay, max_pages,
                   progress)
    return run.crawl(sites)


def print_error(message: str) -> None:
    """Print a one-line error on stderr."""
    print(message, file=sys.stderr)


class CrawlRun:
    """One crawl run over some sites (use :func:`crawl_sites`)."""

    def __init__(self, data_dir: Path, fetcher: Fetcher, store_pages: StorePages, on_error: Callable[[str], None],
                 delay: float | None, max_pages: int | None, progress: bool) -> None:
        self.data_dir = data_dir
        self.fetcher = fetcher
        self.stores = StoreQueue(store_pages)
        self.delay = delay
        self.max_pages = max_pages
        self.bar = tqdm(unit="page", desc="crawl", disable=not progress, file=sys.stderr, dynamic_ncols=True)
        self.on_error = (lambda message: self.bar.write(message, file=sys.stderr)) if progress else on_error
        self.state = CrawlState(data_dir / "crawl" / "state.sqlite")
        self.run = self.state.begin_run()
        self.robots = RobotsRules(fetcher, self.state, self.on_error)
        self.pacer = HostPacer()
        self.in_flight: dict[Future, tuple[SiteCrawl, str]] = {}
        self.host_load: Counter[str] = Counter()

    def crawl(self, sites: list[Site]) -> dict[str, SiteReport]:
        """Crawl until every site's frontier is empty (or its page cap reached)."""
        stamp = datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ")
        warc_path = self.data_dir / "crawl" / "warc" / f"crawl-{self.run:05d}-{stamp}-{os.getpid()}.warc.gz"
        pool = ThreadPoolExecutor(WORKERS, thread_name_prefix="fetch")
        try:
            with WarcArchive(warc_path) as self.warc:
                crawls = [self.open_site(site) for site in sites]
                while self.schedule(crawls, pool) or self.stores.futures():
                    waiting = [*self.in_flight, *self.stores.futures()]
                    done, _ = wait(waiting, timeout=SAVE_EVERY, return_when=FIRST_COMPLETED)
                    for future in done:
                        if future in self.in_flight:
                            self.handle(*self.in_flight.pop(future), future)
                    self.take_back(self.stores.finished())
                    for crawl in crawls:
                        if crawl.batch and (len(crawl.batch) >= SAVE_BATCH or time.monotonic() - crawl.batch_started > SAVE_EVERY):
                            self.flush(crawl)
                for crawl in crawls:
                    self.flush(crawl)
                self.take_back(self.stores.drain())
            for crawl in crawls:
                self.close_site(crawl)
            self.state.finish_run(self.run)
            return {crawl.site.name: crawl.report for crawl in crawls}
        finally:
            pool.shutdown(wait=False, cancel_futures=True)
            self.stores.close()
            self.bar.close()
            self.state.close()

    def open_site(self, site: Site) -> SiteCrawl:
        """The frontier of ``site``: start URLs, robots.txt sitemaps, then every known URL not fetched in this
        run (but the backed-off ones)."""
        robots_delay = max((self.robots.crawl_delay(url) or 0.0 for url in site.start_urls), default=0.0)
        crawl = SiteCrawl(site, max(site.delay if self.delay is None else self.delay, robots_delay),
                          site.max_pages if self.max_pages is None else self.max_pages,
                          SiteScope(site, self.robots, self.state, self.on_error))
        sitemaps = [u for s in site.start_urls for u in map(canonical_url, self.robots.sitemaps(s)) if u and site.in_scope(u)]
        crawl.report.discovered += self.state.add_urls(site.name, [*site.start_urls, *sitemaps], self.run)
        backed_off = self.state.backed_off(site.name, self.run) - {*site.start_urls, *sitemaps}
        crawl.report.deferred = len(backed_off)
        crawl.seen = self.state.fetched_in(site.name, self.run) | backed_off  # links to them are not followed
        crawl.enqueue([*site.start_urls, *sitemaps])
        if not sitemaps:
            probe = origin(site.start_urls[0]) + "/sitemap.xml"
            if probe not in crawl.seen:
                crawl.probes.add(probe)
                crawl.enqueue([probe])
        crawl.enqueue(self.state.pending(site.name, self.run))
        return crawl

    def close_site(self, crawl: SiteCrawl) -> None:
        """Count what waits for a later run, with a note when the page cap stopped the site."""
        report = crawl.report
        report.trapped = len(crawl.scope.trapped)
        report.deferred += len(crawl.queue)
        if crawl.queue:
            self.on_error(f"unionnews: {crawl.site.name}: page cap reached ({crawl.cap} pages fetched in this run); "
                          f"{len(crawl.queue)} URLs wait for the next run")

    def schedule(self, crawls: list[SiteCrawl], pool: ThreadPoolExecutor) -> bool:
        """Start fetches within the host limits; False when nothing is left to do."""
        for crawl in crawls:
            while crawl.queue and crawl.attempts < crawl.cap:
                url = crawl.queue[0]
                if self.host_load[host_of(url)] >= crawl.site.concurrency or len(self.in_flight) >= 2 * WORKERS:
                    break
                crawl.queue.popleft()
                if not self.robots.allowed(url):
                    if url not in crawl.probes:
                        crawl.report.disallowed += 1
                        self.state.page_done(crawl.site.name, url, self.run, Fetched("disallowed"))
                    continue
                known = None if url in crawl.probes else self.state.validators(url)
                future = pool.submit(self.fetch, crawl.scope, url, crawl.delay, known)
                self.in_flight[future] = (crawl, url)
                self.host_load[host_of(url)] += 1
                crawl.attempts += 1
        self.bar.total = sum(c.attempts + len(c.queue) for c in crawls)
        self.bar.refresh()
        return bool(self.in_flight)

    def fetch(self, scope: SiteScope, url: str, delay: float, known: Validators | None) -> Response:
        """Fetch one URL in its host's turn, checking each redirect hop (runs in a worker thread)."""
        self.pacer.wait_turn(host_of(url), delay)
        known = known or Validators(None, None, None)
        return self.fetcher.get(url, known.etag, known.last_modified,
                                check_hop=lambda target: scope.check_hop(url, target))

    def handle(self, crawl: SiteCrawl, url: str, future: Future) -> None:
        """Store one finished fetch: WARC, links, extraction, state."""
        self.host_load[host_of(url)] -= 1
        self.bar.update(1)
        site, report = crawl.site, crawl.report
        try:
            response: Response = future.result()
        except Exception as exc:  # any fault fails this URL only
            self.fetch_failed(crawl, url, exc)
            return
        if response.not_modified:
            crawl.attempts -= 1  # a 304 costs no page of the --max-pages budget
            report.not_modified += 1
            self.state.page_done(site.name, url, self.run, Fetched("not_modified", 304))
            return
        report.fetched += 1
        self.warc.write_response(response.url, response.status, response.reason, response.headers, response.body)
        text = response.text()
        final_url = canonical_url(response.url) or url
        found = find_links(response.url, response.body, text, response.content_type)
        if found.note:
            self.on_error(f"unionnews: {response.url}: {found.note}")
        links = crawl.scope.links_to_follow(url, final_url, found, crawl.seen)
        crawl.seen.add(final_url)
        crawl.enqueue(links)
        validators = Validators(response.headers.get("ETag"), response.headers.get("Last-Modified"),
                                hashlib.sha256(response.body).hexdigest())
        previous = self.state.validators(url)
        if not self.may_be_article(site, final_url, response):
            self.commit(crawl, url, Fetched("listing", response.status, validators), links)
        elif previous is not None and previous.content_hash == validators.content_hash:
            report.unchanged += 1
            self.commit(crawl, url, Fetched("unchanged", response.status, validators), links)
        else:
            suspect = self.state.failures(url) > 0
            if suspect:
                self.flush(crawl, alone=True)
            self.state.storing(site.name, url, self.run, crawl.scope.chains)
            if not crawl.batch:
                crawl.batch_started = time.monotonic()
            page = ArticlePage(final_url, text, site.body_selector)
            crawl.batch.append((page, url, Fetched("article", response.status, validators), links))
            if suspect:
                self.flush(crawl, alone=True)

    def fetch_failed(self, crawl: SiteCrawl, url: str, exc: Exception) -> None:
        """Report and record a URL whose fetch failed or whose redirect was refused (a missing probe is no failure)."""
        status = exc.status if isinstance(exc, FetchError) else None
        if url in crawl.probes and status is not None and 400 <= status < 500:
            return
        reason = exc.reason if isinstance(exc, FetchError) else first_line(exc)
        self.on_error(f"unionnews: {url}: {reason}")
        if isinstance(exc, RedirectRefused):
            kind = exc.refusal.kind
            crawl.report.disallowed += kind == "disallowed"
            crawl.report.out_of_scope += kind == "out_of_scope"
            self.state.page_done(crawl.site.name, url, self.run, Fetched(kind, status, error=reason))
            return
        crawl.report.failed += 1
        self.state.page_done(crawl.site.name, url, self.run, Fetched("failed", status, error=reason))

    def flush(self, crawl: SiteCrawl, alone: bool = False) -> None:
        """Hand the site's waiting pages to the page store; their state is committed when it is done with them.
        ``alone``: wait until the store is done with them and every batch before them (a suspect page is stored
        with no other page in the store at the same time)."""
        if crawl.batch:
            batch, crawl.batch = crawl.batch, []
            self.take_back(self.stores.submit([page for page, *_ in batch], (crawl, batch)))
        if alone:
            self.take_back(self.stores.drain())

    def take_back(self, stored_batches: list[tuple[tuple[SiteCrawl, list], StoredPages]]) -> None:
        """Commit the state of the pages of batches the page store is done with."""
        for (crawl, batch), stored in stored_batches:
            crawl.report.new_records += stored.new
            crawl.report.updated_records += stored.updated
            for page, url, fetched, links in batch:
                if page.url in stored.failures:
                    self.fail(crawl, url, stored.failures[page.url], links)
                elif page.url in stored.listings:
                    self.commit(crawl, url, Fetched("listing", fetched.http_status, fetched.validators), links)
                else:
                    self.commit(crawl, url, fetched, links)

    def commit(self, crawl: SiteCrawl, url: str, fetched: Fetched, links: list[str]) -> None:
        """Commit a page's outcome and its links."""
        crawl.report.discovered += self.state.page_done(crawl.site.name, url, self.run, fetched, links, crawl.scope.chains)

    def fail(self, crawl: SiteCrawl, url: str, reason: str, links: list[str]) -> None:
        """Report a page that was fetched but could not be stored; its validators are not kept, so it is retried."""
        crawl.report.failed += 1
        self.on_error(f"unionnews: {url}: {reason}")
        self.commit(crawl, url, Fetched("failed", 200, error=reason), links)

    @staticmethod
    def may_be_article(site: Site, url: str, response: Response) -> bool:
        """The page should go to the page reader (which tells articles from listings): an HTML page
        the site's article pattern allows, or, without a pattern, any page but the home page."""
        if not is_html(response.content_type, response.body) or not site.is_article(url):
            return False
        return site.article_pattern is not None or urlsplit(url).path.strip("/") != ""
