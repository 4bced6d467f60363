"""Gazetteer: provinces before and after the 2025 merger, the districts before it, and the 2025 wards and communes.

Wards and communes come from the official 2025 administrative map shipped by
the ``vietnam-provinces`` package; the 63 provinces before the merger from
``data/provinces_before_2025.txt``; the districts (quận, huyện, thị xã,
thành phố thuộc tỉnh) before it from ``data/districts_before_2025.tsv``.
Lookups go through :func:`extractors.lexicon.name_key`, so tone placement and
case do not matter; a misspelling of one letter is forgiven where a caller asks.
"""
from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

from vietnam_provinces import Province, VietNamDivisionType, Ward

from extractors.grammar import rows
from extractors.lexicon import name_key as _name_key

_DATA = Path(__file__).parent / "data"
# Place names repeat across articles: their keys are computed once.
name_key = lru_cache(maxsize=16384)(_name_key)
_PREFIX = re.compile(r"^(Thành phố|Tỉnh|Phường|Xã|Đặc khu)\s+", re.IGNORECASE)
CITY = "thành phố"
PROVINCE = "tỉnh"


def bare_name(name: str) -> str:
    """A division's name without its level word: ``Phường Hạc Thành`` → ``Hạc Thành``."""
    return _PREFIX.sub("", name).strip()


@lru_cache(maxsize=1)
def provinces() -> dict[str, str]:
    """Bare province name → ``tỉnh`` or ``thành phố`` (centrally-run), before and after 2025."""
    kinds: dict[str, str] = {}
    for line in (_DATA / "provinces_before_2025.txt").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            kinds[line.lstrip("*")] = CITY if line.startswith("*") else PROVINCE
    for province in Province.iter_all():
        city = province.division_type == VietNamDivisionType.THANH_PHO_TRUNG_UONG
        kinds[bare_name(province.name)] = CITY if city else PROVINCE
    return kinds


@lru_cache(maxsize=1)
def _province_codes() -> dict[str, int]:
    """Province name key → 2025 province code."""
    return {name_key(bare_name(p.name)): int(p.code) for p in Province.iter_all()}


@lru_cache(maxsize=1)
def _wards() -> dict[str, list[tuple[str, int, int]]]:
    """Bare ward name (casefolded) → [(type, ward code, province code)]."""
    index: dict[str, list[tuple[str, int, int]]] = {}
    for ward in Ward.iter_all():
        index.setdefault(name_key(bare_name(ward.name)), []).append(
            (ward.division_type.value, int(ward.code), int(ward.province_code)))
    return index


def ward_type(name: str, province: str | None = None) -> str | None:
    """``phường``/``xã``/``đặc khu`` of a 2025 ward or commune name, if the map says so unambiguously."""
    entries = _wards().get(name_key(name), [])
    code = _province_codes().get(name_key(province or ""))
    if code is not None:
        entries = [e for e in entries if e[2] == code]
    types = {e[0] for e in entries}
    return types.pop() if len(types) == 1 else None


@lru_cache(maxsize=8192)
def is_known_place(name: str) -> bool:
    """Whether the name is a province (old or new) or a 2025 ward or commune."""
    return name in provinces() or name_key(name) in _wards()


def admin_code(unit_type: str | None, place: str | None, province: str | None) -> tuple[str, str] | None:
    """``("province", "38")`` or ``("ward", "16003")``: the 2025 code of a ``tỉnh``, or of a ``phường``/``xã``
    of the given province, when the map has it."""
    if not place:
        return None
    if unit_type == PROVINCE:
        code = _province_codes().get(name_key(place))
        return ("province", f"{code:02d}") if code else None
    province_code = _province_codes().get(name_key(province or ""))
    if unit_type in {"phường", "xã"} and province_code:
        for kind, code, in_province in _wards().get(name_key(place), []):
            if kind == unit_type and in_province == province_code:
                return "ward", f"{code:05d}"
    return None


@lru_cache(maxsize=1)
def _districts() -> dict[str, list[tuple[str, str, str]]]:
    """District name key → [(level, written name, province)]."""
    index: dict[str, list[tuple[str, str, str]]] = {}
    for province, level, name in rows("districts_before_2025.tsv"):
        index.setdefault(name_key(name), []).append((level, name, province))
    return index


@lru_cache(maxsize=8192)
def district_levels(name: str, province: str | None = None) -> frozenset[str]:
    """The levels (``huyện``, ``thị xã``...) a district of that name had before 2025, in the province if given."""
    entries = _districts().get(name_key(name), [])
    if province:
        entries = [e for e in entries if name_key(e[2]) == name_key(province)] or entries
    return frozenset(e[0] for e in entries)


@lru_cache(maxsize=1)
def _place_spellings() -> dict[str, str]:
    """Name key → the gazetteer's spelling, for provinces, districts and 2025 wards."""
    spellings = {name_key(bare_name(w.name)): bare_name(w.name) for w in Ward.iter_all()}
    spellings.update({key: entries[0][1] for key, entries in _districts().items()})
    spellings.update({name_key(p): p for p in provinces()})
    return spellings


@lru_cache(maxsize=8192)
def known_spelling(name: str) -> str | None:
    """The gazetteer's spelling of a place name written in any case or tone placement (``thanh hoá`` → ``Thanh Hóa``)."""
    return _place_spellings().get(name_key(name))


def _one_edit(a: str, b: str) -> bool:
    """Whether two strings differ by one substituted, inserted or deleted character."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))


@lru_cache(maxsize=1)
def _province_keys() -> dict[str, str]:
    return {name_key(p): p for p in provinces()}


@lru_cache(maxsize=512)
def province_named(written: str, forgive: bool = False) -> str | None:
    """The province a written name stands for; with ``forgive``, also a one-letter misspelling of one
    (``Thanh Hoá`` → ``Thanh Hóa``; ``Nghệ Ann`` → ``Nghệ An`` when forgiven)."""
    key = name_key(written)
    found = _province_keys().get(key)
    if found or not forgive or len(key) < 6:
        return found
    close = [p for k, p in _province_keys().items() if len(k.split()) == len(key.split()) and _one_edit(k, key)]
    return close[0] if len(close) == 1 else None


@lru_cache(maxsize=2048)
def close_spelling(name: str, levels: tuple[str, ...], province: str | None = None) -> str | None:
    """The one district (or province, for ``tỉnh``) of those levels whose name differs from ``name`` by one letter
    (``Thường Tính`` → ``Thường Tín``): an obvious misspelling gets its real name; None when not unique."""
    key = name_key(name)
    syllables = len(key.split())
    found = set()
    if "tỉnh" in levels or CITY in levels:
        found |= {p for k, p in _province_keys().items() if len(k.split()) == syllables and _one_edit(k, key)}
    for district_key, entries in _districts().items():
        if len(district_key.split()) == syllables and _one_edit(district_key, key):
            found |= {written for level, written, in_province in entries if level in levels
                      and (province is None or name_key(in_province) == name_key(province))}
    return found.pop() if len(found) == 1 else None
