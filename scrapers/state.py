"""The crawl state store (SQLite, WAL): every URL met, its validators, content hash and
last fetch, and the crawl runs. Each page is committed on its own, so a killed crawl
loses nothing already fetched and the next run resumes where it stopped.
"""
from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

SCHEMA = """
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY,
    started_at TEXT NOT NULL,
    finished_at TEXT
);
CREATE TABLE IF NOT EXISTS pages (
    url TEXT PRIMARY KEY,
    site TEXT NOT NULL,
    first_seen_run INTEGER NOT NULL,
    fetched_run INTEGER,
    fetched_at TEXT,
    outcome TEXT,
    http_status INTEGER,
    etag TEXT,
    last_modified TEXT,
    content_hash TEXT,
    error TEXT
);
CREATE TABLE IF NOT EXISTS robots (
    origin TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pages_site ON pages (site, fetched_run);
"""


@dataclass(frozen=True)
class Validators:
    """What we know of a page's last good copy: HTTP validators and the hash of its body."""

    etag: str | None
    last_modified: str | None
    content_hash: str | None


@dataclass(frozen=True)
class Fetched:
    """The outcome of one page in a run, as the state store keeps it.

    ``outcome`` is one of ``article``, ``unchanged``, ``not_modified``, ``listing``,
    ``failed`` or ``disallowed``; ``validators`` is None when the previous ones stay.
    """

    outcome: str
    http_status: int | None = None
    validators: Validators | None = None
    error: str | None = None


def now() -> str:
    """The current UTC time, ISO 8601."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


class CrawlState:
    """The SQLite state of all crawls into one data folder."""

    def __init__(self, path: Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.db = sqlite3.connect(path, isolation_level=None)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)

    def begin_run(self) -> int:
        """The id of this run: the unfinished last run (resumed), or a new one."""
        row = self.db.execute("SELECT id, finished_at FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        if row and row[1] is None:
            return row[0]
        return self.db.execute("INSERT INTO runs (started_at) VALUES (?)", (now(),)).lastrowid

    def finish_run(self, run: int) -> None:
        """Mark a run complete: the next run starts afresh."""
        self.db.execute("UPDATE runs SET finished_at = ? WHERE id = ?", (now(), run))

    def add_urls(self, site: str, urls: Iterable[str], run: int) -> int:
        """Remember URLs discovered for ``site`` (commits); returns how many were new."""
        with self.db:
            return self._insert(site, urls, run)

    def pending(self, site: str, run: int) -> list[str]:
        """URLs of ``site`` not yet fetched in ``run``: never fetched ones first, then the oldest known."""
        rows = self.db.execute(
            "SELECT url FROM pages WHERE site = ? AND (fetched_run IS NULL OR fetched_run < ?)"
            " ORDER BY fetched_run IS NOT NULL, rowid",
            (site, run),
        )
        return [url for (url,) in rows]

    def fetched_in(self, site: str, run: int) -> set[str]:
        """URLs of ``site`` already fetched in ``run`` (when resuming it)."""
        rows = self.db.execute("SELECT url FROM pages WHERE site = ? AND fetched_run = ?", (site, run))
        return {url for (url,) in rows}

    def validators(self, url: str) -> Validators | None:
        """The validators of the last good copy of ``url``, if any."""
        row = self.db.execute(
            "SELECT etag, last_modified, content_hash FROM pages WHERE url = ?", (url,)
        ).fetchone()
        return Validators(*row) if row else None

    def page_done(self, site: str, url: str, run: int, fetched: Fetched, links: Iterable[str] = ()) -> int:
        """Record a page's outcome and the links found on it, in one commit; returns how many links were new."""
        with self.db:
            self._insert(site, [url], run)
            self.db.execute(
                "UPDATE pages SET fetched_run = ?, fetched_at = ?, outcome = ?, http_status = ?, error = ? WHERE url = ?",
                (run, now(), fetched.outcome, fetched.http_status, fetched.error, url),
            )
            if fetched.validators is not None:
                v = fetched.validators
                self.db.execute(
                    "UPDATE pages SET etag = ?, last_modified = ?, content_hash = ? WHERE url = ?",
                    (v.etag, v.last_modified, v.content_hash, url),
                )
            return self._insert(site, links, run)

    def robots_copy(self, origin: str) -> tuple[Validators, str] | None:
        """The validators and text of the robots.txt last fetched from ``origin``."""
        row = self.db.execute("SELECT etag, last_modified, body FROM robots WHERE origin = ?", (origin,)).fetchone()
        return (Validators(row[0], row[1], None), row[2]) if row else None

    def save_robots(self, origin: str, validators: Validators, body: str) -> None:
        """Keep a fetched robots.txt (commits)."""
        with self.db:
            self.db.execute(
                "INSERT OR REPLACE INTO robots (origin, etag, last_modified, body) VALUES (?, ?, ?, ?)",
                (origin, validators.etag, validators.last_modified, body),
            )

    def outcomes(self, run: int) -> dict[str, int]:
        """How many pages had each outcome in ``run``."""
        rows = self.db.execute("SELECT outcome, COUNT(*) FROM pages WHERE fetched_run = ? GROUP BY outcome", (run,))
        return dict(rows.fetchall())

    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def _insert(self, site: str, urls: Iterable[str], run: int) -> int:
        """Insert unknown URLs (no commit); returns how many were new."""
        before = self.db.total_changes
        self.db.executemany(
            "INSERT OR IGNORE INTO pages (url, site, first_seen_run) VALUES (?, ?, ?)",
            ((url, site, run) for url in urls),
        )
        return self.db.total_changes - before
