"""Recognise the page furniture that flattened news pages carry around the article.

Portal headers (site name, all-caps slogan, visit counters, menu bullets), footers (licence,
address, copyright), the ``date`` marker of stored copies and headline kickers. These rules work
line by line on cleaned lines (see :mod:`scrapers.cleaning`); date lines and bylines have their
own grammars (:mod:`scrapers.datelines`, :mod:`scrapers.bylines`).
"""
from __future__ import annotations

import re

from scrapers import page_words as words

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
_LEADING_DATE = re.compile(r"^date\s+(\d{4}-\d{2}(?:-\d{2})?)(?![\d-])\s*")
_FULL_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_KICKER_HEADS = frozenset({"cụm", "khối", "liên", "lđlđ", "công", "cđ", "cđcs", "cđvc"})
_KICKER_WORDS = 12
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_MENU_ITEM = re.compile(r"^[•·▪►»]\s*\S")
_MENU_WORDS = 8
# A contact line a portal header prints (``Hotline: 0968 ...``, ``Email: ...``).
_CONTACT = re.compile(r"^(?:hotline|đường dây nóng|điện thoại|đt|tel|fax|e-?mail)\s*:", re.IGNORECASE)
_PROSE_WORDS = 8
_WIDGET_MAX = 60


def leading_date(line: str) -> tuple[str | None, str]:
    """Split a leading ``date 2025-08-09`` (or month-only ``date 2021-12``) marker off a line:
    (the marker's date or None, rest of the line)."""
    match = _LEADING_DATE.match(line)
    if not match:
        return None, line
    return match.group(1), line[match.end():]


def full_date(marker: str | None) -> str | None:
    """The marker's date when it names a day (a month-only marker gives no publication date)."""
    return marker if marker and _FULL_DATE.match(marker) else None


def is_kicker(line: str) -> bool:
    """A headline kicker that only names the organisation (``Cụm thi đua số 5 – LĐLĐ Thành phố Hà Nội``):
    a few words, opening with a union or cluster name, every lower-case word one that names take."""
    found = _WORD.findall(line)
    if not found or len(found) > _KICKER_WORDS or line.rstrip().endswith((".", "?", "!")):
        return False
    lower = [w for w in found if w[0].islower()]
    return found[0].casefold() in _KICKER_HEADS and all(w in words.NAME_WORDS for w in lower) \
        and len(found) - len(lower) >= 2


def is_header_furniture(line: str) -> bool:
    """A portal header line: a visit counter, a menu bullet, a contact line or an all-caps slogan."""
    return is_counter(line) or is_menu(line) or is_contact(line) or is_shouting(line)


def is_menu(line: str) -> bool:
    """A menu bullet line (``• Tin tức - Sự kiện``): a bullet and a short label, not a bulleted sentence."""
    return bool(_MENU_ITEM.match(line)) and len(line.split()) <= _MENU_WORDS and not line.endswith((".", ";", "…"))


def is_contact(line: str) -> bool:
    """A contact line of a portal header or footer (``Hotline: 0968 ...``, ``Email: ...``)."""
    return bool(_CONTACT.match(line))


def is_lone_word(line: str) -> bool:
    """A line of one word only (a button such as ``Đóng``, a banner's file name): never a headline."""
    return len(line.split()) == 1


def is_prose(line: str) -> bool:
    """A sentence of the article (a lead or body paragraph), which no portal header reaches."""
    return len(line.split()) >= _PROSE_WORDS and (line.endswith((".", "…", ";", ":")) or len(line) > 160)


def is_counter(line: str) -> bool:
    """A visit counter line (``Đang online: 27``, ``Tổng truy cập: 3.456.789``)."""
    return bool(_COUNTER.match(line))


def is_shouting(line: str) -> bool:
    """An all-caps line of some length (site slogans and banners)."""
    letters = [c for c in line if c.isalpha()]
    return len(letters) >= 20 and sum(c.isupper() for c in letters) / len(letters) > 0.8


def is_footer(line: str) -> bool:
    """A site footer line: copyright, licence, address, contact."""
    return bool(_FOOTER.match(line))


def is_widget(line: str) -> bool:
    """A page widget's line (``Tin liên quan``, ``Tải ứng dụng:``, ``Chia sẻ``, a comment box's prompt)."""
    folded = line.casefold().strip().rstrip(".:!").strip()
    return len(line) <= _WIDGET_MAX and (folded in words.WIDGET_LINES or folded.startswith(words.WIDGET_PREFIXES))
