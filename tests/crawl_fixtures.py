"""Helpers shared by the crawler tests: fixture sites, a quick fetcher, a recording store."""
from __future__ import annotations

import unicodedata
from pathlib import Path
from typing import Any

from scrapers.fetch import Fetcher

SITES = Path(__file__).parent / "sites"


def quick_fetcher() -> Fetcher:
    """A fetcher with tiny timeouts and pauses, for loopback tests."""
    return Fetcher(timeout=0.5, max_bytes=1_000_000, retries=2, backoff=0.01, max_retry_wait=2.0)


def patient_fetcher() -> Fetcher:
    """The quick fetcher with a time limit a busy test machine always meets, for tests no page is slow in."""
    return Fetcher(timeout=10, max_bytes=1_000_000, retries=2, backoff=0.01, max_retry_wait=2.0)


class RecordingStore:
    """Stands in for ``pipeline.store.save_records``: keeps the last record per URL and counts like it."""

    def __init__(self) -> None:
        self.records: dict[str, dict[str, Any]] = {}
        self.calls = 0

    def __call__(self, records: list[dict[str, Any]]) -> dict[str, int]:
        self.calls += 1
        counts = {"new": 0, "updated": 0, "unchanged": 0}
        for record in records:
            old = self.records.get(record["url"])
            counts["new" if old is None else "unchanged" if old == record else "updated"] += 1
            self.records[record["url"]] = record
        return counts

    def paths(self) -> set[str]:
        """The URL paths of the stored records."""
        return {"/" + url.split("/", 3)[3] for url in self.records}


def to_cp1258(text: str) -> bytes:
    """Encode text as windows-1258 pages do: a base letter, then a separate tone mark when needed."""
    out = bytearray()
    for char in text:
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        for i in range(1, len(parts)):
            try:
                out += unicodedata.normalize("NFC", parts[:i] + parts[i + 1:]).encode("cp1258") + parts[i].encode("cp1258")
                break
            except UnicodeEncodeError:
                continue
        else:
            raise ValueError(f"{char!r} has no windows-1258 form")
    return bytes(out)


def article_paths(layout: str) -> set[str]:
    """The URL paths of the articles of a fixture site, from its files (listing pages excluded)."""
    root = SITES / layout
    if layout == "portal":
        return {f"/tin-tuc/{p.name}" for p in (root / "tin-tuc").glob("*.html") if not p.name.startswith("trang-")}
    if layout == "newspaper":
        return {f"/{p.name}" for p in root.glob("*.html") if p.name != "index.html"}
    return {f"/{p.parent.relative_to(root).as_posix()}/" for p in root.glob("20*/*/*/*/index.html")}


#: Path prefixes each fixture site's robots.txt forbids to us.
FORBIDDEN = {"portal": "/quan-tri/", "newspaper": "/tim-kiem/", "blog": "/wp-admin/"}
LAYOUTS = sorted(FORBIDDEN)
