"""Raw pages kept as WARC files (the web archives' format), so any page can be re-extracted later.

Each crawl run appends to its own gzipped WARC file; every record is flushed as soon as
it is written, so a killed run leaves whole records behind (at most a torn last one,
which :func:`iter_warc_pages` skips).
"""
from __future__ import annotations

import logging
import os
import zlib
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed
from warcio.limitreader import LimitReader
from warcio.recordloader import ArcWarcRecord
from warcio.statusandheaders import StatusAndHeaders, StatusAndHeadersParser, StatusAndHeadersParserException
from warcio.warcwriter import WARCWriter

from scrapers.fetch import is_html

log = logging.getLogger(__name__)

#: Headers that describe the transfer, not the stored body: the body is kept decoded, so they would lie.
TRANSFER_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}
#: Largest page body read from a record (decompressed); a bigger one is skipped, unread.
MAX_RECORD_BYTES = 8 * 1024 * 1024
#: Largest HTTP header block read from a record.
MAX_HEADER_BYTES = 64 * 1024
_HTTP = StatusAndHeadersParser(["HTTP/1.0", "HTTP/1.1"], verify=False)


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
        record = self._writer.create_warc_record(url, "response", payload=BytesIO(body), length=len(body),
                                                 http_headers=http_headers)
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


@dataclass(frozen=True)
class WarcPage:
    """An HTML page kept in a WARC file: its target URI, body, HTTP headers and the record's byte offset."""

    url: str
    body: bytes
    headers: dict[str, str]
    offset: int


def iter_warc_pages(path: str | Path, on_error: Callable[[int, str], None] | None = None) -> Iterator[WarcPage]:
    """Yield every HTML page of a WARC file (sitemaps, feeds and other responses are skipped).

    Limits hold while reading: HTTP headers over :data:`MAX_HEADER_BYTES` or a body over
    :data:`MAX_RECORD_BYTES` (decompressed) are not read further, and the record is skipped. Such a
    record, a response record without a ``WARC-Target-URI``, and a torn record or cut-off bytes at the
    end (a crawl killed mid-write, a copy cut short) are passed to ``on_error`` (the byte offset and
    why; default: a logged warning). A file that holds no record, or whose first record cannot be
    read, is not a WARC file and raises :class:`OSError`.
    """
    report = on_error or (lambda offset, reason: log.warning("%s: record at byte %d: %s", path, offset, reason))
    torn = "torn record at the end of the archive (a crawl killed while writing, or a cut copy?), skipped"
    read_any, last, reported = False, 0, None
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream, no_record_parse=True)  # HTTP headers parsed below, within limits
        try:
            for record in records:
                read_any = True
                if record.rec_type != "response":
                    last = records.get_record_offset()
                    continue
                page, problem = _read_response(record)
                last = offset = records.get_record_offset()  # known once the record is read
                if problem:
                    report(offset, problem)
                    reported = offset
                elif page is _TORN:
                    report(offset, torn)
                    return
                elif page is not None:
                    yield WarcPage(*page, offset=offset)
        except (ArchiveLoadFailed, EOFError, OSError, ValueError) as exc:
            if not read_any:
                raise OSError(f"not a WARC file ({str(exc).splitlines()[0] if str(exc) else type(exc).__name__})") from exc
            report(records.offset, f"{torn} ({str(exc).splitlines()[0][:80] if str(exc) else type(exc).__name__})")
            return
        left = os.fstat(stream.fileno()).st_size - records.offset
        if read_any and left > 0:
            report(records.offset, f"{torn} ({left} bytes that hold no whole record)")
        elif read_any and last != reported and _gzip_member_cut(stream, last):
            report(last, torn)
    if not read_any:
        raise OSError("not a WARC file (no records in it)")


def _gzip_member_cut(stream: BinaryIO, offset: int) -> bool:
    """The gzip member (one record of a ``.warc.gz``) at ``offset`` is cut short by the end of the file.

    At most a few times :data:`MAX_RECORD_BYTES` are unzipped to tell; a longer member counts as whole.
    """
    stream.seek(offset)
    if stream.read(2) != b"\x1f\x8b":
        return False
    stream.seek(offset)
    unzipper, budget = zlib.decompressobj(wbits=31), 2 * (MAX_RECORD_BYTES + MAX_HEADER_BYTES)
    while not unzipper.eof and budget > 0:
        data = unzipper.unconsumed_tail or stream.read(64 * 1024)
        if not data:
            return True
        try:
            budget -= len(unzipper.decompress(data, 1024 * 1024))
        except zlib.error:
            return True
    return False


_TORN = ("", b"", {})


def _read_response(record: ArcWarcRecord) -> tuple[tuple[str, bytes, dict[str, str]] | None, str | None]:
    """``((url, body, headers), None)`` for an HTML page, ``(None, None)`` for any other response,
    ``(None, reason)`` for a record to report, or ``(_TORN, None)`` for a body cut short."""
    url = record.rec_headers.get_header("WARC-Target-URI")
    if not url or not url.startswith(("http:", "https:")):
        return None, "response record without an http(s) WARC-Target-URI, skipped"
    try:
        record.http_headers = _HTTP.parse(LimitReader(record.raw_stream, MAX_HEADER_BYTES))
    except (StatusAndHeadersParserException, EOFError, ValueError) as exc:
        return None, f"unreadable HTTP headers of {url} ({str(exc).splitlines()[0][:80] if str(exc) else 'empty'}), skipped"
    headers = record.http_headers
    body = record.content_stream().read(MAX_RECORD_BYTES + 1)
    if len(body) > MAX_RECORD_BYTES:
        return None, f"{url}: page larger than {MAX_RECORD_BYTES // 1_000_000} MB, skipped"
    declared = headers.get_header("Content-Length", "")
    encoded = headers.get_header("Content-Encoding") or headers.get_header("Transfer-Encoding")
    if not encoded and declared.isdigit() and int(declared) != len(body):
        return _TORN, None
    if body and is_html(headers.get_header("Content-Type", ""), body):
        return (url, body, dict(headers.headers)), None
    return None, None
