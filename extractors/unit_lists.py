"""Enumerations of member units: where a list starts and ends, what its items inherit, and the units it names.

An enumeration is a trigger (``gồm``, ``bao gồm``), a colon after a counted member
noun, or a bracket after one; a head phrase that the items share (``LĐLĐ các
huyện``, ``10 công đoàn phường, xã``); and items split at commas, semicolons and a
last ``và``, each read by the organisation grammar of :mod:`extractors.orgs`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from functools import lru_cache

from extractors import grammar, orgs
from extractors.lexicon import ADMIN, expand, level_of
from extractors.org_places import starts_with_place
from extractors.orgs import Prefix, Unit
from extractors.sentences import LOW, UP, sentence_end
from extractors.spans import Span
from extractors.unit_bare import bare_federation
from extractors.unit_words import BACK_CHARS, CLUSTER_WORD, back, count_of, discarded, patterns, qualified

_HEAD_CHARS = 70          # how far a head phrase may reach from its trigger to the colon
_COLON_BACK_CHARS = 170   # how far back the counted noun of a colon list may stand ("bình bầu 02 đơn vị ...:")
_BULLET = re.compile(r"\n\n(?:[-+•*–]\s*|\d{1,2}[.)]\s+)(?=\S)")
_COUNT_AFTER_TRIGGER = re.compile(r"\s*(?:các\s+)?(\d{1,3})\s+(?=\S)")
_NONSPACE = re.compile(r"\S+")
_SECTOR_SHORT = re.compile(r"CĐ[A-ZĐ]")
_CONJUNCTION = re.compile(r"\s+(?:và|&)\s+")
_NUMBERED_BEFORE = re.compile(r"(?:[Ss]ố|SỐ|[Cc]ụm|[Kk]hối|CỤM|KHỐI|[Tt]hi đua)\s*$")
_PROTECT_COMMA = re.compile(r"Văn hóa, Thể thao|Lao động, Thương binh|Thể thao, Du lịch")


@dataclass
class Enumeration:
    """One enumeration: where its items are, what they inherit, the count its head states."""

    start: int
    end: int
    prefix: Prefix
    count: tuple[int, Span] | None
    strict: bool


def enumerations(text: str) -> list[Enumeration]:
    """Enumerations in text order: after a trigger, after a colon that follows a counted noun, inside brackets."""
    found = []
    pats = patterns()
    for match in pats["trigger"].finditer(text):
        item = _after_trigger(text, match.start(), match.end())
        if item:
            found.append(item)
    for pos in (m.start() for m in re.finditer(r":", text)):
        item = _after_colon(text, pos)
        if item:
            found.append(item)
    for pos in (m.start() for m in re.finditer(r"\(", text)):
        item = _in_brackets(text, pos)
        if item:
            found.append(item)
    for match in _plural_head().finditer(text):
        if not any(f.start <= match.end() < f.end for f in found):
            item = _after_plural_head(text, match)
            if item:
                found.append(item)
    return sorted(found, key=lambda f: f.start)


@lru_cache(maxsize=1)
def _plural_head() -> re.Pattern[str]:
    """A head made plural by ``các`` or a count before a level and places, with no trigger: ``các LĐLĐ huyện A, B
    và C``, ``LĐLĐ các huyện A, B``, ``công an 5 tỉnh A, B``, ``Ủy ban MTTQ Việt Nam các huyện A, B``."""
    levels = rf"{ADMIN}(?:\s*(?:,|và)\s*{ADMIN})*"
    return re.compile(rf"(?<![{LOW}\w])(?:(?P<pre>các|\d{{1,3}})\s+)?(?P<head>{_head_phrase()})"
                      rf"\s+(?:(?P<post>các|\d{{1,3}})\s+)?(?P<levels>{levels})\s+(?=[{UP}])")


@lru_cache(maxsize=1)
def _head_phrase() -> str:
    """A union's, federation's or agency's head with up to four capitalised words of its own (``Ủy ban MTTQ Việt
    Nam``); an agency's head may be written in lowercase (``công an``)."""
    forms = [f for f, (kind, _) in grammar.org_heads().items() if kind in {"union", "federation", "agency"}]
    heads = grammar.alternation(forms + [f[0].lower() + f[1:] for f in forms if f[1:2].islower()])
    return rf"(?:{heads})(?:\s+[{UP}]\S*){{0,4}}?"


def _after_plural_head(text: str, match: re.Match[str]) -> Enumeration | None:
    """The list that a plural head opens, when its first item is a place the gazetteer knows and more follow."""
    if not (match["pre"] or match["post"]) or not starts_with_place(text[match.end():]):
        return None
    if match["pre"] and _NUMBERED_BEFORE.search(text, max(0, match.start() - 12), match.start()):
        return None                      # "Cụm thi đua số 6 LĐLĐ tỉnh X": the cluster's number
    end = _list_end(text, match.end(), match.start())
    if not re.search(r",|\svà\s", text[match.end():end]):
        return None
    numeral = match["pre"] if (match["pre"] or "").isdigit() else match["post"]
    count = (int(numeral), match.span("pre" if numeral == match["pre"] else "post")) if (numeral or "").isdigit() else None
    levels = tuple(dict.fromkeys(level_of(m.group()) for m in patterns()["level"].finditer(match["levels"])))
    return Enumeration(match.end(), end, Prefix(head=_shared_head(match["head"]), levels=levels), count, strict=True)


def _shared_head(written: str) -> str | None:
    """The head that a list's items share: a union's or federation's canonical head, an agency as written out."""
    found = orgs.head_at(written[0].upper() + written[1:])
    if found and found[0] in {"union", "federation"}:
        return None if found[1] == "Công đoàn ngành" else found[1]
    full = expand(" ".join(written.split()))
    return full[0].upper() + full[1:]


def _after_trigger(text: str, start: int, end: int) -> Enumeration | None:
    """``gồm 6 tỉnh: A, B``, ``gồm LĐLĐ các huyện A, B``, ``LĐLĐ 6 huyện, thị xã gồm A, B``."""
    before = back(text, start)
    if discarded(" ".join(before.split()[-3:])):
        return None
    colon = text.find(":", end, end + _HEAD_CHARS)
    stop = sentence_end(text, end)
    phrase = ""
    body = end
    if colon >= 0 and colon < stop and _noun_phrase(text[end:colon]):
        phrase, body = text[end:colon], colon + 1
    else:
        counted = _COUNT_AFTER_TRIGGER.match(text, end)
        if counted and patterns()["count"].match(text, counted.start(1)):
            phrase = text[end:counted.end()]
            body = counted.end()
    if discarded(phrase):
        return None
    prefix = _prefix(phrase) if phrase.strip() else _prefix(before)
    count = _head_count(text, end, phrase) if phrase.strip() else _head_count(text, start - len(before), before)
    return Enumeration(body, _list_end(text, body, start), prefix, count, strict=False)


def _after_colon(text: str, colon: int) -> Enumeration | None:
    """``4 huyện: A, B``, ``đại diện 07 Công đoàn cơ sở các cơ quan, đơn vị: A, B``, ``có 12 đơn vị: A, B``."""
    before = text[max(0, colon - _COLON_BACK_CHARS):colon]
    if "các" not in before and not any(c.isdigit() for c in before):
        return None
    head_start = colon - len(back(text, colon, stops=r"[.!?;\n(]", reach=_COLON_BACK_CHARS))
    head = text[head_start:colon]
    if patterns()["trigger"].search(head[-_HEAD_CHARS:]):
        return None                      # the trigger's own list
    counted = list(patterns()["count"].finditer(head))
    plural = patterns()["plural"].search(head[-_HEAD_CHARS:])
    if plural and not (counted and counted[-1].start() > len(head) - _HEAD_CHARS + plural.start()):
        at = len(head) - len(head[-_HEAD_CHARS:]) + plural.start()
        phrase = head[at:]
        if discarded(phrase):
            return None
        return Enumeration(colon + 1, _list_end(text, colon + 1, head_start), _prefix(head[max(0, at - 40):]),
                           None, strict=False)
    if not counted or discarded(head[counted[-1].start():]):
        return None
    last = counted[-1]
    strict = colon - (head_start + last.end()) > 40
    phrase = head[last.start():]
    introduced = patterns()["intro"].search(head, 0, last.start()) or CLUSTER_WORD.search(head, 0, last.start())
    count = count_of(last, head_start) if introduced and not qualified(head[last.end():]) else None
    return Enumeration(colon + 1, _list_end(text, colon + 1, head_start), _prefix(phrase), count, strict)


def _in_brackets(text: str, bracket: int) -> Enumeration | None:
    """``4 công đoàn ngành (CĐVC tỉnh, CĐYT tỉnh)``, ``LĐLĐ các tỉnh trong Cụm ... (Bình Thuận, Bình Dương)``."""
    reach = text[max(0, bracket - BACK_CHARS):bracket]
    if "các" not in reach and not any(c.isdigit() for c in reach):
        return None
    before = back(text, bracket, stops=r"[.!?;:\n()]")
    close = text.find(")", bracket)
    if close < 0 or patterns()["trigger"].match(text, bracket + 1) or not before.strip():
        return None
    counted = list(patterns()["count"].finditer(before))
    plural = re.search(rf"\bcác\s+(?:{ADMIN})\b", before)
    if not counted and not plural:
        return None
    anchor = counted[-1].start() if counted else plural.start()
    phrase = before[anchor:]
    if discarded(phrase):
        return None
    head_start = bracket - len(before)
    count = count_of(counted[-1], head_start) if counted and not qualified(before[counted[-1].end():]) else None
    prefix = _prefix(before[max(0, anchor - 25):])
    return Enumeration(bracket + 1, close, prefix, count, strict=False)


def _list_end(text: str, body: int, head_start: int) -> int:
    """Where a list body ends: the sentence's end, the bracket that closes one opened before the list, or, for a
    colon that ends its line, the last of the bullet lines that follow (``- LĐLĐ huyện A``)."""
    line_end = text.find("\n", body)
    if not text[body:line_end if line_end >= 0 else len(text)].strip():
        pos = body
        while pos < len(text) and text[pos] == " ":
            pos += 1
        while (bullet := _BULLET.match(text, pos)):
            nxt = text.find("\n", bullet.end())
            pos = nxt if nxt >= 0 else len(text)
        if pos > body:
            return pos
    end = sentence_end(text, body)
    opened = text.rfind("(", max(0, head_start - BACK_CHARS), body)
    if opened >= 0 and text.find(")", opened, body) < 0:
        close = text.find(")", body)
        if 0 <= close:
            end = min(end, close) if close < end else close
    return end


def _noun_phrase(phrase: str) -> bool:
    """Whether a head phrase between a trigger and a colon names members (``6 tỉnh``, ``các đơn vị``, ````)."""
    phrase = phrase.strip()
    return not phrase or bool(patterns()["noun"].match(phrase)) or phrase in {"những đơn vị sau", "các đơn vị sau"}


def _prefix(phrase: str) -> Prefix:
    """What the items of a list inherit from its head phrase: head, levels, an institution prefix, sector."""
    head = None
    org = None
    for word in _NONSPACE.finditer(phrase):
        found = orgs.head_at(phrase, word.start())
        if not found:
            continue
        kind, canonical, end = found
        if kind in {"union", "federation"} and head is None:
            head = canonical
        elif kind in {"enterprise", "school", "health"} and org is None:
            org = " ".join(phrase[word.start():].split()).strip(" ,:")
    levels = tuple(dict.fromkeys(level_of(m.group()) for m in patterns()["level"].finditer(phrase)))
    sector = bool(re.search(r"(?i)công đoàn ngành|ngành", phrase))
    if head == "Công đoàn ngành":
        head = None
    agency = None if head or org else re.search(rf"(?<![{LOW}\w])(?P<head>{_head_phrase()})\s+(?:các\s+|\d{{1,3}}\s+)?"
                                                 rf"(?:{ADMIN})(?![{LOW}\w])", phrase)
    if agency:                           # "03 đơn vị Ủy ban MTTQ Việt Nam các huyện: A, B"
        head = _shared_head(agency["head"])
    return Prefix(head=head, levels=levels, org=org, sector=sector)


def _head_count(text: str, offset: int, phrase: str) -> tuple[int, Span] | None:
    """The count a head phrase states (``gồm 6 tỉnh``, ``LĐLĐ 6 huyện, thị xã gồm``), unless it is a subset."""
    counted = list(patterns()["count"].finditer(phrase))
    if not counted or qualified(phrase[counted[-1].end():]):
        return None
    return count_of(counted[-1], offset)


def read_items(text: str, found: Enumeration, province: str | None) -> list[Unit]:
    """The units of one list body; the list ends at the first item that names no organisation.

    The last item may hold two joined by ``và``: it is split when what follows ``và`` opens an item of its own.
    """
    units: list[Unit] = []
    prefix = found.prefix
    spans = _item_spans(text, found.start, found.end)
    if found.end == len(text) and spans and not text.rstrip().endswith((".", ")", "”", '"')):
        spans = spans[:-1]               # the stored copy is cut inside the last item
    for i, (start, end) in enumerate(spans):
        parts = _split_conjunction(text, start, end, prefix, province, found.strict, last=i == len(spans) - 1)
        for part_start, part_end in parts:
            before = prefix
            items, prefix = orgs.parse(text[part_start:part_end], part_start, prefix, province, found.strict)
            if not items and units and (bare := bare_federation(text, part_start, part_end, province)):
                items, prefix = [bare], before   # "..., Liên đoàn Lao động tỉnh, ...": a member, not a shared head
            if not items:
                return units
            units += items
    return units


def _split_conjunction(text: str, start: int, end: int, prefix: Prefix, province: str | None,
                       strict: bool, last: bool) -> list[Span]:
    """An item cut at its last ``và``/``&`` when the part before reads as a unit and the part after opens one
    (inside the list, only before the head of a union or federation: ``LĐLĐ thị xã A và LĐLĐ các huyện: B``)."""
    for conj in reversed(list(_CONJUNCTION.finditer(text, start, end))):
        right = text[conj.end():end]
        head = orgs.head_at(right)
        if not last and not (head and head[0] in {"union", "federation"}):
            continue
        if prefix.sector and _sector_across(text, start, conj.end()):
            continue                     # "Văn hóa, Thể thao và Du lịch" is one sector
        left = (start, conj.start())
        items, after = orgs.parse(text[left[0]:left[1]], left[0], prefix, province, strict)
        if items and _starts_item(right, after):
            return [left, (conj.end(), end)]
    return [(start, end)]


def _sector_across(text: str, start: int, conj_end: int) -> bool:
    """Whether a sector's name that starts inside ``text[start:conj_end]`` runs across the conjunction."""
    return any((end := orgs.sector_at(text, word.start())) is not None and end > conj_end
               for word in _NONSPACE.finditer(text, start, conj_end))


def _item_spans(text: str, start: int, end: int) -> list[Span]:
    """Items of a list body: split at commas (not inside numbers) and semicolons outside brackets."""
    spans, pos, depth = [], start, 0
    protected = [m.span() for m in _PROTECT_COMMA.finditer(text, start, end)]
    for i in range(start, end):
        char = text[i]
        if char == "(":
            depth += 1
        elif char == ")":
            depth = max(0, depth - 1)
        elif (char in ",;" and depth == 0 and not any(a <= i < b for a, b in protected) and not (
                char == "," and text[i - 1:i].isdigit() and text[i + 1:i + 2].isdigit())) or char == "\n":
            spans.append((pos, i))
            pos = i + 1
    spans.append((pos, end))
    spans = [(s + len(text[s:e]) - len(text[s:e].lstrip(" -+•*–\n")), e) for s, e in spans]
    return [s for s in spans if text[s[0]:s[1]].strip(" .;")]


def _starts_item(text: str, prefix: Prefix) -> bool:
    """Whether ``text`` opens an item of its own: a head, a level, or a capitalised place in a list of places."""
    if orgs.head_at(text) or patterns()["level"].match(text) or _SECTOR_SHORT.match(text):
        return True
    if prefix.sector and orgs.sector_at(text) is not None:
        return True                      # "Công đoàn ngành Y tế, Xây dựng và Giao thông vận tải"
    return bool((prefix.levels or prefix.org) and text[:1].isupper()) or starts_with_place(text)
