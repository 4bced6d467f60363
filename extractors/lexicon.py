"""Words of the trade-union domain: organisations, administrative levels, abbreviations, names.

The word lists are data files in ``extractors/data/`` (one entry a line, ``[section]`` headers,
tab-separated columns); this module reads them and compiles phrase lists into regexes.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

DATA = Path(__file__).parent / "data"

# Administrative level words as written, longest first so that "thị xã" wins over "xã".
ADMIN = r"(?:[Tt]hành [Pp]hố|TP\.?|Tp\.?|[Tt]hị [Xx]ã|[Tt]hị [Tt]rấn|[Đđ]ặc [Kk]hu|[Pp]hường|[Hh]uyện|[Qq]uận|[Tt]ỉnh|[Xx]ã)"


def read_sections(name: str) -> dict[str, list[list[str]]]:
    """A data file's entries by section: each entry is its tab-separated columns.

    Lines starting with ``#`` and blank lines are skipped; entries before any ``[section]``
    header belong to the section ``""``.
    """
    sections: dict[str, list[list[str]]] = {}
    current = ""
    for line in (DATA / name).read_text(encoding="utf-8").splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if line.startswith("[") and line.endswith("]"):
            current = line[1:-1]
            sections.setdefault(current, [])
            continue
        sections.setdefault(current, []).append(line.split("\t"))
    return sections


def read_words(name: str, section: str = "") -> list[str]:
    """The first column of one section of a data file."""
    return [row[0] for row in read_sections(name).get(section, [])]


# --------------------------------------------------------------------------- tone marks

# Vietnamese tone marks as combining characters, with the Telex letter that stands for each in keys.
TONE_LETTERS = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}
# Rhymes whose tone sits on the first vowel in the placement most news sites use (hòa, thủy, khỏe).
_OPEN_RHYMES = {"oa", "oe", "uy"}
_SYLLABLE = re.compile(r"\w+")


def _place_tone(syllable: str, on_first: bool) -> str:
    """The syllable with its tone mark on the first or the second vowel of an open oa/oe/uy rhyme."""
    letters = unicodedata.normalize("NFD", syllable)
    tones = [c for c in letters if c in TONE_LETTERS]
    bare = unicodedata.normalize("NFC", "".join(c for c in letters if c not in TONE_LETTERS))
    low = bare.lower()
    if len(tones) != 1 or len(low) < 2 or low[-2:] not in _OPEN_RHYMES or low[:-2].endswith(("q", "g")):
        return syllable
    at = len(bare) - (2 if on_first else 1)
    return unicodedata.normalize("NFC", bare[:at + 1] + tones[0] + bare[at + 1:])


@lru_cache(maxsize=8192)
def common_tones(text: str) -> str:
    """Tone marks placed as most news sites place them: ``Thuỷ`` → ``Thủy``, ``Hoà`` → ``Hòa``."""
    return _SYLLABLE.sub(lambda m: _place_tone(m.group(), True), unicodedata.normalize("NFC", text))


def name_key(name: str) -> str:
    """A spelling-insensitive key for a Vietnamese name.

    The rule: NFD-decompose, casefold, take each syllable's tone mark out
    wherever it sits and write it as its Telex letter (s f r x j) after the
    syllable, recompose the rest to NFC, and join syllables with one space.
    ``Hòa``, ``Hoà`` and ``HOÀ`` all give ``hoaf``; letters such as ``đ``,
    ``ơ`` or ``â`` are kept, since they tell names apart.
    """
    syllables = []
    for syllable in unicodedata.normalize("NFD", name).casefold().split():
        tones = [TONE_LETTERS[c] for c in syllable if c in TONE_LETTERS]
        bare = unicodedata.normalize("NFC", "".join(c for c in syllable if c not in TONE_LETTERS))
        syllables.append(bare + "".join(tones))
    return " ".join(syllables)


# --------------------------------------------------------------------------- abbreviations

def _abbreviation_table() -> tuple[list[tuple[str, str]], dict[str, str]]:
    sections = read_sections("abbreviations.tsv")
    general = [(row[0], row[1]) for row in sections["general"]]
    sectors = {row[0]: row[1] for row in sections["sector"]}
    return general, sectors


ABBREVIATIONS, SECTORS = _abbreviation_table()
# Literal alternatives only (the word boundary before is checked in ``_written_out``), so that ``re``
# skips quickly through a text to where an abbreviation can start.
_ABBREVIATION = re.compile("(?:" + "|".join(re.escape(a) for a, _ in ABBREVIATIONS) + r")(?![\w&])")
_EXPANSION_OF = dict(ABBREVIATIONS)


def _written_out(match: re.Match[str]) -> str:
    start = match.start()
    if start and (match.string[start - 1].isalnum() or match.string[start - 1] in "&./-"):  # inside a word or a number
        return match.group()
    return _EXPANSION_OF[match.group()]

# Spellings put right after the abbreviations are written out: case of generic words, level words.
_CASE_RULES = [
    (re.compile(r"\bLiên đoàn lao động\b"), "Liên đoàn Lao động"),
    (re.compile(r"\bTổng liên đoàn\b"), "Tổng Liên đoàn"),
    (re.compile(r"\bBan Thường Vụ\b"), "Ban Thường vụ"),
    (re.compile(r"\bBan chấp hành\b"), "Ban Chấp hành"),
    (re.compile(r"\bỦy ban MTTQ\b"), "Ủy ban Mặt trận Tổ quốc"),
    (re.compile(r"\b(?:TP|Tp)(?:\.|(?=\s|$))"), "thành phố"),
    (re.compile(r"(?<=\S )Thành phố\b"), "thành phố"),
    (re.compile(r"(?<=\S )Tỉnh\b(?! (?:ủy|uỷ)\b)"), "tỉnh"),
    # A level word before its place is written in lowercase; "Huyện ủy", "Quận ủy" are Party committees.
    (re.compile(r"(?<=\S )(Huyện|Quận|Phường|Xã)(?=\s+[A-ZĐÀ-Ỹ\d])(?!\s+(?:ủy|uỷ)\b)"), lambda m: m.group(1).lower()),
]
# Written joined or spaced: "CĐVC", "CĐ VC".
_SECTOR_ABBR = re.compile(r"\bCĐ ?(" + "|".join(sorted(SECTORS, key=len, reverse=True)) + r")\b")
_BARE_CD = re.compile(r"\bCĐ\b")


@lru_cache(maxsize=8192)
def expand(text: str) -> str:
    """Write an organisation or title out in full: ``LĐLĐ Thành phố Hà Nội`` → ``Liên đoàn Lao động thành phố Hà Nội``.

    Abbreviations come from ``data/abbreviations.tsv`` (``CĐVC`` → ``Công đoàn Viên chức``,
    ``Tổng LĐLĐ VN`` → ``Tổng Liên đoàn Lao động Việt Nam``, ``GTVT``, ``TCT``, ``CSVN``...).
    """
    text = _SECTOR_ABBR.sub(lambda m: "Công đoàn " + SECTORS[m.group(1)], text)
    text = _BARE_CD.sub("Công đoàn", text)
    text = _ABBREVIATION.sub(_written_out, text)
    for pattern, repl in _CASE_RULES:
        text = pattern.sub(repl, text)
    return re.sub(r"\s+", " ", text).strip(" ,;:-–")


def level_of(word: str) -> str:
    """The canonical administrative level for a level word as written (``TP.`` → ``thành phố``)."""
    word = word.lower().rstrip(".")
    return "thành phố" if word == "tp" else word


_VGCL = "Tổng Liên đoàn Lao động Việt Nam"


def written_org(org: str, federation: str | None) -> str:
    """An organisation written out; a bare ``LĐLĐ tỉnh``/``LĐLĐ Thành phố`` is the article's federation.

    The confederation, however it is shortened (``TLĐ``, ``Tổng LĐLĐ``, ``Tổng Liên đoàn``), is written
    with its full name.
    """
    full = expand(org)
    full = full[:1].upper() + full[1:]
    if full in {"Tổng Liên đoàn", "Tổng Liên đoàn Lao động"}:
        return _VGCL
    bare = re.fullmatch(r"Liên đoàn Lao động(?: (tỉnh|thành phố))?", full)
    if federation and bare and (bare.group(1) is None or bare.group(1) in federation):
        return federation
    return full


# --------------------------------------------------------------------------- phrase regexes

def _spellings(word: str) -> list[str]:
    """A word as it may be written: first letter in either case, either tone placement (``Ủy``/``Uỷ``)."""
    tones = {word, _place_tone(word, True), _place_tone(word, False)}
    return sorted({t[0].upper() + t[1:] for t in tones} | {t[0].lower() + t[1:] for t in tones})


def word_regex(word: str) -> str:
    """A regex for one written word: first letter in either case, either tone placement (``Ủy``/``Uỷ``)."""
    by_rest: dict[str, list[str]] = {}
    for spelling in _spellings(word):
        by_rest.setdefault(spelling[1:], []).append(spelling[0])
    parts = [(f"[{''.join(firsts)}]" if len(firsts) > 1 else re.escape(firsts[0])) + re.escape(rest)
             for rest, firsts in sorted(by_rest.items())]
    return parts[0] if len(parts) == 1 else "(?:" + "|".join(parts) + ")"


def _abbreviations_of() -> dict[str, list[str]]:
    """Written-out form (casefolded) → the abbreviations that stand for it."""
    table: dict[str, list[str]] = {}
    for abbreviation, written in ABBREVIATIONS:
        table.setdefault(written.casefold(), []).append(abbreviation)
    for code, sector in SECTORS.items():
        table.setdefault(f"công đoàn {sector}".casefold(), []).append(f"CĐ{code}")
    table.setdefault("công đoàn", []).append("CĐ")
    return table


def _variants(words: list[str], abbreviations: dict[str, list[str]]) -> list[list[tuple[bool, str]]]:
    """Every way to write a phrase: each run of words as written or as one of its abbreviations.

    A token is ``(is_abbreviation, text)``; ``Ủy viên Ban Thường vụ`` gives ``UVBTV``, ``UV BTV``,
    ``Ủy viên BTV``, ``UV Ban Thường vụ`` and the words as written.
    """
    if not words:
        return [[]]
    found = [[(False, words[0])] + rest for rest in _variants(words[1:], abbreviations)]
    for j in range(1, len(words) + 1):
        for short in abbreviations.get(" ".join(words[:j]).casefold(), ()):
            head = [(True, part) for part in short.split()]
            found += [head + rest for rest in _variants(words[j:], abbreviations)]
    return found


def phrase_regex(phrases: Iterable[str], scan: bool = False, first_case: str | None = None) -> str:
    """One regex for a list of written-out phrases, as a trie of words, so that the longest phrase wins.

    Each word matches with its first letter in either case and either tone placement; a run of
    words with an abbreviation in ``data/abbreviations.tsv`` also matches the abbreviation
    (``Ủy ban nhân dân`` matches ``UBND``). With ``scan``, every branch of the regex starts with a
    literal character, which lets ``re`` skip quickly to the places where a phrase can start
    (``finditer`` over a whole text); with ``scan``, ``first_case`` (``"upper"`` or ``"lower"``) keeps only
    the phrases written with their first letter in that case.
    """
    if first_case and not scan:
        raise ValueError("first_case needs scan")
    abbreviations = _abbreviations_of()
    trie: dict = {}
    for phrase in phrases:
        for variant in _variants(phrase.split(), abbreviations):
            (first_is_abbreviation, first), rest = variant[0], variant[1:]
            firsts = [first] if first_is_abbreviation else _spellings(first)
            if first_case:
                firsts = [f for f in firsts if f[0].isupper() == (first_case == "upper")]
            tokens = [re.escape(t) if is_abbreviation else word_regex(t) for is_abbreviation, t in rest]
            for spelling in (firsts if scan else [re.escape(first) if first_is_abbreviation else word_regex(first)]):
                node = trie.setdefault(spelling, {})
                for token in tokens:
                    node = node.setdefault(token, {})
                node[""] = {}
    if not scan:
        return _trie_regex(trie)
    by_letter: dict[str, dict] = {}
    for spelling, child in trie.items():
        by_letter.setdefault(spelling[0], {})[re.escape(spelling[1:])] = child
    return "(?:" + "|".join(re.escape(letter) + _trie_regex(rests) for letter, rests in by_letter.items()) + ")"


def first_words(phrases: Iterable[str]) -> frozenset[str]:
    """Every way the first word of the phrases may be written (spellings and abbreviations): a cheap
    test before matching a phrase's regex at a word."""
    abbreviations = _abbreviations_of()
    words: set[str] = set()
    for phrase in phrases:
        for variant in _variants(phrase.split(), abbreviations):
            is_abbreviation, first = variant[0]
            words.update([first] if is_abbreviation else _spellings(first))
    return frozenset(words)


def _trie_regex(node: dict) -> str:
    """The regex of a trie node's children; a child that ends a phrase makes its continuation optional."""
    branches = []
    for token, child in node.items():
        if token == "" and not child:
            continue  # the end-of-phrase mark
        if child.keys() - {""}:
            tail = r"\s+" + _trie_regex(child)
            branches.append((token, token + (f"(?:{tail})?" if "" in child else tail)))
        else:
            branches.append((token, token))
    # Where two tokens can both match (``CĐCS`` and ``CĐ``), the longer is tried first.
    branches.sort(key=lambda b: len(b[0]), reverse=True)
    return "(?:" + "|".join(b for _, b in branches) + ")" if len(branches) > 1 else branches[0][1]


# Heads of organisation names (``LĐLĐ``, ``Ủy ban nhân dân``, ``CĐVC``...), with the sector unions.
ORG_HEADS = read_words("org_heads.txt") + [f"Công đoàn {sector}" for sector in SECTORS.values()]
# As a regex: capitalised (as names are written in running text), longest first; every branch starts
# with a literal, so that a search for an organisation skips quickly through a text.
ORG_HEAD = phrase_regex(ORG_HEADS, scan=True, first_case="upper")

_SURNAME_SECTIONS = read_sections("surnames.txt")
SURNAMES = frozenset(row[0] for row in _SURNAME_SECTIONS["surname"])
# Surnames that are more often given names or common words: a name starts with one only after a cue.
AMBIGUOUS_SURNAMES = frozenset(row[0] for row in _SURNAME_SECTIONS["ambiguous"])
