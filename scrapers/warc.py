"""Raw pages kept as WARC files (the web archives' format), so any page can be re-extracted later.

Each crawl run appends to its own gzipped WARC file; every record is flushed as soon as
it is written, so a killed run leaves whole records behind (at most a torn last one,
which :func:`iter_warc_pages` skips).
"""
from __future__ import annotations

import logging
from collections.abc import Iterator, Mapping
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from scrapers.fetch import is_html

log = logging.getLogger(__name__)

#: Headers that describe the transfer, not the stored body: the body is kept decoded, so they would lie.
TRANSFER_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


class WarcArchive:
    """Appends ``response`` records to one ``.warc.gz`` file; use as a context manager."""

    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._file: BinaryIO = open(self.path, "ab")
        self._writer = WARCWriter(self._file, gzip=True)

    def write_response(self, url: str, status: int, reason: str, headers: Mapping[str, str], body: bytes) -> None:
        """Store one HTTP response (decoded body) and flush it to disk."""
        kept = [(k, v) for k, v in headers.items() if k.lower() not in TRANSFER_HEADERS]
        kept.append(("Content-Length", str(len(body))))
        http_headers = StatusAndHeaders(f"{status} {reason or 'OK'}", kept, protocol="HTTP/1.1")
        record = self._writer.create_warc_record(url, "response", payload=BytesIO(body), http_headers=http_headers)
        self._writer.write_record(record)
        self._file.flush()

    def close(self) -> None:
        """Close the file (and remove it if nothing was written)."""
        self._file.close()
        if self.path.stat().st_size == 0:
            self.path.unlink()

    def __enter__(self) -> WarcArchive:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def iter_warc_pages(path: str | Path) -> Iterator[tuple[str, bytes, dict[str, str]]]:
    """Yield ``(url, html_bytes, http_headers)`` for every HTML page in a WARC file (sitemaps, feeds
    and other responses are skipped).

    A torn record at the end (a crawl killed mid-write) ends the iteration with a warning; a file whose
    first record cannot be read is not a WARC file and raises :class:`OSError`.
    """
    read_any = False
    with open(path, "rb") as stream:
        try:
            for record in ArchiveIterator(stream):
                read_any = True
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                body = record.content_stream().read()
                url = record.rec_headers.get_header("WARC-Target-URI")
                declared = record.http_headers.get_header("Content-Length", "")
                if declared.isdigit() and int(declared) != len(body):
                    log.warning("%s: torn record of %s at the end of the archive skipped", path, url)
                    return
                if body and is_html(record.http_headers.get_header("Content-Type", ""), body):
                    yield url, body, dict(record.http_headers.headers)
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            if not read_any:
                raise OSError(f"not a WARC file ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from exc
            log.warning("%s: torn record at the end of the archive skipped (%s)", path, exc)

