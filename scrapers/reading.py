"""Read an article from a .txt file, a saved page or fetched HTML (pages: :mod:`scrapers.page`).

Plain text, as portals print an article and copies keep it:

- a portal header may stand before the headline (site name, slogans in capitals, visit
  counters, menu bullets, a site clock); capitals after the headline are a deck, not a header;
- the first line after it is the headline, written as it is (capitals too); a kicker that only
  names the organisation (``Cụm thi đua số 5 – LĐLĐ Thành phố Hà Nội``, or ending in ``:``)
  continues on the next line;
- a leading ``date YYYY-MM-DD`` marker, else the first date line of the head
  (:mod:`scrapers.datelines`: weekday first, time before or after, ``Cập nhật``, ``Ngày đăng:``,
  time zones, spaced slashes, a place-and-date line) gives the publication date;
- the byline (:mod:`scrapers.bylines`) is the last line, else a name line next to the head's
  date line, else the name the date line carries (``Quang Minh LDO | 02/04/2024 12:50``);
- the site footer (licence, address, copyright) is cut.
"""
from __future__ import annotations

from itertools import takewhile
from pathlib import Path

from scrapers import boilerplate
from scrapers.article import Article, NotAnArticle, check_body
from scrapers.bylines import byline_name
from scrapers.cleaning import clean_lines, join_paragraphs
from scrapers.datelines import read_dateline
from scrapers.encoding import decode_body, looks_binary
from scrapers.page import read_page

ARTICLE_SUFFIXES = {".txt", ".html", ".htm"}
MAX_PAGE_BYTES = 8 * 1024 * 1024
_HEAD_ZONE = 15
_DATE_ZONE = 10
_TAIL_ZONE = 12
_HEADLINE_MAX = 160


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
    if looks_binary(data):
        raise NotAnArticle("binary file, not text")
    return decode_body(data)


def read_text(text: str, source: str) -> Article:
    """Read a plain-text article (see the module docstring for the layout it expects)."""
    lines = [line for line in clean_lines(text) if line]
    if not lines:
        raise NotAnArticle("empty file")
    marker, first = boilerplate.leading_date(lines[0])
    lines = [first, *lines[1:]] if first else lines[1:]
    return _assemble(source, lines, marker)


def read_html(html: str | bytes, source: str, url: str | None = None, body_selector: str | None = None) -> Article:
    """Read a web page (bytes are decoded first): headline, date, byline and main text, see :mod:`scrapers.page`."""
    if len(html) > MAX_PAGE_BYTES:
        raise NotAnArticle(f"page too large ({len(html) / 1e6:.0f} MB, limit {MAX_PAGE_BYTES // 1_000_000} MB)")
    if isinstance(html, bytes):
        if looks_binary(html):
            raise NotAnArticle("binary data, not an HTML page")
        html = decode_body(html)
    if not html.strip():
        raise NotAnArticle("empty page")
    if html.lstrip().startswith("<?xml") and "<html" not in html[:4096].lower():
        raise NotAnArticle("an XML document (a sitemap or feed?), not an HTML page")
    return read_page(html, source, url=url, body_selector=body_selector)


def _assemble(source: str, lines: list[str], marker: str | None) -> Article:
    """Turn cleaned, non-empty lines (after any ``date`` marker) into an :class:`Article`."""
    lines, clock = _drop_header(lines)
    lines = _drop_footer(lines)
    if not lines:
        raise NotAnArticle("no article text")
    title, lines = _take_title(lines)
    body: list[str] = []
    datelines: list[tuple[int, object]] = []
    for line in lines:
        dated = read_dateline(line) if len(body) < _DATE_ZONE else None
        if dated:
            datelines.append((len(body), dated))
        elif _is_caption_echo(line, title) or (body and line == body[-1]):
            continue
        body.append(line)
    text_body = join_paragraphs(body)
    check_body(text_body)
    published = boilerplate.full_date(marker) or (datelines[0][1].iso if datelines else clock)
    head = [f"date {marker}"] if marker else []
    text = join_paragraphs([*head, title, text_body])
    return Article(source=source, text=text, title=title, published_date=published,
                   author=_author(body, datelines))


def _author(body: list[str], datelines: list) -> str | None:
    """The byline: the last line, else a name line next to the head's date line, else the date line's name."""
    if len(body) > 1:
        name = byline_name(body[-1], organisations=True)
        if name:
            return name
    if not datelines:
        return None
    where, dated = datelines[0]
    for i in (where - 1, where + 1):
        if 0 < i < len(body) - 1:
            name = byline_name(body[i])
            if name:
                return name
    return byline_name(dated.name) if dated.name else None


def _drop_header(lines: list[str]) -> tuple[list[str], str | None]:
    """Cut a portal header standing before the headline: the lines from the headline on, and the date of
    a date line printed right above the headline (a site clock further up is not the article's date).

    The header, which ends before the first sentence of prose, ends at its last counter, menu or contact
    line and any lone words after it (buttons, banner names); lines in capitals after that are slogans when
    a headline follows them, and the last of them is the headline when prose follows.
    """
    zone = list(takewhile(lambda line: not boilerplate.is_prose(line), lines[:_HEAD_ZONE]))
    start = max((i + 1 for i, line in enumerate(zone) if _is_header_line(line)), default=0)
    while start < len(zone) and boilerplate.is_lone_word(zone[start]):
        start += 1
    end = start
    while end < len(zone) and boilerplate.is_shouting(lines[end]):
        end += 1
    if end > start and not (end < len(lines) and _is_short_headline(lines[end])):
        end -= 1
    lines = lines[end:]
    dated = read_dateline(lines[0]) if len(lines) > 1 else None
    if dated and _is_short_headline(lines[1]):
        return lines[1:], dated.iso
    return lines, None


def _is_header_line(line: str) -> bool:
    """A line only a portal header prints: a visit counter, a menu bullet or a contact line."""
    return boilerplate.is_counter(line) or boilerplate.is_menu(line) or boilerplate.is_contact(line)


def _is_short_headline(line: str) -> bool:
    """A line that can be a headline and not prose: short, no final full stop, not a date line or counter."""
    return (len(line) <= _HEADLINE_MAX and not line.endswith((".", "…")) and not read_dateline(line)
            and not boilerplate.is_counter(line))


def _drop_footer(lines: list[str]) -> list[str]:
    """Cut the site footer (licence, address, copyright) and the widgets closing the page (a comment box,
    share buttons) from the last lines."""
    start = max(len(lines) - _TAIL_ZONE, 1)
    end = next((i for i in range(start, len(lines)) if boilerplate.is_footer(lines[i])), len(lines))
    while end > start and boilerplate.is_widget(lines[end - 1]):
        end -= 1
    return lines[:end]


def _take_title(lines: list[str]) -> tuple[str, list[str]]:
    """The headline and the lines after it; a kicker (ending in ``:``, or naming only the organisation)
    continues on the next line when that line is headline-shaped."""
    title, rest = lines[0], lines[1:]
    if (title.endswith(":") or boilerplate.is_kicker(title)) and rest and _continues_headline(rest[0]):
        title, rest = f"{title} {rest[0]}", rest[1:]
    return title, rest


def _continues_headline(line: str) -> bool:
    """The second line of a two-line headline: short, no final full stop, not a date line, deck or byline."""
    return _is_short_headline(line) and not boilerplate.is_shouting(line) and not byline_name(line)


def _is_caption_echo(line: str, title: str) -> bool:
    """A photo caption that only repeats the headline (or its part after the colon)."""
    parts = {title.casefold(), *(part.strip().casefold() for part in title.split(":"))}
    return line.casefold().rstrip(".") in parts
