"""The unit that flows from the scrapers to the extractors."""
from __future__ import annotations

from dataclasses import dataclass


class NotAnArticle(ValueError):
    """The input could be read but holds no article (empty, binary, no Vietnamese text...)."""


@dataclass
class Article:
    """One article, read and cleaned, ready for extraction.

    ``text`` is the cleaned article text: the headline is its first paragraph
    (when known), then the body, then the byline. Every evidence span of the
    extracted record points into this string.
    """

    source: str
    text: str
    url: str | None = None
    title: str | None = None
    published_date: str | None = None
    author: str | None = None
