"""People the text gives a cluster role in so many words, where the role is not written after another title:
``Cụm trưởng năm 2024 là bà Trần Thị A``, ``đồng chí Lê Văn B – Trưởng cụm thi đua 6``.

A cue (``ông``, ``bà``, ``đồng chí``) must stand before the name, so that units named as cụm trưởng (``Cụm
trưởng là LĐLĐ huyện X``) stay with the unit readers.
"""
from __future__ import annotations

import re
from functools import lru_cache

from extractors.names import HONORIFIC, NAME_RUN, person
from extractors.spans import Span
from extractors.titles import CLUSTER_ROLE_WORDS, cluster_role

_YEAR = r"(?:[ \t]+(?:năm|nhiệm kỳ)[ \t]+\d{4}(?:[ \t]*[-–][ \t]*\d{4})?)?"


@lru_cache(maxsize=1)
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    cue = rf"(?:{HONORIFIC})(?![\w/])[ \t]*:?[ \t]*"
    role_first = re.compile(rf"(?<![\w])(?P<role>{CLUSTER_ROLE_WORDS}){_YEAR}[ \t]+là[ \t]+{cue}(?P<name>{NAME_RUN})")
    name_first = re.compile(rf"(?<![\w]){cue}(?P<name>{NAME_RUN})[ \t]*[–—-][ \t]*(?P<role>{CLUSTER_ROLE_WORDS})(?![\w])")
    return role_first, name_first


def _after_a_name(text: str, pos: int) -> bool:
    """Whether a capitalised word stands right before ``pos`` in the same clause (``Cao su Bà Rịa``: a place,
    not the cue ``bà``)."""
    words = text[max(0, pos - 30):pos].split("\n")[-1].split()
    return bool(words) and words[-1][:1].isupper() and words[-1][-1].isalpha()


def cluster_people(text: str) -> list[tuple[str, str, str, Span]]:
    """``(name, cluster role, the role as written, span)`` for every person given a cluster role directly."""
    found = []
    for pattern in _patterns():
        for match in pattern.finditer(text):
            name = person(match["name"])
            if name and " " in name and not _after_a_name(text, match.start()):
                role = " ".join(match["role"].split())
                found.append((name, cluster_role(role), role, match.span()))
    return sorted(found, key=lambda f: f[3])


def with_cluster_people(officials: list[dict], text: str) -> list[dict]:
    """``officials`` with the cluster roles :func:`cluster_people` finds: an official already named gets the role
    when he has none; a person named only with the role is added with it as his title."""
    by_name = {o["name"].casefold(): o for o in officials}
    added = []
    for name, role, written, span in cluster_people(text):
        known = by_name.get(name.casefold())
        if known is None:
            known = {"name": name, "title": written[0].upper() + written[1:], "organization": None, "former": False,
                     "cluster_role": None, "evidence": list(span)}
            by_name[name.casefold()] = known
            added.append(known)
        if known["cluster_role"] is None:
            known["cluster_role"] = role
    return sorted(officials + added, key=lambda o: o["evidence"])
