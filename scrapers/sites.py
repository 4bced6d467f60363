"""What to crawl: the shipped sites config (``sites.toml``) and sites made up from a bare start URL."""
from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from scrapers.discovery import canonical_url, host_of

SITES_FILE = Path(__file__).with_name("sites.toml")
DEFAULT_DELAY = 1.0
DEFAULT_CONCURRENCY = 2
#: Pages fetched per site and run unless the site or ``--max-pages`` says otherwise (the rest waits
#: for the next run; a 304 answer costs nothing).
DEFAULT_MAX_PAGES = 1000


class SiteConfigError(ValueError):
    """The sites config is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Site:
    """One site to crawl: where to start, what counts as an article, what to follow, how politely.

    Without ``article_pattern`` every page may be an article (the page reader decides);
    without ``follow_pattern`` every same-site link is followed; ``body_selector`` is the CSS
    selector of the article text, for the page reader; ``other_hosts`` are hosts of the site
    besides those of the start URLs (a mobile or AMP copy, a sub-site); ``max_pages`` caps the
    fetches per run.
    """

    name: str
    start_urls: tuple[str, ...]
    other_hosts: tuple[str, ...] = ()
    article_pattern: str | None = None
    follow_pattern: str | None = None
    body_selector: str | None = None
    delay: float = DEFAULT_DELAY
    concurrency: int = DEFAULT_CONCURRENCY
    max_pages: int = DEFAULT_MAX_PAGES

    @property
    def hosts(self) -> frozenset[str]:
        """The hosts that belong to the site (those of its start URLs, and its other hosts)."""
        others = {host.lower().removeprefix("www.") for host in self.other_hosts}
        return frozenset(host_of(url) for url in self.start_urls) | others

    def in_scope(self, url: str) -> bool:
        """``url`` is on this site."""
        return host_of(url) in self.hosts

    def is_article(self, url: str) -> bool:
        """``url`` may hold an article, to be extracted."""
        return self.article_pattern is None or re.search(self.article_pattern, url) is not None

    def follows(self, url: str) -> bool:
        """``url`` is on this site and worth fetching."""
        if not self.in_scope(url):
            return False
        if self.follow_pattern is None or self.article_pattern is not None and self.is_article(url):
            return True
        return re.search(self.follow_pattern, url) is not None

    def follows_redirect(self, source: str, target: str) -> bool:
        """A redirect from ``source`` to ``target`` stays within the crawl: ``target`` is on this site, and
        followed by its rules unless ``source`` itself was fetched outside them (a start URL, a sitemap)."""
        return self.in_scope(target) and (self.follows(target) or not self.follows(source))


def generic_site(start_url: str) -> Site:
    """A site with no config: everything on the start URL's host is followed and may be an article."""
    url = canonical_url(start_url)
    if url is None:
        raise SiteConfigError(f"{start_url}: not an http(s) page URL")
    return Site(name=host_of(url), start_urls=(url,))


def load_sites(path: Path = SITES_FILE) -> list[Site]:
    """Every site of a sites config file."""
    try:
        entries = tomllib.loads(Path(path).read_text(encoding="utf-8")).get("site", [])
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise SiteConfigError(f"{path}: {exc}") from None
    return [site_from_entry(entry, path) for entry in entries]


def site_from_entry(entry: dict, path: Path) -> Site:
    """One ``[[site]]`` table as a :class:`Site`, checked."""
    name = entry.get("name")
    try:
        site = Site(
            name=str(name),
            start_urls=tuple(canonical_url(u) or u for u in entry["start_urls"]),
            other_hosts=tuple(str(h) for h in entry.get("other_hosts", [])),
            article_pattern=entry.get("article_pattern"),
            follow_pattern=entry.get("follow_pattern"),
            body_selector=entry.get("body_selector"),
            delay=float(entry.get("delay", DEFAULT_DELAY)),
            concurrency=int(entry.get("concurrency", DEFAULT_CONCURRENCY)),
            max_pages=int(entry.get("max_pages", DEFAULT_MAX_PAGES)),
        )
        for pattern in (site.article_pattern, site.follow_pattern):
            if pattern is not None:
                re.compile(pattern)
    except (KeyError, TypeError, ValueError, re.error) as exc:
        raise SiteConfigError(f"{path}: site {name!r}: {exc}") from None
    if not name or not site.start_urls or site.concurrency < 1 or site.max_pages < 1:
        raise SiteConfigError(f"{path}: site {name!r} needs a name, start_urls, and a concurrency and max_pages of 1 or more")
    return site
