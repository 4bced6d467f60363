"""The crawl state store (SQLite, WAL): every URL met, its validators, content hash and
last fetch, and the crawl runs. Each page is committed on its own, so a killed crawl
loses nothing already fetched and the next run resumes where it stopped.

Poisoned pages: a page that failed :data:`FAILURES_BEFORE_BACKOFF` times in a row (its fetch
failed, its page store failed, or the process died while the page store had it) is left out of
the rest of that run and of the next one; after each further failure it waits twice as long, at
most :data:`MAX_BACKOFF_RUNS` runs; any success resets it. Each URL also keeps its ``chain``,
the number of same-kind pages that led to it (see :mod:`scrapers.traps`).
"""
from __future__ import annotations

import functools
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any, TypeVar

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
    error TEXT,
    chain INTEGER NOT NULL DEFAULT 0,
    failures INTEGER NOT NULL DEFAULT 0,
    failed_run INTEGER,
    storing INTEGER NOT NULL DEFAULT 0
);
CREATE TABLE IF NOT EXISTS robots (
    origin TEXT PRIMARY KEY,
    etag TEXT,
    last_modified TEXT,
    body TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS pages_site ON pages (site, fetched_run);
"""
#: Columns added since the first schema, with their definitions (added to older state files on open).
ADDED_COLUMNS = {
    "chain": "INTEGER NOT NULL DEFAULT 0",
    "failures": "INTEGER NOT NULL DEFAULT 0",
    "failed_run": "INTEGER",
    "storing": "INTEGER NOT NULL DEFAULT 0",
}
#: Runs in a row a page may fail before it is left out of a run.
FAILURES_BEFORE_BACKOFF = 3
#: Longest wait, in runs, of a page that keeps failing.
MAX_BACKOFF_RUNS = 32
#: SQL condition: a page is due in run ``:run`` (it is not backed off). After ``:threshold`` failures
#: in a row the gap since the last failure is 2 runs, then 4, 8, … up to ``:longest``.
DUE = "(failures < :threshold OR :run - failed_run >= min(:longest, 1 << (failures - :threshold + 1)))"


def due_parameters(site: str, run: int) -> dict[str, Any]:
    """The parameters of :data:`DUE` (and ``:site``)."""
    return {"site": site, "run": run, "threshold": FAILURES_BEFORE_BACKOFF, "longest": MAX_BACKOFF_RUNS}


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
    ``failed``, ``disallowed`` or ``out_of_scope`` (a refused redirect); ``validators`` is None
    when the previous ones stay.
    """

    outcome: str
    http_status: int | None = None
    validators: Validators | None = None
    error: str | None = None


def now() -> str:
    """The current UTC time, ISO 8601."""
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


Method = TypeVar("Method", bound=Callable[..., Any])


def locked(method: Method) -> Method:
    """Run a :class:`CrawlState` method under the store's lock (the fetch threads use it too)."""

    @functools.wraps(method)
    def run(self: CrawlState, *args: Any, **kwargs: Any) -> Any:
        with self.lock:
            return method(self, *args, **kwargs)

    return run  # type: ignore[return-value]


class CrawlState:
    """The SQLite state of all crawls into one data folder; thread-safe."""

    def __init__(self, path: Path) -> None:
        Path(path).parent.mkdir(parents=True, exist_ok=True)
        self.lock = threading.RLock()
        self.db = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
        self.db.execute("PRAGMA journal_mode=WAL")
        self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.executescript(SCHEMA)
        present = {row[1] for row in self.db.execute("PRAGMA table_info(pages)")}
        for column, definition in ADDED_COLUMNS.items():
            if column not in present:
                self.db.execute(f"ALTER TABLE pages ADD COLUMN {column} {definition}")

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """One transaction: committed when the block ends, rolled back if it raises (the connection is in
        autocommit mode, so without this every statement would commit on its own)."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        self.db.execute("COMMIT")

    @locked
    def begin_run(self) -> int:
        """The id of this run: the unfinished last run (resumed), or a new one.

        Pages the page store still had when the last process ended count as failed once.
        """
        with self.transaction():
            self.db.execute("UPDATE pages SET failures = failures + 1, storing = 0,"
                            " failed_run = (SELECT max(id) FROM runs) WHERE storing = 1")
        row = self.db.execute("SELECT id, finished_at FROM runs ORDER BY id DESC LIMIT 1").fetchone()
        if row and row[1] is None:
            return row[0]
        return self.db.execute("INSERT INTO runs (started_at) VALUES (?)", (now(),)).lastrowid

    @locked
    def finish_run(self, run: int) -> None:
        """Mark a run complete: the next run starts afresh."""
        self.db.execute("UPDATE runs SET finished_at = ? WHERE id = ?", (now(), run))

    @locked
    def add_urls(self, site: str, urls: Iterable[str], run: int) -> int:
        """Remember URLs discovered for ``site`` (commits); returns how many were new."""
        with self.transaction():
            return self._insert(site, urls, run)

    @locked
    def pending(self, site: str, run: int) -> list[str]:
        """URLs of ``site`` not yet fetched in ``run``, never fetched ones first, then the oldest known;
        pages backed off after failing run after run (see the module docstring) are left out."""
        rows = self.db.execute(
            f"SELECT url FROM pages WHERE site = :site AND (fetched_run IS NULL OR fetched_run < :run) AND {DUE}"
            " ORDER BY fetched_run IS NOT NULL, rowid",
            due_parameters(site, run),
        )
        return [url for (url,) in rows]

    @locked
    def backed_off(self, site: str, run: int) -> set[str]:
        """URLs of ``site`` left out of ``run`` because they keep failing (see the module docstring)."""
        rows = self.db.execute(f"SELECT url FROM pages WHERE site = :site AND NOT {DUE}", due_parameters(site, run))
        return {url for (url,) in rows}

    @locked
    def fetched_in(self, site: str, run: int) -> set[str]:
        """URLs of ``site`` already fetched in ``run`` (when resuming it)."""
        rows = self.db.execute("SELECT url FROM pages WHERE site = ? AND fetched_run = ?", (site, run))
        return {url for (url,) in rows}

    @locked
    def validators(self, url: str) -> Validators | None:
        """The validators of the last good copy of ``url``, if any."""
        row = self.db.execute(
            "SELECT etag, last_modified, content_hash FROM pages WHERE url = ?", (url,)
        ).fetchone()
        return Validators(*row) if row else None

    @locked
    def chain(self, url: str) -> int:
        """The trap chain of ``url`` when it was first met (0 for an unknown URL)."""
        row = self.db.execute("SELECT chain FROM pages WHERE url = ?", (url,)).fetchone()
        return row[0] if row else 0

    @locked
    def failures(self, url: str) -> int:
        """How many times in a row ``url`` failed (0 for an unknown URL)."""
        row = self.db.execute("SELECT failures FROM pages WHERE url = ?", (url,)).fetchone()
        return row[0] if row else 0

    @locked
    def storing(self, site: str, url: str, run: int, chains: Mapping[str, int] | None = None) -> None:
        """Note that the page store has ``url`` (commits): if the process ends before :meth:`page_done`,
        the next :meth:`begin_run` counts it as failed once."""
        with self.transaction():
            self._insert(site, [url], run, chains)
            self.db.execute("UPDATE pages SET storing = 1 WHERE url = ?", (url,))

    @locked
    def page_done(self, site: str, url: str, run: int, fetched: Fetched, links: Iterable[str] = (),
                  chains: Mapping[str, int] | None = None) -> int:
        """Record a page's outcome and the links found on it, in one commit; returns how many links were new.

        ``chains`` gives the trap chain of the page and of its links, for the URLs new to the store (default 0).
        """
        with self.transaction():
            self._insert(site, [url], run, chains)
            self.db.execute(
                "UPDATE pages SET fetched_run = :run, fetched_at = :at, outcome = :outcome, http_status = :status,"
                " error = :error, storing = 0, failures = CASE WHEN :outcome = 'failed' THEN failures + 1 ELSE 0 END,"
                " failed_run = CASE WHEN :outcome = 'failed' THEN :run ELSE failed_run END WHERE url = :url",
                {"run": run, "at": now(), "outcome": fetched.outcome, "status": fetched.http_status,
                 "error": fetched.error, "url": url},
            )
            if fetched.validators is not None:
                v = fetched.validators
                self.db.execute(
                    "UPDATE pages SET etag = ?, last_modified = ?, content_hash = ? WHERE url = ?",
                    (v.etag, v.last_modified, v.content_hash, url),
                )
            return self._insert(site, links, run, chains)

    @locked
    def robots_copy(self, origin: str) -> tuple[Validators, str] | None:
        """The validators and text of the robots.txt last fetched from ``origin``."""
        row = self.db.execute("SELECT etag, last_modified, body FROM robots WHERE origin = ?", (origin,)).fetchone()
        return (Validators(row[0], row[1], None), row[2]) if row else None

    @locked
    def save_robots(self, origin: str, validators: Validators, body: str) -> None:
        """Keep a fetched robots.txt (commits)."""
        with self.transaction():
            self.db.execute(
                "INSERT OR REPLACE INTO robots (origin, etag, last_modified, body) VALUES (?, ?, ?, ?)",
                (origin, validators.etag, validators.last_modified, body),
            )

    @locked
    def outcomes(self, run: int) -> dict[str, int]:
        """How many pages had each outcome in ``run``."""
        rows = self.db.execute("SELECT outcome, COUNT(*) FROM pages WHERE fetched_run = ? GROUP BY outcome", (run,))
        return dict(rows.fetchall())

    @locked
    def close(self) -> None:
        """Close the database."""
        self.db.close()

    def _insert(self, site: str, urls: Iterable[str], run: int, chains: Mapping[str, int] | None = None) -> int:
        """Insert unknown URLs (no commit), with their chains; returns how many were new."""
        chains = chains or {}
        before = self.db.total_changes
        self.db.executemany(
            "INSERT OR IGNORE INTO pages (url, site, first_seen_run, chain) VALUES (?, ?, ?, ?)",
            ((url, site, run, chains.get(url, 0)) for url in urls),
        )
        return self.db.total_changes - before
