"""Word phrases of a lexicon, matched as whole words at a place in lower-cased text.

A lexicon list (``["đoàn viên", "công đoàn cơ sở", "tin, bài"]``) becomes a
:class:`Phrases` table; :func:`words` cuts text into words and punctuation, and
the table finds the longest phrase that starts at, or ends at, a given word.
Words are plain strings (cheap to cut); :func:`end_of` and :func:`start_of`
find offsets for the few words that become evidence. Lookups are dictionary
hits on a few words, so a longer lexicon costs nothing.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping

# A word (letters, with inner hyphens: "CNVC-LĐ", "pa-nô"), a run of digits, or one punctuation mark;
# letters and digits part ("27.701người", "ha3.863").
WORD = re.compile(r"[^\W\d_]+(?:[-–][^\W\d_]+)*|\d+|[^\w\s]")


def lower(text: str) -> str:
    """``text`` in lower case, one character for one (offsets stay valid)."""
    low = text.lower()
    if len(low) == len(text):
        return low
    return "".join(c.lower() if len(c.lower()) == 1 else c for c in text)


def words(low: str, start: int, end: int) -> list[str]:
    """The words of ``low[start:end]``."""
    return WORD.findall(low, start, end)


def end_of(low: str, start: int, n: int) -> int:
    """Where the ``n`` words that follow ``start`` end."""
    for _ in range(n):
        start = WORD.search(low, start).end()
    return start


def start_of(low: str, end: int, n: int, look: int = 120) -> int:
    """Where the ``n`` words that end at ``end`` start (``n`` ≥ 1, all within ``look`` characters)."""
    return list(WORD.finditer(low, max(0, end - look), end))[-n].start()


def _key(phrase: str) -> str:
    return " ".join(WORD.findall(unicodedata.normalize("NFC", phrase).lower()))


class Phrases:
    """A lexicon of phrases, each with a value (the phrase itself, or a mapped value)."""

    def __init__(self, entries: Iterable[str] | Mapping[str, object]) -> None:
        pairs = entries.items() if isinstance(entries, Mapping) else ((e, e) for e in entries)
        self.values: dict[str, object] = {_key(phrase): value for phrase, value in pairs}
        # Phrase lengths in words by first and by last word, longest first: most lookups end at one miss.
        self.by_first: dict[str, list[int]] = {}
        self.by_last: dict[str, list[int]] = {}
        for key in self.values:
            parts = key.split(" ")
            self.by_first.setdefault(parts[0], []).append(len(parts))
            self.by_last.setdefault(parts[-1], []).append(len(parts))
        for lengths in (*self.by_first.values(), *self.by_last.values()):
            lengths.sort(reverse=True)

    def at(self, found: list[str], i: int) -> int:
        """How many words of ``found`` from ``i`` on make the longest phrase of the table (0 if none)."""
        if i >= len(found):
            return 0
        for n in self.by_first.get(found[i], ()):
            if n == 1:
                return 1
            if i + n <= len(found) and " ".join(w for w in found[i:i + n]) in self.values:
                return n
        return 0

    def ending(self, found: list[str], end: int | None = None) -> int:
        """How many words of ``found`` before index ``end`` (default: the last) make the longest phrase (0 if none)."""
        end = len(found) if end is None else end
        if end <= 0:
            return 0
        for n in self.by_last.get(found[end - 1], ()):
            if n == 1:
                return 1
            if n <= end and " ".join(w for w in found[end - n:end]) in self.values:
                return n
        return 0

    def value(self, found: list[str], i: int, n: int) -> object:
        """The value of the phrase of ``n`` words of ``found`` from ``i``."""
        return self.values[" ".join(w for w in found[i:i + n])]
