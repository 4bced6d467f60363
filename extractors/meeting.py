"""The meeting itself: its type, place and the period it reviews or plans; and the cluster's leader."""
from __future__ import annotations

import re

from extractors.lexicon import ORG_HEAD, expand
from extractors.spans import Span

TYPES = [
    ("tổng kết", r"tổng kết"),
    ("sơ kết", r"sơ kết"),
    ("giao ban", r"giao? ban"),
    ("ký kết giao ước", r"ký(?: kết)? giao ước"),
]
_TYPE_AFTER_MEETING = re.compile(r"(?:hội nghị|buổi|phiên)\s+(" + "|".join(p for _, p in TYPES) + r")", re.IGNORECASE)
_TYPE_ANY = re.compile(r"\b(" + "|".join(p for _, p in TYPES) + r")\b", re.IGNORECASE)
_LOCATION = re.compile(
    r"\b[Tt]ại\s+(?!hội nghị|buổi|phiên|đây|chỗ|các|những|mỗi|từng|cơ sở\b)(?P<place>[^,.;:\n(]{3,90}?)"
    r"(?=\s*[,.;:\n(]|\s+(?:[Cc]ụm|[Kk]hối)\s+thi đua|\s+(?:đã|đang|sẽ|tổ chức|diễn ra|long trọng)\b)"
)
_PERIOD = re.compile(
    r"(?:(?:\d{1,2}|ba|sáu|chín|những)\s+tháng(?:\s+(?:đầu|cuối))?\s+năm|quý\s+[IV]+(?:\s+năm)?|năm\s+học|năm)(?:\s+(?P<year>(?:19|20)\d\d))?(?!\s*\d)",
    re.IGNORECASE,
)
_LEADER_UNIT = re.compile(
    rf"(?P<unit>{ORG_HEAD}[^,.;:\n]{{0,60}}?)\s+(?:là|làm|giữ vai trò)\s+(?:đơn vị\s+)?(?:[Cc]ụm trưởng|[Tt]rưởng cụm|[Kk]hối trưởng|[Tt]rưởng khối)"
    rf"|(?:[Cc]ụm trưởng|[Tt]rưởng cụm|[Kk]hối trưởng|[Tt]rưởng khối)\s+(?:năm \d{{4}}\s+)?là\s+(?P<unit2>{ORG_HEAD}[^,.;:\n]{{0,60}})"
)


def meeting_type(text: str, title: Span, lead: Span, is_meeting: bool) -> tuple[str, Span] | None:
    """The type from the headline, else from ``hội nghị <type>`` in the lead, else any type word in the lead.

    ``title`` and ``lead`` are the spans of the headline and of the lead paragraphs.
    """
    for pattern, region in ((_TYPE_ANY, title), (_TYPE_AFTER_MEETING, lead), (_TYPE_ANY, lead)):
        match = pattern.search(text, *region)
        if match:
            word = match.group(1).lower()
            kind = next(name for name, p in TYPES if re.fullmatch(p, word))
            return kind, match.span(1)
    if is_meeting:
        match = re.search(r"hội nghị|họp|hội thao|hội khỏe|giải", text[lead[0]:lead[1]], re.IGNORECASE)
        if match:
            return "khác", (lead[0] + match.start(), lead[0] + match.end())
    return None


def location(text: str, around: int, lead_end: int) -> tuple[str, Span] | None:
    """``tại X`` of the meeting sentence: the first one from the meeting date on, within the lead."""
    match = _LOCATION.search(text, max(0, around - 80), lead_end)
    if not match:
        return None
    return match["place"].strip(), match.span("place")


def period(text: str, regions: list[Span], meeting_year: int | None) -> tuple[str, Span] | None:
    """The period the meeting reviews (``6 tháng đầu năm 2022``, ``năm 2023``): the first in the regions given.

    A period written without its year (``6 tháng đầu năm``) takes the meeting's year.
    """
    for start, end in regions:
        for match in _PERIOD.finditer(text, start, end):
            value = match.group(0)
            if match["year"] is None:
                if meeting_year is None or value.lower() in {"năm", "năm học"}:
                    continue
                value = f"{value} {meeting_year}"
            return re.sub(r"\s+", " ", value), match.span()
    return None


def leader_unit(text: str) -> tuple[str, Span] | None:
    """A unit named as the cluster's leader (``LĐLĐ thành phố X làm trưởng cụm``)."""
    match = _LEADER_UNIT.search(text)
    if not match:
        return None
    group = "unit" if match["unit"] else "unit2"
    return expand(match[group]), match.span(group)
