"""Character spans in the article text."""
from __future__ import annotations

Span = tuple[int, int]


def overlaps(span: Span, others: list[Span]) -> bool:
    """Whether ``span`` overlaps any span of ``others``."""
    return any(span[0] < end and start < span[1] for start, end in others)
