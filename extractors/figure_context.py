"""A number read as a figure, and what the words around it tell: the comparator, whether it is a
target, an achievement or a standing statistic, and what it measures."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from extractors import figure_words as W
from extractors.numbers import as_int_if_whole
from extractors.phrases import start_of, words
from extractors.spans import SpanSet

LOOK = 48  # characters read after a number
LOOK_BEFORE = 28  # ... and before it (its comparator, identifier word or action verb)
CLAUSE_MARKS = frozenset(",;:().")
_CLAUSE_BREAK = re.compile(r"[,;:()\n.]|\bvà\b|\bvới\b")


def sentence_begin(low: str, pos: int) -> int:
    """Where the sentence around ``pos`` starts (after ``. `` or a line break)."""
    dot = low.rfind(". ", 0, pos)
    return max(dot + 2 if dot >= 0 else 0, low.rfind("\n", 0, pos) + 1)


class Kinds:
    """Whether a figure is a target, an achievement or a standing statistic, from the cues of its sentence."""

    def __init__(self, low: str, quoted: SpanSet) -> None:
        self.low, self.quoted = low, quoted
        self.cues: dict[int, list[int]] = {}

    def _paragraph_cues(self, start: int) -> list[int]:
        """Where the target cues of the paragraph at ``start`` end; cues inside quoted names do not count.
        An item of a list that a plan introduces (``Năm 2025, cụm phấn đấu:``, then items ending in ``;``)
        has a cue at its start."""
        if start not in self.cues:
            end = self.low.find("\n", start)
            found = W.TARGET_CUES.finditer(self.low, start, end if end >= 0 else len(self.low))
            cues = [c.end() for c in found if not self.quoted(*c.span())]
            self.cues[start] = [start, *cues] if self._planned_list(start) else cues
        return self.cues[start]

    def _planned_list(self, start: int) -> bool:
        """Whether the paragraph at ``start`` is an item of a list introduced by a plan: the paragraph
        before ends in ``:`` after a target cue (and no ``đã`` after it), or is such an item itself and
        ends in ``;`` or ``,``."""
        end = len(self.low[:start].rstrip())
        if end == 0:
            return False
        previous = self.low.rfind("\n", 0, end) + 1
        last = self.low[end - 1]
        if last == ":":
            cues = self._paragraph_cues(previous)
            return bool(cues) and not W.PAST_CUES.search(self.low, cues[-1], end)
        return last in ";," and self._planned_list(previous)

    def __call__(self, pos: int) -> str:
        """``target`` after a target cue (``phấn đấu``, ``cam kết``...) in its own sentence; ``stat`` for a
        standing count (``toàn cụm có``); ``target`` after a cue earlier in the paragraph unless the
        sentence reports what was done (``đã``); else ``achieved``."""
        low = self.low
        paragraph_start = low.rfind("\n", 0, pos) + 1
        sentence_start = sentence_begin(low, pos)
        cues = self._paragraph_cues(paragraph_start)
        before = bisect.bisect_right(cues, pos)
        cue_end = cues[before - 1] if before else None
        if cue_end is not None and cue_end > sentence_start and not W.PAST_CUES.search(low, cue_end, pos):
            return "target"
        if W.STAT_CUES.search(low, sentence_start, pos):
            return "stat"
        if cue_end is not None and not W.PAST_CUES.search(low, sentence_start, pos):
            return "target"
        return "achieved"


def subject_of(text: str, start: int, tail: int, unit: str) -> str:
    """What is measured: the words after a counted noun or percent, else the clause before the number."""
    after = text[tail:tail + 80]
    stop = _CLAUSE_BREAK.search(after)
    tail_words = (after[:stop.start()] if stop else after).split()[:7]
    if unit == "%" and tail_words:
        return " ".join(tail_words)
    if unit not in {"%", "đồng"}:
        return " ".join([unit, *tail_words]).strip()
    head = text[max(0, start - 120):start]
    parts = re.split(r"[,;:()\n]|\.\s", head)
    kept = [w for w in parts[-1].split() if w.lower() not in {"đạt", "là", "được", "với", "tỷ", "lệ", "tỉ"}]
    return " ".join(kept[-8:]) or unit


@dataclass
class Reading:
    """A number read as a figure: its value (before the scale), unit and where its phrase is."""

    value: float
    unit: str
    start: int
    end: int
    tail: int  # where the words that tell what is counted begin
    scale: float = 1.0
    comparator: str | None = None
    subject: str | None = None
    before: list[str] | None = None  # the words before the number, when already cut
    tail_words: list[str] | None = None  # ... and the words after the phrase
    taken: int = 0  # how many words after the number the phrase takes


def line_end(low: str, pos: int) -> int:
    """Where the words read after ``pos`` end: the line's end, at most :data:`LOOK` characters on."""
    stop = low.find("\n", pos, pos + LOOK)
    return stop if stop >= 0 else min(len(low), pos + LOOK)


def figure_of(text: str, low: str, r: Reading, kinds: Kinds) -> dict:
    """The record's figure for a reading: value, unit, kind, comparator, subject, text and evidence."""
    before = r.before if r.before is not None else words(low, max(0, r.start - LOOK_BEFORE), r.start)
    n = W.COMPARATOR_BEFORE.ending(before)
    start = start_of(low, r.start, n, LOOK_BEFORE) if n else r.start
    comparator = str(W.COMPARATOR_BEFORE.value(before, len(before) - n, n)) if n else "="
    tail = r.tail_words if r.tail_words is not None else words(low, r.end, line_end(low, r.end))
    stop = next((j for j, w in enumerate(tail) if w in CLAUSE_MARKS or w.isdigit()), len(tail))
    after = next((W.COMPARATOR_AFTER.value(tail, j, m) for j in range(stop) if (m := W.COMPARATOR_AFTER.at(tail, j))),
                 None)
    if r.comparator:
        comparator = r.comparator
    elif after and comparator in ("=", ">"):
        comparator = str(after)
    return {
        "value": as_int_if_whole(round(r.value * r.scale, 6)), "unit": r.unit, "kind": kinds(r.start),
        "comparator": comparator, "subject": r.subject or subject_of(text, r.start, r.tail, r.unit), "text": text[start:r.end],
        "evidence": [start, r.end],
    }
