"""Word phrases of a lexicon, matched as whole words at a place in lower-cased text.

A lexicon list (``["đoàn viên", "công đoàn cơ sở", "tin, bài"]``) becomes a
:class:`Phrases` table; :func:`words` cuts text into words and punctuation, and
the table finds the longest phrase that starts at, or ends at, a given word.
Lookups are dictionary hits on a few words, so a longer lexicon costs nothing.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

# A word (letters, with inner hyphens: "CNVC-LĐ", "pa-nô"), a run of digits, or one punctuation mark;
# letters and digits part ("27.701người", "ha3.863").
WORD = re.compile(r"[^\W\d_]+(?:[-–][^\W\d_]+)*|\d+|[^\w\s]")


@dataclass(frozen=True)
class Word:
    """One word or punctuation mark and where it is in the text."""

    text: str
    start: int
    end: int


def lower(text: str) -> str:
    """``text`` in lower case, one character for one (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def words(low: str, start: int, end: int) -> list[Word]:
    """The words of ``low[start:end]``, with their offsets in ``low``."""
    return [Word(m.group(), m.start(), m.end()) for m in WORD.finditer(low, start, end)]


def _key(phrase: str) -> str:
    return " ".join(WORD.findall(unicodedata.normalize("NFC", phrase).lower()))


class Phrases:
    """A lexicon of phrases, each with a value (the phrase itself, or a mapped value)."""

    def __init__(self, entries: Iterable[str] | Mapping[str, object]) -> None:
        pairs = entries.items() if isinstance(entries, Mapping) else ((e, e) for e in entries)
        self.values: dict[str, object] = {_key(phrase): value for phrase, value in pairs}
        self.longest = max((k.count(" ") + 1 for k in self.values), default=0)

    def __contains__(self, phrase: str) -> bool:
        return _key(phrase) in self.values

    def at(self, found: list[Word], i: int) -> int:
        """How many words of ``found`` from ``i`` on make the longest phrase of the table (0 if none)."""
        for n in range(min(self.longest, len(found) - i), 0, -1):
            if " ".join(w.text for w in found[i:i + n]) in self.values:
                return n
        return 0

    def ending(self, found: list[Word], end: int | None = None) -> int:
        """How many words of ``found`` before index ``end`` (default: the last) make the longest phrase (0 if none)."""
        end = len(found) if end is None else end
        for n in range(min(self.longest, end), 0, -1):
            if " ".join(w.text for w in found[end - n:end]) in self.values:
                return n
        return 0

    def value(self, found: list[Word], i: int, n: int) -> object:
        """The value of the phrase of ``n`` words of ``found`` from ``i``."""
        return self.values[" ".join(w.text for w in found[i:i + n])]
