"""Sentences of the article text, cut where a full stop ends one (not after ``TP.``, ``Tp.``, ``PGS.``, initials).

The boundaries of the last few texts are kept, so that every extractor asking costs one scan."""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from extractors.spans import Span

UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOW = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

# A full stop (also one glued to the next sentence: "chính trị.Đặc biệt"), question or exclamation mark before a space or the end, unless it ends an abbreviation or an
# initial; or a line break.
SENTENCE_END = re.compile(r"(?=[.!?…\n])(?<!\bTP)(?<!\bTp)(?<!\bTS)(?<!\bThS)(?<!\bGS)(?<!\bPGS)(?<!\bBS)(?<!\bNXB)(?<!\b[A-ZĐ])"
                          rf"(?:[.!?…](?=\s|$)|\.(?=[{UP}][{LOW}]))|\n")


@lru_cache(maxsize=4)
def _ends(text: str) -> tuple[list[int], list[int]]:
    """Where the text's sentences end (before the mark) and where the next ones may start (after it)."""
    found = list(SENTENCE_END.finditer(text))
    return [m.start() for m in found], [m.end() for m in found]


def sentence_end(text: str, pos: int) -> int:
    """Where the sentence that holds ``pos`` ends (before its full stop or line break)."""
    starts, _ = _ends(text)
    i = bisect_left(starts, pos)
    return starts[i] if i < len(starts) else len(text)


def sentence_start(text: str, pos: int) -> int:
    """Where the sentence that holds ``pos`` starts."""
    _, ends = _ends(text)
    i = bisect_right(ends, pos)
    start = ends[i - 1] if i else 0
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


def word_spots(text: str, words: tuple[str, ...]) -> list[int] | None:
    """Where any of the lowercase ``words`` stand in the text, case aside, in text order: a plain string search,
    much faster than a regex over the whole text. None when lowercasing changes the text's length (then the
    positions would not be the text's)."""
    lowered = text.lower()
    if len(lowered) != len(text):
        return None
    spots = []
    for word in words:
        pos = lowered.find(word)
        while pos >= 0:
            spots.append(pos)
            pos = lowered.find(word, pos + 1)
    return sorted(spots)
