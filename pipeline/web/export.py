"""The export of a search's results, all of them, in the order of the page: CSV (UTF-8 with a byte-order
mark, so that spreadsheets read Vietnamese text right) or a JSON array, streamed in batches."""
from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from pathlib import Path

from starlette.concurrency import iterate_in_threadpool
from starlette.exceptions import HTTPException
from starlette.responses import Response, StreamingResponse

from pipeline import archive
from pipeline.archive.browse import Filters, each_result
from pipeline.web.results import export_filters

COLUMNS = ["id", "meeting_date", "meeting_type", "province", "cluster", "cluster_name", "title", "published_date",
           "url", "page"]
MEDIA = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
ROWS_PER_CHUNK = 200


def rows(data_dir: Path, filters: Filters, sort: str) -> Iterator[dict]:
    """The export's rows: each result's columns, ``page`` its page in this archive."""
    for result in each_result(data_dir, filters, sort):
        yield {**{key: result.get(key) for key in COLUMNS}, "page": f"/meeting/{result['id']}"}


def csv_chunks(found: Iterator[dict]) -> Iterator[bytes]:
    """The CSV text in chunks: the byte-order mark and header first."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    yield "\ufeff".encode() + buffer.getvalue().encode()
    while True:
        buffer.seek(0)
        buffer.truncate()
        batch = [row for _, row in zip(range(ROWS_PER_CHUNK), found)]
        writer.writerows(batch)
        if buffer.getvalue():
            yield buffer.getvalue().encode()
        if len(batch) < ROWS_PER_CHUNK:
            return


def json_chunks(found: Iterator[dict]) -> Iterator[bytes]:
    """A JSON array of the rows in chunks."""
    yield b"["
    for i, row in enumerate(found):
        yield (("," if i else "") + json.dumps(row, ensure_ascii=False, default=str)).encode()
    yield b"]"


def response(data_dir: Path, params: dict[str, str], fmt: str) -> Response:
    """The streamed export of the search ``params`` describe; a bad filter is a 400 before anything is sent."""
    if fmt not in MEDIA:
        raise HTTPException(404)
    filters, sort = export_filters(params)
    found = rows(data_dir, filters, sort)
    try:
        first = next(found, None)
    except archive.BadQuery:
        raise HTTPException(400) from None
    except archive.NoArchive:
        raise HTTPException(404) from None
    chunks = (csv_chunks if fmt == "csv" else json_chunks)(chain(first, found))
    disposition = f'attachment; filename="hoi-nghi.{fmt}"'
    return StreamingResponse(iterate_in_threadpool(chunks), media_type=MEDIA[fmt],
                             headers={"Content-Disposition": disposition})


def chain(first: dict | None, rest: Iterator[dict]) -> Iterator[dict]:
    """``first`` (when there is one) then ``rest``."""
    if first is not None:
        yield first
        yield from rest
