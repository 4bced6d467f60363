"""Named officials: name, title, organisation, ``nguyên`` (former) and cluster role.

Every title the lexicon knows starts a chain of roles (:mod:`extractors.titles`); the chain's
person is found by the name model (:mod:`extractors.names`) in one of the genre's word orders:

- name first: ``đồng chí Nguyễn Văn A, Chủ tịch LĐLĐ huyện X``, ``Đại tá Lê B - Chính ủy ...``,
  ``bà C được chỉ định làm Chủ tịch ...``; a plural cue shares one title among a list
  (``các đồng chí A, B và C, Phó Chủ tịch ...``);
- title first: ``Chủ tịch LĐLĐ quận Hoàng Mai Bùi Thị Ngọc Thủy``, where the place and the name are
  split by the name model; ``Chủ tịch LĐLĐ tỉnh, đồng chí D``; an appointment list
  (``Phó Chủ tịch ... gồm các ông, bà: E, F, G``).

A title is needed: names alone (``tư tưởng Hồ Chí Minh``) are not officials. A leading Party
membership is left out of the title; the organisation is that of the last office, written out.
"""
from __future__ import annotations

import re
from functools import partial

from extractors.lexicon import common_tones, expand, written_org
from extractors.names import CUE, CUE_FIRST_WORDS, CUE_LAST_WORDS, NAME_RUN, NAME_WORD, name_in_run, person, split_place_name
from extractors.places import is_known_place
from extractors.spans import Span, overlaps
from extractors.titles import (CLUSTER_ROLE, LINK_LAST_WORDS, LINK_WORDS, Role, cluster_role, find_roles, former_start, next_role, read_role,
                               trailing_run)

_CUED = rf"(?=\S)(?:{CUE})"
_NAME_WORD = re.compile(NAME_WORD)
_SEPARATORS = set("-–—,:(")
_LINK_BEFORE = re.compile(rf"(?:{LINK_WORDS})$")
_CUE_END = re.compile(rf"(?:{CUE})")
_PLURAL_CUE = re.compile(r"(?<![\w])các[ \t]+(?:đồng chí|đ/c|ông|bà)(?:[ \t]*,[ \t]*(?:ông|bà))?[ \t]*:?[ \t]*\Z", re.I)
_CUED_AFTER = re.compile(rf"[ \t]*[,:–-]?[ \t]*(?P<cue>{_CUED})[ \t]*(?P<run>{NAME_RUN})")
_RUN_AFTER = re.compile(rf"[ \t]+(?P<run>{NAME_RUN})")
_LIST_AFTER = re.compile(
    r"[ \t]*,?[ \t]*(?:(?:(?:bao[ \t]+)?gồm|là)(?:[ \t]+có)?[ \t]+(?:các[ \t]+)?"
    r"(?P<cue>(?:đồng chí|đ/c|ông|bà)(?:[ \t]*,[ \t]*(?:ông|bà))?)?[ \t]*:?|:)[ \t]*"
)
_LIST_NAME = re.compile(rf"(?P<run>{NAME_RUN})(?P<sep>[ \t]*(?:,|;|\bvà\b)[ \t]*)?")
_PLACE_BEFORE = re.compile(r"(?:[Hh]uyện|[Qq]uận|[Tt]ỉnh|[Tt]hành phố|[Tt]hị xã|[Pp]hường|[Xx]ã|LĐLĐ|[Đđ]ường|[Pp]hố|[Tt]rường)[ \t]*$")
# What may follow a place written after a level word (not more of a name).
_PLACE_END = {"", ",", ".", ";", ":", ")", "\n"}
_UPPERCASE_WORD = re.compile(r"[ \t]*[A-ZĐ]{2,}")
_SPACES = re.compile(r"\s+")
_WINDOW = 160


def find_officials(text: str, federation: str | None, known_places: set[str], skip: list[Span]) -> list[dict]:
    """Every official named with a title, once per person (later mentions fill what the first lacked)."""
    is_place = partial(_is_place, known_places=frozenset(known_places), text=text)
    found: list[dict] = []
    resume = 0
    for match in find_roles(text):
        start = match.start()
        if start < resume or start and text[start - 1].isalnum() or text[max(0, start - 5):start] in {"Đoàn ", "đoàn "}:
            continue  # inside a chain already read, inside a word, or "Đoàn Chủ tịch" (a body, not a role)
        mentions, resume = _mentions(text, match, is_place)
        for name, name_span, roles, end, name_end in mentions:
            official = _official(text, name, name_span, roles, end, name_end, federation)
            if official and not overlaps(official["evidence"], skip):
                found.append(official)
    return _merge(sorted(found, key=lambda o: o["evidence"]))


def _is_place(words: str, known_places: frozenset[str], text: str) -> bool:
    """Whether words name a place: a member unit's, the gazetteer's, or one of one or two syllables that
    the text writes after a level word, with no more capitalised words after it."""
    if words in known_places or is_known_place(words):
        return True
    if words.count(" ") > 1:
        return False
    at = text.find(words)
    while at >= 0:
        after = text[at + len(words):at + len(words) + 2]
        if _PLACE_BEFORE.search(text, max(0, at - 12), at) and (after[:1] in _PLACE_END or after[:1] == " " and after[1:].islower()):
            return True
        at = text.find(words, at + 1)
    return False


Mention = tuple[str, Span, list[Role], int, int | None]


def _mentions(text: str, match: re.Match[str], is_place) -> tuple[list[Mention], int]:
    """The people a chain of roles belongs to, and where reading may resume.

    A mention is (name, name span, roles, end of the mention, where the last organisation ends when
    the name follows it).
    """
    before = _names_before(text, former_start(text, match.start()))
    roles = [read_role(text, match)]
    while True:
        if not before:
            split = _name_in_org(text, roles[-1], is_place)
            if split:
                name, span = split
                return [(name, span, roles, span[1], span[0])], span[1]
        nxt = next_role(text, roles[-1].end)
        if not nxt:
            break
        roles.append(read_role(text, nxt))
    end = roles[-1].end
    if before:
        return [(name, span, roles, end, None) for name, span in before], end
    after = _names_after(text, roles[-1])
    return [(name, span, roles, span[1], None) for name, span in after], max([end] + [s[1] for _, s in after])


def _run_before(text: str, pos: int) -> tuple[int, list[str]]:
    """The capitalised run of name-shaped words that ends at ``pos``: its start and its words."""
    words: list[str] = []
    start = pos
    line = text[max(0, pos - _WINDOW):pos]
    for word in reversed(line[line.rfind("\n") + 1:].split(" ")[-8:]):
        if not _NAME_WORD.fullmatch(word) or len(words) == 7:
            break
        words.insert(0, word)
        start -= len(word) + (1 if len(words) > 1 else 0)
    return start, words


def _separator_before(text: str, pos: int) -> tuple[int, bool]:
    """Where the separator between a name and the title at ``pos`` starts, and whether there is one
    (a comma, dash, colon, parenthesis or linking words such as ``được bầu làm``)."""
    head = text[max(0, pos - 40):pos].rstrip(" \t")
    end = pos - (len(text[max(0, pos - 40):pos]) - len(head))
    if head[-1:] in _SEPARATORS:
        return len(head[:-1].rstrip(" \t")) + max(0, pos - 40), True
    link = head.rsplit(" ", 1)[-1] in LINK_LAST_WORDS and _LINK_BEFORE.search(head)
    if link and link.start() > 0 and head[link.start() - 1] == " ":
        return max(0, pos - 40) + link.start() - 1, True
    return end, False


def _cue_before(text: str, pos: int) -> bool:
    """Whether an honorific, rank or degree ends right before ``pos`` (one space between)."""
    cut = text[max(0, pos - 30):pos].split()
    if not cut or cut[-1].rstrip(".").rsplit(".", 1)[-1].casefold() not in CUE_LAST_WORDS:
        return False
    return any(_CUE_END.fullmatch(" ".join(cut[i:])) for i in range(max(0, len(cut) - 4), len(cut)))


def _leading_cue(words: list[str]) -> int:
    """How many words at the start of a capitalised run are a cue (``Ông``, ``Bà``, ``Đồng chí`` opening a sentence)."""
    if not words or words[0].casefold() not in CUE_FIRST_WORDS:
        return 0
    for i in range(min(3, len(words) - 2), 0, -1):
        if _CUE_END.fullmatch(" ".join(words[:i])):
            return i
    return 0


def _names_before(text: str, pos: int) -> list[tuple[str, Span]]:
    """Names written before a chain (``đồng chí A -``, ``bà B được bầu làm``), with a plural cue's list."""
    end, separated = _separator_before(text, pos)
    if end == pos and not separated and pos and not text[pos - 1].isspace():
        return []
    start, words = _run_before(text, end)
    lead = _leading_cue(words)
    if lead:
        start += sum(len(w) + 1 for w in words[:lead])
        words = words[lead:]
    if len(words) < 2:
        return []
    cued = bool(lead) or _cue_before(text, start)
    first = name_in_run(words, cued)
    if first is None or not (separated or cued):
        return []
    name_start = start + sum(len(w) + 1 for w in words[:first])
    if not cued and _PLACE_BEFORE.search(text, max(0, name_start - 25), name_start):
        return []
    names = [(" ".join(words[first:]), (name_start, end))]
    return _listed_before(text, name_start) + names if first == 0 else names


def _listed_before(text: str, pos: int) -> list[tuple[str, Span]]:
    """Names listed before ``pos`` after a plural cue (``các đồng chí A, B và``), first to last."""
    names: list[tuple[str, Span]] = []
    while True:
        head = text[max(0, pos - 8):pos].rstrip(" \t")
        if head.endswith(","):
            end = pos - (len(text[max(0, pos - 8):pos]) - len(head)) - 1
        elif head.endswith(" và"):
            end = pos - (len(text[max(0, pos - 8):pos]) - len(head)) - 3
        else:
            return []
        start, words = _run_before(text, end)
        if len(words) < 2 or name_in_run(words, True) != 0:
            return []
        names.insert(0, (" ".join(words), (start, end)))
        pos = start
        if _PLURAL_CUE.search(text, max(0, pos - 40), pos):
            return names


def _name_in_org(text: str, role: Role, is_place) -> tuple[str, Span] | None:
    """A name that ends the role's organisation (title first: ``Chủ tịch LĐLĐ huyện X Nguyễn Văn A``)."""
    org = role.tail
    if org is None:
        found = _RUN_AFTER.match(text, role.title_end)
        words = found["run"].split() if found else []
        if len(words) >= 3 and name_in_run(words, False) == 0 and not _continues(text, found.end()):
            return " ".join(words), found.span("run")
        return None
    first, after_level = trailing_run(org)
    words = [w for _, _, w in org.words[first:]]
    if len(words) < 2:
        return None
    start = split_place_name(words, after_level, is_place)
    if start is None:
        return None
    span = (org.words[first + start][0], org.words[-1][1])
    return text[span[0]:span[1]], span


def _continues(text: str, pos: int) -> bool:
    """Whether a capitalised run goes on as an organisation (an uppercase word follows)."""
    return bool(_UPPERCASE_WORD.match(text, pos))


def _names_after(text: str, role: Role) -> list[tuple[str, Span]]:
    """Names written after a chain: ``..., đồng chí A`` or an appointment list ``gồm các ông, bà: A, B``."""
    cued = _CUED_AFTER.match(text, role.end)
    if cued and cued["cue"] and name_in_run(cued["run"].split(), True) == 0 and not next_role(text, cued.end()):
        return [(cued["run"], cued.span("run"))]
    listed = _LIST_AFTER.match(text, role.end)
    if not listed or listed.end() == role.end:
        return []
    names, pos = [], listed.end()
    while item := _LIST_NAME.match(text, pos):
        if name_in_run(item["run"].split(), bool(listed["cue"])) != 0:
            break
        names.append((item["run"], item.span("run")))
        if not item["sep"]:
            break
        pos = item.end()
    return names


def _official(text: str, name: str, name_span: Span, roles: list[Role], end: int, org_end: int | None,
              federation: str | None) -> dict | None:
    """The record of one official from a mention."""
    name = person(name)
    if name is None:
        return None
    kept = roles
    while len(kept) > 1 and kept[0].kind == "party":
        kept = kept[1:]
    office = next((i for i in range(len(kept) - 1, -1, -1) if kept[i].functional), len(kept) - 1)
    last = kept[office]
    title = _title(text[kept[0].start:last.title_end])
    org = last.org(text, org_end)
    role = CLUSTER_ROLE.match(text, end)
    span = (min(name_span[0], kept[0].start), max(end, name_span[1]))
    return {"name": name, "title": title, "organization": written_org(common_tones(org), federation) if org else None,
            "former": last.former, "cluster_role": cluster_role(role["role"]) if role else None,
            "evidence": list(span)}


def _title(words: str) -> str:
    """A title as recorded: spaces folded, abbreviations written out, first letter capitalised."""
    title = common_tones(expand(_SPACES.sub(" ", words)))
    return title[0].upper() + title[1:]


def _merge(officials: list[dict]) -> list[dict]:
    """One entry per name: the first mention, with gaps filled from later ones."""
    by_name: dict[str, dict] = {}
    for official in officials:
        kept = by_name.setdefault(official["name"].casefold(), official)
        for key in ("organization", "cluster_role"):
            if kept[key] is None and official[key] is not None:
                kept[key] = official[key]
    return list(by_name.values())
