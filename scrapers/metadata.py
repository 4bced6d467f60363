"""What a page says about itself: JSON-LD and microdata (through ``extruct``), Open Graph and ``<meta>``.

Every value is checked before it is trusted: JSON-LD of any shape (a bare string, ``{"@graph": 5}``,
nested lists, HTML entities escaped twice) is read without raising, only ``Person`` authors count,
and the names the page gives its own site and publisher are collected so that callers can refuse
them as authors (:class:`scrapers.bylines.SiteNames`).
"""
from __future__ import annotations

import datetime as dt
import html
import re
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from scrapers import dom
from scrapers.bylines import SiteNames, site_title_suffix

ARTICLE_TYPES = {"newsarticle", "article", "blogposting", "reportagenewsarticle", "analysisnewsarticle",
                 "opinionnewsarticle", "backgroundnewsarticle", "report", "webpage"}
_SITE_TYPES = {"organization", "newsmediaorganization", "website", "corporation"}
_MAX_DEPTH = 6
_MAX_ITEMS = 200
_MAX_AUTHORS = 6
_TITLE_KEYS = ("og:title", "twitter:title", "dc.title")
_DATE_KEYS = ("article:published_time", "datepublished", "pubdate", "publishdate", "publish-date", "date",
              "dc.date.issued", "dc.date", "dcterms.created", "og:published_time", "article:published",
              "sailthru.date", "parsely-pub-date", "publication_date")
_AUTHOR_KEYS = ("author", "article:author", "dc.creator", "byl", "sailthru.author", "parsely-author")
_SITE_KEYS = ("og:site_name", "application-name", "copyright", "twitter:site", "publisher", "dc.publisher")
_ISO = re.compile(r"\s*(\d{4})-(\d{1,2})-(\d{1,2})")


@dataclass
class PageMetadata:
    """The page's own statements, each None when it makes none."""

    title: str | None = None
    published: str | None = None
    authors: list[str] = field(default_factory=list)
    meta_author: str | None = None
    url: str | None = None
    site_names: SiteNames = field(default_factory=lambda: SiteNames([], []))


def page_metadata(tree, url: str | None = None) -> PageMetadata:
    """Title, publication date, authors, canonical URL and site names from the page's metadata."""
    meta = _meta_tags(tree)
    items = list(_items(tree))
    article = next((item for item in items if _types(item) & ARTICLE_TYPES and _text(item.get("headline"))),
                   None) or next((item for item in items if _types(item) & ARTICLE_TYPES), None) or {}
    canonical = next((href for href in dom.xpath("//link[@rel='canonical']/@href")(tree) if href.strip()), None)
    page_url = (canonical or meta.get("og:url") or url or "").strip() or None
    title_tag = next(iter(dom.xpath("//title")(tree)), None)
    title_text = dom.text_of(title_tag) if title_tag is not None else ""
    site_names = [v for k in _SITE_KEYS if (v := meta.get(k))]
    site_names += [name for item in items for name in _site_names(item)]
    suffix = site_title_suffix(title_text)
    if suffix:
        site_names.append(suffix)
    hosts = [urlsplit(u).hostname or "" for u in (page_url, url) if u]
    return PageMetadata(
        title=_text(article.get("headline")) or next((meta[k] for k in _TITLE_KEYS if meta.get(k)), None),
        published=iso_date(_text(article.get("datePublished")))
        or next((d for k in _DATE_KEYS if (d := iso_date(meta.get(k)))), None),
        authors=_person_names(article.get("author")),
        meta_author=next((meta[k] for k in _AUTHOR_KEYS if meta.get(k)), None),
        url=page_url,
        site_names=SiteNames(site_names, hosts),
    )


def iso_date(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` date a metadata value starts with, if it is a real date."""
    match = _ISO.match(value or "")
    if not match:
        return None
    try:
        return dt.date(*(int(g) for g in match.groups())).isoformat()
    except ValueError:
        return None


def _meta_tags(tree) -> dict[str, str]:
    """``<meta>`` contents by lower-cased property, name or itemprop (the first of each)."""
    found: dict[str, str] = {}
    for tag in dom.xpath("//meta[@content]")(tree):
        content = _text(tag.get("content"))
        if not content:
            continue
        for attr in ("property", "name", "itemprop"):
            key = (tag.get(attr) or "").strip().lower()
            if key:
                found.setdefault(key, content)
    for tag in dom.xpath("//*[@itemprop='datePublished'][@datetime]")(tree):
        found.setdefault("datepublished", tag.get("datetime"))
    return found


def _items(tree):
    """Every JSON-LD and microdata object of the page, flattened (``@graph``, lists), bounded."""
    from extruct.jsonld import JsonLdExtractor
    from extruct.w3cmicrodata import MicrodataExtractor

    extractor = JsonLdExtractor()
    roots: list = []
    # Each block is parsed alone, so that one broken block leaves the others readable; a page's
    # metadata is untrusted input, and nothing in it may stop the reading of the page.
    for script in dom.xpath("//script[@type='application/ld+json']")(tree):
        try:
            roots.extend(extractor.extract_items(script))
        except Exception:  # noqa: BLE001 - any failure of a third-party parser on hostile input
            continue
    if dom.xpath("boolean(//*[@itemscope])")(tree):
        try:
            roots.extend(MicrodataExtractor().extract_items(tree, None))
        except Exception:  # noqa: BLE001 - as above
            pass
    count = 0
    stack = [(root, 0) for root in reversed(roots)]
    while stack and count < _MAX_ITEMS:
        item, depth = stack.pop()
        if depth > _MAX_DEPTH:
            continue
        if isinstance(item, list):
            stack.extend((x, depth + 1) for x in reversed(item[:_MAX_ITEMS]))
        elif isinstance(item, dict):
            count += 1
            properties = item.get("properties")
            if isinstance(properties, dict):  # microdata: {"type": ..., "properties": {...}}
                item = {**properties, "@type": item.get("type")}
            yield item
            graph = item.get("@graph")
            if isinstance(graph, (list, dict)):
                stack.append((graph, depth + 1))


def _types(item: dict) -> set[str]:
    """The lower-cased local names of an object's ``@type`` (a string, a URL or a list of them)."""
    value = item.get("@type")
    values = value if isinstance(value, list) else [value]
    return {v.rsplit("/", 1)[-1].strip().lower() for v in values if isinstance(v, str)}


def _text(value) -> str | None:
    """A metadata string with its HTML entities decoded (also when escaped twice), or None."""
    if not isinstance(value, str):
        return None
    for _ in range(3):
        decoded = html.unescape(value)
        if decoded == value:
            break
        value = decoded
    value = " ".join(value.split())
    return value or None


def _person_names(value) -> list[str]:
    """The names of the ``Person`` authors of a JSON-LD ``author`` value (organisations left out)."""
    values = value if isinstance(value, list) else [value]
    names = []
    for author in values[:_MAX_AUTHORS]:
        if isinstance(author, dict) and not (_types(author) & _SITE_TYPES):
            name = _text(author.get("name"))
        else:
            name = _text(author) if isinstance(author, str) else None
        if name and name not in names:
            names.append(name)
    return names


def _site_names(item: dict) -> list[str]:
    """Names an object gives the site: its own if it is an organisation or website, its publisher's."""
    names = []
    if _types(item) & _SITE_TYPES:
        names += [n for n in (_text(item.get("name")), _text(item.get("alternateName"))) if n]
    publisher = item.get("publisher")
    for entry in publisher if isinstance(publisher, list) else [publisher]:
        if isinstance(entry, dict):
            name = _text(entry.get("name"))
            if name:
                names.append(name)
        elif isinstance(entry, str):
            names.append(entry)
    return names
