"""The lexicon of figures (``data/figures.toml``), loaded once into phrase tables and cue patterns."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from extractors.numbers import SCALES
from extractors.phrases import Phrases

_DATA = tomllib.loads((Path(__file__).parent / "data" / "figures.toml").read_text(encoding="utf-8"))
_UNITS, _NOUNS, _CONTEXT, _KIND = _DATA["units"], _DATA["nouns"], _DATA["context"], _DATA["kind"]


def _cues(phrases: list[str]) -> re.Pattern[str]:
    """Any of ``phrases`` as whole words, longest first, for lower-cased text."""
    alternatives = "|".join(re.escape(p) for p in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


SCALE = Phrases(SCALES)
PERCENT = Phrases(_UNITS["percent"])
MONEY = Phrases(_UNITS["money"])
OTHER_MONEY = Phrases(_UNITS["other_money"])
MEASURE = Phrases(_UNITS["measures"])
NOT_MONEY_AFTER = frozenset(_UNITS["money_word_not_before"])

COUNTED = Phrases(_NOUNS["people"] + _NOUNS["organisations"] + _NOUNS["things"])
ORGANISATIONS = Phrases(_NOUNS["organisations"])
WRITTEN_OUT: dict[str, str] = _NOUNS["written_out"]
CLASSIFIER = Phrases(_NOUNS["classifiers"])
WEAK = Phrases(_NOUNS["weak"])
WEAK_AFTER = Phrases(_NOUNS["weak_after"])
WEAK_BEFORE = Phrases(_NOUNS["weak_before"])
NOT_NOUNS = Phrases(_NOUNS["not_nouns"])
PAGE_FURNITURE = Phrases(_NOUNS["page_furniture"])
NOT_COUNTED = Phrases(_NOUNS["not_counted"])

COMPARATOR_BEFORE = Phrases(_CONTEXT["comparators_before"])
COMPARATOR_AFTER = Phrases(_CONTEXT["comparators_after"])
IDENTIFIER_BEFORE = Phrases(_CONTEXT["identifiers_before"])
TIME_WORDS: dict[str, list[int]] = _CONTEXT["time_words"]
MEMBER_VERB = Phrases(_CONTEXT["member_verbs"])
CLUSTER_HEAD = Phrases(_CONTEXT["cluster_heads"])
CLUSTER_ROLE = Phrases(_CONTEXT["cluster_roles"])
CLUSTER_TOTAL = Phrases(_CONTEXT["cluster_totals"])
MEMBER_OF = Phrases(_CONTEXT["member_of"])
IDENTIFIER_NOT_AFTER = Phrases(_CONTEXT["identifiers_not_after"])
PROGRAMME_BEFORE = Phrases(_CONTEXT["programmes_before"])
THRESHOLD_BEFORE = Phrases(_CONTEXT["thresholds_before"])
ACTION_VERB = Phrases(_CONTEXT["action_verbs"])
ACTION_FILLER = Phrases(_CONTEXT["action_fillers"])
LINK_BEFORE = Phrases(_CONTEXT["links_before"])
CLAUSE_NOUN_CUE = Phrases(_CONTEXT["clause_noun_cues"])
LIST_JOIN = Phrases(_CONTEXT["list_joins"])
RANGE_JOIN = Phrases(_CONTEXT["range_joins"])
BARE_FOLLOWER = Phrases(_CONTEXT["bare_followers"])

TARGET_CUES = _cues(_KIND["target"])
PAST_CUES = _cues(_KIND["past"])
STAT_CUES = _cues(_KIND["stat"])

# The first words of every unit: a number followed by none of them needs no further reading.
STARTERS = frozenset().union(*(t.by_first for t in (
    PERCENT, SCALE, MONEY, OTHER_MONEY, MEASURE, COUNTED, WEAK, CLASSIFIER, PAGE_FURNITURE))) | {"“", "\"", "/"}
# The last words of everything that makes a number a name: a number after none of them names nothing.
NAME_LAST_WORDS = frozenset().union(*(t.by_last for t in (IDENTIFIER_BEFORE, PROGRAMME_BEFORE, THRESHOLD_BEFORE)),
                                    TIME_WORDS, {"“", "\""})
# The last words of action verbs and their fillers: a number after none of them is counted by no verb.
ACTION_LAST_WORDS = frozenset(ACTION_VERB.by_last) | frozenset(ACTION_FILLER.by_last)
