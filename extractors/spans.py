"""Small helpers for character spans in the article text."""
from __future__ import annotations

import re

Span = tuple[int, int]

_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])|\n+")


def sentence_bounds(text: str, pos: int) -> Span:
    """The span of the sentence (or line) that holds character ``pos``."""
    start = 0
    for match in _SENTENCE_END.finditer(text, 0, pos):
        start = match.end()
    end_match = _SENTENCE_END.search(text, pos)
    return start, end_match.start() if end_match else len(text)


def overlaps(span: Span, others: list[Span]) -> bool:
    """Whether ``span`` overlaps any span of ``others``."""
    return any(span[0] < end and start < span[1] for start, end in others)
