"""The emulation cluster or bloc an article is about: ``Cụm thi đua số 2``, ``Khối thi đua số VII``,
``Cụm thi đua LĐLĐ các tỉnh Bắc Trung Bộ``, ``Khối thi đua Đông Nam bộ 2``, ``(Cụm 1)``.

A mention is the head noun (``cụm``/``khối``: the kind), ``thi đua``, then a
number (``số 2``, ``số 02``, a Roman numeral in capitals), or a name (its members,
region or sector; a numeral after it numbers the cluster), or a numeral straight
before the members' noun, which counts the members instead
(``Cụm thi đua 5 Liên đoàn Lao động thành phố``). The article is about the
cluster that its headline or lead names; a cluster named only further down is
one mentioned in passing. The name words are data (``data/cluster_names.tsv``).
"""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extractors import grammar
from extractors.orgs import LOW, head_at
from extractors.sentences import sentence_at, word_spots

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
_KIND = re.compile(r"(?=[CcKk][ụỤhH])(?<![\w])(?P<kind>[Cc]ụm|CỤM|[Kk]hối|KHỐI)(?![\w])")
_THI_DUA = re.compile(r"\s+(?:[Tt]hi [Đđ]ua|THI ĐUA)(?![\w])")
_THI_DUA_BEFORE = re.compile(r"(?<![\w])(?:[Tt]hi [Đđ]ua|THI ĐUA)[ \t]+$")
_NUMBER = re.compile(r"\s*(?:(?P<so>[Ss]ố|SỐ)\s*)?(?P<num>\d{1,3}|[IVXL]{1,6})(?![\w/]|[.,]\d)")
_PLURAL_BEFORE = re.compile(r"(?:(?<![\d/.-])\d{1,3}|các|những|mỗi|từng|giữa|\d+[ \t]+cụm,)[ \t]*$", re.IGNORECASE)
_WORD = re.compile(r"\s*(\([A-ZĐ]{2,6}\)|[-–]|[^\s,.;:()“”\"]+)")
_ROMAN_WORD = re.compile(r"[IVX]{1,4}")
_COUNTED = re.compile(r"\s+(\d{1,3})(?=\s)")
_GAP = re.compile(r"[ \t]+")
_NUMBER_AFTER = re.compile(r"[ \t]+(?:[Ss]ố|SỐ)[ \t]*(?P<num>\d{1,3}|[IVXL]{1,6})(?![\w/]|[.,]\d)")
_COORDINATED = re.compile(r",[ \t]*")
_SIGNING = re.compile(r"giao ước", re.IGNORECASE)
# A cited document's subject before a mention: "Hướng dẫn số 30/HD-LĐLĐ ... về Hoạt động Khối thi đua ...".
_DOCUMENT_SUBJECT = re.compile(r"\d+/[A-ZĐ][^.;\n]*?\svề(?:\s+việc)?(?:\s+[^\s.;]+){0,4}\s*$")
_ROLE_EVIDENCE = re.compile(r"[Tt]rưởng [Kk]hối|[Kk]hối [Tt]rưởng|[Kk]hối [Pp]hó|(?:trong|thuộc|của) [Kk]hối\b")


def roman_to_int(numeral: str) -> int:
    """``IV`` → 4, ``XII`` → 12."""
    total = 0
    for i, char in enumerate(numeral):
        value = _ROMAN[char]
        total += -value if i + 1 < len(numeral) and _ROMAN[numeral[i + 1]] > value else value
    return total


@lru_cache(maxsize=1)
def _name_words() -> re.Pattern[str]:
    return re.compile(rf"(?:{grammar.alternation(grammar.words('cluster_names.tsv', 'name_word'))})(?![{LOW}\w])",
                      re.IGNORECASE)


@lru_cache(maxsize=1)
def _member_noun() -> re.Pattern[str]:
    nouns = grammar.words("unit_lists.tsv", "member_noun") + grammar.words("unit_lists.tsv", "member_level")
    return re.compile(rf"\s+(?:{grammar.alternation(nouns)})(?![{LOW}\w])", re.IGNORECASE)


def cluster_mentions(text: str) -> list[dict]:
    """Every cluster mention in text order: ``{"number", "kind", "name", "span", "count", "class"}``.

    ``class`` is ``numbered``, ``named`` (a name, no number), ``bloc`` (``Khối các cơ quan tổng hợp``, without
    ``thi đua``), ``bare`` (a capitalised head with ``thi đua`` and no name: ``Khối thi đua``, ``công tác Thi đua
    Khối``) or ``plural`` (``4 cụm thi đua``). ``thi đua`` may stand before a capitalised head (``sơ kết thi đua
    Khối 9 Công đoàn Tập đoàn``). ``count`` is a member count written inside the name.
    """
    has_thi_dua = "thi đua" in text.lower()
    mentions = []
    spots = word_spots(text, ("cụm", "khối"))
    kinds = _KIND.finditer(text) if spots is None else filter(None, (_KIND.match(text, pos) for pos in spots))
    for match in kinds:
        kind = match["kind"].lower()
        pos = match.end()
        td = _THI_DUA.match(text, pos)
        if td:
            pos = td.end()
        capital = match["kind"][0].isupper()
        before = capital and _THI_DUA_BEFORE.search(text, max(0, match.start() - 10), match.start())
        if _PLURAL_BEFORE.search(text, max(0, match.start() - 12), match.start()):
            if td:
                mentions.append(_mention(None, kind, text[match.start():pos], match.start(), pos, "plural"))
            continue
        found = _numbered(text, match, pos, kind, bool(td), capital and has_thi_dua)
        if found is None and (td or capital):
            found = _named(text, match, pos, kind, bool(td or before))
        if found is None and (before or td and capital):
            found = _mention(None, kind, f"{kind.capitalize()} thi đua", match.start(), pos, "bare")
        if found:
            mentions.append(found)
    return mentions


def _mention(number: int | None, kind: str, name: str, start: int, end: int, cls: str,
             count: tuple[int, tuple[int, int]] | None = None) -> dict:
    return {"number": number, "kind": kind, "name": name, "span": (start, end), "class": cls, "count": count}


def _numbered(text: str, match: re.Match[str], pos: int, kind: str, td: bool, bare_ok: bool) -> dict | None:
    """``Cụm thi đua số 2``, ``Khối Thi đua III``, ``Cụm 1``; ``None`` when the numeral counts the members."""
    number = _NUMBER.match(text, pos)
    if not number or not (td or bare_ok):
        return None
    numeral = number["num"]
    if numeral.isalpha() and not (td or number["so"] or bare_ok and number.start("num") > pos):
        return None
    if not number["so"] and _member_noun().match(text, number.end()):
        return None
    value = int(numeral) if numeral.isdigit() else roman_to_int(numeral)
    if value == 0:
        return None
    return _mention(value, kind, f"{kind.capitalize()} thi đua số {value}", match.start(), number.end(), "numbered")


def _named(text: str, match: re.Match[str], pos: int, kind: str, td: bool) -> dict | None:
    """A cluster named by its members, region or sector, with a numeral after the region as its number."""
    count = None
    counted = _COUNTED.match(text, pos)
    if td and counted and _member_noun().match(text, counted.end(1)):
        count = (int(counted[1]), counted.span(1))
        pos = counted.end(1)
    counts: list[tuple[int, tuple[int, int]]] = []
    words = _name_run(text, pos, counts)
    if not words:
        return None
    count = count or (counts[0] if counts else None)
    if not td and not (text.startswith("các", words[0][0]) or text[words[0][0]].isupper()):
        return None
    end = words[-1][1]
    number = None
    last = text[words[-1][0]:end]
    after = _NUMBER_AFTER.match(text, end)
    if after:                            # "Cụm thi đua các huyện miền núi số 3"
        numeral = after["num"]
        number, end = (int(numeral) if numeral.isdigit() else roman_to_int(numeral)), after.end()
        if number == 0:
            return None
    elif (last.isdigit() or _ROMAN_WORD.fullmatch(last)) and len(words) > 1 and not any(
            c[1][0] == words[-1][0] for c in counts):            # "Khối thi đua Công đoàn ngành II"
        number = int(last) if last.isdigit() else roman_to_int(last)
        if number == 0:
            return None
    name = " ".join(text[match.start():end].split())
    if number is not None:
        return _mention(number, kind, name, match.start(), end, "numbered")
    return _mention(None, kind, name, match.start(), end, "named" if td else "bloc", count)


def _name_run(text: str, pos: int, counts: list[tuple[int, tuple[int, int]]]) -> list[tuple[int, int]]:
    """The words of a cluster's name from ``pos``: name words of the lexicon, capitalised words, heads of
    organisations, a bracketed abbreviation, dashes between words, and a closing numeral. A numeral straight
    before a members' noun (``Công an 8 tỉnh``) is added to ``counts``."""
    words: list[tuple[int, int]] = []
    while True:
        gap = _GAP.match(text, pos) or _coordinated(text, pos, words)
        if not gap:
            break
        start = gap.end()
        lexical = _name_words().match(text, start)
        if lexical:
            words.append((start, lexical.end()))
            pos = lexical.end()
            continue
        word = _WORD.match(text, pos)
        if not word:
            break
        token = word.group(1)
        start = word.start(1)
        if token.isdigit() and len(token) <= 2 and words:
            if _member_noun().match(text, word.end()):
                counts.append((int(token), (start, word.end())))
                words.append((start, word.end()))
                pos = word.end()
                continue
            words.append((start, word.end()))
            pos = word.end()
            break
        head = head_at(text, start)
        if head:
            words.append((start, head[2]))
            pos = head[2]
            continue
        if not _name_token(token):
            break
        words.append((start, word.end()))
        pos = word.end()
    while words and (text[words[-1][0]:words[-1][1]] in {"-", "–", "và", "các"}):
        words.pop()
    return words


def _coordinated(text: str, pos: int, words: list[tuple[int, int]]) -> re.Match[str] | None:
    """A comma inside a name between two members' nouns or levels (``các quận, huyện``, ``doanh nghiệp, đơn vị``)."""
    comma = _COORDINATED.match(text, pos)
    if not comma or not words or not _member_noun().fullmatch(" " + text[words[-1][0]:words[-1][1]]):
        return None
    return comma if _member_noun().match(text, comma.end() - 1) else None


def _name_token(token: str) -> bool:
    """Whether a word can stand inside a cluster's name (not a lowercase verb or function word)."""
    if token in {"-", "–"} or token.startswith("("):
        return True
    if not token[0].isupper():
        return False
    return not (token.isupper() and len(token) > 3)


def main_cluster(mentions: list[dict], text: str, title_end: int, lead_end: int) -> dict | None:
    """The cluster the article is about, with ``mentions`` (the spans of all of its mentions).

    A numbered cluster named in the headline or lead wins (the most named; a headline mention counts twice);
    else the first cluster named there by its members or region; else a bloc named without ``thi đua``, then a
    bare ``Khối thi đua``, when the text gives it a khối trưởng or members; else, when the lead reports that unnamed clusters sign their
    pledges (``chia ... thành 4 cụm thi đua và tổ chức ký giao ước``), a cluster with no number.
    """
    in_lead = [m for m in mentions if m["span"][0] < lead_end]
    numbered = [m for m in mentions if m["class"] == "numbered"]
    leading = {(m["kind"], m["number"]) for m in in_lead if m["class"] == "numbered"}
    if leading:
        votes = Counter()
        for mention in numbered:
            votes[(mention["kind"], mention["number"])] += 2 if mention["span"][0] < title_end else 1
        best = max(leading, key=lambda k: (votes[k], -_first(numbered, k)))
        group = [m for m in numbered if (m["kind"], m["number"]) == best]
        chosen = next((m for m in group if not _caps(m, text)), group[0])
        return {**chosen, "mentions": group, "count": next((m["count"] for m in mentions if m["count"]), None)}
    for cls in ("named", "bloc", "bare"):
        candidates = [m for m in in_lead if m["class"] == cls]
        free = [m for m in candidates if not _in_document_subject(m, text)]
        if candidates and not free:      # the lead names it only in the title of a document it cites
            free = [m for m in mentions if m["class"] == cls and not _in_document_subject(m, text)]
        candidates = free or candidates
        if cls != "named" and not _ROLE_EVIDENCE.search(text):
            continue
        if candidates:
            chosen = next((m for m in candidates if not _caps(m, text)), candidates[0])
            group = [m for m in mentions if m["class"] in {"named", "bloc", "bare"} and m["kind"] == chosen["kind"]]
            count = next((m["count"] for m in group if m["count"]), None)
            return {**chosen, "mentions": group, "count": count}
    for mention in in_lead:
        if mention["class"] == "plural" and _SIGNING.search(text, mention["span"][1],
                                                             sentence_at(text, mention["span"][0])[1]):
            return {**mention, "name": f"{mention['kind']} thi đua", "mentions": [mention]}
    return None


def _in_document_subject(mention: dict, text: str) -> bool:
    """Whether a mention is the subject of a cited document (``Quyết định số 5/QĐ-LĐLĐ về việc kiện toàn Khối thi
    đua ...``): the cluster the document deals with, named in its title's words, not the one the article reports."""
    start = mention["span"][0]
    return bool(_DOCUMENT_SUBJECT.search(text, max(0, start - 200), start))


def _first(mentions: list[dict], key: tuple[str, int]) -> int:
    return next(m["span"][0] for m in mentions if (m["kind"], m["number"]) == key)


def _caps(mention: dict, text: str) -> bool:
    written = text[mention["span"][0]:mention["span"][1]]
    return written.isupper()


