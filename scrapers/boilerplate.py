"""Recognise the page furniture that flattened news pages carry around the article.

Portal headers (site name, all-caps slogan, visit counters), footers (licence,
address, copyright), datelines, repeated photo captions and bylines. These
rules work line by line on cleaned lines (see :mod:`scrapers.cleaning`).
"""
from __future__ import annotations

import re

from scrapers.cleaning import VIET_LOWER, VIET_UPPER

_COUNTER = re.compile(
    r"^(?:[•·*\-]\s*)?(?:thống kê truy cập|đang online|đang truy cập|hôm nay|hôm qua|tuần này|tháng này|"
    r"đã truy cập|lượt truy cập|tổng truy cập|tổng lượt truy cập|trực tuyến)\b\s*:?\s*[\d.,]*$",
    re.IGNORECASE,
)
_FOOTER = re.compile(
    r"^(?:©|\(c\)|copyright|bản quyền|ghi rõ nguồn|giấy phép(?: số)?\b|địa chỉ\s*:|điện thoại\s*:|"
    r"fax\s*:|email\s*:|e-mail\s*:|website được thiết kế|thiết kế bởi|trang thông tin điện tử|"
    r"cơ quan chủ quản|chịu trách nhiệm|tổng biên tập\s*:|ban biên tập|đường dây nóng)",
    re.IGNORECASE,
)
_DATELINE = re.compile(
    r"^(?:(?:thứ \w+|chủ nhật),?\s*)?(?:ngày đăng\s*:?\s*|cập nhật\s*:?\s*|đăng ngày\s*:?\s*)?"
    r"(?:(?P<h1>\d{1,2}):(?P<m1>\d{2})\s*(?:\||,|-)?\s*)?"
    r"(?P<d>\d{1,2})[/.-](?P<mo>\d{1,2})[/.-](?P<y>\d{4})"
    r"(?:\s*(?:\||,|-)?\s*(?P<h2>\d{1,2}):(?P<m2>\d{2})(?:\s*\(?GMT[+-]\d+\)?)?)?$",
    re.IGNORECASE,
)
_LEADING_DATE = re.compile(r"^date\s+(\d{4}-\d{2}-\d{2})\b\s*")
_NAME_WORD = rf"[{VIET_UPPER}][{VIET_LOWER}]+"
_BYLINE = re.compile(
    rf"^(?:Bài(?: và ảnh)?\s*:\s*|Tin, ảnh\s*:\s*|Theo\s+)?(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,4}})\s*\.?"
    r"\s*(?:(?:[,(|]|\s[-–—]\s?).{0,100})?$"
)
_MENU_ITEM = re.compile(r"^[•·▪►»]\s*\S")


def leading_date(line: str) -> tuple[str | None, str]:
    """Split a leading ``date 2025-08-09`` marker off a line: (ISO date or None, rest of the line)."""
    match = _LEADING_DATE.match(line)
    if not match:
        return None, line
    return match.group(1), line[match.end():]


def dateline_date(line: str) -> str | None:
    """The ISO date of a dateline such as ``17:05 | 19/07/2022`` or ``Ngày đăng: 12/03/2024``."""
    match = _DATELINE.match(line.strip())
    if not match:
        return None
    day, month, year = int(match["d"]), int(match["mo"]), int(match["y"])
    if not (1 <= day <= 31 and 1 <= month <= 12 and 1900 < year < 2100):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}"


def is_header_furniture(line: str) -> bool:
    """A portal header line: a visit counter, a menu bullet or an all-caps slogan."""
    return bool(_COUNTER.match(line) or _MENU_ITEM.match(line) or is_shouting(line))


def is_shouting(line: str) -> bool:
    """An all-caps line of some length (site slogans and banners)."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def is_footer(line: str) -> bool:
    """A site footer line: copyright, licence, address, contact."""
    return bool(_FOOTER.match(line))


def byline_name(line: str) -> str | None:
    """The author's name if the line is a byline (``Tố Phương.``, ``Đình Toàn - Trung tâm ...``)."""
    if len(line) > 140 or line.endswith(("?", ":")):
        return None
    match = _BYLINE.match(line)
    return match["name"] if match else None
