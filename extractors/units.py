"""The cluster's member units, from the enumerations the article gives, and the number of members it states.

An enumeration is a trigger (``gồm``, ``bao gồm``, a colon after a counted member
noun, a bracket after one), a head phrase that the items share (``LĐLĐ các
huyện``, ``10 công đoàn phường, xã``, ``5 Công ty cao su``) and items split at
commas, semicolons and a last ``và``; each item is read by the organisation
grammar of :mod:`extractors.orgs`. Units named only by their cluster role
(``LĐLĐ quận X làm Trưởng khối``) are members too. The stated count is read in any
of the genre's wordings (``gồm 6 tỉnh``, ``7 đơn vị thuộc Cụm``, ``LĐLĐ 9 huyện (Cụm 1)``,
``Khối thi đua ... có 17 đơn vị``). The words are data (``data/unit_lists.tsv``).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extractors import grammar, orgs
from extractors.lexicon import ADMIN, SURNAMES, level_of
from extractors.orgs import LOW, Prefix, Unit
from extractors.places import name_key
from extractors.sentences import sentence_at, sentence_end, word_spots
from extractors.spans import Span

_MIN_ITEMS = 2
_HEAD_CHARS = 70          # how far a head phrase may reach from its trigger to the colon
_BACK_CHARS = 90          # how far back the phrase before a trigger or a role may reach
_COLON_BACK_CHARS = 170   # how far back the counted noun of a colon list may stand ("bình bầu 02 đơn vị ...:")
_SUBJECT_CHARS = 90       # how far after a cluster's name its verb "có/gồm N ..." may stand
_CLAUSE_START = re.compile(r"[.!?;:\n(]|\s[-–]\s")
_CLUSTER_WORD = re.compile(r"(?<!\w)(?:[Cc]ụm|[Kk]hối|CỤM|KHỐI)(?!\w)")
_BULLET = re.compile(r"\n\n(?:[-+•*–]\s*|\d{1,2}[.)]\s+)(?=\S)")
_COUNT_AFTER_TRIGGER = re.compile(r"\s*(?:các\s+)?(\d{1,3})\s+(?=\S)")
_AGENT = re.compile(r"\s(?:được|do)\s")
_APPOINTED = re.compile(r"\b(?:chỉ định|bầu|công nhận|giao|phân công|bầu chọn)\s*$")
_ALSO = re.compile(r"\s(?:và|cùng)\s")
_NONSPACE = re.compile(r"\S+")
_SECTOR_SHORT = re.compile(r"CĐ[A-ZĐ]")
_CONJUNCTION = re.compile(r"\s+(?:và|&)\s+")
_PARENT_TIE = re.compile(r"(?<!\w)(?:trực thuộc|thuộc|của)\s+(?:\S+\s+){0,4}$")
_HOSTS = re.compile(r"(?=tổ|đă)(?:tổ chức|đăng cai)\s+(?:\w+\s+){0,2}?(?:[Hh]ội nghị|HỘI NGHỊ|[Hh]ội thi|[Hh]ội thao|"
                    r"[Gg]iao lưu|[Hh]ọp mặt|[Bb]uổi|[Ll]ễ)(?!\w)")
_HOST_VERB_BEFORE = re.compile(r"\s(?:đã\s+)?$")
_AFTER_CLUSTER = 45       # a unit this close after the cluster's name is the organisation it belongs to
_PROTECT_COMMA = re.compile(r"Văn hóa, Thể thao|Lao động, Thương binh|Thể thao, Du lịch")


def _words(role: str) -> str:
    return grammar.alternation(grammar.words("unit_lists.tsv", role))


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern[str]]:
    nouns = f"(?:{_words('member_noun')}|{_words('member_level')})"
    not_letter = f"(?<![{LOW}\\w])"
    after = f"(?![{LOW}\\w])"
    return {
        "trigger": re.compile(rf"(?=bao|gồm){not_letter}(?:{_words('trigger')}){after}"),
        "count": re.compile(rf"(?=\d){not_letter}(?P<n>\d{{1,3}})(?:/(?P<m>\d{{1,3}}))?\s+(?P<noun>{nouns}){after}",
                            re.IGNORECASE),
        "discard": re.compile(rf"{not_letter}(?:{_words('discard')}){after}"),
        "qualifier": re.compile(rf"^[\s,]*(?:\S+\s+){{0,2}}?(?:{_words('qualifier')}){after}"),
        "tie": re.compile(rf"(?P<mods>(?:[\s,–-]+[^\s,.;:()]+){{0,7}}?)\s*(?:(?:{_words('tie')})\s+|\(\s*)"
                          rf"(?:[Cc]ụm|[Kk]hối|CỤM|KHỐI){after}"),
        "subject": re.compile(rf"[^.;:\n()]{{0,{_SUBJECT_CHARS}}}?\s(?:có|gồm có|gồm|bao gồm)\s+(?P<n>\d{{1,3}})\s+"
                              rf"{nouns}{after}", re.IGNORECASE),
        "intro": re.compile(rf"{not_letter}(?:{_words('count_intro')})(?:\s+\S+){{0,2}}\s+$"),
        "plural": re.compile(rf"{not_letter}các\s+(?:{_words('member_noun')}){after}(?:\s+[^\s,.;:()]+){{0,4}}\s*$",
                             re.IGNORECASE),
        "members": re.compile(rf"(?=\d){not_letter}(?P<n>\d{{1,3}})\s+(?:đơn vị\s+)?thành viên{after}"),
        "cluster_has": re.compile(rf"(?=[CcKk])(?<!\w)(?<![Tt]oàn )(?<![Mm]ỗi )(?<!các )(?:[Cc]ụm|[Kk]hối)(?:\s+thi đua)?"
                                  rf"\s+(?:gồm có|gồm|có|bao gồm)\s+(?P<n>\d{{1,3}})\s+{nouns}{after}", re.IGNORECASE),
        "level": re.compile(rf"{not_letter}(?:{ADMIN}){after}"),
        "noun": re.compile(rf"^\s*(?:các\s+)?(?:\d{{1,3}}\s+)?{nouns}{after}", re.IGNORECASE),
    }


@dataclass
class _List:
    """One enumeration: where its items are, what they inherit, the count its head states."""

    start: int
    end: int
    prefix: Prefix
    count: tuple[int, Span] | None
    strict: bool


def member_units(text: str, province: str | None, clusters: list[dict]) -> tuple[list[dict], tuple[int, Span] | None,
                                                                                 list[Unit]]:
    """The member units of the text's enumerations and role mentions, the stated member count with its span,
    and the units named by a cluster role (leader first).

    ``clusters`` are the mentions of the article's cluster (``span``, optional ``count``), which the count
    statements are tied to.
    """
    units: list[Unit] = []
    counts: list[tuple[int, Span]] = []
    for found in _lists(text):
        items = _read_items(text, found, province)
        if len(items) >= _MIN_ITEMS:
            units += items
            if found.count:
                counts.append(found.count)
    roles = role_units(text, province)
    hosts = [] if units else host_units(text, province, clusters, units)
    merged = _merge(units + roles + hosts)
    count = _cluster_count(clusters) or (counts[0] if counts else None) or _stated_count(text, clusters, len(merged))
    return [u.record() for u in merged], count, roles


def _merge(units: list[Unit]) -> list[Unit]:
    """Units once each, the first mention's record kept (a role found later is kept): two mentions are one unit
    when their names or aliases meet (``Công đoàn Ủy ban Dân tộc`` and ``Ủy ban Dân tộc``)."""
    kept: list[Unit] = []
    owner: dict[str, Unit] = {}
    for unit in units:
        keys = {name_key(n) for n in (unit.name, *unit.aliases)}
        first = next((owner[k] for k in keys if k in owner), None)
        if first:
            first.role = first.role or unit.role
            first.person = first.person or unit.person
        else:
            kept.append(unit)
            first = unit
        for key in keys:
            owner.setdefault(key, first)
    return kept


# --------------------------------------------------------------------------- finding enumerations


def _lists(text: str) -> list[_List]:
    """Enumerations in text order: after a trigger, after a colon that follows a counted noun, inside brackets."""
    found = []
    pats = _patterns()
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
    return sorted(found, key=lambda f: f.start)


def _after_trigger(text: str, start: int, end: int) -> _List | None:
    """``gồm 6 tỉnh: A, B``, ``gồm LĐLĐ các huyện A, B``, ``LĐLĐ 6 huyện, thị xã gồm A, B``."""
    before = _back(text, start)
    if _discarded(" ".join(before.split()[-3:])):
        return None
    colon = text.find(":", end, end + _HEAD_CHARS)
    stop = sentence_end(text, end)
    phrase = ""
    body = end
    if colon >= 0 and colon < stop and _noun_phrase(text[end:colon]):
        phrase, body = text[end:colon], colon + 1
    else:
        counted = _COUNT_AFTER_TRIGGER.match(text, end)
        if counted and _patterns()["count"].match(text, counted.start(1)):
            phrase = text[end:counted.end()]
            body = counted.end()
    if _discarded(phrase):
        return None
    prefix = _prefix(phrase) if phrase.strip() else _prefix(before)
    count = _head_count(text, end, phrase) if phrase.strip() else _head_count(text, start - len(before), before)
    return _List(body, _list_end(text, body, start), prefix, count, strict=False)


def _after_colon(text: str, colon: int) -> _List | None:
    """``4 huyện: A, B``, ``đại diện 07 Công đoàn cơ sở các cơ quan, đơn vị: A, B``, ``có 12 đơn vị: A, B``."""
    before = text[max(0, colon - _COLON_BACK_CHARS):colon]
    if "các" not in before and not any(c.isdigit() for c in before):
        return None
    head_start = colon - len(_back(text, colon, stops=r"[.!?;\n(]", reach=_COLON_BACK_CHARS))
    head = text[head_start:colon]
    if _patterns()["trigger"].search(head[-_HEAD_CHARS:]):
        return None                      # the trigger's own list
    counted = list(_patterns()["count"].finditer(head))
    plural = _patterns()["plural"].search(head[-_HEAD_CHARS:])
    if plural and not (counted and counted[-1].start() > len(head) - _HEAD_CHARS + plural.start()):
        phrase = head[len(head) - len(head[-_HEAD_CHARS:]) + plural.start():]
        if _discarded(phrase):
            return None
        return _List(colon + 1, _list_end(text, colon + 1, head_start), _prefix(phrase), None, strict=False)
    if not counted or _discarded(head[counted[-1].start():]):
        return None
    last = counted[-1]
    strict = colon - (head_start + last.end()) > 40
    phrase = head[last.start():]
    introduced = _patterns()["intro"].search(head, 0, last.start()) or _CLUSTER_WORD.search(head, 0, last.start())
    count = _count_of(last, head_start) if introduced and not _qualified(head[last.end():]) else None
    return _List(colon + 1, _list_end(text, colon + 1, head_start), _prefix(phrase), count, strict)


def _in_brackets(text: str, bracket: int) -> _List | None:
    """``4 công đoàn ngành (CĐVC tỉnh, CĐYT tỉnh)``, ``LĐLĐ các tỉnh trong Cụm ... (Bình Thuận, Bình Dương)``."""
    reach = text[max(0, bracket - _BACK_CHARS):bracket]
    if "các" not in reach and not any(c.isdigit() for c in reach):
        return None
    before = _back(text, bracket, stops=r"[.!?;:\n()]")
    close = text.find(")", bracket)
    if close < 0 or _patterns()["trigger"].match(text, bracket + 1) or not before.strip():
        return None
    counted = list(_patterns()["count"].finditer(before))
    plural = re.search(rf"\bcác\s+(?:{ADMIN})\b", before)
    if not counted and not plural:
        return None
    anchor = counted[-1].start() if counted else plural.start()
    phrase = before[anchor:]
    if _discarded(phrase):
        return None
    head_start = bracket - len(before)
    count = _count_of(counted[-1], head_start) if counted and not _qualified(before[counted[-1].end():]) else None
    prefix = _prefix(before[max(0, anchor - 25):])
    return _List(bracket + 1, close, prefix, count, strict=False)


def _back(text: str, pos: int, stops: str = r"[.!?;\n(]", reach: int = _BACK_CHARS) -> str:
    """The text before ``pos`` back to the clause's start, at most ``reach`` characters."""
    window = text[max(0, pos - reach):pos]
    cut = [m.end() for m in re.finditer(stops, window)]
    return window[cut[-1]:] if cut else window


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
    opened = text.rfind("(", max(0, head_start - _BACK_CHARS), body)
    if opened >= 0 and text.find(")", opened, body) < 0:
        close = text.find(")", body)
        if 0 <= close:
            end = min(end, close) if close < end else close
    return end


def _noun_phrase(phrase: str) -> bool:
    """Whether a head phrase between a trigger and a colon names members (``6 tỉnh``, ``các đơn vị``, ````)."""
    phrase = phrase.strip()
    return not phrase or bool(_patterns()["noun"].match(phrase)) or phrase in {"những đơn vị sau", "các đơn vị sau"}


def _discarded(phrase: str) -> bool:
    return bool(phrase and _patterns()["discard"].search(phrase))


def _qualified(after_noun: str) -> bool:
    """Whether the words after a counted noun make it a subset (``02 đơn vị tiêu biểu``)."""
    return bool(_patterns()["qualifier"].match(after_noun))


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
    levels = tuple(dict.fromkeys(level_of(m.group()) for m in _patterns()["level"].finditer(phrase)))
    sector = bool(re.search(r"(?i)công đoàn ngành|ngành", phrase))
    if head == "Công đoàn ngành":
        head = None
    return Prefix(head=head, levels=levels, org=org, sector=sector)


def _count_of(match: re.Match[str], offset: int) -> tuple[int, Span]:
    group = "m" if match["m"] else "n"
    return int(match[group]), (offset + match.start(group), offset + match.end(group))


def _head_count(text: str, offset: int, phrase: str) -> tuple[int, Span] | None:
    """The count a head phrase states (``gồm 6 tỉnh``, ``LĐLĐ 6 huyện, thị xã gồm``), unless it is a subset."""
    counted = list(_patterns()["count"].finditer(phrase))
    if not counted or _qualified(phrase[counted[-1].end():]):
        return None
    return _count_of(counted[-1], offset)


# --------------------------------------------------------------------------- reading items


def _read_items(text: str, found: _List, province: str | None) -> list[Unit]:
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
            items, prefix = orgs.parse(text[part_start:part_end], part_start, prefix, province, found.strict)
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
        left = (start, conj.start())
        items, after = orgs.parse(text[left[0]:left[1]], left[0], prefix, province, strict)
        if items and _starts_item(right, after):
            return [left, (conj.end(), end)]
    return [(start, end)]


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
    if orgs.head_at(text) or _patterns()["level"].match(text) or _SECTOR_SHORT.match(text):
        return True
    return bool((prefix.levels or prefix.org) and text[:1].isupper()) or orgs.starts_with_place(text)


# --------------------------------------------------------------------------- units named by a cluster role


@lru_cache(maxsize=1)
def _role_pattern() -> re.Pattern[str]:
    """A cluster role, with what links it to the unit before it (``X (Khối trưởng)``, ``X là Cụm trưởng``,
    ``Chủ tịch X, Cụm trưởng``) or after it (``Cụm trưởng là X``)."""
    roles = grammar.alternation(list(grammar.cluster_roles()))
    return re.compile(rf"(?=[CcKk][ụh]|[Tt]rư|[Pp]hó|CỤM|KHỐI|TRƯ|PHÓ)(?<![{LOW}\w])(?:{roles})(?![{LOW}\w])")


def _roles_in(text: str) -> list[re.Match[str]]:
    """The cluster roles written in the text, looked for only where ``trưởng`` and ``phó`` stand."""
    spots = word_spots(text, ("trưởng", "phó"))
    if spots is None:
        return list(_role_pattern().finditer(text))
    found, end = [], 0
    for pos in spots:
        if pos < end:
            continue
        match = _role_pattern().search(text, max(end, pos - 6), pos + 14)
        if match:
            found.append(match)
            end = match.end()
    return found


_ROLE_BEFORE = re.compile(r"(?:\(\s*|[-–]\s*|,\s*|\s(?:là|làm|giữ vai trò)\s+)(?:đơn vị\s+)?$")
_ROLE_AFTER = re.compile(r"(?:\s+năm\s+\d{4})?\s+(?:là|:)\s+")


def role_units(text: str, province: str | None) -> list[Unit]:
    """Units the text names by a cluster role: ``X là Cụm trưởng``, ``X (Khối trưởng)``, ``Cụm trưởng là X``,
    ``Chủ tịch X, Cụm trưởng``; cụm trưởng units first."""
    found: list[Unit] = []
    for match in _roles_in(text):
        role = orgs.role_of(match.group())
        linked = _ROLE_BEFORE.search(text, max(0, match.start() - 20), match.start())
        after = _ROLE_AFTER.match(text, match.end())
        unit = _unit_before(text, linked.start(), province) if linked else None
        if unit is None and after:
            unit = _unit_after(text, after.end(), province)
        if unit:
            unit.role = role
            found.append(unit)
    return sorted(_merge(found), key=lambda u: u.role != "cụm trưởng")


def _unit_before(text: str, end: int, province: str | None) -> Unit | None:
    """The organisation whose name ends at ``end``: the earliest head in the clause from which the rest reads
    as one unit (``được X chỉ định`` and a person's name after the unit are left out)."""
    window = _back(text, end, stops=r"[.!?;:\n(,]|\s[-–]\s")
    offset = end - len(window)
    agent = _AGENT.search(" " + window)
    if agent and _APPOINTED.search(window):
        window = window[:max(0, agent.start() - 1)]
    conj = [m.end() for m in _ALSO.finditer(window)]
    for start in ([conj[-1]] if conj else []) + [0]:
        heads = [(w.start(), orgs.head_at(window, w.start())) for w in _NONSPACE.finditer(window, start)]
        heads = sorted(((pos, found) for pos, found in heads if found),
                       key=lambda h: (h[1][0] not in {"union", "federation"}, h[0]))
        for pos, _ in heads:
            piece = window[pos:]
            units, _ = orgs.parse(piece, offset + pos, Prefix(), province, strict=True)
            if len(units) == 1:
                person = _person_after(units[0], offset + pos + len(piece.rstrip()), text)
                if person is not None:
                    units[0].person = person or None
                    return units[0]
    return None


def _unit_after(text: str, start: int, province: str | None) -> Unit | None:
    """The organisation named right after ``Cụm trưởng là``."""
    end = min(sentence_end(text, start), len(text))
    comma = text.find(",", start, end)
    piece = text[start:comma if comma >= 0 else end]
    units, _ = orgs.parse(piece, start, Prefix(), province, strict=True)
    return units[0] if len(units) == 1 and orgs.head_at(piece) else None


def host_units(text: str, province: str | None, clusters: list[dict], listed: list[Unit]) -> list[Unit]:
    """Units that hold the cluster's meeting (``LĐLĐ quận X tổ chức Hội nghị tổng kết ... Cụm 1``): members too,
    unless a provincial federation hosts the meeting of clusters of lower units. Asked only of an article that
    lists no members."""
    found = []
    spans = [c["span"] for c in clusters]
    for verb in _HOSTS.finditer(text):
        match = _HOST_VERB_BEFORE.search(text, max(0, verb.start() - 6), verb.start())
        if not match:
            continue
        start, end = sentence_at(text, match.start())
        if not any(start <= s[0] < end for s in spans):
            continue
        unit = _unit_before(text, match.start(), province)
        if unit is None or unit.head_class not in {"federation", "union"} or any(
                unit.span[0] < s[1] + _AFTER_CLUSTER and s[0] < unit.span[1] for s in spans):
            continue
        if unit.type in {"tỉnh", "thành phố"} and not any(u.type == unit.type for u in listed):
            continue
        if _PARENT_TIE.search(text, max(0, unit.span[0] - 40), unit.span[0]):
            continue                     # "Cụm thi đua ... thuộc LĐLĐ huyện X tổ chức": X is the parent
        found.append(unit)
    return found


def _person_after(unit: Unit, end: int, text: str) -> str | None:
    """What follows a unit's name up to ``end``: ``""`` when nothing, a person's name (``LĐLĐ quận X Lê Thị Y``),
    or None when the unit does not run to ``end``."""
    tail = text[unit.span[1]:end].strip()
    if not tail:
        return ""
    words = tail.split()
    if 2 <= len(words) <= 4 and words[0] in SURNAMES and all(w[:1].isupper() for w in words):
        return tail
    return None


# --------------------------------------------------------------------------- the stated count


def _cluster_words(text: str) -> list[int]:
    """Where the words ``cụm`` and ``khối`` stand, in text order."""
    spots = word_spots(text, ("cụm", "khối"))
    return [m.start() for m in _CLUSTER_WORD.finditer(text)] if spots is None else spots


def _cluster_count(clusters: list[dict]) -> tuple[int, Span] | None:
    """A count inside the cluster's name: ``Khối thi đua 11 Công đoàn ngành Trung ương``."""
    return next((m["count"] for m in clusters if m.get("count")), None)


def _stated_count(text: str, clusters: list[dict], found: int) -> tuple[int, Span] | None:
    """The member count stated outside a list: ``7 đơn vị thuộc Cụm``, ``Cụm thi đua số 2 có 11 công đoàn cơ sở``,
    ``Cụm gồm 7 đơn vị`` (not ``Toàn cụm có ...``, the units under the members), or ``6 đơn vị`` that matches the
    number of units listed."""
    pats = _patterns()
    for word_at in _cluster_words(text):
        for match in pats["count"].finditer(text, max(0, word_at - _BACK_CHARS), word_at):
            tie = pats["tie"].match(text, match.end())
            if tie and tie.end() > word_at and not _qualified(tie["mods"]) and "." not in tie["mods"]:
                return _count_of(match, 0)
    members = pats["members"].search(text)
    if members:
        return int(members["n"]), members.span("n")
    for mention in clusters:
        subject = pats["subject"].match(text, mention["span"][1])
        if subject and not _qualified(text[subject.end():subject.end() + 30]):
            return int(subject["n"]), subject.span("n")
    for said in pats["cluster_has"].finditer(text):
        if not _qualified(text[said.end():said.end() + 30]):
            return int(said["n"]), said.span("n")
    if found >= _MIN_ITEMS:
        for match in re.finditer(rf"(?<![\d/.,])({found})\s+đơn vị\b", text):
            if not _qualified(text[match.end():match.end() + 40]):
                return found, match.span(1)
    return None
