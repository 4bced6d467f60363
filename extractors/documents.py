"""Cited documents: ``Quyết định số 737/QĐ-LĐLĐ ngày 10/7/2025 của ...``, ``Nghị quyết số 02-NQ/TW``."""
from __future__ import annotations

import re

from extractors.lexicon import written_org

TYPES = {
    "QĐ": "Quyết định", "HD": "Hướng dẫn", "NQ": "Nghị quyết", "CT": "Chỉ thị", "KH": "Kế hoạch",
    "TB": "Thông báo", "CV": "Công văn", "KL": "Kết luận", "GP": "Giấy phép", "BC": "Báo cáo",
    "TTr": "Tờ trình", "NĐ": "Nghị định", "TT": "Thông tư", "QC": "Quy chế", "CTr": "Chương trình",
    "QyĐ": "Quy định", "CĐ": "Công điện", "HĐ": "Hợp đồng",
}
_TYPE_WORDS = "|".join(sorted(set(TYPES.values()) | {"Luật", "Văn bản"}, key=len, reverse=True))
_NUMBER = r"\d{1,5}[a-z]?(?:/\d{4})?(?:[/-][A-ZĐ][A-Za-zĐđ]*)+"
_DATE = r"\d{1,2}/\d{1,2}/\d{4}|\d{1,2} tháng \d{1,2} năm \d{4}"
_ISSUER = r"[A-ZĐÀ-Ỹa-zđà-ỹ][^,;.()“\"\n\d]{2,90}?"
# A document is found from its number; the type word or "số" before it and the date and issuer after it
# are then read around it.
_NUMBER_AT = re.compile(rf"(?=\d)(?<![\w/-])(?P<number>{_NUMBER})")
_BEFORE = re.compile(rf"(?:(?P<type>{_TYPE_WORDS})\s+(?:số\s+)?|số\s+)$", re.IGNORECASE)
_AFTER = re.compile(
    rf"(?:\s*,?\s*(?:do\s+(?P<issuer_before>{_ISSUER})\s+(?:ban hành\s+)?)?ngày\s+(?P<date>{_DATE}))?"
    rf"(?:\s+(?:của|do)\s+(?P<issuer>{_ISSUER})(?=\s+(?:về|v/v|ngày|nhằm|quy định|hướng dẫn|triển khai|và)\b|[,;.()“\"\n]|$))?",
    re.IGNORECASE,
)
# "NQ68/CP": the type's code glued before the number.
_INVERTED = re.compile(r"\b(?P<code>NQ|QĐ|CT|NĐ)(?P<num>\d{1,4})/(?P<issuer>CP|TW|TTg)\b")
_ISSUER_CODES = {"CP": "Chính phủ", "TTg": "Thủ tướng Chính phủ"}


def parse_date(text: str) -> str | None:
    """``10/7/2025`` or ``10 tháng 7 năm 2025`` → ``2025-07-10`` (None if not a valid date)."""
    numbers = [int(n) for n in re.findall(r"\d+", text)]
    if len(numbers) != 3:
        return None
    day, month, year = numbers
    return f"{year:04d}-{month:02d}-{day:02d}" if 1 <= day <= 31 and 1 <= month <= 12 else None


def find_documents(text: str, federation: str | None = None) -> list[dict]:
    """Every cited document: ``{"number", "type", "date", "issuer", "evidence"}``, first citation only.

    An issuer written as a bare ``LĐLĐ tỉnh`` is the article's ``federation`` when known.
    """
    found: dict[str, dict] = {}
    for match in _NUMBER_AT.finditer(text):
        before = _BEFORE.search(text, max(0, match.start() - 20), match.start())
        number = match["number"]
        if before is None or number in found:
            continue
        written = before["type"]
        doc_type = written[0].upper() + written[1:] if written else _type_from_number(number)
        if doc_type is None:
            continue
        after = _AFTER.match(text, match.end())
        issuer = after["issuer"] or after["issuer_before"]
        found[number] = {
            "number": number, "type": doc_type,
            "date": parse_date(after["date"]) if after["date"] else None,
            "issuer": written_org(issuer, federation) if issuer else None,
            "evidence": [before.start(), after.end()],
        }
    for match in _INVERTED.finditer(text):
        number = f"{match['num']}/{match['code']}-{match['issuer']}"
        found.setdefault(number, {
            "number": number, "type": TYPES[match["code"]], "date": None,
            "issuer": _ISSUER_CODES.get(match["issuer"]), "evidence": [match.start(), match.end()],
        })
    return sorted(found.values(), key=lambda d: d["evidence"])


def _type_from_number(number: str) -> str | None:
    """The document type its number's code names: ``737/QĐ-LĐLĐ`` → Quyết định."""
    for part in re.split(r"[/-]", number):
        if part in TYPES:
            return TYPES[part]
    return None
