"""The HTTP client of the crawler: one polite ``requests`` session with conditional GETs,
redirects followed hop by hop, time and size limits enforced while reading, Retry-After
backoff, and body decoding that copes with Vietnamese pages in windows-1258 or with a wrong
or missing charset.
"""
from __future__ import annotations

import email.utils
import importlib.metadata
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import requests
from requests.structures import CaseInsensitiveDict
from requests.utils import requote_uri

from scrapers.deadline import DeadlineAdapter, deadline
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
#: Statuses whose Location is followed (by the fetcher itself, each hop checked before it is fetched).
REDIRECT_STATUSES = {301, 302, 303, 307, 308}


class FetchError(Exception):
    """A URL could not be fetched; the message is one line and ``status`` the HTTP status, if any."""

    def __init__(self, url: str, reason: str, status: int | None = None) -> None:
        super().__init__(f"{url}: {reason}")
        self.url = url
        self.reason = reason
        self.status = status


@dataclass(frozen=True)
class Refusal:
    """Why a redirect hop is not followed: ``kind`` is ``disallowed`` (robots.txt) or ``out_of_scope``."""

    kind: str
    why: str


class RedirectRefused(FetchError):
    """``url`` redirects to ``target``, which the caller's hop check refused (see :class:`Refusal`)."""

    def __init__(self, url: str, target: str, refusal: Refusal, status: int) -> None:
        super().__init__(url, f"redirect to {target} not followed ({refusal.why})", status)
        self.target = target
        self.refusal = refusal


#: Checks a redirect target before it is fetched: None to follow it, else why not.
CheckHop = Callable[[str], Refusal | None]


@dataclass
class Response:
    """A fetched response: ``url`` is the final URL after redirects; ``body`` is empty for 304 and
    redirects; ``truncated`` when the body was cut at the caller's ``truncate_at``."""

    url: str
    status: int
    reason: str
    headers: CaseInsensitiveDict = field(default_factory=CaseInsensitiveDict)
    body: bytes = b""
    truncated: bool = False

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

    def redirect_target(self) -> str | None:
        """The absolute URL a redirect points to (None when this is no redirect)."""
        location = self.headers.get("Location")
        if self.status not in REDIRECT_STATUSES or not location:
            return None
        location = location.encode("latin-1", errors="replace").decode("utf-8", errors="replace")  # as requests does
        return requote_uri(urljoin(self.url, location.strip()))


class Fetcher:
    """GETs URLs with an honest User-Agent, limits, conditional requests and backoff.

    Limits hold while reading: each HTTP exchange (connect, status line, headers, body) ends
    after ``timeout`` seconds of wall-clock time however slowly the bytes arrive, and a body
    stops at ``max_bytes`` (``max_list_bytes`` for sitemaps and feeds). Redirects are followed
    here, at most ``max_redirects`` hops, each hop checked by the caller's ``check_hop`` before it
    is fetched. A 429 or 5xx answer holds back every request to that host (from any thread) for
    the time its Retry-After asks, or a doubling pause, before the request is retried.
    """

    def __init__(self, timeout: float = 15.0, max_bytes: int = 5_000_000, retries: int = 2,
                 backoff: float = 2.0, max_retry_wait: float = 120.0, max_redirects: int = 10,
                 max_list_bytes: int = 50_000_000) -> None:
        self.timeout = timeout
        self.max_bytes = max_bytes
        self.max_list_bytes = max_list_bytes
        self.retries = retries
        self.backoff = backoff
        self.max_retry_wait = max_retry_wait
        self.max_redirects = max_redirects
        self.session = requests.Session()
        self.session.headers["User-Agent"] = USER_AGENT
        self.session.trust_env = False
        for scheme in ("http://", "https://"):
            self.session.mount(scheme, DeadlineAdapter())
        self._lock = threading.Lock()
        self._not_before: dict[str, float] = {}

    def get(self, url: str, etag: str | None = None, last_modified: str | None = None, *,
            check_hop: CheckHop | None = None, truncate_at: int | None = None) -> Response:
        """Fetch ``url``; with ``etag``/``last_modified`` it is a conditional GET (304 → ``not_modified``).

        The validators go with every hop of a redirect (they belong to the copy the chain led to
        last time). ``check_hop`` sees each redirect target before it is fetched; ``truncate_at``
        keeps the first bytes of a longer body (``truncated`` set) instead of refusing it.
        Raises :class:`FetchError` for network faults, HTTP errors (after retrying 429/5xx),
        oversized or non-page responses, and :class:`RedirectRefused` for a refused hop.
        """
        headers = {}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        target = url
        for _ in range(self.max_redirects + 1):
            try:
                response = self._get_retrying(target, headers, truncate_at)
            except FetchError as exc:
                raise FetchError(url, exc.reason + via(url, target), exc.status) from None
            hop = response.redirect_target()
            if hop is None:
                break
            if urlsplit(hop).scheme not in ("http", "https"):
                raise FetchError(url, f"redirect to {hop}, not a web address", response.status)
            refusal = check_hop(hop) if check_hop is not None else None
            if refusal is not None:
                raise RedirectRefused(url, hop, refusal, response.status)
            target = hop
        else:
            raise FetchError(url, f"too many redirects (more than {self.max_redirects}; a redirect loop?)")
        if response.status >= 400:
            raise FetchError(url, f"HTTP {response.status} {response.reason}".strip() + via(url, target), response.status)
        if response.status != 200 and not response.not_modified:
            raise FetchError(url, f"HTTP {response.status} {response.reason}".strip() + " with nothing to follow"
                             + via(url, target), response.status)
        return response

    def _get_retrying(self, url: str, headers: dict[str, str], truncate_at: int | None) -> Response:
        """One URL (no redirect followed), retried after 429/5xx as the server asks."""
        for attempt in range(self.retries + 1):
            self._wait_for_host(url)
            response = self._get_once(url, headers, truncate_at)
            if response.status not in RETRY_STATUSES:
                break
            wait = retry_after(response.headers.get("Retry-After"))
            if wait is None:
                wait = self.backoff * 2**attempt
            if attempt == self.retries or wait > self.max_retry_wait:
                break
            self._hold_host(url, wait)
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

    def _get_once(self, url: str, headers: dict[str, str], truncate_at: int | None) -> Response:
        """One HTTP exchange, within the wall-clock and size limits."""
        with deadline(self.timeout) as ends:
            try:
                with self.session.get(url, headers=headers, stream=True, timeout=self.timeout,
                                      allow_redirects=False) as raw:
                    result = Response(raw.url, raw.status_code, raw.reason or "", CaseInsensitiveDict(raw.headers))
                    if raw.status_code == 200:
                        self._read_body(raw, result, truncate_at)
                    return result
            except requests.RequestException as exc:
                if time.monotonic() >= ends:
                    raise FetchError(url, f"timed out after {self.timeout:g} s") from None
                if isinstance(exc, requests.Timeout):
                    raise FetchError(url, f"no answer within {self.timeout:g} s") from None
                if isinstance(exc, requests.ConnectionError):
                    raise FetchError(url, f"connection failed ({first_line(exc)})") from None
                raise FetchError(url, f"request failed ({first_line(exc)})") from None

    def _read_body(self, raw: requests.Response, result: Response, truncate_at: int | None) -> None:
        """Read a 200 response's body into ``result``, refusing non-pages and bodies over the limit."""
        kind = result.content_type
        if kind and not is_fetchable(kind, result.url):
            raise FetchError(result.url, f"not a web page ({kind})", raw.status_code)
        limit = truncate_at or (self.max_list_bytes if is_url_list(kind, result.url) else self.max_bytes)
        declared = raw.headers.get("Content-Length", "")
        if truncate_at is None and declared.isdigit() and int(declared) > limit:
            raise FetchError(result.url, f"response too large ({int(declared)} bytes, limit {limit})", raw.status_code)
        body = bytearray()
        for chunk in raw.iter_content(64 * 1024):
            body += chunk
            if len(body) > limit:
                if truncate_at is None:
                    raise FetchError(result.url, f"response larger than {limit} bytes", raw.status_code)
                del body[limit:]
                result.truncated = True
                break
        result.body = bytes(body)


def via(url: str, target: str) -> str:
    """`` (after a redirect to TARGET)`` when a fetch of ``url`` ended somewhere else, else ""."""
    return "" if target == url else f" (after a redirect to {target})"


def media_type(content_type: str | None) -> str:
    """The media type of a Content-Type header, lower-case, without parameters."""
    return (content_type or "").split(";")[0].strip().lower()


def is_fetchable(kind: str, url: str = "") -> bool:
    """A media type worth downloading: pages, sitemaps, feeds, robots.txt (and a ``.gz`` sitemap
    served as ``application/octet-stream``)."""
    return kind.startswith("text/") or "xml" in kind or kind in GZIP_TYPES or is_gzip_file(kind, url)


def is_url_list(kind: str, url: str) -> bool:
    """The body is a sitemap or feed (any XML but XHTML, or gzip), which may be larger than a page."""
    return "xml" in kind and "xhtml" not in kind or kind in GZIP_TYPES or is_gzip_file(kind, url)


def is_gzip_file(kind: str, url: str) -> bool:
    """A ``.gz`` file served under the generic binary media type."""
    return kind == "application/octet-stream" and urlsplit(url).path.lower().endswith(".gz")


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
