"""robots.txt rules per host (protego), fetched once per crawl run.

As RFC 9309 says: a robots.txt that is missing (4xx) allows everything; one that cannot
be fetched (5xx, network fault) disallows everything for this run; a longer one is read up to
:data:`MAX_ROBOTS_BYTES` (the RFC asks for at least 500 KiB), its cut last line left out.
"""
from __future__ import annotations

import threading
from collections.abc import Callable
from urllib.parse import urlsplit

from protego import Protego

from scrapers.fetch import ROBOTS_TOKEN, Fetcher, FetchError
from scrapers.state import CrawlState, Validators

ALLOW_ALL = ""
DISALLOW_ALL = "User-agent: *\nDisallow: /\n"
#: How much of a robots.txt is read and obeyed.
MAX_ROBOTS_BYTES = 512 * 1024


def origin(url: str) -> str:
    """``scheme://host[:port]`` of a URL."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


class RobotsRules:
    """The robots.txt of every host met, fetched on first use and kept for the run.

    The last copy is kept in the state store, so later runs ask for it conditionally.
    Thread-safe: each host's robots.txt is fetched once, whichever thread asks first.
    """

    def __init__(self, fetcher: Fetcher, state: CrawlState, on_error: Callable[[str], None]) -> None:
        self.fetcher = fetcher
        self.state = state
        self.on_error = on_error
        self._rules: dict[str, Protego] = {}
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}

    def rules(self, url: str) -> Protego:
        """The parsed robots.txt of the host of ``url``."""
        host = origin(url)
        with self._lock:
            host_lock = self._host_locks.setdefault(host, threading.Lock())
        with host_lock:
            if host not in self._rules:
                self._rules[host] = Protego.parse(self._fetch(host))
        return self._rules[host]

    def allowed(self, url: str) -> bool:
        """robots.txt lets us fetch ``url``."""
        return self.rules(url).can_fetch(url, ROBOTS_TOKEN)

    def crawl_delay(self, url: str) -> float | None:
        """The Crawl-delay the host asks of us, in seconds."""
        return self.rules(url).crawl_delay(ROBOTS_TOKEN)

    def sitemaps(self, url: str) -> list[str]:
        """The sitemaps the host's robots.txt lists."""
        return list(self.rules(url).sitemaps)

    def _fetch(self, host: str) -> str:
        """The text of ``host``/robots.txt, or the rules that stand in for it."""
        robots_url = f"{host}/robots.txt"
        kept = self.state.robots_copy(host)
        validators = kept[0] if kept else Validators(None, None, None)
        try:
            response = self.fetcher.get(robots_url, validators.etag, validators.last_modified,
                                        truncate_at=MAX_ROBOTS_BYTES)
            if response.not_modified and kept:
                return kept[1]
            text = response.text()
            if response.truncated:
                text = text[:text.rfind("\n") + 1]
            headers = response.headers
            self.state.save_robots(host, Validators(headers.get("ETag"), headers.get("Last-Modified"), None), text)
            return text
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return ALLOW_ALL
            self.on_error(f"unionnews: {exc.url}: {exc.reason}; not crawling {host} this run")
            return DISALLOW_ALL
