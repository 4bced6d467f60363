"""Places inside organisation names: where a place name starts and ends, and how the gazetteer spells it.

``Mỹ Đức`` in ``LĐLĐ huyện Mỹ Đức``, two glued places in a list (``Thường Xuân Bá
Thước``), a place written in lowercase, a place one letter off a known district; the
gazetteer is :mod:`extractors.places`.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import grammar
from extractors.lexicon import SURNAMES
from extractors.places import close_spelling, district_levels, is_known_place, known_spelling, ward_type
from extractors.sentences import LOW, UP
from extractors.spans import Span

_WORD = re.compile(r"\S+")
_PLACE = re.compile(rf"(?:[{UP}][{LOW}]*|\d{{1,2}})(?:(?:\s*[-–]\s*|\s+)(?:[{UP}][{LOW}]*))*")


def starts_with_place(text: str) -> bool:
    """Whether ``text`` opens with a capitalised place the gazetteer knows (``Hoằng Hóa tổ chức...``)."""
    words = text.split()[:4]
    return bool(words) and words[0][:1].isupper() and any(
        is_place(" ".join(words[:n]).strip(" ,.;:")) for n in range(len(words), 0, -1))


def level_of_place(name: str, head: str, province: str | None) -> str | None:
    """The level of a union or federation named by a bare place (``Công đoàn Hạc Thành``), when the gazetteer
    gives exactly one: 2025 wards and communes for unions, districts before 2025 for federations."""
    if head.startswith("Liên đoàn"):
        levels = district_levels(name, province)
        return next(iter(levels)) if len(levels) == 1 else None
    return ward_type(name, province) if head == "Công đoàn" else None


def places_at(text: str, offset: int) -> list[tuple[str, Span]]:
    """The place names at the start of ``text``: one, or two glued ones (``Thường Xuân Bá Thước``).

    A run that goes on with a word opening sentences (``Mường Lát Toàn cụm có...``: a lost full stop) ends before it.
    """
    match = _PLACE.match(text)
    if not match:
        return _lowercase_place(text, offset)
    words = list(_WORD.finditer(match.group()))
    n = len(words)

    def piece(i: int, j: int) -> tuple[str, Span]:
        return text[words[i].start():words[j - 1].end()], (offset + words[i].start(), offset + words[j - 1].end())

    if not is_place(piece(0, n)[0]) and text[match.end():].strip() and n > 2 and words[-1].group() in _starters():
        n -= 1
    whole = piece(0, n)
    for cut in range(n - 1, 0, -1):
        if not is_place(whole[0]) and words[cut].group() in SURNAMES and is_place(piece(0, cut)[0]):
            return [_spelled(piece(0, cut))]     # a person's name follows the place
    if n >= 4 and not is_place(whole[0]) and not _has_dash(whole[0]):
        for cut in (2, 3):
            first, second = piece(0, cut), piece(cut, n)
            if is_place(first[0]) and (is_place(second[0]) or n - cut == 2):
                return [_spelled(first), _spelled(second)]
        if n == 4:
            return [_spelled(piece(0, 2)), _spelled(piece(2, 4))]
    return [_spelled(whole)]


def _spelled(place: tuple[str, Span]) -> tuple[str, Span]:
    """A place as the gazetteer spells it, when it knows it (dashes stay as written)."""
    name, span = place
    return (name if _has_dash(name) else known_spelling(name) or name), span


def corrected(place: str, levels: tuple[str, ...], province: str | None) -> str:
    """A place the gazetteer does not know, written one letter off a district or province of the list's levels,
    as that district or province is spelled."""
    if is_place(place) or not levels or set(levels) <= {"phường", "xã"}:
        return place
    return close_spelling(place, levels, province) or place


def _has_dash(run: str) -> bool:
    return "-" in run or "–" in run


def _lowercase_place(text: str, offset: int) -> list[tuple[str, Span]]:
    """A place written in lowercase (``mỹ đức``): the longest run of up to four words the gazetteer knows."""
    words = list(_WORD.finditer(text))[:4]
    for n in range(len(words), 0, -1):
        run = text[:words[n - 1].end()]
        spelled = known_spelling(run.strip(" ,;.:"))
        if spelled and n >= 2:
            return [(spelled, (offset, offset + len(run.strip(" ,;.:"))))]
    return []


def is_place(name: str) -> bool:
    """Whether the gazetteer knows ``name`` as a province, district, ward or commune, in any spelling."""
    return is_known_place(name) or bool(district_levels(name)) or known_spelling(name) is not None


@lru_cache(maxsize=1)
def _starters() -> frozenset[str]:
    return frozenset(grammar.words("unit_lists.tsv", "sentence_starter"))
