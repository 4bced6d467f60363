"""Part files: the rows one task of a job extracted, staged until the job commits them.

A part is one Parquet file of ``records`` rows (:data:`pipeline.tables.RECORDS_SCHEMA`), with the
error lines of its inputs in the file's metadata, so a task that is found done when a job is run
again (a part of that name exists) is not run again and still reports its failures. Parts are written
to a temporary name and moved into place, so a part that exists is whole.
"""
from __future__ import annotations

import json
import os
from collections.abc import Iterable
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


def read_parts(paths: Iterable[Path]) -> pa.Table:
    """The rows of the part files, in the order given."""
    tables = [pq.read_table(path, schema=RECORDS_SCHEMA) for path in paths]
    return pa.concat_tables(tables) if tables else RECORDS_SCHEMA.empty_table()
