"""Cited documents: ``Quyết định số 737/QĐ-LĐLĐ ngày 10/7/2025 của ...``, ``Nghị quyết số 02-NQ/TW``.

A document is found from its number (shapes and codes in ``data/documents.toml``):

    citation := [type-word] [số] NUMBER [, ngày DATE] [của|do ISSUER [ban hành]] [ngày DATE]

A number counts as a document when a type word or ``số`` comes before it, or when
its codes name a type and its issuer (``129/HD-LĐLĐ`` after ``và``). The number is
written without the spaces a portal puts around its dashes; the issuer is written
out, and a bare ``LĐLĐ tỉnh`` is the article's federation. The issuer ends before a
comma or a word such as ``và``, except inside a sector's name (``Sở Lao động - Thương binh và Xã hội``).
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from extractors import grammar
from extractors.lexicon import written_org

_DATA = tomllib.loads((Path(__file__).parent / "data" / "documents.toml").read_text(encoding="utf-8"))
TYPES: dict[str, str] = _DATA["types"]
_ISSUER_CODES: dict[str, str] = _DATA["issuer_codes"]


def _alternatives(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


_TYPE_WORDS = _alternatives([*TYPES.values(), *_DATA["type_words"]["extra"]])
_TYPE_CODES = _alternatives(list(TYPES))
_CODE = r"[A-ZĐ][A-Za-zĐđ0-9]*"
_CAPS = r"[A-ZĐ][A-ZĐ0-9]+(?![\wđ])"
# (The pattern starts with a digit and looks behind it: regexes that start with a class scan fast.)
# Digits, a letter, a year; the first code after a slash or dash (spaced only before capitals, or after a
# lone space when a slash follows: "298 KH/TWĐTN"); the second after a dash that may be spaced
# ("12/HD – LĐLĐ"); then codes after unspaced separators.
_NUMBER_AT = re.compile(
    rf"(?P<number>\d(?<![\w/.\-]\d)\d{{0,4}}[a-z]?(?:/\d{{4}})?"
    rf"(?:[/\-–]{_CODE}|\s?[/\-–]\s?{_CAPS}|\s(?={_CAPS}/){_CAPS})"
    rf"(?:\s+[\-–]\s*{_CAPS}|\s*[\-–]\s+{_CAPS})?(?:[/\-–]{_CODE})*)"
)
_BEFORE = re.compile(rf"(?:(?P<type>(?i:{_TYPE_WORDS})|{_TYPE_CODES})\s+(?:(?i:số)\s*:?\s*)?|\b(?i:số)\s*:?\s*)$")
_DATE = r"\d{1,2}\s*[/.\-]\s*\d{1,2}\s*[/.\-]\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}"
_STOP = _alternatives(_DATA["issuer"]["stop_words"])
_ISSUER = rf"[A-ZĐÀ-Ỹ][^,;.()“”\"\n\d]{{2,90}}?(?=\s+(?:{_STOP})(?!\w)|\s*[,;.()“”\"\n]|\s*$)"


def _dated(name: str) -> str:
    return rf"\s*,?\s*\(?\s*(?:ban hành\s+)?ngày\s+(?P<{name}>{_DATE})\)?"


_AFTER = re.compile(
    rf"(?:{_dated('date')})?"
    rf"(?:\s*,?\s*(?:của|do)\s+(?P<issuer>{_ISSUER})(?:\s+ban hành)?)?"
    rf"(?:{_dated('date_after')})?"
)
# "NQ68/CP": the type's code glued before the number.
_INVERTED = re.compile(r"(?<!\w)(?P<code>[A-ZĐ][A-Za-zĐ]{1,3})(?P<num>\d{1,4})/(?P<issuer>[A-Z][A-Za-z]*)\b")
_SEPARATOR = re.compile(r"\s*([/\-–])\s*")


def parse_date(text: str) -> str | None:
    """``10/7/2025``, ``12-6-2021`` or ``10 tháng 7 năm 2025`` → ISO (None if not a valid date)."""
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
        number = _written(match["number"])
        if number in found:
            continue
        before = _BEFORE.search(text, max(0, match.start() - 30), match.start())
        codes = re.split(r"[/\- ]", number)[1:]
        code_type = next((TYPES[c] for c in codes if c in TYPES), None)
        if before is None and not (code_type and len(codes) >= 2):
            continue
        doc_type = _type_word(before["type"]) if before and before["type"] else code_type
        if doc_type is None:
            continue
        after = _AFTER.match(text, match.end())
        date = after["date"] or after["date_after"]
        issuer_end = _whole_issuer(text, after.end("issuer")) if after["issuer"] else -1
        issuer = (written_org(text[after.start("issuer"):issuer_end], federation) if after["issuer"]
                  else _issuer_from(codes))
        found[number] = {
            "number": number, "type": doc_type, "date": parse_date(date) if date else None, "issuer": issuer,
            "evidence": [before.start() if before else match.start(), max(after.end(), match.end(), issuer_end)],
        }
    for match in _INVERTED.finditer(text):
        if match["code"] not in TYPES:
            continue
        number = f"{match['num']}/{match['code']}-{match['issuer']}"
        found.setdefault(number, {
            "number": number, "type": TYPES[match["code"]], "date": None,
            "issuer": _ISSUER_CODES.get(match["issuer"]), "evidence": [match.start(), match.end()],
        })
    return sorted(found.values(), key=lambda d: d["evidence"])


def _written(number: str) -> str:
    """The number without the spaces around its separators, dashes as hyphens: ``12/HD – LĐLĐ`` → ``12/HD-LĐLĐ``."""
    return _SEPARATOR.sub(lambda m: "-" if m.group(1) == "–" else m.group(1), number)


def _type_word(written: str) -> str:
    """The type a written type word or code names: ``hướng dẫn`` → Hướng dẫn, ``QĐ`` → Quyết định."""
    if written in TYPES:
        return TYPES[written]
    lowered = written.lower()
    return next((name for name in TYPES.values() if name.lower() == lowered), written[0].upper() + written[1:])


def _joined_sectors() -> list[tuple[str, str]]:
    """Sector names cut where an issuer would stop (before a ``,`` or `` và`` inside them), as (the part
    before the cut, the rest), longest first."""
    cuts = {(form[:cut.start()], form[cut.start():]) for form in grammar.sectors()
            for cut in re.finditer(r",| và ", form)}
    return sorted(cuts, key=lambda pair: -len(pair[0]))


_JOINED = _joined_sectors()


def _whole_issuer(text: str, end: int) -> int:
    """Where an issuer cut at ``end`` really ends: past a ``,`` or ``và`` that is inside a sector's name."""
    for head, rest in _JOINED:
        if text.endswith(head, 0, end) and text.startswith(rest, end):
            return end + len(rest)
    return end


def _issuer_from(codes: list[str]) -> str | None:
    """The issuer a code names without doubt (``68/NQ-CP`` → Chính phủ), else None."""
    for code in reversed(codes):
        issuer = _ISSUER_CODES.get(re.sub(r"\d+$", "", code))
        if issuer:
            return issuer
    return None
