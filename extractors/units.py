"""The cluster's member units, from the list the article gives, and the number of members it states.

``LĐLĐ các quận: Ba Đình, Long Biên`` shares its prefix with every item;
``CĐVC tỉnh`` is a sector union written short; ``công đoàn phường, xã: Quảng Phú,
Hoằng Hóa`` leaves the level to the 2025 administrative map.
"""
from __future__ import annotations

import re

from extractors.lexicon import ADMIN, SECTORS, expand, level_of
from extractors.places import is_known_place, ward_type
from extractors.spans import Span

_UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_LOW = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_LEVEL_WORD = re.compile(rf"\b({ADMIN})\b", re.IGNORECASE)
_FEDERATION_HEAD = re.compile(r"LĐLĐ|liên đoàn lao động", re.IGNORECASE)
_UNION_HEAD = re.compile(r"\bcông đoàn\b|\bCĐ\b", re.IGNORECASE)

_TRIGGER_COLON = re.compile(r"(?=[bgc])(?:bao gồm|gồm|có)(?:\s+có)?\s*(?P<head>[^:;.()\n]{0,60}?)\s*(?:gồm\s*)?:\s*")
_TRIGGER_BARE = re.compile(
    r"(?=[bg])(?:bao gồm|gồm)(?:\s+có)?(?:\s+\d{1,3})?(?:\s+(?:đơn vị|thành viên))?(?:\s+là)?\s+"
    r"(?P<head>(?:các\s+)?(?:LĐLĐ|Liên đoàn [Ll]ao động|Công đoàn|CĐ[A-ZĐ]*)(?:\s+các)?(?:\s+" + ADMIN + r")?)\s+"
)
_TRIGGER_PAREN = re.compile(
    r"(?=\d)(?P<head>\d{1,3}\s+(?:công đoàn|Công đoàn|đơn vị|LĐLĐ)[^():;.\n]{0,40}?)\s*\((?P<body>[^)]+)\)"
)
_ITEM = re.compile(
    rf"^(?P<head>(?:LĐLĐ|Liên đoàn [Ll]ao động|Công đoàn|CĐ)\s+)?(?:các\s+)?"
    rf"(?:(?P<level>{ADMIN})\s*:?\s+)?(?P<place>(?:[{_UP}][{_LOW}]*|\d{{1,2}})(?:\s+[{_UP}][{_LOW}]*)*)?\s*(?P<rest>.*)$",
    re.DOTALL,
)
_SECTOR_ITEM = re.compile(
    rf"^(?:CĐ(?P<abbr>[A-ZĐ]{{1,4}})|Công đoàn\s+(?P<name>(?:ngành\s+)?[{_UP}].*?))(?:\s+(?P<level>tỉnh|thành phố))?$",
    re.DOTALL,
)
_COUNT = re.compile(r"\b(?P<count>\d{1,3})\b")
_COUNT_IN_CLUSTER = re.compile(
    r"(?=\d)(?:(?P<count>\d{1,3})\s+(?:đơn vị|công đoàn ngành|công đoàn|LĐLĐ)(?:\s+thành viên)?\s+(?:thuộc|trong|của)\s+(?:[Cc]ụm|[Kk]hối)"
    r"|(?P<count2>\d{1,3})\s+đơn vị thành viên)"
)
_COUNT_OF = re.compile(r"(?=[cg])(?:của|gồm)\s+(?P<count>\d{1,3})\s+đơn vị")
# Capitalised words that open a sentence, so that "Mường Lát Toàn cụm có" ends the place at "Lát".
SENTENCE_STARTERS = frozenset(
    "Toàn Trong Năm Các Tại Theo Hội Sau Với Qua Những Hiện Ngoài Bên Đây Kết Dự Về Đến Nhằm Cùng Tham Phát "
    "Tiếp Thực Ngày Sáng Chiều Đồng Để Nhờ Do Khi Từ Thông Riêng Đặc Mặc Tuy Như Còn Ông Bà".split()
)
_LIST_END = re.compile(r"[.\n]|\s[-–]\s")
_SECTOR_SPLIT = re.compile(r",|;|\s+và\s+(?=Công đoàn|CĐ)")
_PLACE_SPLIT = re.compile(r",|;|\s+và\s+|\s*&\s*")


def member_units(text: str, province: str | None) -> tuple[list[dict], tuple[int, Span] | None]:
    """The member units of the first member list in the text, and the stated member count with its span."""
    for body_start, body_end, head, head_start in _lists(text):
        units = _parse_items(text, body_start, body_end, head, province)
        if len(units) >= 2:
            count = _COUNT.search(head)
            if count:
                return units, (int(count["count"]), (head_start + count.start(), head_start + count.end()))
            return units, _stated_count(text, len(units))
    return [], _stated_count(text, 0)


def _lists(text: str) -> list[tuple[int, int, str, int]]:
    """Candidate member lists in text order: (body start, body end, head words, where the head starts)."""
    candidates = []
    for match in _TRIGGER_COLON.finditer(text):
        end = _LIST_END.search(text, match.end())
        candidates.append((match.end(), end.start() if end else len(text), match["head"], match.start("head")))
    for match in _TRIGGER_BARE.finditer(text):
        end = _LIST_END.search(text, match.end())
        candidates.append((match.start("head"), end.start() if end else len(text), text[match.start():match.start("head")],
                           match.start()))
    for match in _TRIGGER_PAREN.finditer(text):
        candidates.append((match.start("body"), match.end("body"), match["head"], match.start("head")))
    return sorted(candidates)


def _parse_items(text: str, start: int, end: int, list_head: str, province: str | None) -> list[dict]:
    """Units of one list body; items inherit the head and level of the list or the item before them."""
    if re.search(r"\b(?:đồng chí|đại biểu|nội dung|ông|bà)\b", list_head, re.IGNORECASE):
        return []
    first = text[start:end].lstrip()
    if "ngành" in list_head or _SECTOR_ITEM.match(_PLACE_SPLIT.split(first, 1)[0].strip()):
        return _sector_units(text, start, end)
    head = _head_of(list_head)
    levels = [level_of(w) for w in _LEVEL_WORD.findall(list_head)]
    units: list[dict] = []
    for item_start, item_end in _item_spans(text, start, end, _PLACE_SPLIT):
        match = _ITEM.match(text[item_start:item_end])
        if match["head"]:
            head = _head_of(match["head"])
        if match["level"]:
            levels = [level_of(match["level"])]
        if not match["place"] or head is None and not levels:
            break
        places = _split_places(match["place"], bool(match["rest"]))
        place_start = item_start + match.start("place")
        for place in places:
            offset = text.index(place, place_start)
            units.append(_place_unit(place, head, levels, province, (offset, offset + len(place))))
        if match["rest"] or sum(len(p.split()) for p in places) < len(match["place"].split()):
            break
    return units


def _sector_units(text: str, start: int, end: int) -> list[dict]:
    """Sector unions of a list: ``CĐVC tỉnh``, ``Công đoàn ngành Xây dựng``, ``Công đoàn Y tế tỉnh``."""
    units = []
    for item_start, item_end in _item_spans(text, start, end, _SECTOR_SPLIT):
        item = text[item_start:item_end].strip()
        match = _SECTOR_ITEM.match(item)
        if not match:
            break
        if match["abbr"]:
            if match["abbr"] not in SECTORS:
                break
            place = SECTORS[match["abbr"]]
        else:
            place = expand(re.sub(r"^ngành\s+", "", match["name"]))
        units.append({"name": expand(item), "type": "ngành", "place": place, "evidence": [item_start, item_end]})
    return units


def _item_spans(text: str, start: int, end: int, separators: re.Pattern[str]) -> list[Span]:
    """Spans of the items of a list body, split where ``separators`` match."""
    spans, pos = [], start
    for sep in separators.finditer(text, start, end):
        spans.append((pos, sep.start()))
        pos = sep.end()
    spans.append((pos, end))
    return [(s + len(text[s:e]) - len(text[s:e].lstrip()), e) for s, e in spans if text[s:e].strip()]


def _head_of(words: str) -> str | None:
    """The organisation head a list or item names: federations or unions."""
    if _FEDERATION_HEAD.search(words):
        return "Liên đoàn Lao động"
    if _UNION_HEAD.search(words):
        return "Công đoàn"
    return None


def _split_places(run: str, sentence_goes_on: bool) -> list[str]:
    """Place names in a run of capitalised syllables.

    One name; or two glued names (``Thường Xuân Bá Thước``: four syllables); or, when the run goes on with a
    word that opens sentences (``Mường Lát Toàn cụm có...``, a lost full stop), a name of two syllables.
    """
    words = run.split()
    if sentence_goes_on and len(words) > 2 and words[-1] in SENTENCE_STARTERS:
        words = words[:-1]
    run = " ".join(words)
    if len(words) == 4 and not is_known_place(run):
        return [" ".join(words[:2]), " ".join(words[2:])]
    return [run]


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
        group = "count" if match["count"] else "count2"
        return int(match[group]), match.span(group)
    for match in _COUNT_OF.finditer(text):
        if int(match["count"]) == found:
            return found, match.span("count")
    return None
