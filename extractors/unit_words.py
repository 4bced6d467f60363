"""The words and patterns the member-unit readers share: triggers, counted member nouns, discards, qualifiers.

The words are data (``data/unit_lists.tsv``); this module compiles them once and
holds the small readers that the list, role and count modules all use.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors import grammar
from extractors.lexicon import ADMIN
from extractors.orgs import LOW
from extractors.spans import Span

MIN_ITEMS = 2
BACK_CHARS = 90          # how far back the phrase before a trigger or a role may reach
_SUBJECT_CHARS = 90       # how far after a cluster's name its verb "có/gồm N ..." may stand
CLUSTER_WORD = re.compile(r"(?<!\w)(?:[Cc]ụm|[Kk]hối|CỤM|KHỐI)(?!\w)")


def _words(role: str) -> str:
    return grammar.alternation(grammar.words("unit_lists.tsv", role))


@lru_cache(maxsize=1)
def patterns() -> dict[str, re.Pattern[str]]:
    nouns = f"(?:{_words('member_noun')}|{_words('member_level')})"
    not_letter = f"(?<![{LOW}\\w])"
    after = f"(?![{LOW}\\w])"
    return {
        "trigger": re.compile(rf"(?=bao|gồm){not_letter}(?:{_words('trigger')}){after}"),
        "count": re.compile(rf"(?=\d){not_letter}(?P<n>\d{{1,3}})(?:/(?P<m>\d{{1,3}}))?\s+(?P<noun>{nouns}){after}",
                            re.IGNORECASE),
        "discard": re.compile(rf"{not_letter}(?:{_words('discard')}){after}"),
        "qualifier": re.compile(rf"^[\s,]*(?:\S+\s+){{0,2}}?(?:{_words('qualifier')}){after}"),
        "tie": re.compile(rf"(?P<mods>(?:[\s,–-]+[^\s,.;:()]+){{0,7}}?)\s*(?:(?:{_words('tie')})\s+|\(\s*)"
                          rf"(?:[Cc]ụm|[Kk]hối|CỤM|KHỐI){after}"),
        "subject": re.compile(rf"(?:\s*\([^()\n]{{1,{_SUBJECT_CHARS}}}\))?[^.;:\n()]{{0,{_SUBJECT_CHARS}}}?\s(?:có|gồm có|gồm|bao gồm)\s+(?P<n>\d{{1,3}})\s+"
                              rf"{nouns}{after}", re.IGNORECASE),
        "intro": re.compile(rf"{not_letter}(?:{_words('count_intro')})(?:\s+\S+){{0,2}}\s+$"),
        "plural": re.compile(rf"{not_letter}các\s+(?:{_words('member_noun')}){after}(?:\s+[^\s,.;:()]+){{0,4}}\s*$",
                             re.IGNORECASE),
        "members": re.compile(rf"(?=\d){not_letter}(?P<n>\d{{1,3}})\s+(?:đơn vị\s+)?thành viên{after}"),
        "cluster_has": re.compile(rf"(?=[CcKk])(?<!\w)(?<![Tt]oàn )(?<![Mm]ỗi )(?<!các )(?:[Cc]ụm|[Kk]hối)(?:\s+thi đua)?"
                                  rf"\s+(?:gồm có|gồm|có|bao gồm)\s+(?P<n>\d{{1,3}})\s+{nouns}{after}", re.IGNORECASE),
        "level": re.compile(rf"{not_letter}(?:{ADMIN}){after}"),
        "noun": re.compile(rf"^\s*(?:các\s+)?(?:\d{{1,3}}\s+)?{nouns}{after}", re.IGNORECASE),
    }


def back(text: str, pos: int, stops: str = r"[.!?;\n(]", reach: int = BACK_CHARS) -> str:
    """The text before ``pos`` back to the clause's start, at most ``reach`` characters."""
    window = text[max(0, pos - reach):pos]
    cut = [m.end() for m in re.finditer(stops, window)]
    return window[cut[-1]:] if cut else window


def discarded(phrase: str) -> bool:
    """Whether a head phrase names something other than members (a discard word of ``unit_lists.tsv``)."""
    return bool(phrase and patterns()["discard"].search(phrase))


def qualified(after_noun: str) -> bool:
    """Whether the words after a counted noun make it a subset (``02 đơn vị tiêu biểu``)."""
    return bool(patterns()["qualifier"].match(after_noun))


def count_of(match: re.Match[str], offset: int) -> tuple[int, Span]:
    """The number a ``count`` match states (the total of ``3/7``), with its span shifted by ``offset``."""
    group = "m" if match["m"] else "n"
    return int(match[group]), (offset + match.start(group), offset + match.end(group))
