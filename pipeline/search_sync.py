"""Keep the search archive at the table's latest commit.

The archive is written after the table: a job commits its rows to the ``records`` table, then indexes
the changed records (one tantivy commit), then notes the table version the archive now shows in
``archive/table_version``. A crash between those steps leaves the archive behind the table, never
ahead; the next writer (:func:`sync_index`) first indexes again every row of the files the table
gained since the noted version (the whole table when there is no note), so the archive converges to
the table. Indexing a record again replaces it, so doing it twice is harmless.
"""
from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pyarrow as pa

from pipeline.archive import ARCHIVE_DIR, index_records
from pipeline.archive.index import open_index
from pipeline.delta_table import open_table, table_uri
from pipeline.tables import stored_record

VERSION_FILE = "table_version"
#: Rows read from the table at a time when indexing it again.
BATCH_ROWS = 1000


def indexed_version(data_dir: Path) -> int | None:
    """The table version the archive shows, as noted; ``None`` when there is no note."""
    try:
        return int((Path(data_dir) / ARCHIVE_DIR / VERSION_FILE).read_text())
    except (OSError, ValueError):
        return None


def mark_indexed(data_dir: Path, version: int) -> None:
    """Note, atomically, that the archive shows table version ``version``."""
    path = Path(data_dir) / ARCHIVE_DIR / VERSION_FILE
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{VERSION_FILE}.{os.getpid()}.tmp")
    temp.write_text(str(version))
    os.replace(temp, path)


def index_changes(data_dir: Path, rows: pa.RecordBatchReader, version: int) -> None:
    """Index the records of ``rows`` (just committed as table ``version``), then note the version."""
    index_records(data_dir, records_of(iter(rows)))
    mark_indexed(data_dir, version)


def sync_index(data_dir: Path) -> None:
    """Bring the archive up to the table's latest version, when a crash left it behind.

    Raises :class:`~pipeline.archive.ArchiveError` when the archive cannot be opened, before anything is written.
    """
    if (Path(data_dir) / ARCHIVE_DIR).is_dir():
        open_index(data_dir, create=True)
    table = open_table(data_dir)
    if table is None or indexed_version(data_dir) == table.version():
        return
    files = set(table.file_uris())
    noted = indexed_version(data_dir)
    if noted is not None and noted < table.version():
        from deltalake import DeltaTable

        try:
            files -= set(DeltaTable(table_uri(data_dir), version=noted).file_uris())
        except Exception:  # an old version's log cleaned up: index everything
            pass
    import pyarrow.dataset as ds

    if not files:
        return mark_indexed(data_dir, table.version())
    scanner = ds.dataset(sorted(files), format="parquet").scanner(columns=["record", "text"], batch_size=BATCH_ROWS)
    index_records(data_dir, records_of(scanner.to_batches()))
    mark_indexed(data_dir, table.version())


def records_of(batches: Iterator[pa.RecordBatch]) -> Iterator[dict]:
    """The records of ``records`` rows, batch by batch."""
    for batch in batches:
        for row in batch.select(["record", "text"]).to_pylist():
            yield stored_record(row)
