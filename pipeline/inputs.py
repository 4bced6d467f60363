"""Walk the paths a user names and read each article file, reporting the bad ones."""
from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from scrapers.article import Article, NotAnArticle
from scrapers.reading import ARTICLE_SUFFIXES, read_file


def article_files(paths: Iterable[Path]) -> Iterator[Path]:
    """The files named, and the article files inside the folders named, in a stable order."""
    for path in paths:
        if path.is_dir():
            yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in ARTICLE_SUFFIXES)
        else:
            yield path


def read_articles(paths: Iterable[Path], on_error: Callable[[str], None]) -> Iterator[Article | None]:
    """Read each article file; a bad one yields ``None`` after ``on_error`` gets a one-line message."""
    for path in article_files(paths):
        try:
            yield read_file(path)
        except (OSError, NotAnArticle) as exc:
            on_error(f"unionnews: {path}: {describe(exc)}")
            yield None


def describe(exc: BaseException) -> str:
    """A one-line description of a read error."""
    if isinstance(exc, FileNotFoundError):
        return "no such file"
    if isinstance(exc, IsADirectoryError):
        return "is a folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__
