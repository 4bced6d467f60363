"""The RECORD: what ``unionnews extract`` prints and the stores keep, built from a read article and the
extractors' findings.

This module and the table schemas (:mod:`pipeline.tables`) are the only places that know the record's
shape (``docs/record.md``). The extractors know nothing of it: they take the article text with what the
reader knows (publication date, where the byline is) and return findings with their spans.
"""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from extractors import analyse
from scrapers.article import Article

#: Longest cleaned text the extractors are given; longer texts are refused (no news article is this long).
MAX_TEXT_CHARS = 500_000

Span = tuple[int, int]


class TextTooLong(ValueError):
    """The article's text is longer than the extractors take (the message says how long)."""


def extract_record(article: Article) -> dict[str, Any]:
    """Run the extractors on one article and return its record (every field of the contract, plus ``text``).

    Raises :class:`TextTooLong` for a text over :data:`MAX_TEXT_CHARS`.
    """
    text = article.text
    if len(text) > MAX_TEXT_CHARS:
        raise TextTooLong(f"text too long to extract ({len(text):,} characters, limit {MAX_TEXT_CHARS:,})")
    title_span = _find(text, article.title, last=False)
    author_span = _find(text, article.author, last=True)
    return normalize(article, analyse(text, article.published_date, author_span), title_span, author_span)


def normalize(article: Article, found: dict[str, Any], title_span: Span | None = None,
              author_span: Span | None = None) -> dict[str, Any]:
    """The record of ``article`` from the findings of :func:`extractors.analyse` on its text."""
    evidence: dict[str, list[int]] = {}

    def note(field: str, span: Span | list[int] | None) -> None:
        if span is not None:
            evidence[field] = [int(span[0]), int(span[1])]

    note("title", title_span)
    note("author", author_span)
    cluster = found["cluster"]
    note("cluster", cluster and cluster["span"])
    federation = found["federation"]
    note("federation", federation and federation["federation"] and federation["span"])
    note("province", federation and federation["province"] and federation["span"])
    meeting = _meeting(found, note)
    leader = found["cluster_leader"]
    note("cluster_leader", leader and leader[1])
    count = found["member_count"]
    note("member_count_stated", count and count[1])
    if article.published_date:
        note("published_date", _published_span(article.text, article.published_date))
    return {
        "source": article.source,
        "url": article.url,
        "title": article.title,
        "published_date": article.published_date,
        "author": article.author,
        "cluster": {k: cluster[k] for k in ("number", "name", "kind")} if cluster else None,
        "federation": federation["federation"] if federation else None,
        "province": federation["province"] if federation else None,
        "meeting": meeting,
        "cluster_leader": leader[0] if leader else None,
        "officials": found["officials"],
        "member_units": found["member_units"],
        "member_count_stated": count[0] if count else None,
        "figures": found["figures"],
        "documents": found["documents"],
        "evidence": evidence,
        "text": article.text,
    }


def _find(text: str, value: str | None, last: bool) -> Span | None:
    """Where ``value`` is written in ``text`` (its last occurrence for a byline, else its first)."""
    if not value:
        return None
    pos = text.rfind(value) if last else text.find(value)
    return (pos, pos + len(value)) if pos >= 0 else None


def _meeting(found: dict[str, Any], note: Callable[[str, Any], None]) -> dict | None:
    """The meeting object, or None when the article reports no meeting."""
    parts = found["meeting"]
    date = found["meeting_date"]
    if "type" not in parts and not (found["cluster"] and date):
        return None
    note("meeting.date", date and date[1])
    for key in ("type", "location", "period"):
        note(f"meeting.{key}", parts.get(key, (None, None))[1])
    return {
        "date": date[0] if date else None,
        "type": parts["type"][0] if "type" in parts else "khác",
        "location": parts["location"][0] if "location" in parts else None,
        "period": parts["period"][0] if "period" in parts else None,
    }


def _published_span(text: str, iso: str) -> Span | None:
    """Where the publication date is written in the text (ISO marker or a d/m/yyyy dateline)."""
    year, month, day = iso.split("-")
    for written in (iso, f"{day}/{month}/{year}", f"{int(day)}/{int(month)}/{year}"):
        pos = text.find(written)
        if pos >= 0:
            return pos, pos + len(written)
    return None
