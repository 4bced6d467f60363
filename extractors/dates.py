"""Dates in the text: the meeting date, told apart from the publication date and cited documents' dates.

Vietnamese reports often give the meeting day without a year (``Sáng 30/11``,
``Sáng nay (19/7)``). Its year comes from the publication date when known (the
latest such day not after publication), else from the years the headline or,
failing that, the text names most.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from extractors.spans import Span, overlaps

_CUE = r"(?:(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm)(?:\s+(?:nay|qua|mai|hôm nay))?(?:\s+ngày)?|[Nn]gày|[Hh]ôm nay|[Hh]ôm qua|[Vv]ừa qua)"
# Dates are found from their digits; the cue word before them (``Sáng``, ``Ngày``...) is then looked up.
_NUMERIC = re.compile(r"(?=\d)(?<![\d/.,-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?(?![\d/]|[.,-]\d)")
_WRITTEN = re.compile(r"(?=\d)(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|,)\s*|\s+)(?P<y>\d{4})\b")
_CUE_BEFORE = re.compile(rf"{_CUE}\s*\(?\s*$")
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_LEAD_CHARS = 900


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_mentions(text: str, skip: list[Span]) -> list[dict]:
    """Dates in the text outside ``skip`` spans (cited documents): ``{"date", "span", "cue", "year_given"}``.

    ``date`` is a :class:`datetime.date` for full dates, or a ``(day, month)`` pair when no year is written.
    """
    mentions = []
    for match in [*_NUMERIC.finditer(text), *_WRITTEN.finditer(text)]:
        span = match.span()
        if overlaps(span, skip):
            continue
        cue = bool(_CUE_BEFORE.search(text, max(0, span[0] - 25), span[0]))
        day, month = int(match["d"]), int(match["m"])
        if match["y"]:
            value = _valid(int(match["y"]), month, day)
            if value:
                mentions.append({"date": value, "span": span, "cue": cue, "year_given": True})
        elif cue and 1 <= day <= 31 and 1 <= month <= 12:
            mentions.append({"date": (day, month), "span": span, "cue": True, "year_given": False})
    return sorted(mentions, key=lambda m: m["span"])


def context_year(text: str, title_end: int) -> int | None:
    """The year an undated day most likely falls in: the first year of the headline, else the text's most named."""
    title_years = _YEAR.findall(text[:title_end])
    if title_years:
        return int(title_years[0])
    counts = Counter(_YEAR.findall(text))
    return int(counts.most_common(1)[0][0]) if counts else None


def resolve(day_month: tuple[int, int], published: date | None, year_hint: int | None) -> date | None:
    """The full date of a ``(day, month)`` mention (see the module docstring)."""
    day, month = day_month
    if published:
        candidate = _valid(published.year, month, day)
        if candidate and candidate > published + timedelta(days=2):
            candidate = _valid(published.year - 1, month, day)
        return candidate
    return _valid(year_hint, month, day) if year_hint else None


def meeting_date(text: str, mentions: list[dict], title_end: int, published: str | None) -> tuple[str, Span] | None:
    """The meeting date (ISO) and its span: the first cued date of the lead, else the first date of the lead."""
    lead = [m for m in mentions if title_end <= m["span"][0] < title_end + _LEAD_CHARS]
    chosen = next((m for m in lead if m["cue"]), lead[0] if lead else None)
    if chosen is None:
        return None
    value = chosen["date"]
    if not chosen["year_given"]:
        value = resolve(value, date.fromisoformat(published) if published else None, context_year(text, title_end))
    return (value.isoformat(), chosen["span"]) if value else None
