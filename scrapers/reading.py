"""Read an article from a .txt file, a saved page or fetched HTML.

Plain text: the first non-empty line is the headline (after any portal header
such as a visit counter or a slogan), a leading ``date YYYY-MM-DD`` line gives
the publication date, and the last line is usually the byline.

HTML: headline, date and byline come from the page metadata when it has them
(Open Graph, ``article:published_time``, JSON-LD, ``<time>``), else from the
visible dateline; the main text comes from a site's CSS selector when the site
config gives one (BeautifulSoup), else from trafilatura's generic extractor.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from scrapers import boilerplate
from scrapers.article import Article, NotAnArticle
from scrapers.cleaning import clean_line, clean_lines, join_paragraphs
from scrapers.encoding import decode_body
from scrapers.page import read_page

ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}
MAX_PAGE_BYTES = 8 * 1024 * 1024
MIN_BODY_CHARS = 200
_HEAD_ZONE = 15
# Generic extractors often drop the lead paragraph (sapo) and the byline; these put them back.
_LEAD_SELECTOR = ".sapo, .lead, .summary, .article-sapo, .detail-sapo, .chapeau, [class*='sapo'], [itemprop='description']"
_BYLINE_SELECTOR = ".author, .byline, .article-author, .detail-author, [itemprop='author']"
_TAIL_ZONE = 12
_VIET_LETTERS = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE)


def read_file(path: Path) -> Article:
    """Read an article file: ``.html``/``.htm`` as a saved page, anything else as plain text."""
    path = Path(path)
    size = path.stat().st_size
    if size > MAX_PAGE_BYTES:
        raise NotAnArticle(f"file too large ({size / 1e6:.0f} MB, limit {MAX_PAGE_BYTES // 1_000_000} MB)")
    data = path.read_bytes()
    if path.suffix.lower() in {".html", ".htm"}:
        return read_html(data, source=path.name)
    return read_text(decode_text(data), source=path.name)


def decode_text(data: bytes) -> str:
    """Decode a plain-text file (see :func:`scrapers.encoding.decode_body`); refuse empty and binary data."""
    if not data.strip():
        raise NotAnArticle("empty file")
    if b"\x00" in data[:8192]:
        raise NotAnArticle("binary file, not text")
    return decode_body(data)


def read_text(text: str, source: str) -> Article:
    """Read a plain-text article (see the module docstring for the layout it expects)."""
    lines = [line for line in clean_lines(text) if line]
    if not lines:
        raise NotAnArticle("empty file")
    published, first = boilerplate.leading_date(lines[0])
    lines = [first, *lines[1:]] if first else lines[1:]
    return _assemble(source, lines, published=published, date_marker=published)


def read_html(html: str | bytes, source: str, url: str | None = None, body_selector: str | None = None) -> Article:
    """Read a web page: headline, date, byline and main text (see the module docstring)."""
    if len(html) > MAX_PAGE_BYTES:
        raise NotAnArticle(f"page too large ({len(html) / 1e6:.0f} MB, limit {MAX_PAGE_BYTES // 1_000_000} MB)")
    if isinstance(html, bytes):
        if b"\x00" in html[:8192]:
            raise NotAnArticle("binary data, not an HTML page")
        html = decode_body(html)
    if not html.strip():
        raise NotAnArticle("empty page")
    if html.lstrip().startswith("<?xml") and "<html" not in html[:4096].lower():
        raise NotAnArticle("an XML document (a sitemap or feed?), not an HTML page")
    return read_page(html, source, url=url, body_selector=body_selector)


def _assemble(source: str, lines: list[str], published: str | None = None, url: str | None = None,
              date_marker: str | None = None) -> Article:
    """Turn cleaned, non-empty lines (headline first) into an :class:`Article`."""
    lines = _drop_header(lines)
    lines = _drop_footer(lines)
    if not lines:
        raise NotAnArticle("no article text")
    title, lines = _take_title(lines)
    body: list[str] = []
    for line in lines:
        date = boilerplate.dateline_date(line)
        if date:
            published = published or date
        elif _is_caption_echo(line, title) or (body and line == body[-1]):
            continue
        body.append(line)
    author = boilerplate.byline_name(body[-1]) if len(body) > 1 else None
    text_body = join_paragraphs(body)
    if len(text_body) < MIN_BODY_CHARS:
        raise NotAnArticle(f"too little text for an article ({len(text_body)} characters)")
    if len(_VIET_LETTERS.findall(text_body)) < len(text_body) * 0.02:
        raise NotAnArticle("not Vietnamese text")
    head = [f"date {date_marker}"] if date_marker else []
    text = join_paragraphs([*head, title, text_body])
    return Article(source=source, text=text, url=url, title=title, published_date=published, author=author)


def _drop_header(lines: list[str]) -> list[str]:
    """Cut a portal header (site name, slogan, visit counter) standing before the headline."""
    last = -1
    for i, line in enumerate(lines[:_HEAD_ZONE]):
        if boilerplate.is_header_furniture(line):
            last = i
    return lines[last + 1:]


def _drop_footer(lines: list[str]) -> list[str]:
    """Cut the site footer (licence, address, copyright) from the last lines."""
    start = max(len(lines) - _TAIL_ZONE, 1)
    for i in range(start, len(lines)):
        if boilerplate.is_footer(lines[i]):
            return lines[:i]
    return lines


def _take_title(lines: list[str]) -> tuple[str, list[str]]:
    """The headline and the lines after it; a headline ending in ``:`` continues on the next line."""
    title, rest = lines[0], lines[1:]
    if title.endswith(":") and rest and len(rest[0]) < 160 and not boilerplate.dateline_date(rest[0]):
        title, rest = f"{title} {rest[0]}", rest[1:]
    return title, rest


def _is_caption_echo(line: str, title: str) -> bool:
    """A photo caption that only repeats the headline (or its part after the colon)."""
    parts = {title.casefold(), *(part.strip().casefold() for part in title.split(":"))}
    return line.casefold().rstrip(".") in parts


def _page_metadata(soup: BeautifulSoup) -> dict[str, str | None]:
    """Headline, ISO date, author and canonical URL from the page's metadata, where it has them."""
    def meta(*keys: str) -> str | None:
        for key in keys:
            tag = soup.find("meta", attrs={"property": key}) or soup.find("meta", attrs={"name": key}) \
                or soup.find("meta", attrs={"itemprop": key})
            if tag and tag.get("content", "").strip():
                return tag["content"].strip()
        return None

    ld = _json_ld(soup)
    h1 = soup.find("h1")
    title_tag = soup.find("title")
    title = meta("og:title") or ld.get("headline") or (h1.get_text(" ", strip=True) if h1 else None) \
        or (title_tag.get_text(" ", strip=True) if title_tag else None)
    date = meta("article:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date.issued") \
        or ld.get("datePublished")
    time_tag = soup.find("time", attrs={"datetime": True})
    if not date and time_tag:
        date = time_tag["datetime"]
    author = meta("author", "article:author") or ld.get("author")
    canonical = soup.find("link", attrs={"rel": "canonical"})
    url = (canonical.get("href") if canonical else None) or meta("og:url")
    return {"title": title, "date": _iso_date(date), "author": author, "url": url}


def _json_ld(soup: BeautifulSoup) -> dict[str, str]:
    """headline, datePublished and author name of the page's JSON-LD article object, if any."""
    for script in soup.find_all("script", attrs={"type": "application/ld+json"}):
        try:
            data = json.loads(script.string or "")
        except ValueError:
            continue
        for item in data if isinstance(data, list) else data.get("@graph", [data]):
            if isinstance(item, dict) and ("headline" in item or "datePublished" in item):
                author = item.get("author")
                if isinstance(author, list):
                    author = author[0] if author else None
                if isinstance(author, dict):
                    author = author.get("name")
                return {k: v for k, v in {"headline": item.get("headline"), "datePublished": item.get("datePublished"),
                                          "author": author}.items() if isinstance(v, str)}
    return {}


def _iso_date(value: str | None) -> str | None:
    """The ``YYYY-MM-DD`` part of a metadata date, or None."""
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value or "")
    return "-".join(match.groups()) if match else None


def _first_dateline(soup: BeautifulSoup) -> str | None:
    """The date of the first visible dateline (``17:05 | 19/07/2022``, ``Ngày đăng: 12/03/2024``)."""
    for string in soup.find_all(string=re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{4}")):
        if string.parent.name in {"script", "style"}:
            continue
        date = boilerplate.dateline_date(clean_line(string))
        if date:
            return date
    return None


def _body_text(html: str, soup: BeautifulSoup, body_selector: str | None) -> str:
    """The page's main text: the site's selector when given, else trafilatura's generic extraction."""
    if body_selector:
        node = soup.select_one(body_selector)
        if node is None:
            raise NotAnArticle(f"no element matches the site's body selector {body_selector!r}")
        for junk in node.select("script, style, figure figcaption + figcaption"):
            junk.decompose()
        return node.get_text("\n")
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=False, include_images=False) or ""
    lead = _first_text(soup, _LEAD_SELECTOR)
    if lead and lead[:80] not in text:
        text = f"{lead}\n{text}"
    byline = _first_text(soup, _BYLINE_SELECTOR)
    if byline and len(byline) < 80 and not text.rstrip().endswith(byline):
        text = f"{text}\n{byline}"
    return text


def _mostly_links(soup: BeautifulSoup, lines: list[str]) -> bool:
    """Whether the main text is a list of linked headlines (a listing or home page): many headlines, mostly
    link text, or linked headlines with no paragraph of prose."""
    anchors = {clean_line(a.get_text(" ", strip=True)) for a in soup.find_all("a")}
    linked = [line for line in lines if line in anchors]
    headlines = [line for line in linked if len(line) >= 30]
    if len(headlines) >= 2 and len(headlines) >= 0.25 * len(lines):
        return True
    prose = sum(len(line) for line in lines if line not in anchors and len(line) >= 60)
    return sum(map(len, linked)) > 0.5 * max(1, sum(map(len, lines))) or (bool(headlines) and prose < MIN_BODY_CHARS)


def _first_text(soup: BeautifulSoup, selector: str) -> str | None:
    """The visible text of the first element matching ``selector`` (outside ``<head>``), if any."""
    for node in soup.select(selector):
        if node.name != "meta" and node.find_parent("head") is None:
            text = node.get_text(" ", strip=True)
            if text:
                return text
    return None
