"""Crawler traps: URL spaces without end (endless pagination, calendars, session ids, query
strings that grow, paths that repeat themselves), told from a site's real pages.

Three defences, each cheap and each explained in one line when it stops something:

* session ids are taken out of URLs when they are made canonical (:func:`without_session_ids`),
  so the same page under a new session id is the same URL;
* the form of one URL (:func:`trap_reason`): as long as courlan deems no usable URL
  (:func:`courlan.filters.basic_filter`), a path that repeats a segment (relative links piling
  up: ``/tin/tin/tin/``) or has more segments than a news site uses, a query string that
  repeats a parameter or has more parameters than a listing needs (a query that grows page
  after page);
* chains (:func:`link_trap`): a link of the same kind as the page it was found on (the same URL
  with other numbers or other query values: the next page of a listing, the next day of a
  calendar) continues that page's chain; a chain longer than :data:`MAX_CHAIN` is not followed.
"""
from __future__ import annotations

import re
from collections import Counter
from urllib.parse import SplitResult, parse_qsl, urlencode, urlsplit, urlunsplit

from courlan.filters import basic_filter

#: Query parameters that carry a session id (lower-case), removed from canonical URLs.
SESSION_PARAMS = re.compile(r"^(?:sid|s?sessid|phpsessid|jsessionid|aspsessionid\w*|session_?id|cfid|cftoken|zenid|oscsid)$")
#: A quick test for URLs that may hold a session id.
SESSION_HINT = re.compile(r"sid|sess|cfid|cftoken|zenid", re.IGNORECASE)
#: Session ids carried as path parameters (``/tin.jsp;jsessionid=…``).
SESSION_PATH_PARAM = re.compile(r";(?:jsessionid|sessionid|sid)=[^/?#]*", re.IGNORECASE)
#: Most path segments a followed URL may have.
MAX_PATH_SEGMENTS = 12
#: Most times one path segment may occur in a followed URL.
MAX_SEGMENT_REPEATS = 2
#: Most query parameters a followed URL may have.
MAX_QUERY_PARAMS = 8
#: Longest chain of same-kind pages followed (listing pages, calendar days) from the first one met.
MAX_CHAIN = 100
#: Runs of digits, which tell the pages of one kind apart.
DIGITS = re.compile(r"\d+")


def without_session_ids(url: str) -> str:
    """``url`` without the session ids of its query string and path parameters."""
    if not SESSION_HINT.search(url):
        return url
    parts = urlsplit(url)
    path = SESSION_PATH_PARAM.sub("", parts.path)
    pairs = parse_qsl(parts.query, keep_blank_values=True)
    kept = [(key, value) for key, value in pairs if not SESSION_PARAMS.match(key.lower())]
    if path == parts.path and len(kept) == len(pairs):
        return url
    return urlunsplit((parts.scheme, parts.netloc, path, urlencode(kept), parts.fragment))


def trap_reason(url: str, parts: SplitResult | None = None) -> str | None:
    """Why the form of ``url`` (``parts``: its :func:`urlsplit`, if known) makes it a likely crawler trap, or None."""
    if not basic_filter(url):
        return "a URL too long to be a page's address"
    parts = parts or urlsplit(url)
    segments = [segment for segment in parts.path.split("/") if segment]
    if len(segments) > MAX_PATH_SEGMENTS:
        return f"a path of more than {MAX_PATH_SEGMENTS} segments"
    if segments and max(Counter(segments).values()) > MAX_SEGMENT_REPEATS:
        return "a path that repeats a segment"
    keys = [key for key, _ in parse_qsl(parts.query, keep_blank_values=True)]
    if len(keys) != len(set(keys)):
        return "a query string that repeats a parameter"
    if len(keys) > MAX_QUERY_PARAMS:
        return f"a query string of more than {MAX_QUERY_PARAMS} parameters"
    return None


def url_kind(url: str, parts: SplitResult | None = None) -> str:
    """What the pages of one series share: host, path with every number as ``0``, query parameter names."""
    parts = parts or urlsplit(url)
    keys = sorted({key for key, _ in parse_qsl(parts.query, keep_blank_values=True)})
    return f"{parts.netloc}{DIGITS.sub('0', parts.path)}?{'&'.join(keys)}"


def link_trap(link: str, page_kind: str, page_chain: int) -> tuple[str | None, int]:
    """Why ``link``, found on a page of kind ``page_kind`` (:func:`url_kind`) with chain ``page_chain``, is a
    likely trap (or None), and its own chain: one more than the page's when it is of the page's kind, else 0."""
    parts = urlsplit(link)
    chain = page_chain + 1 if url_kind(link, parts) == page_kind else 0
    if chain > MAX_CHAIN:
        return f"more than {MAX_CHAIN} pages in a row of one kind, like endless pagination or a calendar", chain
    return trap_reason(link, parts), chain
