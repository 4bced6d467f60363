"""One lxml tree per page, and the lines of text an element shows, with what they look like.

The page is parsed once (:func:`parse_page`); metadata, site rules, the lead, the byline and the
main text all read that tree, through XPath expressions compiled once (:func:`xpath`).
:func:`block_lines` walks an element in document order and cuts its text into the lines a reader
sees (one per block, ``<br>`` included), skipping the site furniture :mod:`scrapers.page_rules`
describes (captions, galleries, related boxes, share bars, hidden parts), and says of each line
whether it is a heading, link text, italic, centred or right-aligned.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

import lxml.html
from lxml import etree

from scrapers import page_rules as rules
from scrapers.article import NotAnArticle

_SPACES = re.compile(r"\s+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_FURNITURE_WORDS = re.compile("|".join(re.escape(w) for w in rules.FURNITURE_WORDS))
_TOKEN_SPLIT = re.compile(r"[\s]+")


@dataclass
class Line:
    """One visible line of text and how it is set."""

    text: str
    heading: bool = False
    linked: bool = False
    italic: bool = False
    centred: bool = False
    right: bool = False
    after_image: bool = False


def parse_page(html: str) -> lxml.html.HtmlElement:
    """The page's lxml tree; NotAnArticle when there is no document to parse."""
    html = _CONTROL.sub("", html)
    try:
        try:
            tree = lxml.html.document_fromstring(html)
        except ValueError:  # a str that declares its encoding (<?xml ... encoding=...?>)
            tree = lxml.html.document_fromstring(html.encode("utf-8"),
                                                 parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as exc:
        raise NotAnArticle(f"not an HTML page ({exc})") from None
    return tree


@lru_cache(maxsize=512)
def xpath(expression: str) -> etree.XPath:
    """``expression`` compiled once."""
    return etree.XPath(expression)


@lru_cache(maxsize=128)
def css_xpath(selector: str) -> etree.XPath:
    """A CSS selector (from a site's config) compiled to XPath once."""
    from lxml.cssselect import CSSSelector

    return CSSSelector(selector, translator="html")


def text_of(element) -> str:
    """The element's visible text (scripts and styles left out), spaces folded."""
    parts = []
    for node in element.iter():
        if node is not element and not isinstance(node.tag, str):
            parts.append(node.tail or "")
            continue
        if node.tag in ("script", "style", "noscript", "template"):
            if node is not element:
                parts.append(node.tail or "")
            continue
        parts.append(node.text or "")
        if node is not element:
            parts.append(node.tail or "")
    return _SPACES.sub(" ", "".join(parts)).strip()


def is_furniture(element) -> bool:
    """Markup that never holds article text: furniture tags, furniture classes or ids, hidden elements."""
    tag = element.tag
    if not isinstance(tag, str) or tag in rules.SKIP_TAGS:
        return True
    marks = f"{element.get('class', '')} {element.get('id', '')}".lower()
    if marks.strip() and (_FURNITURE_WORDS.search(marks)
                          or not rules.FURNITURE_TOKENS.isdisjoint(_TOKEN_SPLIT.split(marks))):
        return True
    style = element.get("style", "").lower()
    return bool(style) and any(s in style for s in rules.HIDDEN_STYLE)


def is_image_block(element) -> bool:
    """A block that is a photo or a gallery with its captions: images, little text per image, no paragraph."""
    if element.tag not in rules.BLOCK_TAGS and element.tag not in ("span", "a", "font"):
        return False
    images = sum(1 for _ in element.iter(*rules.IMAGE_TAGS))
    if not images or len(text_of(element)) > rules.CAPTION_CHARS_PER_IMAGE * images:
        return False
    return not any(len(text_of(p)) >= rules.PARAGRAPH_CHARS for p in element.iter("p") if p is not element)


def _style(element, marks: tuple[str, ...]) -> bool:
    style = element.get("style", "").lower()
    return bool(style) and any(m in style for m in marks)


class _Walk:
    """State of one walk through an element: the line being built and the blocks around it."""

    def __init__(self) -> None:
        self.lines: list[Line] = []
        self.parts: list[tuple[str, bool, bool]] = []
        self.blocks: list[dict[str, bool]] = [{}]
        self.links = 0
        self.italics = 0
        self.after_image = False

    def add(self, text: str | None) -> None:
        if text:
            self.parts.append((text, self.links > 0, self.italics > 0))

    def flush(self) -> None:
        if not self.parts:
            return
        text = _SPACES.sub(" ", "".join(p for p, _, _ in self.parts)).strip()
        letters = sum(len(p.strip()) for p, _, _ in self.parts) or 1
        linked = sum(len(p.strip()) for p, link, _ in self.parts if link) / letters
        italic = sum(len(p.strip()) for p, _, it in self.parts if it) / letters
        self.parts = []
        if not text:
            return
        self.lines.append(Line(text, heading=any(b.get("heading") for b in self.blocks),
                               linked=linked >= rules.LINKED_SHARE, italic=italic >= 0.9,
                               centred=any(b.get("centred") for b in self.blocks),
                               right=any(b.get("right") for b in self.blocks), after_image=self.after_image))
        self.after_image = False


def block_lines(root, skip=is_furniture) -> list[Line]:
    """The lines ``root`` shows, in page order, without the subtrees ``skip`` or :func:`is_image_block` rejects."""
    walk = _Walk()
    skipped: set = set()
    italic: set = set()
    walker = etree.iterwalk(root, events=("start", "end"))
    for event, element in walker:
        tag = element.tag if isinstance(element.tag, str) else ""
        if event == "start":
            image = bool(tag) and element is not root and is_image_block(element)
            if element is not root and (image or skip(element)):
                skipped.add(element)
                walker.skip_subtree()
                if image or tag in rules.IMAGE_TAGS:
                    walk.flush()
                    walk.after_image = True
                continue
            if tag in rules.IMAGE_TAGS:
                walk.after_image = True
            if tag in rules.BLOCK_TAGS:
                walk.flush()
                walk.blocks.append({"heading": tag in rules.HEADING_TAGS,
                                    "centred": _style(element, rules.CENTRED_STYLE) or element.get("align") == "center",
                                    "right": _style(element, rules.RIGHT_STYLE) or element.get("align") == "right"})
            if tag == "a":
                walk.links += 1
            if tag in rules.ITALIC_TAGS or _style(element, rules.ITALIC_STYLE):
                walk.italics += 1
                italic.add(element)
            walk.add(element.text)
            continue
        if element in skipped:
            skipped.discard(element)
        else:
            if tag == "a":
                walk.links -= 1
            if element in italic:
                italic.discard(element)
                walk.italics -= 1
            if tag in rules.BLOCK_TAGS:
                walk.flush()
                walk.blocks.pop()
        if element is not root:
            walk.add(element.tail)
    walk.flush()
    return walk.lines
