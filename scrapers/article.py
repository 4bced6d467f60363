"""The unit that flows from the scrapers to the extractors."""
from __future__ import annotations

import re
from dataclasses import dataclass


class NotAnArticle(ValueError):
    """The input could be read but holds no article (empty, binary, no Vietnamese text...)."""


@dataclass
class Article:
    """One article, read and cleaned, ready for extraction.

    ``text`` is the cleaned article text: the headline is its first paragraph
    (when known), then the body; a plain-text article keeps its byline and date
    line where they stand, a web page's text holds neither (they are page
    furniture, read into ``author`` and ``published_date``). Every evidence span
    of the extracted record points into this string.
    """

    source: str
    text: str
    url: str | None = None
    title: str | None = None
    published_date: str | None = None
    author: str | None = None


MIN_BODY_CHARS = 200
_VIET_LETTERS = re.compile(r"[ăâđêôơưàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ]", re.IGNORECASE)


def check_body(body: str) -> None:
    """Refuse a body too short for an article or not in Vietnamese (NotAnArticle)."""
    if len(body) < MIN_BODY_CHARS:
        raise NotAnArticle(f"too little text for an article ({len(body)} characters)")
    if len(_VIET_LETTERS.findall(body)) < len(body) * 0.02:
        raise NotAnArticle("not Vietnamese text")
