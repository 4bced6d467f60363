"""Bylines: who wrote an article, as Vietnamese papers and portals print it.

A byline is an optional cue (``Bài và ảnh:``, ``Tin, ảnh:``, ``Thực hiện:``, ``Theo``), then one or
more names joined by dashes (``Lê Quỳnh – Xuân Quang``, ``H.Vân - Q.Hùng``), each a person name in
title case or in capitals (``MÃ PHƯƠNG``), initials (``HN``, ``P.V``) or, where the caller allows
it, an organisation (``LĐLĐ Hòa Thành``, ``Văn phòng Công ty``); then what the byline adds and the
name does not keep: an affiliation after a dash or a comma, a parenthesis (``(tổng hợp)``), a
paper's tag (``LDO``). The names of media (``Báo Cà Mau``, ``VietQ.vn``) are never authors, and
:class:`SiteNames` tells a page's own site and publisher names apart.
"""
from __future__ import annotations

import re
import unicodedata

from scrapers import page_words as words
from scrapers.cleaning import VIET_LOWER, VIET_UPPER

MAX_BYLINE = 140
_MAX_NAME_TOKENS = 5
_CUE = re.compile(r"^(?:" + "|".join(re.escape(c) for c in words.BYLINE_CUES) + r")\s*:\s*", re.IGNORECASE)
_THEO = re.compile(r"^theo\s+", re.IGNORECASE)
_NAME_SEPARATOR = re.compile(r"\s+[-–—]+\s*|\s*[-–—]+\s+|\s*/\s+")
_AFFILIATION = re.compile(r"\s*[,(|]")
_SYLLABLE = re.compile(rf"[{VIET_UPPER}][{VIET_LOWER}]{{0,6}}|[{VIET_UPPER}]{{2,7}}")
_INITIALS = re.compile(rf"(?:[{VIET_UPPER}]\.){{1,3}}(?:[{VIET_UPPER}][{VIET_LOWER}]{{0,6}}|[{VIET_UPPER}]{{0,2}})"
                       rf"|[{VIET_UPPER}]{{1,3}}")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:vn|com|net|org|info|gov|edu)\b", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_SITE_SUFFIX = re.compile(r"\s+[-|–—:]\s+")
# Everything that is not a letter or digit; combining marks (tone marks after NFD) are not word characters.
_NOT_LETTER = re.compile(r"[\W_]+")


def byline_name(line: str, organisations: bool = False) -> str | None:
    """The author's name(s) if ``line`` is a byline (see the module docstring), else None.

    ``organisations`` also accepts an organisational byline (``LĐLĐ Hòa Thành``): callers allow it
    where a byline is expected anyway, such as the last line of an article.
    """
    text = line.strip().rstrip(".;,").strip()
    if not text or len(text) > MAX_BYLINE or text.endswith(("?", ":", "!")):
        return None
    if _fold_phrase(text) in words.WIDGET_LINES:
        return None
    text = _CUE.sub("", text, count=1)
    theo = _THEO.match(text)
    if theo:
        text = text[theo.end():]
    if not text or is_media_name(text):
        return None
    if _fold_phrase(text) in words.BYLINE_WORDS:
        return text
    names = _names(text)
    if names:
        return names
    head = _AFFILIATION.split(_NAME_SEPARATOR.split(text, maxsplit=1)[0], maxsplit=1)[0].strip()
    if organisations and not theo and is_organisation(head):
        return head
    return None


def is_person_name(text: str) -> bool:
    """A person's name as bylines write it: capitalised syllables, capitals, or initials (``H.Vân``, ``HN``)."""
    tokens = text.split()
    if not 0 < len(tokens) <= _MAX_NAME_TOKENS:
        return False
    if len(tokens) == 1:
        return bool(_INITIALS.fullmatch(tokens[0]))
    return all(_SYLLABLE.fullmatch(t) or _INITIALS.fullmatch(t) for t in tokens) and \
        not all(len(t) <= 2 and t.isupper() for t in tokens)


def is_organisation(text: str) -> bool:
    """A short organisational byline (``LĐLĐ Hòa Thành``, ``Văn phòng Công ty``), not a medium's name."""
    folded = text.casefold() + " "
    return (folded.startswith(words.ORG_BYLINE_HEADS) and len(text.split()) <= words.ORG_BYLINE_WORDS
            and not _DIGIT.search(text) and not is_media_name(text))


def is_media_name(text: str) -> bool:
    """The name of a paper, portal or agency (``Báo Cà Mau``, ``VietQ.vn``, ``TTXVN``): never an author."""
    folded = text.casefold().strip()
    return (folded.startswith(words.MEDIA_HEADS) or bool(_DOMAIN.search(text))
            or folded in words.AGENCY_TAGS)


class SiteNames:
    """The names a page gives its own site and publisher (og:site_name, publisher, copyright, host)."""

    def __init__(self, names: list[str], hosts: list[str]) -> None:
        self.names = {key for key in (fold(n) for n in names) if len(key) >= 3}
        self.labels = {fold(label) for host in hosts for label in host.split(".")
                       if len(label) >= 5 and label not in {"gov", "www", "online"}}

    def __contains__(self, value: str) -> bool:
        """``value`` is (part of) the site's or publisher's name, or a domain."""
        key = fold(value)
        if not key or _DOMAIN.search(value):
            return bool(key)
        if any(key == name or (len(key) >= 5 and key in name) for name in self.names):
            return True
        return any(label in key for label in self.labels)


def site_title_suffix(title: str) -> str | None:
    """The site name a ``<title>`` carries after its last dash or bar (``... - Báo Dân trí``)."""
    parts = _SITE_SUFFIX.split(title)
    return parts[-1] if len(parts) > 1 else None


def fold(text: str) -> str:
    """Letters and digits only, without case or tone marks: ``Dân Trí`` and ``DAN-TRI`` fold alike."""
    return _NOT_LETTER.sub("", unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D")).casefold())


def _names(text: str) -> str | None:
    """The leading names of a byline joined as written, without affiliation, parenthesis or paper tag."""
    text = _AFFILIATION.split(text, maxsplit=1)[0].strip()
    end = 0
    kept = 0
    pos = 0
    for separator in [*_NAME_SEPARATOR.finditer(text), None]:
        stop = separator.start() if separator else len(text)
        part = _without_tag(text[pos:stop])
        if not is_person_name(part):
            break
        end, kept = pos + len(part), kept + 1
        if separator is None:
            break
        pos = separator.end()
    return text[:end].strip() if kept else None


def _without_tag(part: str) -> str:
    """A name without the agency tag written after it (``Quang Minh LDO`` gives ``Quang Minh``)."""
    tokens = part.split()
    if len(tokens) > 1 and tokens[-1].casefold() in words.AGENCY_TAGS:
        return part[:part.rfind(tokens[-1])].strip()
    return part.strip()


def _fold_phrase(text: str) -> str:
    """Case folded, trailing punctuation and spaces dropped."""
    return text.casefold().strip().rstrip(".:;,!").strip()
