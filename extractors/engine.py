"""Assemble the record of RECORD.md from an article: run the pipeline, then shape its findings."""
from __future__ import annotations

from collections.abc import Callable
from typing import Any

from extractors.nlp import analyse
from scrapers.article import Article

def extract(article: Article) -> dict[str, Any]:
    """The record of one article: every field of RECORD.md, plus ``text`` (the cleaned text the spans point into)."""
    text = article.text
    evidence: dict[str, list[int]] = {}

    def note(field: str, span: tuple[int, int] | list[int] | None) -> None:
        if span is not None:
            evidence[field] = [int(span[0]), int(span[1])]

    for field, value in (("title", article.title), ("author", article.author)):
        pos = text.rfind(value) if value and field == "author" else text.find(value) if value else -1
        if pos >= 0:
            note(field, (pos, pos + len(value)))
    byline = tuple(evidence["author"]) if "author" in evidence else None
    found = analyse(text, article.published_date, byline)

    cluster = found["cluster"]
    note("cluster", cluster and cluster["span"])
    federation = found["federation"]
    note("federation", federation and federation["span"])
    note("province", federation and federation["span"])
    meeting = _meeting(found, note)
    leader = found["cluster_leader"]
    note("cluster_leader", leader and leader[1])
    count = found["member_count"]
    note("member_count_stated", count and count[1])
    if article.published_date:
        pos = _published_span(text, article.published_date)
        note("published_date", pos)
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
        "text": text,
    }


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


def _published_span(text: str, iso: str) -> tuple[int, int] | None:
    """Where the publication date is written in the text (ISO marker or a d/m/yyyy dateline)."""
    year, month, day = iso.split("-")
    for written in (iso, f"{day}/{month}/{year}", f"{int(day)}/{int(month)}/{year}"):
        pos = text.find(written)
        if pos >= 0:
            return pos, pos + len(written)
    return None
