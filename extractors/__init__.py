"""The Vietnamese NLP of unionnews: findings about an article's text (cluster, meeting, officials, ...).

``analyse(text, published_date, byline_span)`` runs the pipeline of :mod:`extractors.nlp` and returns the
findings with their spans; :mod:`pipeline.normalizer` shapes them into the record. The pipeline (spaCy
and the lexicons) is imported on first use, so modules that need only a lexicon start fast.
"""
from __future__ import annotations

from typing import Any

__all__ = ["analyse"]


def __getattr__(name: str) -> Any:
    if name == "analyse":
        from extractors.nlp import analyse

        return analyse
    raise AttributeError(f"module 'extractors' has no attribute {name!r}")
