"""Character spans in the article text."""
from __future__ import annotations

import bisect

Span = tuple[int, int]


def overlaps(span: Span, others: list[Span]) -> bool:
    """Whether ``span`` overlaps any span of ``others``."""
    return any(span[0] < end and start < span[1] for start, end in others)


class SpanSet:
    """A set of spans for fast overlap lookups: ``spans(start, end)`` tells whether any overlaps."""

    def __init__(self, spans: list[Span]) -> None:
        ordered = sorted(spans)
        self.starts = [s for s, _ in ordered]
        self.reach: list[int] = []
        for _, end in ordered:
            self.reach.append(max(end, self.reach[-1]) if self.reach else end)

    def __call__(self, start: int, end: int) -> bool:
        i = bisect.bisect_left(self.starts, end)
        return i > 0 and self.reach[i - 1] > start
