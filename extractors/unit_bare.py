"""A federation named in a list by its level alone (``Khối thi đua có 7 đơn vị, gồm: UBMTTQ Việt Nam tỉnh, Liên đoàn
Lao động tỉnh, Hội Nông dân tỉnh, ...``): the federation of the province the article names, written out."""
from __future__ import annotations

import re

from extractors import orgs
from extractors.lexicon import ADMIN, level_of
from extractors.orgs import Unit
from extractors.places import CITY, provinces

_LEVEL = re.compile(rf"\s*(?P<level>{ADMIN})\s*")


def bare_federation(text: str, start: int, end: int, province: str | None) -> Unit | None:
    """The unit that an item holding only a federation's head and a level names (``LĐLĐ tỉnh``), or None.

    The provincial level takes the article's province (``Liên đoàn Lao động tỉnh Khánh Hòa``, the written form an
    alias) when its kind fits the level; otherwise the unit is the federation as written out, without a place.
    """
    item = text[start:end]
    lead = len(item) - len(item.lstrip())
    body = item.strip()
    head = orgs.head_at(body)
    level = _LEVEL.fullmatch(body, head[2]) if head and head[0] == "federation" else None
    if level is None:
        return None
    kind = level_of(level["level"])
    written = f"{head[1]} {kind}"
    span = (start + lead, start + lead + len(body))
    fits = province is not None and kind in {"tỉnh", CITY} and (provinces()[province] == CITY) == (kind == CITY)
    if fits:
        return Unit(name=f"{written} {province}", type=kind, place=province, span=span, aliases=[written])
    return Unit(name=written, type=kind, place=written, span=span)
