"""The number of members a cluster is said to have, in any of the genre's wordings (``gồm 6 tỉnh``, ``7 đơn vị
thuộc Cụm``, ``Khối thi đua ... có 17 đơn vị``), outside the head of a list."""
from __future__ import annotations

import re

from extractors.sentences import word_spots
from extractors.spans import Span
from extractors.unit_words import BACK_CHARS, CLUSTER_WORD, MIN_ITEMS, count_of, patterns, qualified




def _cluster_words(text: str) -> list[int]:
    """Where the words ``cụm`` and ``khối`` stand, in text order."""
    spots = word_spots(text, ("cụm", "khối"))
    return [m.start() for m in CLUSTER_WORD.finditer(text)] if spots is None else spots


def cluster_count(clusters: list[dict]) -> tuple[int, Span] | None:
    """A count inside the cluster's name: ``Khối thi đua 11 Công đoàn ngành Trung ương``."""
    return next((m["count"] for m in clusters if m.get("count")), None)


def stated_count(text: str, clusters: list[dict], found: int) -> tuple[int, Span] | None:
    """The member count stated outside a list: ``7 đơn vị thuộc Cụm``, ``Cụm thi đua số 2 có 11 công đoàn cơ sở``,
    ``Cụm gồm 7 đơn vị`` (not ``Toàn cụm có ...``, the units under the members), or ``6 đơn vị`` that matches the
    number of units listed."""
    pats = patterns()
    for word_at in _cluster_words(text):
        for match in pats["count"].finditer(text, max(0, word_at - BACK_CHARS), word_at):
            tie = pats["tie"].match(text, match.end())
            if tie and tie.end() > word_at and not qualified(tie["mods"]) and "." not in tie["mods"]:
                return count_of(match, 0)
    members = pats["members"].search(text)
    if members:
        return int(members["n"]), members.span("n")
    for mention in clusters:
        subject = pats["subject"].match(text, mention["span"][1])
        if subject and not qualified(text[subject.end():subject.end() + 30]):
            return int(subject["n"]), subject.span("n")
    for said in pats["cluster_has"].finditer(text):
        if not qualified(text[said.end():said.end() + 30]):
            return int(said["n"]), said.span("n")
    if found >= MIN_ITEMS:
        for match in re.finditer(rf"(?<![\d/.,])({found})\s+đơn vị\b", text):
            if not qualified(text[match.end():match.end() + 40]):
                return found, match.span(1)
    return None

