"""The page store's own thread: batches of article pages are read, extracted and saved while the crawl
goes on fetching.

The crawler hands a batch to :class:`StoreQueue` and keeps fetching; the page store (the caller's
:data:`StorePages`, which may spread its work over processes) runs on threads of its own, one per
batch in hand, so that one batch can be read while the one before it is saved (the page store
keeps its saves apart). At most :data:`MAX_WAITING` batches wait or run at once: handing over one
more first waits for the oldest (memory stays bounded however fast pages come). Batches are taken
back in the order they were handed over. What the store did with each batch comes back to
the crawler's own thread (:meth:`StoreQueue.finished`), which alone writes the crawl state.
"""
from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import Any

from scrapers.fetch import first_line

#: Batches handed to the page store and not yet taken back, at most.
MAX_WAITING = 2


@dataclass(frozen=True)
class ArticlePage:
    """A fetched page that may hold an article: its final URL, decoded HTML and the site's body selector."""

    url: str
    html: str
    body_selector: str | None = None


@dataclass
class StoredPages:
    """What a page store did with a batch: pages that hold no article, pages that failed (URL → reason),
    and how many records were new or updated; every other page of the batch was stored."""

    listings: set[str] = field(default_factory=set)
    failures: dict[str, str] = field(default_factory=dict)
    new: int = 0
    updated: int = 0


#: Reads, extracts and saves a batch of pages (see :class:`StoredPages`).
StorePages = Callable[[list[ArticlePage]], StoredPages]


class StoreQueue:
    """Batches on their way through ``store_pages`` on threads of their own; each carries a ``tag`` that comes
    back with its :class:`StoredPages`. ``store_pages`` may be called for two batches at once."""

    def __init__(self, store_pages: StorePages) -> None:
        self._store_pages = store_pages
        self._pool = ThreadPoolExecutor(MAX_WAITING, thread_name_prefix="store")
        self._jobs: dict[Future, Any] = {}

    def submit(self, pages: list[ArticlePage], tag: Any) -> list[tuple[Any, StoredPages]]:
        """Hand a batch over; returns the batches that had to finish first to make room for it."""
        done = []
        while len(self._jobs) >= MAX_WAITING:
            wait(list(self._jobs), return_when=FIRST_COMPLETED)
            done += self.finished()
        self._jobs[self._pool.submit(self._store, pages)] = tag
        return done

    def futures(self) -> list[Future]:
        """The batches not yet taken back, to wait on beside other work."""
        return list(self._jobs)

    def finished(self) -> list[tuple[Any, StoredPages]]:
        """The batches done since the last call, in the order they were handed over, with what was done."""
        done = []
        for future in list(self._jobs):
            if not future.done():
                break
            done.append((self._jobs.pop(future), future.result()))
        return done

    def drain(self) -> list[tuple[Any, StoredPages]]:
        """Wait for every batch handed over; returns them all."""
        wait(list(self._jobs))
        return self.finished()

    def close(self) -> None:
        """Stop the store's threads once the batches they run are done (batches not started are dropped)."""
        self._pool.shutdown(wait=True, cancel_futures=True)

    def _store(self, pages: list[ArticlePage]) -> StoredPages:
        try:
            return self._store_pages(pages)
        except Exception as exc:  # the store failing must not lose the crawl's state
            return StoredPages(failures={page.url: f"saving the record failed: {first_line(exc)}" for page in pages})
