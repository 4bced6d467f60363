"""Titles of officials as a small grammar of the genre: chains of roles, each a title and its organisation.

    chain  := role ((, | - | – | kiêm) role)*
    role   := [nguyên] (party | member | [Phó|Quyền] (unit [board] | function) [Thường trực]) [org]
    org    := head words* (level place)*          e.g. LĐLĐ | huyện | Diễn Châu
    board  := the sub-unit's name after a unit title ("Trưởng Ban" Tổ chức, "Chánh Văn phòng")

The title lexicon is ``data/titles.txt`` (sections party, member, unit, function), organisation heads
``data/org_heads.txt``, and the words that end an organisation's name ``data/org_stops.txt``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from extractors.lexicon import ADMIN, ORG_HEADS, common_tones, expand, first_words, phrase_regex, read_sections
from extractors.names import DEGREES, HONORIFICS, NAME_WORD, RANK
from extractors.spans import Span

_TITLES = read_sections("titles.txt")


def _phrases(section: str) -> str:
    return phrase_regex(row[0] for row in _TITLES[section])


def _role_key(words: str) -> str:
    """The written-out, casefolded form of a title as matched (``UV BTV`` → ``ủy viên ban thường vụ``)."""
    return common_tones(expand(" ".join(words.split()))).casefold()


def _role_lexicon() -> dict[str, tuple[str, str | None]]:
    """Every title with its modifiers (``Phó``, ``Quyền``, ``Thường trực``) → its kind and, for a unit, its noun."""
    before = [row[1] for row in _TITLES["modifiers"] if row[0] == "before"]
    after = [row[1] for row in _TITLES["modifiers"] if row[0] == "after"]
    kinds: dict[str, tuple[str, str | None]] = {}
    for kind in ("function", "unit", "member", "party"):
        for row in _TITLES[kind]:
            offices = [row[0]]
            if kind in {"unit", "function"}:
                heads = [row[0]] + [f"{b} {row[0]}" for b in before]
                offices = heads + [f"{h} {a}" for h in heads for a in after]
            for office in offices:
                kinds.setdefault(_role_key(office), (kind, row[1] if kind == "unit" else None))
    return kinds


_ROLES = _role_lexicon()
# Every title, as one trie; what kind of title a match is comes from ``_ROLES``.
ROLE = re.compile(rf"{phrase_regex(_ROLES, scan=True)}(?![\w])")
# Finding titles in a text: capitalised anywhere, in lowercase only after a comma, dash, colon,
# parenthesis or a verb of appointment ("Đồng chí A – chủ tịch LĐLĐ ...", "được bầu làm chủ tịch"),
# where a lowercase title names an official. Each branch starts with a literal, for a fast scan.
_SCAN_UPPER = re.compile(rf"{phrase_regex(_ROLES, scan=True, first_case='upper')}(?![\w])")
_SCAN_LOWER = re.compile(rf"(?:,|:|\(|–|—|-|làm |chức |là |cử )[ \t]*(?:nguyên[ \t]+)?"
                         rf"({phrase_regex(_ROLES, scan=True, first_case='lower')})(?![\w])")
_ROLE_FIRST = first_words(_ROLES)
_FORMER = re.compile(r"[Nn]guyên[ \t]+$")
# Words between a name and its title other than punctuation ("được bầu làm"), and their last words.
LINK_WORDS = _phrases("link")
LINK_LAST_WORDS = frozenset(row[0].split()[-1] for row in _TITLES["link"])
# Seats whose words also name a body ("Đoàn ĐBQH"): inside a name they do not start a new role.
_BODY_SEATS = re.compile(rf"(?:{phrase_regex(row[0] for row in _TITLES['member'] if row[1:] == ['body'])})(?![\w])")
_CLUSTER_ROLES = {common_tones(row[0]).casefold(): row[1] for row in _TITLES["cluster"]}
CLUSTER_ROLE_WORDS = _phrases("cluster")
CLUSTER_ROLE = re.compile(rf"[ \t]*[,(\-–]?[ \t]*(?P<role>{CLUSTER_ROLE_WORDS})(?![\w])")
_CLUSTER_START = re.compile(rf"(?:{_phrases('cluster')})(?![\w])")
_CLUSTER_FIRST = first_words(row[0] for row in _TITLES["cluster"])
_SEPARATOR = re.compile(r"[ \t]*(?:[,–—-][ \t]*(?:kiêm[ \t]+)?|[ \t]+kiêm[ \t]+)(?:[Nn]guyên[ \t]+)?")
_HEAD = re.compile(rf"[ \t]*({phrase_regex(ORG_HEADS, scan=True)})(?![\w])")
# A level word; "xã hội" (society) is not one.
_LEVEL = re.compile(rf"{ADMIN}(?![\w])(?!(?<=[Xx]ã)\s+hội)")
_LEVEL_FIRST = frozenset("thành Thành TP Tp thị Thị đặc Đặc phường Phường huyện Huyện quận Quận tỉnh Tỉnh xã Xã".split())
_TOKEN = re.compile(r"[ \t]*(\w+(?:[&'’./-]\w+)*(?:(?<=TP)\.|(?<=Tp)\.)?|\S)")
# Lowercase honorifics only: inside an organisation "Bà" and "Ông" start places (Bà Rịa, Bà Điểm).
# Degrees only with their dots (``PGS.TS``, ``TS.``): bare letters are also abbreviations of names.
_CUE_INSIDE = re.compile(rf"{phrase_regex(HONORIFICS, scan=True, first_case='lower')}(?![\w/])|(?:{RANK})(?![\w])|(?=\w+\.)(?:{DEGREES})(?<=\.)")
_CUE_FIRST = first_words(HONORIFICS) | first_words(row[0] for row in read_sections("person_cues.txt")["rank"])
_DASHES = {"-", "–", "—"}
_NAME_WORD = re.compile(NAME_WORD)
_MAX_WORDS = 20
# Lowercase words in a row inside a name ("Trung tâm dịch vụ việc làm tỉnh").
_MAX_LOWERCASE = 4


def _stop_table() -> tuple[dict[str, list[str]], set[str]]:
    """Words that end an organisation, by their first word; the capitalised event nouns."""
    sections = read_sections("org_stops.txt")
    by_first: dict[str, list[str]] = {}
    for section in ("verb", "preposition"):
        for (phrase, *_) in sections[section]:
            by_first.setdefault(phrase.split()[0], []).append(phrase)
    for phrases in by_first.values():
        phrases.sort(key=len, reverse=True)
    return by_first, {row[0] for row in sections["event"]}


_STOPS, _EVENTS = _stop_table()


def cluster_role(words: str) -> str:
    """``cụm trưởng`` or ``cụm phó`` for a cluster or bloc role as written (``Phó Khối trưởng`` → ``cụm phó``)."""
    return _CLUSTER_ROLES[common_tones(" ".join(words.split())).casefold()]


@dataclass
class Org:
    """An organisation's span and the words after its head, with where the last level word is."""

    start: int
    end: int
    words: list[tuple[int, int, str]] = field(default_factory=list)
    level: int | None = None


@dataclass
class Role:
    """One role of a chain: its kind, the span of its title words, the organisation it names."""

    kind: str
    start: int
    title_end: int
    end: int
    former: bool
    org_prefix: str = ""
    tail: Org | None = None

    @property
    def functional(self) -> bool:
        """Whether the role is an office (not a seat on a body nor a Party membership)."""
        return self.kind in {"unit", "function"}

    def org(self, text: str, end: int | None = None) -> str | None:
        """The organisation as written (up to ``end`` when a name follows it), or None."""
        if self.tail is None:
            return None
        return (self.org_prefix + text[self.tail.start:self.tail.end if end is None else end]).strip() or None


def _word_at(text: str, pos: int) -> re.Match[str] | None:
    return _TOKEN.match(text, pos)


def _is_stop(text: str, pos: int, word: str) -> bool:
    """Whether a word that ends an organisation's name starts at ``pos``."""
    for phrase in _STOPS.get(word, ()):
        end = pos + len(phrase)
        if text.startswith(phrase, pos) and (end == len(text) or not text[end].isalnum()):
            return True
    return (word in _EVENTS or _starts_role(text, pos, word)
            or "." in word and bool(_CUE_INSIDE.match(text, pos)))


def _starts_role(text: str, pos: int, word: str) -> bool:
    """Whether a title (other than a seat that also names a body), a cluster role or a cue starts at ``pos``."""
    return (word in _ROLE_FIRST and bool(ROLE.match(text, pos)) and not _BODY_SEATS.match(text, pos)
            or word in _CLUSTER_FIRST and bool(_CLUSTER_START.match(text, pos))
            or word in _CUE_FIRST and bool(_CUE_INSIDE.match(text, pos)))


def _ends_role_here(text: str, pos: int) -> bool:
    """Whether a dash or ``và`` at ``pos`` is followed by a new role, a cue or ``nguyên``."""
    nxt = _word_at(text, pos)
    if not nxt:
        return True
    at = nxt.start(1)
    return _starts_role(text, at, nxt.group(1)) or text.startswith(("nguyên", "Nguyên "), at)


def _level_at(text: str, pos: int, word: str) -> re.Match[str] | None:
    """A level word at ``pos``; a capitalised one followed by a lowercase word names a body ("Tỉnh đoàn")."""
    level = _LEVEL.match(text, pos) if word in _LEVEL_FIRST else None
    if level and word[0].isupper():
        nxt = _TOKEN.match(text, level.end())
        if nxt and nxt.group(1)[0].islower():
            return None
    return level


def _capital_follows(text: str, pos: int) -> bool:
    nxt = _word_at(text, pos)
    return bool(nxt) and nxt.group(1)[0].isupper()


def read_org(text: str, pos: int, head_required: bool = True) -> Org | None:
    """The organisation that starts at ``pos``: an organisation head, its own words, levels and places.

    Without ``head_required`` it may start with a level word (the place of a sub-unit:
    ``Trưởng Ban Thi đua – Khen thưởng tỉnh Bình Thuận``).
    """
    head = _HEAD.match(text, pos)
    if head:
        org = Org(head.start(1), head.end(1))
    elif not head_required and (word := _word_at(text, pos)) and _level_at(text, word.start(1), word.group(1)):
        org = Org(word.start(1), word.start(1))
    else:
        return None
    pending: list[tuple[int, int, str]] = []
    at, in_place, lowercase, capitals = org.end, False, 0, 0
    while len(org.words) + len(pending) < _MAX_WORDS:
        token = _TOKEN.match(text, at)
        if not token:
            break
        word, (start, end) = token.group(1), token.span(1)
        level = _level_at(text, start, word)
        if level:
            org.words += pending + [(start, level.end(), text[start:level.end()])]
            org.level, pending, in_place, lowercase, capitals, at = len(org.words) - 1, [], True, 0, 0, level.end()
            continue
        if word in _DASHES or word in {"và", "&"}:
            if in_place or not _capital_follows(text, end) or _ends_role_here(text, end):
                break
            pending.append((start, end, word))
        elif not word[0].isalnum() or _is_stop(text, start, word):
            break
        elif word[0].isupper() and (nested := _HEAD.match(text, start)) and " " in nested.group(1):
            # a head inside the name ("Công đoàn Tổng Công ty May 10"): its lowercase words go on the name
            org.words += pending + [(start, nested.end(1), nested.group(1))]
            pending, lowercase, capitals, at = [], 0, 0, nested.end(1)
            continue
        else:
            # Sector names pair a capitalised syllable with lowercase ones ("Nội vụ", "Cổ phần cao su"); after
            # two capitalised words or more (a proper name), a lowercase word is the sentence going on.
            # Abbreviations do not count (``CP Cao su``).
            lowercase = lowercase + 1 if word[0].islower() else 0
            if word[0].islower() and (in_place or capitals > 1) or lowercase > _MAX_LOWERCASE:
                break
            capitals = capitals + 1 if word[0].isupper() and word[1:].islower() else 0
            org.words += pending + [(start, end, word)]
            pending = []
        at = end
    if org.words:
        org.end = org.words[-1][1]
    return org if org.end > org.start else None


def _read_board(text: str, pos: int, noun: str) -> Span:
    """The span of the name of a sub-unit that follows a unit title (empty at ``pos`` when there is none).

    The name may repeat the noun (``Phó trưởng ban phụ trách Ban Chính sách ...``); it ends before a
    parent organisation, a level word, punctuation or a word that ends names.
    """
    token = _word_at(text, pos)
    if token and text[token.start(1):token.start(1) + len(noun)].casefold() == noun.casefold():
        token = _word_at(text, token.start(1) + len(noun))
    first = token.start(1) if token else pos
    end = pos
    while token and "\n" not in text[end:token.start(1)]:
        word, start = token.group(1), token.start(1)
        if _HEAD.match(text, start) or _level_at(text, start, word):
            break
        if word in _DASHES or word in {"và", "&"}:
            if end == pos or word in _DASHES and _ends_role_here(text, token.end(1)):
                break
        elif not word[0].isalnum() or _is_stop(text, start, word) or end == pos and word[0].islower() and not _parent_ahead(text, start):
            break
        else:
            end = token.end(1)
        token = _word_at(text, token.end(1))
    return (first, end) if end > pos else (pos, pos)


def _parent_ahead(text: str, pos: int) -> bool:
    """Whether a lowercase board name (``Trưởng ban chính sách xã hội LĐLĐ tỉnh``) leads, within a few
    lowercase words, to its parent organisation."""
    token = _TOKEN.match(text, pos)
    for _ in range(_MAX_LOWERCASE + 1):
        if not token:
            return False
        if _HEAD.match(text, token.start(1)):
            return True
        word = token.group(1)
        if not word[0].islower() or _is_stop(text, token.start(1), word):
            return False
        token = _TOKEN.match(text, token.end(1))
    return False


def role_kind(match: re.Match[str]) -> tuple[str, str | None]:
    """A title match's kind (``party``, ``member``, ``unit``, ``function``) and, for a unit, its noun."""
    return _ROLES[_role_key(match.group())]


def find_roles(text: str) -> list[re.Match[str]]:
    """Every title in the text that may start a chain of roles, in order."""
    found = list(_SCAN_UPPER.finditer(text))
    lower = [ROLE.match(text, m.start(1)) for m in _SCAN_LOWER.finditer(text)]
    return sorted(found + lower, key=re.Match.start) if lower else found


def former_start(text: str, pos: int) -> int:
    """Where a title at ``pos`` starts, with the ``nguyên`` (former) written before it."""
    found = _FORMER.search(text, max(0, pos - 10), pos)
    return found.start() if found else pos


def read_role(text: str, match: re.Match[str]) -> Role:
    """A role from its title match: the title words (with a board's name) and the organisation after it."""
    kind, noun = role_kind(match)
    role = Role(kind, match.start(), match.end(), match.end(), former_start(text, match.start()) < match.start())
    if noun:
        board_start, board_end = _read_board(text, match.end(), noun)
        parent = read_org(text, board_end)
        if parent:
            # "Trưởng Ban Tổ chức LĐLĐ tỉnh": the board is in the title; "Chánh Văn phòng UBND tỉnh": the office.
            role.title_end = max(board_end, role.title_end)
            _set_org(role, parent, "" if board_end > board_start else noun + " ")
            return role
        placed = read_org(text, board_end, head_required=False)
        if placed:
            # "Trưởng Ban Thi đua – Khen thưởng tỉnh Bình Thuận": a board with a place is an organisation.
            _set_org(role, placed, f"{noun} {text[board_start:board_end]} " if board_end > board_start else noun + " ")
        else:
            role.title_end = role.end = max(board_end, role.title_end)
        return role
    org = read_org(text, match.end())
    if org:
        _set_org(role, org, "")
    return role


def _set_org(role: Role, org: Org, prefix: str) -> None:
    role.org_prefix, role.tail, role.end = prefix, org, org.end


def next_role(text: str, pos: int) -> re.Match[str] | None:
    """The next role of a chain, when a separator and a title follow ``pos``."""
    sep = _SEPARATOR.match(text, pos)
    return ROLE.match(text, sep.end()) if sep else None


def trailing_run(org: Org) -> tuple[int, bool]:
    """Index of the first word of the organisation's trailing capitalised run, and whether a level word precedes it."""
    first = len(org.words)
    while first > 0 and _NAME_WORD.fullmatch(org.words[first - 1][2]) and (org.level is None or first - 1 > org.level):
        first -= 1
    return first, org.level is not None and first == org.level + 1

