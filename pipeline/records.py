"""From inputs to records: the extractors run on each article; a failure is one line naming its input."""
from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Any

from pipeline.normalizer import TextTooLong, extract_record
from pipeline.sources import Input, OnError, error_line
from scrapers.article import Article
from scrapers.fetch import first_line


class ExtractionFailed(Exception):
    """An article could not be extracted; the message is the one-line reason."""


def record_of(article: Article) -> dict[str, Any]:
    """The record of one article; raises :class:`ExtractionFailed` whatever goes wrong inside the extractors."""
    try:
        return extract_record(article)
    except TextTooLong as exc:
        raise ExtractionFailed(str(exc)) from None
    except Exception as exc:  # an extractor bug must not stop the run
        raise ExtractionFailed(f"extraction failed ({type(exc).__name__}: {first_line(exc)})") from None


def extracted(inputs: Iterable[Input], on_error: OnError) -> Iterator[tuple[Input, dict[str, Any]]]:
    """Each input with its record; an input whose extraction fails is reported and left out."""
    for item in inputs:
        try:
            yield item, record_of(item.article)
        except ExtractionFailed as exc:
            on_error(error_line(item.origin, str(exc)))
