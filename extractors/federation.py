"""The provincial federation (``Liên đoàn Lao động tỉnh Thanh Hóa``) and its province."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from extractors.places import CITY, provinces


@lru_cache(maxsize=1)
def _pattern() -> re.Pattern[str]:
    names = "|".join(re.escape(n) for n in sorted(provinces(), key=len, reverse=True))
    return re.compile(
        r"(?<!Tổng )(?:LĐLĐ|Liên đoàn [Ll]ao động)(?:\s*\(LĐLĐ\))?\s+"
        rf"(?:(?P<hcm>TP\.?\s?HCM|TPHCM)|(?:(?P<level>[Tt]ỉnh|[Tt]hành phố|TP\.?|Tp\.?)\s*)?(?P<name>{names}))(?![\w])"
    )


def federation_mentions(text: str) -> list[dict]:
    """Mentions of a provincial federation whose written level fits the province (``thành phố`` only for cities)."""
    found = []
    for match in _pattern().finditer(text):
        name = "Hồ Chí Minh" if match["hcm"] else match["name"]
        kind = provinces()[name]
        level = match["level"]
        if level and (kind == CITY) != (level.lower().rstrip(".") in {"thành phố", "tp"}):
            continue
        found.append({"province": name, "federation": f"Liên đoàn Lao động {kind} {name}", "span": match.span()})
    return found


def main_federation(mentions: list[dict]) -> dict | None:
    """The federation named most often; ties go to the first named."""
    if not mentions:
        return None
    votes = Counter(m["province"] for m in mentions)
    best = max(votes.values())
    return next(m for m in mentions if votes[m["province"]] == best)
