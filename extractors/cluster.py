"""The emulation cluster or bloc an article is about: ``Cụm thi đua số 2``, ``Khối thi đua số VI``."""
from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache

from spacy.matcher import Matcher
from spacy.tokens import Doc
from spacy.vocab import Vocab

_ROMAN = {"I": 1, "V": 5, "X": 10, "L": 50}
PATTERN = [
    {"LOWER": {"IN": ["cụm", "khối"]}},
    {"LOWER": "thi"},
    {"LOWER": "đua"},
    {"LOWER": "số", "OP": "?"},
    {"TEXT": {"REGEX": r"^(?:\d{1,3}|[IVXL]{1,6})$"}},
]


def roman_to_int(numeral: str) -> int:
    """``IV`` → 4, ``XII`` → 12."""
    total = 0
    for i, char in enumerate(numeral):
        value = _ROMAN[char]
        total += -value if i + 1 < len(numeral) and _ROMAN[numeral[i + 1]] > value else value
    return total


@lru_cache(maxsize=4)
def _matcher(vocab: Vocab) -> Matcher:
    matcher = Matcher(vocab)
    matcher.add("CLUSTER", [PATTERN])
    return matcher


def cluster_mentions(doc: Doc, text: str) -> list[dict]:
    """Every cluster mention: ``{"number", "kind", "name", "span"}`` in text order.

    The matcher runs only on short windows around ``thi đua`` (``text`` is ``doc.text``), not the whole article.
    """
    mentions = []
    matcher = _matcher(doc.vocab)
    lowered = text.lower()
    pos = lowered.find("thi đua")
    while pos >= 0:
        window = doc.char_span(max(0, pos - 6), min(len(text), pos + 20), alignment_mode="expand")
        pos = lowered.find("thi đua", pos + 1)
        if window is None:
            continue
        for _, start, end in matcher(window):
            start, end = window.start + start, window.start + end
            kind = doc[start].lower_
            numeral = doc[end - 1].text
            number = int(numeral) if numeral.isdigit() else roman_to_int(numeral)
            mentions.append({
                "number": number, "kind": kind, "name": f"{kind.capitalize()} thi đua số {number}",
                "span": (doc[start].idx, doc[end - 1].idx + len(numeral)),
            })
    return sorted({m["span"]: m for m in mentions}.values(), key=lambda m: m["span"])


# A cluster named by its members rather than a number: "Khối thi đua các Công đoàn ngành".
_UNNUMBERED = re.compile(
    r"\b(?P<kind>[Cc]ụm|[Kk]hối) thi đua (?P<members>các [^,.;:()\n]{3,50}?)"
    r"(?=\s+(?:thuộc|của|trực thuộc|tỉnh|thành phố|LĐLĐ|Liên đoàn|tổ chức|đã|năm|gồm|tổng kết|sơ kết|giao ban|ký kết)\b"
    r"|\s*[,.;:()\n])"
)


def unnumbered_cluster(text: str) -> dict | None:
    """The first cluster named by its members (number unknown, so ``None``), if any."""
    match = _UNNUMBERED.search(text)
    if not match:
        return None
    kind = match["kind"].lower()
    return {"number": None, "kind": kind, "name": f"{kind.capitalize()} thi đua {match['members']}",
            "span": (match.start(), match.end())}


def main_cluster(mentions: list[dict], title_end: int) -> dict | None:
    """The cluster named most often (a mention in the headline counts twice); ties go to the first named."""
    if not mentions:
        return None
    votes = Counter()
    for mention in mentions:
        votes[(mention["kind"], mention["number"])] += 2 if mention["span"][0] < title_end else 1
    best = max(votes.values())
    return next(m for m in mentions if votes[(m["kind"], m["number"])] == best)
