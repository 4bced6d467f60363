"""A member's level as the text writes it: a list that shares one level among its places (``các huyện Đức Linh,
Hàm Tân, Lagi và Hàm Thuận Nam``) may hold a place the text elsewhere writes with another level (``thị xã La
Gi``); that written level, and its spelling of the place, win."""
from __future__ import annotations

import re

from extractors.lexicon import ADMIN, level_of
from extractors.orgs import UP, Unit
from extractors.places import name_key

_WRITTEN = re.compile(rf"(?<![\w])(?P<level>{ADMIN})[ \t]+(?P<place>[{UP}]\w*(?:[ \t]+[{UP}]\w*){{0,3}})")
_LEVELS = {"phường", "xã", "huyện", "quận", "thị xã", "thành phố", "tỉnh", "thị trấn"}


def _squeezed(name: str) -> str:
    return name_key(name).replace(" ", "")


def written_levels(text: str, units: list[Unit]) -> list[Unit]:
    """``units`` with each level-typed unit whose level and place the text never writes together, but writes with
    one other level, retyped to that level (its former name an alias)."""
    written: dict[str, set[tuple[str, str]]] = {}
    for match in _WRITTEN.finditer(text):
        words = match["place"].split()
        for n in range(1, len(words) + 1):
            place = " ".join(words[:n])
            written.setdefault(_squeezed(place), set()).add((level_of(match["level"]), place))
    for unit in units:
        if unit.type not in _LEVELS:
            continue
        seen = written.get(_squeezed(unit.place), set())
        others = {(level, place) for level, place in seen if level != unit.type}
        if any(level == unit.type for level, _ in seen) or len({level for level, _ in others}) != 1:
            continue
        level, place = sorted(others)[0]
        old = f"{unit.type} {unit.place}"
        if old in unit.name:
            unit.aliases.append(unit.name)
            unit.name = unit.name.replace(old, f"{level} {place}")
            unit.type, unit.place = level, place
    return units
