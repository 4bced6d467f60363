"""Vietnamese forms for the archive's pages: dates, numbers, figures, messages, gone sources.

Every word shown comes from ``vi_words.toml`` beside this module (read once): figure kinds and
comparators, date layouts, messages. The functions return plain strings; the templates escape them.
"""
from __future__ import annotations

import datetime as dt
import ipaddress
import math
import re
import tomllib
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal, localcontext
from functools import cache
from numbers import Integral, Real
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

#: Longest subject a figure phrase shows, in characters (longer ones are cut at a word boundary).
SUBJECT_LIMIT = 80
#: Significant digits a float is shown with when no ``decimals`` is asked: enough for any stored
#: figure, few enough to hide float noise (``3.3 * 10**9`` is 3299999999.9999995).
SIGNIFICANT = 15

ISO_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?(?:[T ].*)?")
VI_DATE = re.compile(r"(?:(\d{1,2})/)?(\d{1,2})/(\d{4})")
#: Characters left off the end of a cut text before the ellipsis.
TRAILING = " ,;:.-–—(/"


@cache
def words() -> dict[str, Any]:
    """The contents of ``vi_words.toml`` (read on first use)."""
    with (Path(__file__).parent / "vi_words.toml").open("rb") as file:
        return tomllib.load(file)


def message(key: str, **values: object) -> str:
    """The message ``key`` of ``vi_words.toml`` with its placeholders filled in.

    Numbers are shown with :func:`number_vi`, dates with :func:`date_vi`, anything else as ``str``.
    An unknown key or a missing placeholder raises ``KeyError``.
    """
    template = words()["messages"][key]
    return template.format_map({name: shown(value) for name, value in values.items()})


def shown(value: object) -> str:
    """A value in its Vietnamese form for a message."""
    if isinstance(value, (dt.date, dt.datetime)):
        return date_vi(value)
    if isinstance(value, (Real, Decimal)) and not isinstance(value, bool):
        return number_vi(value)
    return str(value)


def date_vi(value: dt.date | dt.datetime | str | int | None) -> str:
    """A date as ``dd/mm/yyyy``; ``mm/yyyy`` or ``yyyy`` when only the month or year is known.

    Accepts dates, datetimes, ISO strings (``2023-05-17``, ``2023-05``, ``2023``, with or without a
    time) and year numbers; ``""`` for None. A string that is no valid date is returned as given
    (stripped), never guessed at.
    """
    layouts = words()["dates"]
    if value is None or value != value:  # None, NaN, pandas' NaT
        return ""
    if isinstance(value, dt.date):
        return layouts["day"].format(day=value.day, month=value.month, year=value.year)
    if isinstance(value, int) and not isinstance(value, bool):
        return layouts["year"].format(year=value)
    text = str(value).strip()
    found = ISO_DATE.fullmatch(text)
    if found:
        year, month, day = (int(part) if part else None for part in found.groups())
    elif found := VI_DATE.fullmatch(text):
        day, month, year = (int(part) if part else None for part in found.groups())
    else:
        return text
    if day is not None:
        try:
            return date_vi(dt.date(year, month, day))
        except ValueError:
            return text
    if month is not None:
        return layouts["month"].format(month=month, year=year) if 1 <= month <= 12 else text
    return layouts["year"].format(year=year)


def number_vi(value: int | float | None, decimals: int | None = None) -> str:
    """A number with Vietnamese separators: ``1.050.000.000``, ``93,8``, ``-0,5``.

    Integers (also NumPy's) and ``Decimal`` values are shown exactly. Floats are shown with up to
    15 significant digits, or rounded (half up) to at most ``decimals`` decimals; trailing zeros are
    dropped (``93,8``, never ``93,80`` or ``5,0``). ``""`` for None, NaN, infinities and anything
    that is not a number.
    """
    if decimals is not None and decimals < 0:
        raise ValueError(f"decimals must be 0 or more, not {decimals}")
    if isinstance(value, bool) or not isinstance(value, (Real, Decimal)):
        return ""
    if isinstance(value, Integral):
        number = Decimal(int(value))
    elif isinstance(value, Decimal):
        number = value
    elif math.isfinite(value):
        number = Decimal(format(float(value), f".{SIGNIFICANT}g"))
    else:
        return ""
    if not number.is_finite():
        return ""
    if decimals is not None and not isinstance(value, Integral):
        with localcontext() as context:
            context.prec = max(number.adjusted(), 0) + decimals + 2
            number = number.quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    whole, _, fraction = format(number, "f").partition(".")
    sign, whole = ("-", whole[1:]) if whole.startswith("-") else ("", whole)
    fraction = fraction.rstrip("0")
    if not fraction and not whole.strip("0"):
        sign = ""
    groups = [whole[max(end - 3, 0):end] for end in range(len(whole), 0, -3)][::-1]
    return sign + ".".join(groups) + ("," + fraction if fraction else "")


def shorten(text: str, limit: int) -> str:
    """``text`` with its spaces collapsed, cut at a word boundary to at most ``limit`` characters.

    A cut text ends with ``…`` (counted in the limit). A first word longer than the limit is kept
    whole: a word is never cut.
    """
    text = " ".join(str(text).split())
    if len(text) <= limit:
        return text
    head = text[:max(limit - 1, 0)]
    if text[len(head)] != " ":
        head = head.rpartition(" ")[0] or text.split(" ", 1)[0]
    head = head.rstrip(TRAILING)
    return head + "…" if head and len(head) < len(text) else text


def amount_vi(value: object, unit: object) -> str:
    """A figure's value with its unit: ``93,8%``, ``1.050.000.000 đồng``; ``""`` without a number."""
    number = number_vi(value)  # type: ignore[arg-type]
    unit = " ".join(str(unit).split()) if unit else ""
    if not number or not unit:
        return number
    return number + unit if unit in words()["units"]["attached"] else f"{number} {unit}"


def figure_vi(figure: Mapping[str, Any], *, limit: int = SUBJECT_LIMIT) -> str:
    """One figure (``value``, ``unit``, ``kind``, ``comparator``, ``subject``) as a Vietnamese phrase.

    ``Tổng kinh phí sửa chữa nhà ở: đạt 1.050.000.000 đồng``, ``Tỷ lệ đoàn viên: chỉ tiêu từ 90%
    trở lên``. The subject is cut at a word boundary to ``limit`` characters; a subject that only
    repeats the unit is left out, and so is the kind's word when the subject starts with it.
    Unknown kinds and comparators add no word (never an English one).
    """
    vocabulary = words()
    amount = amount_vi(figure.get("value"), figure.get("unit"))
    if amount:
        template = vocabulary["comparators"].get(figure.get("comparator"), vocabulary["comparators"]["="])
        amount = template.format(amount=amount)
    subject = shorten(figure.get("subject") or "", limit)
    kind = vocabulary["kinds"].get(figure.get("kind"), "") if amount else ""
    if kind and subject.casefold().startswith(kind.casefold() + " "):
        kind = ""  # the subject says it already: "chỉ tiêu phát triển đoàn viên"
    phrase = " ".join(part for part in (kind, amount) if part)
    if subject.casefold() == " ".join(str(figure.get("unit") or "").split()).casefold() and phrase:
        subject = ""
    if subject and phrase:
        return f"{capitalized(subject)}: {phrase}"
    return capitalized(subject or phrase)


def capitalized(text: str) -> str:
    """``text`` with its first letter upper-case and the rest as written (``CNVCLĐ`` stays)."""
    return text[:1].upper() + text[1:]


def source_gone(url: str | None) -> bool:
    """Whether ``url`` points at a loopback, private or link-local host (the demo's sample site).

    Such a source cannot be opened by the reader; the page marks its link. False for public hosts
    and for anything that is not a URL with a host.
    """
    try:
        host = urlsplit(url).hostname if isinstance(url, str) else None
    except ValueError:
        return False
    if not host:
        return False
    host = host.rstrip(".").lower()
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified
