"""Inputs named by fsspec URLs (``file://``, ``s3://``, ``gs://``, ``memory://``…), for the ingest job.

A URL names one input file or a folder of them (every input file below it, sorted, as the local
reader finds them in a local folder). A worker hashes a URL's bytes as it streams them, and reads one
by copying it to a local temporary file of the same name and reading that with the local readers
(:func:`pipeline.sources.file_articles`), so a WARC file is never held in memory whole; error lines
name the URL. ``memory://`` is the memory of one process: it is seen by workers only with
``--workers 1``.
"""
from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from collections.abc import Iterable, Iterator
from pathlib import Path, PurePosixPath

from pipeline.sources import Input, OnError, describe, error_line, file_articles, input_files, is_input_file

URL = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*://")


def is_url(name: object) -> bool:
    """Whether ``name`` is an fsspec URL rather than a local path."""
    return isinstance(name, str) and URL.match(name) is not None


def job_inputs(names: Iterable[Path | str], on_error: OnError) -> Iterator[Path | str]:
    """The input files of local paths and URLs, in the order named (a URL folder's files sorted)."""
    for name in names:
        if is_url(name):
            yield from url_files(str(name), on_error)
        else:
            yield from input_files([Path(name)], on_error)


def url_files(url: str, on_error: OnError) -> list[str]:
    """The URL itself when it names a file, else the URLs of the input files below it."""
    import fsspec

    try:
        fs, root = fsspec.core.url_to_fs(url)
        if not fs.isdir(root):
            return [url]
        found = sorted(fs.unstrip_protocol(name) for name in fs.find(root) if is_input_file(Path(name)))
    except Exception as exc:  # an unknown protocol, a missing bucket: one line, as for a local path
        on_error(error_line(url, describe(exc)))
        return []
    if not found:
        on_error(error_line(url, "no article files (.txt, .html, .htm, .warc, .warc.gz) in this folder"))
    return found


def url_hash(url: str, version: str) -> str | None:
    """The hash of the bytes at ``url`` and the extractor version; ``None`` when it cannot be read."""
    import fsspec

    try:
        with fsspec.open(url, "rb") as stream:
            digest = hashlib.file_digest(stream, "sha1")
    except Exception:
        return None
    digest.update(version.encode())
    return digest.hexdigest()


def url_articles(url: str, on_error: OnError) -> Iterator[Input]:
    """The articles of the file at ``url`` (an article file or a WARC file)."""
    import fsspec

    with tempfile.TemporaryDirectory(prefix="unionnews-url-") as folder:
        local = Path(folder) / PurePosixPath(url.split("://", 1)[1]).name
        try:
            with fsspec.open(url, "rb") as source, open(local, "wb") as target:
                shutil.copyfileobj(source, target, 1 << 20)
        except Exception as exc:
            on_error(error_line(url, describe(exc)))
            return
        yield from file_articles(local, lambda line: on_error(line.replace(str(local), url)))
