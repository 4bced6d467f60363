"""Part files: the rows one task of a job extracted, staged until the job commits them.

A part is one Parquet file of ``records`` rows (:data:`pipeline.tables.RECORDS_SCHEMA`), with the
error lines of its inputs in the file's metadata, so a task that is found done when a job is run
again (a part of that name exists) is not run again and still reports its failures. Parts are written
to a temporary name and moved into place, so a part that exists is whole.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from pipeline.tables import RECORDS_SCHEMA

ERRORS_KEY = b"unionnews.errors"


def write_part(path: Path, rows: list[dict[str, Any]], errors: list[str]) -> Path:
    """Write ``rows`` and ``errors`` as the part file ``path``, atomically; returns ``path``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pylist(rows, schema=RECORDS_SCHEMA).replace_schema_metadata(
        {ERRORS_KEY: json.dumps(errors, ensure_ascii=False).encode()})
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        pq.write_table(table, temp, compression="zstd")
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return path


def part_errors(path: Path) -> list[str]:
    """The error lines stored with a part file."""
    metadata = pq.read_schema(path).metadata or {}
    return json.loads(metadata.get(ERRORS_KEY, b"[]"))


def read_parts(paths: Iterable[Path], columns: list[str] | None = None) -> pa.Table:
    """The rows of the part files (only ``columns`` when given), in the order given."""
    schema = RECORDS_SCHEMA if columns is None else pa.schema([RECORDS_SCHEMA.field(name) for name in columns])
    tables = [pq.read_table(path, columns=columns, schema=schema) for path in paths]
    return pa.concat_tables(tables) if tables else schema.empty_table()


def part_rows(paths: list[Path], positions: pa.Array) -> pa.RecordBatchReader:
    """The rows at ``positions`` (indices into the rows of all ``paths`` one after another), read one part at
    a time, so that no more than one part is held in memory."""
    import pyarrow.compute as pc

    def batches() -> Iterator[pa.RecordBatch]:
        start = 0
        for path in paths:
            rows = pq.read_metadata(path).num_rows
            wanted = pc.subtract(positions.filter(pc.and_(pc.greater_equal(positions, start),
                                                          pc.less(positions, start + rows))), start)
            if len(wanted):
                yield from pq.read_table(path, schema=RECORDS_SCHEMA).take(wanted).to_batches()
            start += rows

    return pa.RecordBatchReader.from_batches(RECORDS_SCHEMA, batches())
