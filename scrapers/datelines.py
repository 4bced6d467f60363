"""Date lines as portals print them, read by a small grammar rather than one long pattern.

A date line holds exactly one date (``19/07/2022``, ``12 / 3 / 2024``, ``04.06.2024``,
``21-09-2020``, ``ngày 12 tháng 3 năm 2024``, an evident slip such as ``20/052022``) and around
it only the furniture of a date line (see :mod:`scrapers.page_words`): a weekday, a time before
or after the date, a time zone, a cue (``Ngày đăng:``, ``Cập nhật``), a view counter, separators.
It may also carry, before the date and set off by a separator, a short name: the byline
(``Nguyên Minh - 07/03/2026 08:47``, ``Quang Minh LDO | 02/04/2024 12:50``) or the place
(``Tây Ninh ngày 30/11/2021``), or, when the line also gives the time, the section with only a space
(``Kinh tế 05/03/2021 - 04:17``); and after it, set off by ``|`` or a dash, a section label.
Anything else (``Sáng 19/7/2022, cụm tổ chức ...``) makes it a sentence, not a date line.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import NamedTuple

from scrapers import page_words as words

MAX_LINE = 160
_MAX_NAME_WORDS = 5
_MAX_LABEL_WORDS = 6

_DATE = re.compile(
    r"(?<!\w)ngày\s+(?P<wd>\d{1,2})\s+tháng\s+(?P<wm>\d{1,2})\s+năm\s+(?P<wy>\d{4})(?!\d)"
    r"|(?<![\d/.-])(?P<iy>(?:19|20)\d{2})-(?P<im>\d{1,2})-(?P<id>\d{1,2})(?![\d/.-])"
    r"|(?<![\d/.-])(?P<d>\d{1,2})\s*(?P<sep>[/.-])\s*(?P<m>\d{1,2})\s*(?P=sep)\s*(?P<y>\d{4})(?![\d/.-])"
    r"|(?<![\d/.-])(?P<sd>\d{1,2})/(?P<sm>\d{2})(?P<sy>(?:19|20)\d{2})(?![\d/.-])",
    re.IGNORECASE,
)
_CUES = "|".join(re.escape(cue) for cue in words.DATE_CUES)
# Date-line furniture, each replaced by a separator mark so that what is left can be judged.
_FURNITURE = re.compile(
    rf"{words.TIME_ZONE}|{words.VIEW_COUNTER}|(?<!\w){words.CLOCK}|(?<!\w)(?:{words.WEEKDAYS}|{_CUES})(?!\w)",
    re.IGNORECASE,
)
_CLOCK = re.compile(rf"(?<!\w){words.CLOCK}", re.IGNORECASE)
_SEPARATORS = " \t|,;:()[]•·/-–—¦"
_NAME_SEPARATORS = set("|-–—")


class Dateline(NamedTuple):
    """A date line read: the ISO date, and the name printed before the date with a dash or bar (a byline)."""

    iso: str
    name: str | None


def read_dateline(line: str) -> Dateline | None:
    """The date line ``line`` is, or None when it is not one (see the module docstring)."""
    line = line.strip()
    if not line or len(line) > MAX_LINE:
        return None
    dates = list(_DATE.finditer(line))
    if len(dates) != 1:
        return None
    match = dates[0]
    iso = _iso(match)
    if iso is None:
        return None
    left = _FURNITURE.sub("¦", line[:match.start()])
    right = _FURNITURE.sub("¦", line[match.end():])
    name, cut = _split_tail(left)
    label, lead = _split_head(right)
    if label and not (set(lead) & {"|", "-", "–", "—"} and _is_label(label)):
        return None
    if not name:
        return Dateline(iso, None)
    if not _is_name_like(name) or not (cut.strip() or _CLOCK.search(line)):
        return None
    return Dateline(iso, name if set(cut) & _NAME_SEPARATORS else None)


def dateline_date(line: str) -> str | None:
    """The ISO date of a date line such as ``17:05 | 19/07/2022`` or ``Ngày đăng: 12/03/2024``, else None."""
    found = read_dateline(line)
    return found.iso if found else None


def _iso(match: re.Match) -> str | None:
    """The match as an ISO date, if it is a real one."""
    groups = next(g for g in (("wy", "wm", "wd"), ("iy", "im", "id"), ("y", "m", "d"), ("sy", "sm", "sd"))
                  if match[g[0]])
    year, month, day = (int(match[g]) for g in groups)
    try:
        return dt.date(year, month, day).isoformat() if 1900 < year < 2100 else None
    except ValueError:
        return None


def _split_tail(text: str) -> tuple[str, str]:
    """(words, the separators and furniture after them) of the text before the date."""
    stripped = text.rstrip(_SEPARATORS + " ")
    return stripped.strip(_SEPARATORS).strip(), text[len(stripped):]


def _split_head(text: str) -> tuple[str, str]:
    """(words, the separators and furniture before them) of the text after the date."""
    stripped = text.lstrip(_SEPARATORS + " ")
    return stripped.strip(_SEPARATORS).strip(), text[:len(text) - len(stripped)]


def _is_name_like(text: str) -> bool:
    """A few words opening with a capital and no digit: a byline, a place or a section before the date."""
    parts = text.split()
    return (0 < len(parts) <= _MAX_NAME_WORDS and text[0].isupper() and not any(c.isdigit() for c in text)
            and parts[0].casefold() not in words.DAY_PARTS and "¦" not in text)


def _is_label(text: str) -> bool:
    """A section label after the date (``| Thị trường chứng khoán``): a few words, no sentence."""
    return len(text.split()) <= _MAX_LABEL_WORDS and not re.search(r"[.!?;]", text) and "¦" not in text
