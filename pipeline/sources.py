"""Every input a command accepts, read into articles that know where they came from.

Files (``.txt``, ``.html``/``.htm``), folders of them, web archives (``.warc``, ``.warc.gz``) and pages a
crawl fetched all come out of here as :class:`Input` items, in a stable order. Whatever one input
raises, it is reported as one line naming it (:func:`error_line`) and the others are still read:
``extract``, ``ingest`` and ``crawl`` share this vocabulary.
"""
from __future__ import annotations

import os
import stat
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from scrapers.article import Article, NotAnArticle
from scrapers.fetch import first_line
from scrapers.reading import ARTICLE_SUFFIXES, read_file, read_html
from scrapers.warc import WarcPage, iter_warc_pages

if TYPE_CHECKING:
    from scrapers.store_queue import ArticlePage

WARC_SUFFIXES = (".warc", ".warc.gz")
#: Where each failing input is reported: one line, naming it.
OnError = Callable[[str], None]


@dataclass(frozen=True)
class Origin:
    """Where an article came from: a file, a record of a WARC file, or a crawled URL."""

    path: Path | None = None
    url: str | None = None
    offset: int | None = None

    def __str__(self) -> str:
        if self.path is not None and self.offset is not None:
            return f"{self.path} (record at byte {self.offset}{', ' + self.url if self.url else ''})"
        return str(self.path) if self.path is not None else str(self.url)


@dataclass(frozen=True)
class Input:
    """One article read from a source, with its origin."""

    origin: Origin
    article: Article


def error_line(origin: Origin | Path | str, reason: str) -> str:
    """The one-line message for an input that failed."""
    return f"unionnews: {origin}: {reason}"


def describe(exc: BaseException) -> str:
    """A one-line description of why reading an input failed."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    if isinstance(exc, (NotAnArticle, OSError)):
        return first_line(exc) if str(exc) else type(exc).__name__
    return f"cannot be read ({type(exc).__name__}: {first_line(exc)})"


def is_warc(path: Path) -> bool:
    """Whether ``path`` names a web archive file."""
    return path.name.lower().endswith(WARC_SUFFIXES)


def is_input_file(path: Path) -> bool:
    """Whether a file found in a folder is one this module reads."""
    return path.suffix.lower() in ARTICLE_SUFFIXES or is_warc(path)


def articles(paths: Iterable[Path], on_error: OnError) -> Iterator[Input]:
    """Every article in the files, folders and WARC archives named, in a stable order."""
    for file in input_files(paths, on_error):
        yield from file_articles(file, on_error)


def input_files(paths: Iterable[Path], on_error: OnError) -> Iterator[Path]:
    """The files named and the input files in the folders named, in a stable order (not yet read)."""
    for path in map(Path, paths):
        if path.is_dir():
            files = list(folder_files(path, on_error))
            if not files:
                on_error(error_line(path, "no article files (.txt, .html, .htm, .warc, .warc.gz) in this folder"))
            yield from files
        else:
            yield path


def folder_files(folder: Path, on_error: OnError) -> Iterator[Path]:
    """The input files under ``folder``, sorted; an unreadable subfolder is reported, not skipped silently."""
    found = []

    def unreadable(exc: OSError) -> None:
        on_error(error_line(exc.filename or folder, f"folder cannot be read ({describe(exc)})"))

    for root, dirs, files in os.walk(folder, onerror=unreadable):
        dirs.sort()
        found += [Path(root) / name for name in files if is_input_file(Path(name))]
    yield from sorted(found)


def file_articles(path: Path, on_error: OnError) -> Iterator[Input]:
    """The article of one file, or the articles of one WARC file."""
    try:
        mode = path.stat().st_mode
        if not stat.S_ISREG(mode):
            raise NotAnArticle("not a regular file")
        if is_warc(path):
            yield from _warc_articles(path, on_error)
            return
        article = read_file(path)
    except Exception as exc:  # one bad input must not stop the others
        on_error(error_line(path, describe(exc)))
        return
    yield Input(Origin(path=path), article)


def _warc_articles(path: Path, on_error: OnError) -> Iterator[Input]:
    """The articles among the HTML pages of a WARC file; pages that hold no article are skipped quietly."""
    try:
        for page in iter_warc_pages(path, on_error=lambda offset, reason: on_error(
                error_line(Origin(path=path, offset=offset), reason))):
            item = _warc_article(path, page, on_error)
            if item is not None:
                yield item
    except OSError as exc:
        on_error(error_line(path, exc.strerror or describe(exc)))


def _warc_article(path: Path, page: WarcPage, on_error: OnError) -> Input | None:
    """One WARC page read as an article (None when it holds none, or fails: reported)."""
    origin = Origin(path=path, url=page.url, offset=page.offset)
    try:
        return Input(origin, read_html(page.body, source=page.url, url=page.url))
    except NotAnArticle:
        return None
    except Exception as exc:  # a hostile page must not stop the archive
        on_error(error_line(origin, describe(exc)))
        return None


def crawled_article(page: ArticlePage) -> Input:
    """The article of a crawled page; raises :class:`NotAnArticle` for a listing or other non-article page."""
    article = read_html(page.html, source=page.url, url=page.url, body_selector=page.body_selector)
    return Input(Origin(url=page.url), article)
