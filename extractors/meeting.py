"""The meeting itself: its type, place and the period it reviews or plans.

The meeting's own name decides its type: the event the lead's meeting sentence
says was held (``tổ chức Hội nghị tổng kết ...``, ``diễn ra buổi họp bình xét``)
and the headline; when they name several types, a review outranks a signing
(``tổng kết ... và ký kết giao ước`` is a ``tổng kết``). An event named by none of
the types (``Hội thi``, ``giao lưu thể thao``) is ``khác``, unless a signing
concludes it. The place is the ``tại X`` of the meeting sentence.
"""
from __future__ import annotations

import re
from datetime import date

from extractors.sentences import sentence_at, sentences
from extractors.spans import Span

# Types in the order they outrank one another when a meeting's name holds several.
TYPES = [
    ("tổng kết", r"tổng kết"),
    ("sơ kết", r"sơ kết"),
    ("giao ban", r"giao? ban"),
    ("ký kết giao ước", r"ký(?: kết)? giao ước"),
]
_TYPE = re.compile(r"(?<!\w)(" + "|".join(p for _, p in TYPES) + r")(?!\w)", re.IGNORECASE)
_EVENT_VERB = re.compile(r"(?<!\w)(?:tổ chức|diễn ra|tiến hành|khai mạc|họp|ký kết|ký)(?!\w)", re.IGNORECASE)
_EVENT = re.compile(r"(?<!\w)(?:hội nghị|hội thi|hội thao|hội khỏe|giao lưu|họp mặt|buổi|cuộc họp|lễ|chương trình|"
                    r"hội thảo|tọa đàm|gặp mặt|mít tinh|giải|làm việc|khảo sát)(?!\w)", re.IGNORECASE)
_HELD = re.compile(r"(?<!\w)(?:tổ chức|diễn ra)\s+(?:(?:\w+\s+){0,2})(?:hội nghị|hội thi|hội thao|giao lưu|họp mặt|buổi|lễ)"
                   r"(?!\w)", re.IGNORECASE)
_CLAUSE_END = re.compile(r"[,.;:\n]|\s[-–]\s")
_CONCLUDING_SIGNING = re.compile(
    r"(?:cuối|kết thúc|tại|dịp này|nhân dịp|hội nghị)[^.\n]{0,120}?ký(?: kết)? giao ước", re.IGNORECASE)
_LOCATION = re.compile(
    r"(?<![^\W\d_])[Tt]ại\s+(?!hội nghị|Hội nghị|buổi|phiên|đây|chỗ|các|những|mỗi|từng|cơ sở\b|[Cc]ụm\b|[Kk]hối\b)"
    r"(?P<place>(?:[^,.;:\n(]|\.(?=\S)){3,90}?)"
    r"(?=\s*(?:[,;:\n(]|\.(?:\s|$))|\s+ở\s|\s+(?:[Cc]ụm|[Kk]hối|CỤM|KHỐI)\s+(?:[Tt]hi đua|THI ĐUA)|"
    r"\s+(?:đã|đang|sẽ|tổ chức|diễn ra|long trọng)\b)")
_PERIOD = re.compile(
    r"(?:(?:\d{1,2}|ba|sáu|chín|những)\s+tháng(?:\s+(?:đầu|cuối))?\s+năm|quý\s+[IV]+(?:\s+năm)?|năm\s+học|năm)"
    r"(?:\s*(?P<year>(?:19|20)\d\d)(?:\s*[-–]\s*(?P<year2>(?:19|20)\d\d))?)?(?!\s*\d)",
    re.IGNORECASE)
_SPACES = re.compile(r"\s+")
_GLUED_YEAR = re.compile(r"(?i)năm(?=\d)")
_DATE_BEFORE = re.compile(r"tháng\s+\d{1,2}\s*$", re.IGNORECASE)


def meeting_sentence(text: str, lead: Span, date_span: Span | None) -> Span | None:
    """The lead's sentence that reports the meeting: the one with the meeting date, else the first that names
    an event held (``tổ chức ...``, ``Hội nghị ...``)."""
    if date_span:
        return sentence_at(text, date_span[0])
    found = sentences(text, *lead)
    for sentence in found:
        name = event_name(text, sentence)
        if name and _TYPE.search(text, *name):
            return sentence
    return next((s for s in found if _HELD.search(text, *s)), None)


def event_name(text: str, sentence: Span) -> Span | None:
    """The name of the event the sentence says was held: from the event word (after ``tổ chức``/``diễn ra``)
    to the end of its clause."""
    verb = _EVENT_VERB.search(text, *sentence)
    start = verb.end() if verb else None
    event = _EVENT.search(text, start if start is not None else sentence[0], sentence[1])
    if start is None and event is None:
        return None
    start = start if start is not None else event.start()
    end = _CLAUSE_END.search(text, start + 1, sentence[1])
    return start, end.start() if end else sentence[1]


def meeting_type(text: str, title: Span, sentence: Span | None, is_meeting: bool) -> tuple[str, Span] | None:
    """The meeting's type and its span (see the module docstring).

    ``title`` is the headline's span, ``sentence`` the lead's meeting sentence.
    """
    found = []
    name = event_name(text, sentence) if sentence else None
    for region in (title, name):
        if region:
            found += [(_kind(m.group(1)), m.span(1)) for m in _TYPE.finditer(text, *region)]
    if sentence and not found:
        found += [(_kind(m.group(1)), m.span(1)) for m in re.finditer(
            r"(?i)(?:hội nghị|buổi|phiên)\s+(" + "|".join(p for _, p in TYPES) + r")", text[sentence[0]:sentence[1]])]
        found = [(k, (s + sentence[0], e + sentence[0])) for k, (s, e) in found]
    if found:
        order = [t for t, _ in TYPES]
        return min(found, key=lambda f: order.index(f[0]))
    if not (is_meeting and name):
        return None
    signing = _CONCLUDING_SIGNING.search(text, sentence[0])
    if signing:
        word = _TYPE.search(text, signing.start(), signing.end())
        return "ký kết giao ước", word.span(1)
    return "khác", name


def _kind(word: str) -> str:
    return next(name for name, p in TYPES if re.fullmatch(p, word, re.IGNORECASE))


def location(text: str, sentence: Span | None, around: int, lead_end: int) -> tuple[str, Span] | None:
    """``tại X``: the first in the meeting sentence, else the first of the lead from the meeting date on; a place
    written all in lowercase (``tại cơ quan``, ``tại địa phương``) is a common noun, not the meeting's place."""
    regions = [sentence] if sentence else []
    regions.append((max(0, around - 80), lead_end))
    for start, end in regions:
        for match in _LOCATION.finditer(text, start, max(end, start)):
            if any(char.isupper() for char in match["place"]):   # "tại cơ quan, đơn vị" names no place
                return match["place"].strip(), match.span("place")
    return None


def period(text: str, regions: list[Span], meeting_year: int | None) -> tuple[str, Span] | None:
    """The period the meeting reviews or plans (``6 tháng đầu năm 2022``, ``năm học 2013-2014``): the first in
    the regions given; a period written without its year (``6 tháng đầu năm``) takes the meeting's year.
    A year that ends a written-out date (``ngày 09 tháng 01 năm 2015``) is no period."""
    for start, end in regions:
        for match in _PERIOD.finditer(text, start, end):
            if _DATE_BEFORE.search(text, max(0, match.start() - 12), match.start()):
                continue
            value = match.group(0)
            if match["year"] is None:
                if meeting_year is None or value.lower() in {"năm", "năm học"}:
                    continue
                value = f"{value} {meeting_year}"
            return _SPACES.sub(" ", _GLUED_YEAR.sub("năm ", value)), match.span()
    return None


def period_anchor(written: str, kind: str | None) -> date | None:
    """The day a meeting on that period is held near: a review's end of period, a signing's start of year."""
    years = [int(y) for y in re.findall(r"(?:19|20)\d\d", written)]
    if not years:
        return None
    year = years[-1]
    lowered = written.lower()
    if kind == "ký kết giao ước" and lowered.startswith("năm") and "học" not in lowered:
        return date(year, 1, 1)
    if "năm học" in lowered:             # August to July: a day falls in the school year named
        return date(year, 1, 15) if len(years) > 1 else date(year, 6, 30)
    months = re.match(r"(\d{1,2})\s+tháng", lowered)
    if months and "cuối" not in lowered:
        return date(year, min(12, int(months[1])), 28)
    quarter = re.match(r"quý\s+([iv]+)", lowered)
    if quarter:
        return date(year, {"i": 3, "ii": 6, "iii": 9, "iv": 12}.get(quarter[1], 12), 28)
    return date(year, 12, 31)
