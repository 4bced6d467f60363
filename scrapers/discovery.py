"""Finding URLs to crawl: links in sitemaps (and sitemap indexes, gzipped or not), RSS/Atom feeds
and HTML pages (anchors, ``rel=next`` pagination, advertised feeds), canonicalised with courlan
(session ids removed, see :mod:`scrapers.traps`).
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import lxml.html
from courlan import normalize_url
from lxml import etree

from scrapers.traps import without_session_ids

#: Path endings of files that are never pages (a gzipped sitemap, ``.xml.gz``, is one to read).
NOT_PAGE_SUFFIXES = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|bmp|tiff?|mp[34]|m4a|avi|mov|wmv|flv|webm|ogg|wav|pdf|docx?|xlsx?|pptx?"
    r"|odt|zip|rar|7z|tar|exe|apk|css|js|json|woff2?|ttf|eot)$|(?<!\.xml)\.gz$",
    re.IGNORECASE,
)
#: Root elements of XML documents that list URLs.
XML_LISTS = {"urlset", "sitemapindex", "rss", "RDF", "feed"}
#: Most bytes a gzipped sitemap is unzipped to (the sitemap protocol's own limit); the rest is not read.
MAX_UNZIPPED = 50_000_000
#: The network location of an absolute URL (what :func:`urlsplit` calls ``netloc``), found faster.
NETLOC = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://([^/?#]*)")
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def canonical_url(href: str, base: str | None = None) -> str | None:
    """The absolute, normalised URL of a link (no fragment, no tracking parameters, no session id), or None
    if it is no web page."""
    href = href.strip()
    if not href or href.startswith(("mailto:", "javascript:", "tel:", "data:")):
        return None
    url = href if base is None or href.startswith(("http://", "https://")) else urljoin(base, href)
    parts = urlsplit(without_session_ids(url.split("#", 1)[0]))
    if parts.scheme not in ("http", "https") or not parts.netloc or NOT_PAGE_SUFFIXES.search(parts.path):
        return None
    try:
        return normalize_url(parts)
    except ValueError:
        return None


def host_of(url: str) -> str:
    """The host (and port) of a URL, lower-case, without a leading ``www.``."""
    match = NETLOC.match(url)
    host = (match.group(1) if match else urlsplit(url).netloc).lower()
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True)
class Links:
    """Canonical URLs found in a document: ``sitemaps`` (entries of a sitemap index) and ``pages`` (all others);
    ``note`` says, in one line, what of the document could not be read."""

    pages: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)
    note: str | None = None


def find_links(url: str, body: bytes, text: str, content_type: str) -> Links:
    """Canonical URLs linked from a fetched document, in document order, without duplicates.

    Sitemaps, sitemap indexes and RSS/Atom feeds give their entries; HTML gives its anchors,
    ``<link rel=next>`` pagination and ``<link rel=alternate>`` feeds. A gzipped document is unzipped
    up to :data:`MAX_UNZIPPED` bytes.
    """
    note = None
    if body[:2] == b"\x1f\x8b":
        body, note = gunzip(body)
        text = body.decode("utf-8", errors="replace")
    root = xml_root(body) if looks_like_xml(body, content_type) else None
    raw = xml_links(root) if root is not None else html_links(text)
    links = list(dict.fromkeys(link for link in (canonical_url(href, url) for href in raw) if link))
    if root is not None and etree.QName(root).localname == "sitemapindex":
        return Links(sitemaps=links, note=note)
    return Links(pages=links, note=note)


def looks_like_xml(body: bytes, content_type: str) -> bool:
    """The document is XML (a sitemap or feed), by its media type or its first bytes."""
    start = body.lstrip()[:200].lower()
    if start.startswith(b"<!doctype html") or start.startswith(b"<html"):
        return False
    return "xml" in content_type and "xhtml" not in content_type or start.startswith(b"<?xml")


def xml_root(body: bytes):
    """The root element of an XML list (sitemap, index, feed), or None for other XML."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return None
    return root if root is not None and etree.QName(root).localname in XML_LISTS else None


def xml_links(root) -> list[str]:
    """Entry URLs of a sitemap (``<loc>``), an RSS feed (``<item><link>``) or an Atom feed (``<entry><link href>``)."""
    links = []
    for element in root.iter(etree.Element):
        name = etree.QName(element).localname
        parent = element.getparent()
        parent_name = etree.QName(parent).localname if parent is not None else ""
        if name == "loc" or (name == "link" and parent_name == "item"):
            links.append((element.text or "").strip())
        elif name == "link" and parent_name == "entry" and element.get("rel", "alternate") == "alternate":
            links.append(element.get("href", ""))
    return links


def html_links(text: str) -> list[str]:
    """Anchor targets, pagination and feed links of an HTML page (resolved later against its URL or ``<base>``)."""
    try:
        doc = lxml.html.document_fromstring(XML_DECLARATION.sub("", text, count=1))
    except (etree.ParserError, ValueError):
        return []
    base = doc.find(".//base[@href]")
    prefix = base.get("href") if base is not None else None
    links = []
    for element in doc.iter("a", "link"):
        href = element.get("href")
        rel = (element.get("rel") or "").lower().split()
        if not href or (element.tag == "link" and not ({"next", "alternate"} & set(rel))):
            continue
        if element.tag == "link" and "alternate" in rel and "xml" not in (element.get("type") or ""):
            continue
        if "nofollow" in rel:
            continue
        links.append(urljoin(prefix, href) if prefix else href)
    return links


def gunzip(body: bytes) -> tuple[bytes, str | None]:
    """Decompress a gzipped sitemap, at most :data:`MAX_UNZIPPED` bytes; with a note when it was not read whole."""
    unzipper = zlib.decompressobj(wbits=31)
    try:
        data = unzipper.decompress(body, MAX_UNZIPPED)
    except zlib.error as exc:
        return b"", f"not a readable gzip file ({exc}), no links read"
    if unzipper.unconsumed_tail:
        return data, f"more than {MAX_UNZIPPED:,} bytes unzipped: only the links in those first bytes read"
    if not unzipper.eof:
        return data, "gzip file cut short: only the links before the cut read"
    return data, None
