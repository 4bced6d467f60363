"""Dates in the text: the meeting date, told apart from the publication date and cited documents' dates.

The meeting's own date is the one its sentence gives with a cue of time
(``Sáng ngày 14/3/2024``, ``Chiều 7.7``, ``Ngày 26-1,`` opening a sentence); it
beats every date that follows a cited document (``Hướng dẫn số 39/HD-LĐLĐ ngày
23/10/2019``), a date line of the page (``24/07/2020 18:24``, ``Tây Ninh ngày
30/11/2021``) and the dates of a range (``(28/7/1929-28/7/2024)``, ``tính đến ngày``).
A day without a year (``Sáng 30/11``) takes it from the publication date when
known (the latest such day not after publication), else from the period the
meeting reviews or plans (the year that puts the day nearest the period's end, or
a signing's start of year), else from the years the headline or, failing that,
the text names most. ``vừa qua`` with no date gives none. Days listed before one month (``ngày 25, 26/9``,
``25-26/9``) date the meeting by the first.
"""
from __future__ import annotations

import re
from collections import Counter
from datetime import date, timedelta

from extractors.spans import Span, overlaps

_TIME_OF_DAY = r"(?:[Ss]áng|[Cc]hiều|[Tt]ối|[Tt]rưa|[Đđ]êm|SÁNG|CHIỀU)"
_WEEKDAY = r"(?:\s+(?:thứ|Thứ)\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy|\d)|\s+[Cc]hủ [Nn]hật)?,?"
_CUE = (rf"(?:{_TIME_OF_DAY}(?:\s+(?:nay|qua|mai|hôm nay))?{_WEEKDAY}(?:\s+ngày)?|[Nn]gày|NGÀY|[Hh]ôm nay|[Hh]ôm qua|"
        r"[Vv]ừa qua|vào)")
_STRONG_CUE = re.compile(rf"(?:{_TIME_OF_DAY}(?:\s+(?:nay|qua|mai|hôm nay))?{_WEEKDAY}(?:\s+ngày)?|"
                         rf"vào(?:\s+lúc\s+\S+)?(?:\s+{_TIME_OF_DAY})?\s+ngày|"
                         rf"(?:[.:–-]\s*|\n)(?:[Nn]gày|NGÀY))\s*\(?\s*$")
# Dates are found from their digits; the cue word before them (``Sáng``, ``Ngày``...) is then looked up.
_NUMERIC = re.compile(r"(?=\d)(?<![\d/.,-])(?P<d>\d{1,2})(?P<sep>[/.-])(?P<m>\d{1,2})(?:(?P=sep)(?P<y>\d{4}))?(?![\d/]|[.,-]\d)")
_WRITTEN = re.compile(r"(?=\d)(?<!\d)(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})(?:\s*(?:năm|,)\s*|\s+)(?P<y>\d{4})\b")
_CUE_BEFORE = re.compile(rf"{_CUE}\s*\(?\s*$")
_AFTER_DOCUMENT = re.compile(
    r"(?:số\s*\S*\d\S*\s*(?:[-–]\s*\S+\s*)?|(?:Quyết định|Hướng dẫn|Kế hoạch|Nghị quyết|Công văn|Thông báo|Chỉ thị|"
    r"Thông tư|Nghị định|Chương trình|Quy chế)\s+\S*\d\S*\s*)(?:,\s*)?(?:ban hành\s+)?ngày\s*$", re.IGNORECASE)
_RANGE_BEFORE = re.compile(r"(?:đến|tính đến|từ|tới|\d\s*[-–])\s*(?:ngày\s*)?$", re.IGNORECASE)
_FIRST_DAY = re.compile(r"(?<![\d/.,-])(?P<d>\d{1,2})\s*(?:,|và|[-–])\s*$")
_RANGE_AFTER = re.compile(r"\s*[-–]\s*\d{1,2}[/.]\d{1,2}")
_DATELINE = re.compile(r"(?:\d{1,2}:\d{2}|[Tt]hứ\s+\w+|[Cc]hủ nhật|[Cc]ập nhật|[Nn]gày đăng|[Đđ]ăng lúc|GMT|\|)")
_PLACE_DATELINE = re.compile(r"[\w\s,]{0,30}ngày")   # "Tây Ninh ngày 30/11/2021", "Nghệ An, ngày ..."
_YEAR = re.compile(r"\b(19[5-9]\d|20[0-4]\d)\b")
_LEAD_CHARS = 900
_DATELINE_CHARS = 60


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def date_mentions(text: str, skip: list[Span]) -> list[dict]:
    """Dates in the text outside ``skip`` spans (cited documents): ``{"date", "span", "cue", "strong", "year_given",
    "excluded"}``.

    ``date`` is a :class:`datetime.date` for full dates, or a ``(day, month)`` pair when no year is written;
    ``excluded`` marks a date of a document, a date line or a range, which is never the meeting's.
    """
    mentions = []
    for match in [*_NUMERIC.finditer(text), *_WRITTEN.finditer(text)]:
        span = match.span()
        if overlaps(span, skip):
            continue
        day = int(match["d"])
        first = _FIRST_DAY.search(text, max(0, span[0] - 10), span[0])
        if first and int(first["d"]) < day:          # "ngày 25, 26/9/2019", "25-26/9": the meeting's first day
            day, span = int(first["d"]), (first.start(), span[1])
        before = text[max(0, span[0] - 40):span[0]]
        cue = bool(_CUE_BEFORE.search(before[-25:]))
        strong = bool(_STRONG_CUE.search("\n" + before if span[0] <= 40 else before))
        excluded = bool(_AFTER_DOCUMENT.search(before) or _RANGE_BEFORE.search(before[-12:])
                        or _RANGE_AFTER.match(text, span[1]) or _is_dateline(text, span))
        month = int(match["m"])
        found = {"span": span, "cue": cue, "strong": strong and not excluded, "excluded": excluded}
        if match["y"]:
            value = _valid(int(match["y"]), month, day)
            if value:
                mentions.append({**found, "date": value, "year_given": True})
        elif cue and 1 <= day <= 31 and 1 <= month <= 12:
            mentions.append({**found, "date": (day, month), "year_given": False})
    return sorted(mentions, key=lambda m: m["span"])


def _is_dateline(text: str, span: Span) -> bool:
    """Whether a date stands in a short line of its own: a time, a weekday, ``Cập nhật``, or a place before it."""
    start = text.rfind("\n", 0, span[0]) + 1
    end = text.find("\n", span[1])
    line = text[start:end if end >= 0 else len(text)]
    if len(line) > _DATELINE_CHARS:
        return False
    rest = (line[:span[0] - start] + line[span[1] - start:]).strip(" ,()")
    return bool(_DATELINE.search(line)) or not rest or bool(_PLACE_DATELINE.fullmatch(rest))


def context_year(text: str, title_end: int) -> int | None:
    """The year an undated day most likely falls in: the first year of the headline, else the text's most named."""
    title_years = _YEAR.findall(text[:title_end])
    if title_years:
        return int(title_years[0])
    counts = Counter(_YEAR.findall(text))
    return int(counts.most_common(1)[0][0]) if counts else None


def resolve(day_month: tuple[int, int], published: date | None, year_hint: int | None,
            anchor: date | None = None) -> date | None:
    """The full date of a ``(day, month)`` mention (see the module docstring)."""
    day, month = day_month
    if published:
        candidate = _valid(published.year, month, day)
        if candidate and candidate > published + timedelta(days=2):
            candidate = _valid(published.year - 1, month, day)
        return candidate
    if anchor:
        options = [d for d in (_valid(anchor.year + k, month, day) for k in (-1, 0, 1)) if d]
        if options:
            return min(options, key=lambda d: abs((d - anchor).days))
    return _valid(year_hint, month, day) if year_hint else None


def meeting_mention(mentions: list[dict], lead: Span) -> dict | None:
    """The mention of the meeting date: the lead's first date with a strong cue, else its first cued date, else its
    first full date; never an excluded one. ``lead`` runs from the headline's end."""
    start, end = lead
    candidates = [m for m in mentions if start <= m["span"][0] < max(end, start + _LEAD_CHARS) and not m["excluded"]]
    chosen = next((m for m in candidates if m["strong"]), None) or next((m for m in candidates if m["cue"]), None)
    return chosen or next((m for m in candidates if m["year_given"]), None)


def full_date(text: str, mention: dict, title_end: int, published: str | None,
              anchor: date | None = None) -> tuple[str, Span] | None:
    """The ISO date of a date mention and its span, its year resolved when not written (see the module docstring)."""
    value = mention["date"]
    if not mention["year_given"]:
        value = resolve(value, date.fromisoformat(published) if published else None, context_year(text, title_end),
                        anchor)
    return (value.isoformat(), mention["span"]) if value else None
