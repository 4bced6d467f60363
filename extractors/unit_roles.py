"""Units named by their cluster role (``LĐLĐ quận X làm Cụm trưởng``) or as the meeting's host, and merging
mentions of one unit."""
from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from extractors import grammar, orgs
from extractors.lexicon import ADMIN, SURNAMES
from extractors.names import HONORIFIC
from extractors.orgs import LOW, Prefix, Unit
from extractors.places import name_key
from extractors.sentences import sentence_at, sentence_end, word_spots
from extractors.unit_words import back

_AGENT = re.compile(r"\s(?:được|do)\s")
_APPOINTED = re.compile(r"\b(?:chỉ định|bầu|công nhận|giao|phân công|bầu chọn)\s*$")
_ALSO = re.compile(r"\s(?:và|cùng)\s")
_NONSPACE = re.compile(r"\S+")
_PARENT_TIE = re.compile(r"(?<!\w)(?:trực thuộc|thuộc|của)\s+(?:\S+\s+){0,4}$")
_HOSTS = re.compile(r"(?=tổ|đă)(?:tổ chức|đăng cai)\s+(?:\w+\s+){0,2}?(?:[Hh]ội nghị|HỘI NGHỊ|[Hh]ội thi|[Hh]ội thao|"
                    r"[Gg]iao lưu|[Hh]ọp mặt|[Bb]uổi|[Ll]ễ)(?!\w)")
_HOST_VERB_BEFORE = re.compile(r"\s(?:đã\s+)?$")
_AFTER_CLUSTER = 45       # a unit this close after the cluster's name is the organisation it belongs to
_ROLE_AFTER = re.compile(r"(?:\s+(?:[Cc]ụm|[Kk]hối)(?:\s+[Tt]hi đua)?(?:\s+(?:số\s+)?[\dIVXL]+)?)?(?:\s+năm\s+\d{4})?"
                         r"\s+(?:là|:)\s+")
_PERSON_NEXT = re.compile(rf"(?:{HONORIFIC})(?![\w/])", re.IGNORECASE)
_LEVEL_WORD = re.compile(rf"\s(?:{ADMIN})(?=\s)")
_ROLE_REACH = 45          # how far before a role the words linking it to its unit may start


@lru_cache(maxsize=1)
def _role_before() -> re.Pattern[str]:
    """What links a role to the unit before it: ``X (Khối trưởng)``, ``X (đơn vị Trưởng khối)``, ``X - đơn vị làm Cụm trưởng``, ``X là đơn vị
    Cụm trưởng``, ``X được chọn làm cụm trưởng``, ``Chủ tịch X, Cụm trưởng``."""
    appointed = grammar.alternation(grammar.words("unit_lists.tsv", "appointed"))
    linking = (rf"(?:(?:{appointed})\s+)?(?:(?:là\s+)?đơn vị\s+)?(?:(?:là|làm|giữ vai trò|giữ chức)\s+)?"
               rf"(?:đơn vị\s+)?")
    return re.compile(rf"(?:\(\s*(?:đơn vị\s+)?|,\s*|[-–]\s*{linking}|\s(?=\S){linking})$")


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


def role_units(text: str, province: str | None, listed: list[Unit] = ()) -> list[Unit]:
    """Units the text names by a cluster role: ``X là Cụm trưởng``, ``X (Khối trưởng)``, ``Cụm trưởng là X``,
    ``Chủ tịch X, Cụm trưởng``; an item of a list (``listed``) that the role follows (``B là đơn vị Cụm trưởng``);
    none when the role's holder is a person named after it (``Cụm trưởng là bà X``). Cụm trưởng units first."""
    found: list[Unit] = []
    for match in _roles_in(text):
        role = orgs.role_of(match.group())
        after = _ROLE_AFTER.match(text, match.end())
        if after and _PERSON_NEXT.match(text, after.end()):
            continue
        linked = _role_before().search(text, max(0, match.start() - _ROLE_REACH), match.start())
        unit = _unit_before(text, linked.start(), province) if linked else None
        if unit is None and linked:
            unit = next((replace(u) for u in listed if not text[u.span[1]:linked.start()].strip()), None)
        if unit is None and after:
            unit = _unit_after(text, after.end(), province)
        if unit:
            unit.role = role
            found.append(unit)
    return sorted(merge(found), key=lambda u: u.role != "cụm trưởng")


def merge(units: list[Unit]) -> list[Unit]:
    """Units once each, the first mention's record kept (a role found later is kept): two mentions are one unit
    when their names or aliases meet (``Công đoàn Ủy ban Dân tộc`` and ``Ủy ban Dân tộc``), or when one is the
    other written without its level word (``Liên hiệp Hội tỉnh Hải Dương`` and ``Liên hiệp Hội Hải Dương``)."""
    kept: list[Unit] = []
    owner: dict[str, Unit] = {}
    unleveled: dict[str, Unit] = {}      # keys of names with their level word taken out
    for unit in units:
        names = (unit.name, *unit.aliases)
        keys = {name_key(n) for n in names}
        bare = {name_key(_LEVEL_WORD.sub(" ", n)) for n in names if _LEVEL_WORD.search(n)}
        first = next((owner[k] for k in keys if k in owner), None)
        if first is None:
            first = next((unleveled[k] for k in keys if k in unleveled), None) if not bare else next(
                (owner[k] for k in bare if k in owner and not _LEVEL_WORD.search(owner[k].name)), None)
            if first and unit.name not in first.aliases:
                first.aliases.append(unit.name)      # the other spelling the text uses
        if first:
            first.role = first.role or unit.role
            first.person = first.person or unit.person
        else:
            kept.append(unit)
            first = unit
        for key in keys:
            owner.setdefault(key, first)
        for key in bare:
            unleveled.setdefault(key, first)
    return kept


def _unit_before(text: str, end: int, province: str | None) -> Unit | None:
    """The organisation whose name ends at ``end``: the earliest head in the clause from which the rest reads
    as one unit (``được X chỉ định`` and a person's name after the unit are left out)."""
    window = back(text, end, stops=r"[.!?;:\n(,]|\s[-–]\s")
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
