"""Sentences of the article text, cut where a full stop ends one (not after ``TP.``, ``Tp.``, ``PGS.``, initials)."""
from __future__ import annotations

import re

from extractors.spans import Span

UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOW = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

# A full stop (also one glued to the next sentence: "chính trị.Đặc biệt"), question or exclamation mark before a space or the end, unless it ends an abbreviation or an
# initial; or a line break.
SENTENCE_END = re.compile(r"(?<!\bTP)(?<!\bTp)(?<!\bTS)(?<!\bThS)(?<!\bGS)(?<!\bPGS)(?<!\bBS)(?<!\bNXB)(?<!\b[A-ZĐ])"
                          rf"(?:[.!?…](?=\s|$)|\.(?=[{UP}][{LOW}]))|\n")


def sentence_end(text: str, pos: int) -> int:
    """Where the sentence that holds ``pos`` ends (before its full stop or line break)."""
    match = SENTENCE_END.search(text, pos)
    return match.start() if match else len(text)


def sentence_start(text: str, pos: int, reach: int = 600) -> int:
    """Where the sentence that holds ``pos`` starts."""
    window = max(0, pos - reach)
    ends = [m.end() for m in SENTENCE_END.finditer(text, window, pos)]
    start = ends[-1] if ends else window
    return start + len(text[start:pos]) - len(text[start:pos].lstrip())


def sentence_at(text: str, pos: int) -> Span:
    """The span of the sentence that holds ``pos``."""
    return sentence_start(text, pos), sentence_end(text, pos)


def sentences(text: str, start: int, end: int) -> list[Span]:
    """The sentences that start between ``start`` and ``end``."""
    found, pos = [], start
    while pos < end:
        stop = sentence_end(text, pos)
        if text[pos:stop].strip():
            found.append((pos + len(text[pos:stop]) - len(text[pos:stop].lstrip()), stop))
        pos = stop + 1
    return found
