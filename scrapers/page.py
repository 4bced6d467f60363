"""Read an article from a web page: headline, date, byline, lead and main text, from one lxml tree.

Order of trust:

- **title**: the JSON-LD ``headline``, Open Graph and other title metadata (unless a truncated
  copy of the visible headline), the ``<h1>``, the ``<title>`` without the site's name.
- **date**: JSON-LD ``datePublished`` and the publication-time metadata, the visible dateline
  nearest the headline, then ``htmldate``.
- **author**: JSON-LD ``Person`` authors, the signature closing the text, the visible byline
  element nearest the headline, the name a dateline carries, then ``<meta name=author>``; a
  value that is the site's or publisher's own name is refused at every step.

The main text is the lead (the first prose block between the headline and the article body,
or the element the CMS marks as the sapo) and the article body's lines (:func:`dom.block_lines`:
paragraphs and subheads in page order, no captions, galleries, related boxes, share bars or
widgets); the body comes from the site's selector, a known CMS container
(:data:`page_rules.CONTAINER_XPATHS`), the element holding most paragraph text, or, when the
page has none, trafilatura. Bylines, datelines and source credits are furniture: they give the
record's values and stay out of the text.
"""
from __future__ import annotations

import re
from collections import defaultdict

from scrapers import boilerplate, dom, page_rules as rules, page_words as words
from scrapers.article import Article, NotAnArticle, check_body
from scrapers.bylines import byline_name, fold
from scrapers.cleaning import clean_line, join_paragraphs
from scrapers.datelines import Dateline, read_dateline
from scrapers.metadata import PageMetadata, iso_date, page_metadata

_MIN_CONTAINER_CHARS = 200
_MIN_PARAGRAPH = 40
_LEAD_MIN = 50
_SIGNATURE_MAX = 80
_SIGNATURE_LINES = 3
_WIDGET_MAX = 60
_LISTING_HEADLINE = 30
_LISTING_PROSE = 80
_LISTING_SHARE = 0.25
_FURNITURE_DEPTH = 3
_SIBLING_SHARE = 0.2
_CAPTION_LINE = re.compile(words.CAPTION_LINE, re.IGNORECASE)
_SOURCE_CREDIT = re.compile(words.SOURCE_CREDIT, re.IGNORECASE)
_ELLIPSIS = re.compile(r"\s*(?:\.{3}|…)$")
_SITE_SUFFIX = re.compile(r"\s+[-|–—]\s+")


def read_page(html: str, source: str, url: str | None = None, body_selector: str | None = None) -> Article:
    """The article of a decoded web page (see the module docstring); NotAnArticle when it holds none."""
    tree = dom.parse_page(html)
    meta = page_metadata(tree, url)
    index = dom.index_page(tree)
    container = _container(tree, index, body_selector)
    title, head = _title(tree, index, meta)
    lines = dom.block_lines(container) if container is not None else _fallback_lines(tree)
    if _is_listing(lines):
        raise NotAnArticle("a listing page (mostly links), not an article")
    lines, signature = _drop_signature([line for line in lines if not line.linked])
    lead = _lead(index, head, container, title)
    body = _body_lines(lines, title, lead)
    if not body and not title:
        raise NotAnArticle("no article text in the page")
    text_body = join_paragraphs(body)
    check_body(text_body)
    dated = _visible_dateline(index, head, container)
    author = _author(index, meta, signature, dated, head, container)
    published = meta.published or (dated and dated.iso) or _htmldate(tree, url or meta.url)
    text = join_paragraphs([title, text_body]) if title else text_body
    return Article(source=source, text=text, url=url or meta.url, title=title, published_date=published,
                   author=author)


def _container(tree, index: dom.PageIndex, selector: str | None):
    """The element holding the article body (see the module docstring), or None."""
    if selector:
        found = dom.css_xpath(selector)(tree)
        if not found:
            raise NotAnArticle(f"no element matches the site's body selector {selector!r}")
        return found[0]
    for element in index.found("container"):
        if len(dom.text_of(element)) >= _MIN_CONTAINER_CHARS:
            return element
    return _densest(tree)


def _densest(tree):
    """The element whose own paragraphs hold the most text, or its parent when a sibling element holds a
    fifth as much (an article body split in two blocks), as Readability joins siblings."""
    scores: dict = defaultdict(int)
    for node in tree.iter("p", "br"):
        size = len(dom.text_of(node)) if node.tag == "p" else len((node.tail or "").strip())
        parent = node.getparent()
        if size < _MIN_PARAGRAPH or parent is None or _in_furniture(node):
            continue
        scores[parent] += size
    if not scores:
        return None
    best = max(scores, key=scores.get)
    up = best.getparent()
    if up is not None and up.tag not in ("body", "html"):
        if any(size >= _SIBLING_SHARE * scores[best] for element, size in scores.items()
               if element is not best and element.getparent() is up):
            return up
    return best


def _in_furniture(element) -> bool:
    """The element or one of its nearest ancestors is site furniture (a related box, a caption ...)."""
    for depth, node in enumerate([element, *element.iterancestors()]):
        if depth > _FURNITURE_DEPTH:
            return False
        if dom.is_furniture(node):
            return True
    return False


def _title(tree, index: dom.PageIndex, meta: PageMetadata):
    """The headline, and the element that shows it on the page (or None).

    The metadata's title unless the page shows it whole where the metadata cut it (``...``) or added
    the site's name to it (``Headline - Báo X``); without title metadata, the ``<h1>``, else the
    ``<title>`` without the site's name.
    """
    shown = index.found("headline")
    h1s = [element for element in shown if element.tag == "h1"]
    if meta.title:
        for element in shown:
            text = dom.text_of(element)
            if text and _shows(text, meta.title):
                return clean_line(text), element
        return clean_line(meta.title), h1s[0] if h1s else None
    for h1 in h1s:
        text = dom.text_of(h1)
        if text:
            return clean_line(text), h1
    title_tag = dom.xpath("//title")(tree)
    text = dom.text_of(title_tag[0]) if title_tag else ""
    return (clean_line(_SITE_SUFFIX.split(text)[0]) or None if text else None), None


def _shows(text: str, title: str) -> bool:
    """``text`` on the page is the headline ``title`` gives: the same, cut short by the metadata, or
    with the site's name appended there."""
    key, shown = fold(_ELLIPSIS.sub("", title)), fold(text)
    if not key or not shown:
        return False
    return (shown == key or (_ELLIPSIS.search(title) is not None and shown.startswith(key))
            or (key.startswith(shown) and bool(_SITE_SUFFIX.match(title[len(text):]))))


def _fallback_lines(tree) -> list[dom.Line]:
    """The main text trafilatura finds, for pages without a recognisable article body."""
    import trafilatura

    text = trafilatura.extract(tree, fast=True, include_comments=False, include_tables=False,
                               include_images=False) or ""
    anchors = {dom.text_of(a) for a in dom.xpath("//a")(tree)}
    return [dom.Line(line, linked=line in anchors) for line in (" ".join(t.split()) for t in text.split("\n")) if line]


def _is_listing(lines: list[dom.Line]) -> bool:
    """Lines of a listing or home page: linked headlines make a quarter of the lines, or stand with no prose."""
    headlines = sum(1 for line in lines if line.linked and len(line.text) >= _LISTING_HEADLINE)
    prose = sum(1 for line in lines if not line.linked and len(line.text) >= _LISTING_PROSE)
    return headlines >= 2 and headlines >= _LISTING_SHARE * len(lines) or (headlines > 0 and prose == 0)


def _drop_signature(lines: list[dom.Line]) -> tuple[list[dom.Line], str | None]:
    """The lines without the byline, signature or source credit closing them, and the author it names."""
    author = None
    for _ in range(_SIGNATURE_LINES):
        if not lines:
            break
        last = lines[-1]
        if len(last.text) > _SIGNATURE_MAX and not last.right:
            break
        name = byline_name(last.text, organisations=True) if len(last.text) <= _SIGNATURE_MAX else None
        if name:
            author = author or name
        elif not (_SOURCE_CREDIT.match(last.text) or last.right and len(last.text) <= _SIGNATURE_MAX):
            break
        lines = lines[:-1]
    return lines, author


def _lead(index: dom.PageIndex, head, container, title: str | None) -> str | None:
    """The lead (sapo): the first prose block between the headline and the body, else a sapo-marked element."""
    if container is None:
        return None
    positions = index.positions
    end = positions.get(container, 0)
    if head is not None:
        start = positions.get(head, 0)
        for element in dom.xpath("following::*")(head)[:rules.HEAD_WINDOW]:
            if positions.get(element, end) >= end:
                break
            text = _lead_text(element, start, positions, title)
            if text:
                return text
    marked = sorted((e for e in index.found("lead") if positions[e] < end), key=positions.get)
    for element in reversed(marked[-rules.HEAD_WINDOW:]):
        text = _lead_text(element, -1, positions, title)
        if text:
            return text
    return None


def _lead_text(element, start: int, positions: dict, title: str | None) -> str | None:
    """The element's text if it is a prose block that can be the lead, else None."""
    if not isinstance(element.tag, str) or element.tag in ("a", "li") or element.tag in rules.SKIP_TAGS:
        return None
    if element.find(".//p") is not None or element.find(".//div") is not None or element.find(".//h2") is not None:
        return None
    for node in [element, *element.iterancestors()]:
        if positions.get(node, -1) <= start:
            break
        if dom.is_furniture(node) or node.tag in ("a", "figure", "figcaption", "li"):
            return None
    text = dom.text_of(element)
    if len(text) < _LEAD_MIN or len(text.split()) < 8 or (title and _key(clean_line(text)) == _key(title)):
        return None
    links = sum(len(dom.text_of(a)) for a in element.iter("a"))
    if links > 0.3 * len(text) or read_dateline(text) or byline_name(text):
        return None
    return text


def _body_lines(lines: list[dom.Line], title: str | None, lead: str | None) -> list[str]:
    """The cleaned lines of the text after the headline: the lead, then the body without furniture lines."""
    seen = {_key(title or "")}
    out: list[str] = []
    if lead:
        out.append(clean_line(lead))
        seen.add(_key(out[-1]))
    for line in lines:
        text = clean_line(line.text)
        key = _key(text)
        if not key or key in seen or (out and _key(out[-1]) == key):
            continue
        if _is_widget(text) or _is_caption(line, text) or read_dateline(text):
            continue
        out.append(text)
    return out


def _key(text: str) -> str:
    """A line's comparison key: case folded, final punctuation dropped (cleaned lines are NFC already)."""
    return text.casefold().rstrip(" .:")


def _is_widget(text: str) -> bool:
    """A page widget's line (``Tin liên quan``, ``Tải ứng dụng:``, ``Chia sẻ``)."""
    return boilerplate.is_widget(text)


def _is_caption(line: dom.Line, text: str) -> bool:
    """A photo caption or credit: a caption-shaped line, or a short centred or italic line under an image."""
    if len(text) > words.CAPTION_MAX:
        return False
    return bool(_CAPTION_LINE.search(text)) or (line.after_image and (line.centred or line.italic))


def _visible_dateline(index: dom.PageIndex, head, container):
    """The dateline printed nearest the headline (a ``<time>`` or a date-classed element), or None."""
    anchor = index.positions.get(head) if head is not None else index.positions.get(container)
    found = []
    for rank, position, element in index.marked.get("dateline", []):
        if anchor is not None and abs(position - anchor) > rules.HEAD_WINDOW:
            continue
        dated = read_dateline(dom.text_of(element))
        if dated is None and iso_date(element.get("datetime")):
            dated = Dateline(iso_date(element.get("datetime")), None)
        if dated:
            found.append((abs(position - (anchor or 0)), rank, dated))
    return min(found, key=lambda item: item[:2])[2] if found else None


def _author(index: dom.PageIndex, meta: PageMetadata, signature: str | None, dated, head, container) -> str | None:
    """The byline, in the order of trust of the module docstring; never the site's own name."""
    names = [n for n in (clean_line(n) for n in meta.authors) if n and n not in meta.site_names]
    if names:
        return " - ".join(names)
    positions = index.positions
    anchor = positions.get(head) if head is not None else positions.get(container, 0)
    end = _last_position(container, positions) if container is not None else anchor
    near = [(rank, abs(position - anchor), element) for rank, position, element in index.marked.get("byline", [])
            if anchor - rules.HEAD_WINDOW <= position <= end + rules.HEAD_WINDOW]
    candidates = [signature, *(byline_name(dom.text_of(e)) for *_, e in sorted(near, key=lambda m: m[:2]))]
    candidates += [dated and dated.name and byline_name(dated.name), meta.meta_author and byline_name(meta.meta_author)]
    for candidate in candidates:
        if candidate and candidate not in meta.site_names:
            return clean_line(candidate)
    return None


def _last_position(element, positions: dict) -> int:
    """The document position of the last element inside ``element``."""
    last = element
    for last in element.iter():
        pass
    return positions.get(last, 0)


def _htmldate(tree, url: str | None) -> str | None:
    """The publication date htmldate finds in the page, or None."""
    import htmldate

    try:
        return htmldate.find_date(tree, url=url, extensive_search=False, original_date=True)
    except (ValueError, TypeError):
        return None
