"""Where the tests find their data: the project's own corpus (always there) and ``../shared`` beside
the checkout (real articles, their hand-checked records and the scorer), which only the checks that
score against real articles need.

A test that reads ``../shared`` is marked :data:`needs_shared`: without that folder it is skipped
with a reason naming it, and under ``CI=true`` it fails instead (see ``conftest.py``).
"""
from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus"
CORPUS_GOLD = [CORPUS / "gold" / "articles.jsonl", CORPUS / "gold" / "site.jsonl"]

SHARED = ROOT.parent / "shared"
SEED_DIR = SHARED / "seeds"
SEED_GOLD = SHARED / "gold" / "seeds.jsonl"
SCORER = SHARED / "tools" / "score.py"

needs_shared = pytest.mark.needs(SHARED, why="the real articles, their hand-checked records and the scorer")


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    """The JSON objects of a JSON-lines file, one per non-empty line."""
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus_gold(*sources: str) -> list[dict[str, Any]]:
    """The hand-checked corpus records (``corpus/gold/*.jsonl``) of these sources, in this order."""
    records = {record["source"]: record for path in CORPUS_GOLD for record in read_jsonl(path)}
    return [records[source] for source in sources]
