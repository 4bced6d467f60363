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

from extractors.documents import parse_date
from extractors.spans import Span, overlaps

_CUE = r"(?:(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm)(?:\s+(?:nay|qua|mai|hôm nay))?(?:\s+ngày)?|[Nn]gày|[Hh]ôm nay|[Hh]ôm qua|[Vv]ừa qua)"
# A full numeric or written-out date, with its cue word when there is one.
_FULL = re.compile(
    rf"(?=[SsCcTtĐđNnHhVv\d(])(?P<cue>{_CUE})?\s*\(?\s*(?:(?P<d>\d{{1,2}})(?P<sep>[/.-])(?P<m>\d{{1,2}})(?P=sep)(?P<y>\d{{4}})"
    rf"|(?P<written>\d{{1,2}}\s+tháng\s+\d{{1,2}}(?:\s*(?:năm|,)\s*|\s+)\d{{4}}))\b"
)
# A day and month with no year: only taken after a cue word (``Sáng 09/8``, ``Chiều nay (5/7)``).
_PARTIAL = re.compile(rf"(?=[SsCcTtĐđNnHhVv])(?P<cue>{_CUE})\s*\(?\s*(?P<d>\d{{1,2}})[/-](?P<m>\d{{1,2}})(?![/.-]?\d)\)?")
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
    for match in _FULL.finditer(text):
        span = match.span("written") if match["written"] else (match.start("d"), match.end("y"))
        if overlaps(span, skip):
            continue
        if match["written"]:
            iso = parse_date(match["written"])
            value = date.fromisoformat(iso) if iso and _valid(*map(int, iso.split("-"))) else None
        else:
            value = _valid(int(match["y"]), int(match["m"]), int(match["d"]))
        if value:
            mentions.append({"date": value, "span": span, "cue": bool(match["cue"]), "year_given": True})
    for match in _PARTIAL.finditer(text):
        span = (match.start("d"), match.end("m"))
        day, month = int(match["d"]), int(match["m"])
        if overlaps(span, skip) or not (1 <= day <= 31 and 1 <= month <= 12):
            continue
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
