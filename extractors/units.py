"""The cluster's member units, from the list the article gives, and the number of members it states.

``LĐLĐ các quận: Ba Đình, Long Biên`` shares its prefix with every item;
``CĐVC tỉnh`` is a sector union written short; ``công đoàn phường, xã: Quảng Phú,
Hoằng Hóa`` leaves the level to the 2025 administrative map.
"""
from __future__ import annotations

import re

from extractors.lexicon import SECTORS, level_of
from extractors.places import is_known_place, ward_type
from extractors.spans import Span

_UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_LOW = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_LEVELS = r"thành phố|thị xã|thị trấn|phường|huyện|quận|tỉnh|xã|TP\.?"
_LEVEL_WORD = re.compile(rf"\b({_LEVELS})\b", re.IGNORECASE)
_FEDERATION_HEAD = re.compile(r"LĐLĐ|liên đoàn lao động", re.IGNORECASE)
_UNION_HEAD = re.compile(r"\bcông đoàn\b|\bCĐ\b", re.IGNORECASE)
_SECTOR_NAMES = {name.casefold(): name for name in SECTORS.values()}

_TRIGGER_COLON = re.compile(
    rf"(?:bao gồm|gồm)(?:\s+có)?\s+(?:(?P<count>\d{{1,3}})\s+)?(?P<head>[^:;.()\n]{{0,60}}?)\s*(?:gồm\s*)?:\s*"
)
_TRIGGER_BARE = re.compile(
    r"(?:bao gồm|gồm)(?:\s+có)?(?:\s+(?P<count>\d{1,3}))?(?:\s+(?:đơn vị|thành viên))?(?:\s+là)?\s+"
    r"(?P<head>(?:các\s+)?(?:LĐLĐ|Liên đoàn [Ll]ao động|Công đoàn|CĐ[A-ZĐ]*)(?:\s+các)?(?:\s+(?:" + _LEVELS + r"))?)\s+"
)
_TRIGGER_PAREN = re.compile(
    r"(?P<count>\d{1,3})\s+(?P<head>(?:công đoàn|Công đoàn|đơn vị|LĐLĐ)[^():;.\n]{0,40}?)\s*\((?P<body>[^)]+)\)"
)
_ITEM = re.compile(
    rf"^(?P<head>(?:LĐLĐ|Liên đoàn [Ll]ao động|Công đoàn|CĐ(?P<sector>[A-ZĐ]{{1,4}})?)\s+)?(?:các\s+)?"
    rf"(?:(?P<level>{_LEVELS})\s+)?(?P<place>(?:[{_UP}][{_LOW}]*|\d{{1,2}})(?:\s+[{_UP}][{_LOW}]*)*)?\s*(?P<rest>.*)$",
    re.DOTALL,
)
_COUNT_IN_CLUSTER = re.compile(r"(?P<count>\d{1,3})\s+đơn vị\s+(?:thuộc|trong)\s+(?:[Cc]ụm|[Kk]hối)")
_COUNT_OF = re.compile(r"(?:của|gồm)\s+(?P<count>\d{1,3})\s+đơn vị")
_LIST_END = re.compile(r"[.;\n]|\s[-–]\s")


def member_units(text: str, province: str | None) -> tuple[list[dict], tuple[int, Span] | None]:
    """The member units of the first member list in the text, and the stated member count with its span."""
    units: list[dict] = []
    count = None
    for start, body_start, body_end, count_match, head in _lists(text):
        units = _parse_items(text, body_start, body_end, head, province)
        if len(units) >= 2:
            if count_match and count_match["count"]:
                count = (int(count_match.group("count")), count_match.span("count"))
            break
        units = []
    if count is None:
        count = _stated_count(text, len(units))
    return units, count


def _lists(text: str):
    """Candidate member lists: (trigger start, body start, body end, match holding the count, head words)."""
    candidates = []
    for match in _TRIGGER_COLON.finditer(text):
        end = _LIST_END.search(text, match.end())
        candidates.append((match.start(), match.end(), end.start() if end else len(text), match, match["head"]))
    for match in _TRIGGER_BARE.finditer(text):
        end = _LIST_END.search(text, match.end())
        candidates.append((match.start(), match.start("head"), end.start() if end else len(text), match, ""))
    for match in _TRIGGER_PAREN.finditer(text):
        candidates.append((match.start(), match.start("body"), match.end("body"), match, match["head"]))
    return sorted(candidates, key=lambda c: c[0])


def _parse_items(text: str, start: int, end: int, list_head: str, province: str | None) -> list[dict]:
    """Units of one list body; items inherit the head and level of the list or the item before them."""
    if re.search(r"\b(?:đồng chí|đại biểu|nội dung|ông|bà)\b", list_head, re.IGNORECASE):
        return []
    head = _head_of(list_head)
    levels = [level_of(w) for w in _LEVEL_WORD.findall(list_head)]
    units: list[dict] = []
    for item_start, item_end in _item_spans(text, start, end):
        match = _ITEM.match(text[item_start:item_end])
        if not match:
            break
        if match["head"]:
            head = _head_of(match["head"])
        if match["level"]:
            levels = [level_of(match["level"])]
        sector = _sector(match)
        if sector:
            units.append(_sector_unit(sector, match["level"], item_start + match.start(), item_start + match.end("level" if match["level"] else "head")))
            if match["rest"] and not match["rest"].startswith(("tỉnh", "thành phố")):
                break
            continue
        if not match["place"] or head is None and not levels:
            break
        places = _split_places(match["place"])
        place_start = item_start + match.start("place")
        for place in places:
            offset = text.index(place, place_start)
            units.append(_place_unit(place, head, levels, province, (offset, offset + len(place))))
        if match["rest"] or sum(len(p.split()) for p in places) < len(match["place"].split()):
            break
    return units


def _item_spans(text: str, start: int, end: int) -> list[Span]:
    """Spans of the items of a list body split on commas, ``và`` and ``&``."""
    spans, pos = [], start
    for sep in re.finditer(r",|\s+và\s+|\s*&\s*", text[start:end]):
        spans.append((pos, start + sep.start()))
        pos = start + sep.end()
    spans.append((pos, end))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans if text[s:e].strip()]


def _head_of(words: str) -> str | None:
    """The organisation head a list or item names: federations or unions."""
    if _FEDERATION_HEAD.search(words):
        return "Liên đoàn Lao động"
    if _UNION_HEAD.search(words):
        return "Công đoàn"
    return None


def _sector(match: re.Match[str]) -> str | None:
    """The sector of a sector union item (``CĐVC tỉnh`` → Viên chức, ``Công đoàn Y tế tỉnh`` → Y tế)."""
    if match["sector"] in SECTORS:
        return SECTORS[match["sector"]]
    if match["head"] and match["place"]:
        words = f"{match['place']} {match['rest']}".split()
        for size in (3, 2, 1):
            name = " ".join(words[:size]).casefold()
            if name in _SECTOR_NAMES:
                return _SECTOR_NAMES[name]
    return None


def _sector_unit(sector: str, level: str | None, start: int, end: int) -> dict:
    level_word = f" {level_of(level)}" if level else " tỉnh"
    return {"name": f"Công đoàn {sector}{level_word}", "type": "ngành", "place": sector, "evidence": [start, end]}


def _split_places(run: str) -> list[str]:
    """Place names in a run of capitalised syllables: one name, or two glued ones, or a name plus the next sentence."""
    words = run.split()
    if len(words) <= 2 or is_known_place(run):
        return [run]
    if len(words) == 4:
        return [" ".join(words[:2]), " ".join(words[2:])]
    return [" ".join(words[:2])]


def _place_unit(place: str, head: str | None, levels: list[str], province: str | None, span: Span) -> dict:
    """A unit named after a place: level from the list, or from the 2025 map when the list leaves a choice."""
    level = levels[0] if len(levels) == 1 else None
    if len(levels) > 1:
        mapped = ward_type(place, province)
        level = mapped if mapped in levels else None
    if head is None:
        head = "Công đoàn" if level in {"phường", "xã"} else "Liên đoàn Lao động"
    name = " ".join(part for part in (head, level, place) if part)
    return {"name": name, "type": level, "place": place, "evidence": list(span)}


def _stated_count(text: str, found: int) -> tuple[int, Span] | None:
    """The member count stated outside a list: ``6 đơn vị thuộc Cụm``, or ``của 9 đơn vị`` matching the list."""
    match = _COUNT_IN_CLUSTER.search(text)
    if match:
        return int(match["count"]), match.span("count")
    for match in _COUNT_OF.finditer(text):
        if int(match["count"]) == found:
            return found, match.span("count")
    return None
