"""The HTTP client of the crawler: one polite ``requests`` session with conditional GETs,
time and size limits, Retry-After backoff, and body decoding that copes with Vietnamese
pages in windows-1258 or with a wrong or missing charset.
"""
from __future__ import annotations

import email.utils
import importlib.metadata
import threading
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

import requests
from requests.structures import CaseInsensitiveDict

from scrapers.encoding import decode_body

try:
    VERSION = importlib.metadata.version("unionnews")
except importlib.metadata.PackageNotFoundError:  # running from a checkout that is not installed
    VERSION = "dev"

#: Product token that robots.txt rules are matched against.
ROBOTS_TOKEN = "unionnews"
#: Who we are, honestly: name, version and purpose.
USER_AGENT = f"{ROBOTS_TOKEN}/{VERSION} (research crawler of Vietnamese trade-union news; obeys robots.txt)"

#: Media types worth downloading besides text/* and any XML: gzipped sitemaps.
GZIP_TYPES = ("application/gzip", "application/x-gzip")
#: Statuses that mean "come back later": retried after Retry-After or a growing pause.
RETRY_STATUSES = {429, 500, 502, 503, 504}


class FetchError(Exception):
    """A URL could not be fetched; the message is one line and ``status`` the HTTP status, if any."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


@dataclass
class Response:
    """A fetched response: ``url`` is the final URL after redirects; ``body`` is empty for 304."""

    url: str
    status: int
    reason: str
    headers: CaseInsensitiveDict = field(default_factory=CaseInsensitiveDict)
    body: bytes = b""

    @property
    def not_modified(self) -> bool:
        """The server confirmed our copy is current (HTTP 304)."""
        return self.status == 304

    @property
    def content_type(self) -> str:
        """The media type, lower-case, without parameters ("" when the server sent none)."""
        return media_type(self.headers.get("Content-Type"))

    def text(self) -> str:
        """The body decoded to NFC text (see :func:`decode_body`)."""
        return decode_body(self.body, self.headers.get("Content-Type"))


class Fetcher:
    """GETs URLs with an honest User-Agent, limits, conditional requests and backoff.

    A 429 or 5xx answer holds back every request to that host (from any thread) for the
    time its Retry-After asks, or a doubling pause, before the request is retried.
    """

    def __init__(self, timeout: float = 15.0, max_bytes: int = 5_000_000, retries: int = 2,
                 backoff: float = 2.0, max_retry_wait: float = 120.0, max_redirects: int = 10) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.retries = retries
        self.backoff = backoff
        self.max_retry_wait = max_retry_wait
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.max_redirects = max_redirects
        self.session.trust_env = False
        self._lock = threading.Lock()
        self._not_before: dict[str, float] = {}

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None) -> Response:
        """Fetch ``url``; with ``etag``/``last_modified`` it is a conditional GET (304 → ``not_modified``).

        Raises :class:`FetchError` for network faults, HTTP errors (after retrying 429/5xx),
        oversized or non-page responses.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        for attempt in range(self.retries + 1):
            self._wait_for_host(url)
            response = self._get_once(url, headers)
            if response.status not in RETRY_STATUSES:
                break
            wait = retry_after(response.headers.get("Retry-After"))
            if wait is None:
                wait = self.backoff * 2**attempt
            if attempt == self.retries or wait > self.max_retry_wait:
                break
            self._hold_host(url, wait)
        if response.status >= 400:
            raise FetchError(url, f"HTTP {response.status} {response.reason}".strip(), response.status)
        return response

    def _hold_host(self, url: str, seconds: float) -> None:
        """Send nothing to the host of ``url`` for ``seconds`` (it asked us to back off)."""
        host = urlsplit(url).netloc
        with self._lock:
            self._not_before[host] = max(self._not_before.get(host, 0.0), time.monotonic() + seconds)

    def _wait_for_host(self, url: str) -> None:
        """Sleep while the host of ``url`` is backed off."""
        with self._lock:
            pause = self._not_before.get(urlsplit(url).netloc, 0.0) - time.monotonic()
        if pause > 0:
            time.sleep(pause)

    def _get_once(self, url: str, headers: dict[str, str]) -> Response:
        """One request, body read within the time and size limits."""
        started = time.monotonic()
        try:
            with self.session.get(url, headers=headers, stream=True, timeout=self.timeout) as raw:
                result = Response(raw.url, raw.status_code, raw.reason or "", CaseInsensitiveDict(raw.headers))
                if raw.status_code != 200:
                    return result
                kind = result.content_type
                if kind and not is_fetchable(kind):
                    raise FetchError(url, f"not a web page ({kind})", raw.status_code)
                declared = raw.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(url, f"response too large ({int(declared)} bytes)", raw.status_code)
                body = bytearray()
                for chunk in raw.iter_content(64 * 1024):
                    body += chunk
                    if len(body) > self.max_bytes:
                        raise FetchError(url, f"response larger than {self.max_bytes} bytes", raw.status_code)
                    if time.monotonic() - started > self.timeout:
                        raise FetchError(url, f"timed out after {self.timeout:g} s reading the body")
                result.body = bytes(body)
                return result
        except requests.TooManyRedirects:
            raise FetchError(url, "too many redirects (redirect loop?)") from None
        except requests.Timeout:
            raise FetchError(url, f"timed out after {self.timeout:g} s") from None
        except requests.ConnectionError as exc:
            raise FetchError(url, f"connection failed ({first_line(exc)})") from None
        except requests.RequestException as exc:
            raise FetchError(url, f"request failed ({first_line(exc)})") from None


def media_type(content_type: str | None) -> str:
    """The media type of a Content-Type header, lower-case, without parameters."""
    return (content_type or "").split(";")[0].strip().lower()


def is_fetchable(kind: str) -> bool:
    """A media type worth downloading: pages, sitemaps, feeds, robots.txt."""
    return kind.startswith("text/") or "xml" in kind or kind in GZIP_TYPES


def is_html(content_type: str, body: bytes) -> bool:
    """An HTML page, by its media type or, when the server sent none, by its first bytes."""
    kind = media_type(content_type)
    if kind:
        return kind in ("text/html", "application/xhtml+xml")
    return body.lstrip()[:200].lower().startswith((b"<!doctype html", b"<html"))


def retry_after(value: str | None) -> float | None:
    """Seconds to wait from a Retry-After header (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    return max(0.0, when.timestamp() - time.time())


def first_line(exc: BaseException) -> str:
    """The first line of an exception's message, or its type name."""
    text = str(exc).strip()
    return text.splitlines()[0][:200] if text else type(exc).__name__
