"""Assemble the record of RECORD.md from an article (stub: being built)."""
from __future__ import annotations

from typing import Any

from scrapers.article import Article


def extract(article: Article) -> dict[str, Any]:
    """The record of one article: every field of RECORD.md, plus ``text`` (the cleaned text the spans point into)."""
    return {
        "source": article.source, "url": article.url, "title": article.title,
        "published_date": article.published_date, "author": article.author,
        "cluster": None, "federation": None, "province": None, "meeting": None,
        "cluster_leader": None, "officials": [], "member_units": [], "member_count_stated": None,
        "figures": [], "documents": [], "evidence": {}, "text": article.text,
    }
