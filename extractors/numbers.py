"""Vietnamese number formats: ``15.248`` is 15248, ``88,2`` is 88.2, ``3,5 tỉ`` is 3500000000."""
from __future__ import annotations

import re

SCALES = {"tỷ": 1e9, "tỉ": 1e9, "triệu": 1e6, "nghìn": 1e3, "ngàn": 1e3}
NUMBER = r"\d+(?:[.,]\d+)*"
_NUMBER = re.compile(NUMBER)
_DECIMAL_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+,\d+")
_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+$|^\d{1,3}(?:,\d{3}){2,}$")


def parse_number(text: str) -> float | None:
    """The value of a number written the Vietnamese way; None if it is not a number.

    A dot followed by groups of three digits separates thousands; a comma is the
    decimal mark (``88,2``), as is a lone dot before one or two digits (``87.5``).
    """
    text = text.strip()
    if not _NUMBER.fullmatch(text):
        return None
    if _THOUSANDS.match(text):
        return float(text.replace(".", "").replace(",", ""))
    if text.count(",") == 1 and "." not in text:
        return float(text.replace(",", "."))
    if text.count(".") == 1 and "," not in text:
        return float(text)
    if _DECIMAL_THOUSANDS.fullmatch(text):
        return float(text.replace(".", "").replace(",", "."))
    return None if ("." in text or "," in text) else float(text)


def as_int_if_whole(value: float) -> float | int:
    """``15248.0`` → ``15248``; other values unchanged (JSON readers like whole numbers whole)."""
    return int(value) if float(value).is_integer() else value
