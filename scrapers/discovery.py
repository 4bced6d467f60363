"""Finding URLs to crawl: links in sitemaps (and sitemap indexes), RSS/Atom feeds and HTML
pages (anchors, ``rel=next`` pagination, advertised feeds), canonicalised with courlan.
"""
from __future__ import annotations

import re
import zlib
from dataclasses import dataclass, field
from urllib.parse import urldefrag, urljoin, urlsplit

import lxml.html
from courlan import normalize_url
from lxml import etree

#: Path endings of files that are never pages.
NOT_PAGE_SUFFIXES = re.compile(
    r"\.(jpe?g|png|gif|webp|svg|ico|bmp|tiff?|mp[34]|m4a|avi|mov|wmv|flv|webm|ogg|wav|pdf|docx?|xlsx?|pptx?"
    r"|odt|zip|rar|7z|gz|tar|exe|apk|css|js|json|woff2?|ttf|eot)$",
    re.IGNORECASE,
)
#: Root elements of XML documents that list URLs.
XML_LISTS = {"urlset", "sitemapindex", "rss", "RDF", "feed"}
MAX_UNZIPPED = 50_000_000
XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")


def canonical_url(href: str, base: str | None = None) -> str | None:
    """The absolute, normalised URL of a link (no fragment, no tracking parameters), or None if it is no web page."""
    href = href.strip()
    if not href or href.startswith(("mailto:", "javascript:", "tel:", "data:")):
        return None
    url = urldefrag(urljoin(base, href) if base else href).url
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc or NOT_PAGE_SUFFIXES.search(parts.path):
        return None
    try:
        return normalize_url(url)
    except ValueError:
        return None


def host_of(url: str) -> str:
    """The host (and port) of a URL, lower-case, without a leading ``www.``."""
    host = urlsplit(url).netloc.lower()
    return host[4:] if host.startswith("www.") else host


@dataclass(frozen=True)
class Links:
    """Canonical URLs found in a document: ``sitemaps`` (entries of a sitemap index) and ``pages`` (all others)."""

    pages: list[str] = field(default_factory=list)
    sitemaps: list[str] = field(default_factory=list)


def find_links(url: str, body: bytes, text: str, content_type: str) -> Links:
    """Canonical URLs linked from a fetched document, in document order, without duplicates.

    Sitemaps, sitemap indexes and RSS/Atom feeds give their entries; HTML gives its anchors,
    ``<link rel=next>`` pagination and ``<link rel=alternate>`` feeds.
    """
    if body[:2] == b"\x1f\x8b":
        body = gunzip(body)
        text = body.decode("utf-8", errors="replace")
    root = xml_root(body) if looks_like_xml(body, content_type) else None
    raw = xml_links(root) if root is not None else html_links(text)
    links = list(dict.fromkeys(link for link in (canonical_url(href, url) for href in raw) if link))
    if root is not None and etree.QName(root).localname == "sitemapindex":
        return Links(sitemaps=links)
    return Links(pages=links)


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


def gunzip(body: bytes) -> bytes:
    """Decompress a gzipped sitemap, capped at :data:`MAX_UNZIPPED` bytes."""
    try:
        return zlib.decompressobj(wbits=31).decompress(body, MAX_UNZIPPED)
    except zlib.error:
        return b""
