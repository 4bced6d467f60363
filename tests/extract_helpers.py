"""Shared helpers of the extraction-engine tests: build small articles, run the engine, read spans.

The unit tests feed the engine short Vietnamese articles written for the tests
(never text from the seeds): a headline, the paragraphs under test, a neutral
filler paragraph (so the article is long enough to be read as one) and a byline.
"""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

from data_sources import CORPUS, CORPUS_GOLD, ROOT, SCORER, SEED_DIR, SEED_GOLD, read_jsonl  # noqa: F401  (re-exported)
from pipeline.normalizer import extract_record as extract
from extractors.lexicon import expand
from scrapers.article import Article
from scrapers.reading import read_text

# A paragraph with no number, name, title, date, place or cluster in it.
FILLER = ("Các đại biểu đã thảo luận sôi nổi, đóng góp nhiều ý kiến tâm huyết nhằm nâng cao chất lượng "
          "phong trào thi đua, chăm lo tốt hơn đời sống vật chất và tinh thần cho người lao động.")
DEFAULT_TITLE = "Hoạt động công đoàn cơ sở trong tháng"
DEFAULT_BYLINE = "Minh Khang"


def article_text(*paragraphs: str, title: str = DEFAULT_TITLE, date: str | None = None,
                 byline: str | None = DEFAULT_BYLINE) -> str:
    """A plain-text article file's content: optional ``date`` marker, headline, paragraphs, filler, byline."""
    head = f"date {date} {title}" if date else title
    parts = [head, *paragraphs, FILLER]
    if byline:
        parts.append(byline)
    return "\n\n".join(parts) + "\n"


def make_article(*paragraphs: str, title: str = DEFAULT_TITLE, date: str | None = None,
                 byline: str | None = DEFAULT_BYLINE, source: str = "test.txt") -> Article:
    """The article read from :func:`article_text`."""
    return read_text(article_text(*paragraphs, title=title, date=date, byline=byline), source)


def run(*paragraphs: str, title: str = DEFAULT_TITLE, date: str | None = None,
        byline: str | None = DEFAULT_BYLINE) -> dict[str, Any]:
    """The record the engine extracts from a small article built from ``paragraphs``."""
    return extract(make_article(*paragraphs, title=title, date=date, byline=byline))


def span_text(record: dict[str, Any], span: list[int] | tuple[int, int]) -> str:
    """The text an evidence span points at (the span must lie inside the text)."""
    start, end = span
    text = record["text"]
    assert 0 <= start < end <= len(text), f"span {span} outside the text ({len(text)} characters)"
    return text[start:end]


def evidence_of(record: dict[str, Any], field: str) -> str:
    """The text at the evidence span of a scalar field."""
    assert field in record["evidence"], f"no evidence for {field}: {record['evidence']}"
    return span_text(record, record["evidence"][field])


def loose(text: str) -> str:
    """Compare-key: abbreviations written out, casefolded, spaces folded."""
    return re.sub(r"\s+", " ", expand(text)).casefold().strip()


def official(record: dict[str, Any], name: str) -> dict[str, Any]:
    """The official of that name (fails with the names found when there is none)."""
    found = [o for o in record["officials"] if o["name"] == name]
    assert found, f"{name!r} not among {[o['name'] for o in record['officials']]}"
    assert len(found) == 1, f"{name!r} listed {len(found)} times"
    return found[0]


def unit_names(record: dict[str, Any]) -> list[str]:
    return [u["name"] for u in record["member_units"]]


def figure(record: dict[str, Any], value: float) -> dict[str, Any]:
    """The one figure of that value."""
    found = [f for f in record["figures"] if f["value"] == value]
    assert len(found) == 1, f"{value} in {[(f['value'], f['text']) for f in record['figures']]}"
    return found[0]


def run_cli(*args: str | Path, cwd: Path = ROOT, stdout_path: Path | None = None) -> subprocess.CompletedProcess:
    """Run ``unionnews`` (``python -m pipeline``) with ``args``; stdout to a file when a path is given."""
    command = [sys.executable, "-m", "pipeline", *map(str, args)]
    if stdout_path is None:
        return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=300)
    with open(stdout_path, "w", encoding="utf-8") as out:
        return subprocess.run(command, cwd=cwd, stdout=out, stderr=subprocess.PIPE, text=True, timeout=300)


def corpus_inputs() -> list[Path]:
    """The corpus files the corpus gold describes: corpus/articles/<source> or corpus/site/<URL path>."""
    paths = []
    for gold in CORPUS_GOLD:
        for record in read_jsonl(gold):
            direct = CORPUS / "articles" / record["source"]
            if direct.is_file():
                paths.append(direct)
                continue
            url_path = re.sub(r"^[a-z]+://[^/]+/?", "", record.get("url") or "").split("?")[0].split("#")[0]
            candidate = CORPUS / "site" / url_path
            if url_path and candidate.is_file():
                paths.append(candidate)
                continue
            matches = list((CORPUS / "site").rglob(record["source"]))
            assert len(matches) == 1, f"no unique corpus file for {record['source']}"
            paths.append(matches[0])
    return paths


