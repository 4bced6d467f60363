"""A model of person names in Vietnamese news: surnames, syllable shape, cues and place/name splits.

- A Vietnamese full name is two to five capitalised syllables that start with a surname
  (``data/surnames.txt``); each syllable has the shape onset + vowels + final consonant.
- After a cue (``đồng chí``, ``ông``, ``bà``, a rank such as ``Đại tá``, a degree such as
  ``PGS.TS``: ``data/person_cues.txt``) any capitalised run is a name: names of other
  languages and of ethnic minorities (``ông Chang-Hee Lee``, ``bà H'Xuân Niê``).
- Where an organisation's place runs into a name (``LĐLĐ quận Hoàng Mai Lê Thị Hằng``), the
  split is scored: a known place before, a name of three or four syllables, a common middle
  name second (``data/middle_names.txt``).
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from functools import lru_cache

from extractors.lexicon import AMBIGUOUS_SURNAMES, SURNAMES, TONE_LETTERS, common_tones, phrase_regex, read_sections, read_words

UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
LOW = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
# A capitalised word of a name: a syllable, a foreign word with inner hyphens or apostrophes (``Chang-Hee``,
# ``H'Lim``; not ``Quang-TUV``, a name run into an abbreviation), an initial.
NAME_WORD = rf"[{UP}](?:[{LOW}{UP}]*(?:['’\-][{UP}]?[{LOW}]+)*|\.)"
NAME_RUN = rf"{NAME_WORD}(?:[ \t]+{NAME_WORD}){{0,6}}"

_SYLLABLE_SHAPE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnpqrstvx])?[aăâeêioôơuưy]{1,3}(?:ng|nh|ch|[cmnpt])?")
_CUES = read_sections("person_cues.txt")
_DEGREE = phrase_regex(row[0] for row in _CUES["degree"])
HONORIFICS = [row[0] for row in _CUES["honorific"]]
HONORIFIC = phrase_regex(HONORIFICS)
RANK = phrase_regex(row[0] for row in _CUES["rank"])
DEGREES = rf"{_DEGREE}(?:\s*[.,]\s*{_DEGREE})*\.?"
# Words before a name: an honorific, then ranks and degrees ("đồng chí Đại tá", "PGS.TS", "TS.BS").
CUE = rf"(?:{HONORIFIC}(?![\w/])\s*(?:[:,]\s*)?)?(?:(?:{RANK}|{DEGREES})(?![\w])\s*)?"
# The words a cue can end and start with, casefolded: a cheap test before matching ``CUE``.
CUE_LAST_WORDS = frozenset(row[0].split()[-1].casefold() for rows in _CUES.values() for row in rows)
CUE_FIRST_WORDS = frozenset(row[0].split()[0].casefold() for rows in _CUES.values() for row in rows)
MIDDLE_NAMES = frozenset(read_words("middle_names.txt"))
NOT_NAMES = frozenset(read_words("not_names.txt"))
# Places that follow an organisation without a level word.
_COUNTRY = {"Việt Nam"}


@lru_cache(maxsize=4096)
def is_syllable(word: str) -> bool:
    """Whether a capitalised word has the shape of a Vietnamese syllable (``Nguyễn`` yes, ``Ksor`` no)."""
    if not word[:1].isupper() or not word[1:].islower() and len(word) > 1:
        return False
    bare = "".join(c for c in unicodedata.normalize("NFD", word.lower()) if c not in TONE_LETTERS)
    return bool(_SYLLABLE_SHAPE.fullmatch(unicodedata.normalize("NFC", bare)))


def _vietnamese(words: list[str]) -> bool:
    """Two to five syllables of Vietnamese shape, starting with a surname that is not mostly a given name."""
    return (2 <= len(words) <= 5 and words[0] in SURNAMES and words[0] not in AMBIGUOUS_SURNAMES
            and all(is_syllable(w) for w in words))


def _foreign(words: list[str]) -> bool:
    """A cued name of another shape: two to five words, the last not an initial."""
    return 2 <= len(words) <= 5 and not words[-1].endswith(".")


def name_in_run(words: list[str], cued: bool) -> int | None:
    """Where the person's name starts in a capitalised run that ends at the name's end.

    Without a cue the name is the longest tail of two to five syllables that starts with a surname;
    after a cue the whole run is the name (any shape), unless it is longer than a name can be.
    """
    if cued and (_vietnamese(words) or _foreign(words)):
        return 0
    for start in range(max(0, len(words) - 5), len(words) - 1):
        if _vietnamese(words[start:]):
            return start
    return None


def person(name: str) -> str | None:
    """The name as recorded (tone marks placed as news sites place them), or None for a non-person."""
    name = common_tones(" ".join(name.split()))
    return None if name in NOT_NAMES else name


def split_place_name(words: list[str], after_level: bool, is_place: Callable[[str], bool]) -> int | None:
    """Where a name starts in an organisation's trailing capitalised run, or None if no name ends it.

    ``after_level``: the run follows a level word (``quận Hoàng Mai Lê Thị Hằng``), so what comes
    before the name is a place; otherwise it is the organisation's own name or a country.
    A name that leaves nothing before it must have three syllables or more (``huyện Lương Sơn`` is
    a place, ``thành phố Lê Trí Thanh`` a person).
    """
    best, best_score = None, None
    for start in range(len(words) - 1):
        name, place = words[start:], " ".join(words[:start])
        if not _vietnamese(name) or len(name) > 4 or is_place(" ".join(name)):
            continue
        score = {2: 0.0, 3: 2.0, 4: 1.5}[len(name)] + (1.0 if name[1] in MIDDLE_NAMES else 0.0)
        if not place:
            if len(name) < 3:
                continue
        elif is_place(place) or place in _COUNTRY:
            score += 3.0
        elif len(name) < 3:
            continue
        elif after_level and (start == 1 or start > 3):
            score -= 2.0
        if best_score is None or score > best_score:
            best, best_score = start, score
    return best
