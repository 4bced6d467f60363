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


@dataclass
class PageIndex:
    """Where every element stands in the page, and the elements each rule of ``page_rules.MARKS`` marks."""

    positions: dict
    marked: dict[str, list[tuple[int, int, object]]]

    def found(self, kind: str) -> list:
        """The elements marked as ``kind``, most trusted rule first, then in page order."""
        return [element for _, _, element in sorted(self.marked.get(kind, []), key=lambda m: m[:2])]


class _Marks:
    """``page_rules.MARKS`` compiled to lookups: whole values and class words by dictionary, parts by regex."""

    def __init__(self, marks: dict) -> None:
        self.exact: dict[tuple[str, str], list[tuple[str, int]]] = {}
        self.parts: dict[str, dict[str, list[tuple[str, int]]]] = {}
        for kind, kind_rules in marks.items():
            for rank, (attribute, how, values) in enumerate(kind_rules):
                for value in values:
                    if how == "has":
                        self.parts.setdefault(attribute, {}).setdefault(value, []).append((kind, rank))
                    else:
                        key = ("class-token" if how == "token" else attribute, value)
                        self.exact.setdefault(key, []).append((kind, rank))
        self.part_patterns = {attribute: re.compile("|".join(re.escape(v) for v in sorted(values, key=len, reverse=True)))
                              for attribute, values in self.parts.items()}

    def of(self, element) -> list[tuple[str, int]]:
        """The (kind, rank) marks an element carries."""
        found = list(self.exact.get(("tag", element.tag), ()))
        for attribute, value in element.items():
            if attribute not in _MARKED_ATTRIBUTES or not value:
                continue
            value = value.lower()
            found += self.exact.get((attribute, value.strip()), ())
            if attribute == "class":
                for token in value.split():
                    found += self.exact.get(("class-token", token), ())
            pattern = self.part_patterns.get(attribute)
            if pattern is not None:
                for match in pattern.finditer(value):
                    found += self.parts[attribute][match.group()]
        return found


_MARKS = _Marks(rules.MARKS)
_MARKED_ATTRIBUTES = frozenset({"itemprop", "rel", "id", "class"})


def index_page(tree) -> PageIndex:
    """One pass over the page: every element's position, and what :data:`page_rules.MARKS` marks."""
    positions = {}
    marked: dict[str, dict] = {}
    for position, element in enumerate(tree.iter()):
        positions[element] = position
        if not isinstance(element.tag, str):
            continue
        for kind, rank in _MARKS.of(element):
            best = marked.setdefault(kind, {})
            if element not in best or rank < best[element][0]:
                best[element] = (rank, position, element)
    return PageIndex(positions, {kind: list(found.values()) for kind, found in marked.items()})


def parse_page(html: str) -> lxml.html.HtmlElement:
    """The page's lxml tree; NotAnArticle when there is no document to parse (control characters
    stay in the tree: :func:`scrapers.cleaning.clean_line` drops them from every line of text)."""
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
    return " ".join("".join(parts).split())


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
        text = " ".join("".join(p for p, _, _ in self.parts).split())
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
