"""Text normalisation shared by every reader: Unicode, tone marks, whitespace, glued words.

The cleaned text is what every evidence span points into, so all changes to
the characters happen here, before any extractor sees the text.
"""
from __future__ import annotations

import re
import unicodedata

from underthesea.pipeline.text_normalize import token_normalize

VIET_UPPER = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
VIET_LOWER = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"

# A syllable with the old tone placement ("hoà", "thuỷ"): the tone sits on the last vowel of oa/oe/uy.
_OLD_TONE_WORD = re.compile(r"\b\w*(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])\b")
# "XuânBá": capitalised syllables glued together (a lost separator), as one word.
_GLUED_WORD = re.compile(rf"(?<![{VIET_UPPER}{VIET_LOWER}])[{VIET_UPPER}][{VIET_LOWER}]+(?:[{VIET_UPPER}][{VIET_LOWER}]+)+"
                         rf"(?![{VIET_UPPER}{VIET_LOWER}])")
_SYLLABLE_START = re.compile(rf"(?<=[{VIET_LOWER}])(?=[{VIET_UPPER}])")
# The quick tests that let a text without any old tone mark or glued word skip the word patterns above.
_OLD_TONE_END = re.compile(r"(?:[oO][àáảãạèéẻẽẹÀÁẢÃẠÈÉẺẼẸ]|[uU][ỳýỷỹỵỲÝỶỸỴ])(?!\w)")
_GLUE = re.compile(rf"[{VIET_LOWER}][{VIET_UPPER}]")
# A run of spaces other than one plain space (a single " " needs no replacing).
_SPACE_CHARS = "[ \t\u00a0\u2000-\u200b\u3000]"
_SPACES = re.compile(rf"[\t\u00a0\u2000-\u200b\u3000]{_SPACE_CHARS}*| {_SPACE_CHARS}+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufeff\u200c\u200d]")


def normalize_tones(text: str) -> str:
    """Move tone marks to the placement most news sites use (``Hoà`` → ``Hòa``, ``Thuỷ`` → ``Thủy``)."""
    if not _OLD_TONE_END.search(text):
        return text
    return _OLD_TONE_WORD.sub(lambda m: token_normalize(m.group()), text)


def split_glued_words(text: str) -> str:
    """Put back the space lost between two capitalised syllables (``Thường XuânBá Thước``).

    Only words with a tone mark or a Vietnamese letter are split: brand names written in camel
    case (``VietNamNet``, ``VnExpress``, ``MobiFone``) are plain ASCII and stay whole.
    """
    if not _GLUE.search(text):
        return text
    return _GLUED_WORD.sub(_split_word, text)


def _split_word(match: re.Match) -> str:
    word = match.group()
    return _SYLLABLE_START.sub(" ", word) if not word.isascii() else word


def clean_line(line: str) -> str:
    """One line: NFC, tone placement, glued words, spaces folded and trimmed."""
    return _clean(line).strip()


def clean_lines(text: str) -> list[str]:
    """The text's lines, each cleaned as :func:`clean_line` does; empty lines kept as ``""`` so paragraphs stay
    visible. The whole text is cleaned at once (no pattern reaches across a line break), then cut into lines."""
    return [line.strip() for line in _clean(text.replace("\r\n", "\n").replace("\r", "\n")).split("\n")]


def _clean(text: str) -> str:
    text = unicodedata.normalize("NFC", text)
    text = _CONTROL.sub("", text)
    text = _SPACES.sub(" ", text)
    return split_glued_words(normalize_tones(text))


def join_paragraphs(lines: list[str]) -> str:
    """Non-empty lines joined as paragraphs, one blank line between them."""
    return "\n\n".join(line for line in lines if line)
