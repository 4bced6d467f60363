"""Save records into the Parquet tables of a data folder, replacing earlier versions of the same article.

Layout: ``<data>/<table>/province=<p>/year=<y>/data.parquet``, one file per
table and partition. Records are taken a chunk at a time; the rows of changed
articles wait as compact Arrow tables until about ``FLUSH_BYTES`` have gathered,
then every partition they touch (an article's new partition and any partition
it used to live in) is rewritten once: old rows of those articles dropped, new
rows appended, the file written to a temporary name and moved into place with
``os.replace``. Readers therefore always see a complete file, old or new. A
crash loses at most the rows not yet flushed, which the next run redoes: the
``articles`` table is written last, so it still shows their old version.
"""
from __future__ import annotations

import fcntl
import itertools
import os
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.archive import index_records
from pipeline.names import DATA_FILE, TABLE_NAMES, article_id
from pipeline.tables import SCHEMAS, partition_of, record_hash, record_rows, to_table
#: Records taken from the input at a time (classified, queued and sent to the archive together).
CHUNK_SIZE = 250
#: Queued Arrow bytes that trigger a write: bounds memory, whatever the input size.
FLUSH_BYTES = 48 * 1024 * 1024
#: Rows of a stored file read at a time when it is rewritten.
STREAM_ROWS = 4096
#: The column that tags queued rows with their partition folder.
PARTITION = "_partition"

#: article id → (record hashes stored, partitions holding it); two entries only after a crash.
Catalog = dict[str, tuple[set[str], set[str]]]


def partition_dir(record: dict[str, Any]) -> str:
    """The hive partition folder of a record, relative to a table folder."""
    province, year = partition_of(record)
    return f"province={province}/year={year}"


def save_records(data_dir: Path, records: Iterable[dict[str, Any]]) -> dict[str, int]:
    """Store records in the tables under ``data_dir`` and the search archive, streaming them in chunks.

    Returns how many articles were ``new``, ``updated`` (stored before with other
    content) or ``unchanged`` (already stored as is; not rewritten).
    """
    data_dir = Path(data_dir)
    data_dir.mkdir(parents=True, exist_ok=True)
    counts = {"new": 0, "updated": 0, "unchanged": 0}
    with writer_lock(data_dir):
        remove_temp_files(data_dir)
        catalog = load_catalog(data_dir)
        pending = Pending()
        for chunk in batched(records, CHUNK_SIZE):
            changed = changed_records(chunk, catalog, counts)
            if pending.ids & changed.keys():
                pending = flush(data_dir, pending)
            pending.add(changed, catalog)
            if pending.nbytes >= FLUSH_BYTES:
                pending = flush(data_dir, pending)
            index_records(data_dir, chunk)
        flush(data_dir, pending)
    return counts


def changed_records(chunk: list[dict[str, Any]], catalog: Catalog, counts: dict[str, int]) -> dict[str, tuple[dict[str, Any], str]]:
    """The new or changed records of ``chunk`` with their hashes, by article id (a later copy of an id wins).

    Adds one to ``counts[status]`` for each distinct article.
    """
    latest = {article_id(record): record for record in chunk}
    changed = {}
    for aid, record in latest.items():
        digest = record_hash(record)
        status = classify(catalog.get(aid), digest, partition_dir(record))
        counts[status] += 1
        if status != "unchanged":
            changed[aid] = (record, digest)
    return changed


def classify(stored: tuple[set[str], set[str]] | None, digest: str, partition: str) -> str:
    """``new``, ``updated`` or ``unchanged`` for a record, given what the catalog holds for its id."""
    if stored is None:
        return "new"
    hashes, partitions = stored
    return "unchanged" if hashes == {digest} and partitions == {partition} else "updated"


@dataclass
class Pending:
    """Rows of changed articles waiting to be written, one Arrow table per table and chunk."""

    tables: dict[str, list[pa.Table]] = field(default_factory=lambda: {name: [] for name in TABLE_NAMES})
    ids: set[str] = field(default_factory=set)
    touched: set[str] = field(default_factory=set)
    nbytes: int = 0

    def add(self, changed: dict[str, tuple[dict[str, Any], str]], catalog: Catalog) -> None:
        """Queue the rows of ``changed`` articles, noting every partition they are in or leave; update the catalog."""
        if not changed:
            return
        rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLE_NAMES}
        for aid, (record, digest) in changed.items():
            partition = partition_dir(record)
            self.touched |= catalog.get(aid, (set(), set()))[1] | {partition}
            catalog[aid] = ({digest}, {partition})
            for name, table_rows in record_rows(record, aid, digest).items():
                rows[name].extend({**row, PARTITION: partition} for row in table_rows)
        self.ids |= changed.keys()
        for name, table_rows in rows.items():
            table = pa.Table.from_pylist(table_rows, schema=SCHEMAS[name].append(pa.field(PARTITION, pa.string())))
            self.tables[name].append(table)
            self.nbytes += table.nbytes


def flush(data_dir: Path, pending: Pending) -> Pending:
    """Rewrite every partition the pending rows touch, children tables first; returns an empty queue."""
    for name in TABLE_NAMES:
        queued = pa.concat_tables(pending.tables[name]) if pending.tables[name] else None
        for partition in sorted(pending.touched):
            rows = to_table(name, [])
            if queued is not None:
                rows = queued.filter(pc.equal(queued[PARTITION], partition)).drop_columns([PARTITION])
            rewrite_partition(data_dir / name / partition / DATA_FILE, pending.ids, rows)
    pa.default_memory_pool().release_unused()  # Arrow's allocator keeps freed pages unless asked
    return Pending()


def rewrite_partition(path: Path, replaced_ids: set[str], rows: pa.Table) -> None:
    """Atomically replace ``path`` with its rows minus those of ``replaced_ids``, plus ``rows``.

    The old file is streamed a row group at a time, so memory does not grow with the partition.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    temp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    replaced = pa.array(sorted(replaced_ids), type=pa.string())
    try:
        with open(temp, "wb") as out:
            with pq.ParquetWriter(out, rows.schema, compression="zstd") as writer:
                if path.exists():
                    for batch in pq.ParquetFile(path).iter_batches(batch_size=STREAM_ROWS):
                        old = pa.Table.from_batches([batch]).cast(rows.schema)
                        writer.write_table(old.filter(pc.invert(pc.is_in(old["article_id"], value_set=replaced))))
                writer.write_table(rows)
            out.flush()
            os.fsync(out.fileno())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)


def load_catalog(data_dir: Path) -> Catalog:
    """What the ``articles`` table holds: for each article id, its record hashes and partitions."""
    catalog: Catalog = {}
    table_dir = data_dir / "articles"
    for path in sorted(table_dir.glob(f"province=*/year=*/{DATA_FILE}")):
        partition = path.parent.relative_to(table_dir).as_posix()
        columns = pq.read_table(path, columns=["article_id", "record_hash"]).to_pydict()
        for aid, digest in zip(columns["article_id"], columns["record_hash"]):
            hashes, partitions = catalog.setdefault(aid, (set(), set()))
            hashes.add(digest)
            partitions.add(partition)
    return catalog


def remove_temp_files(data_dir: Path) -> None:
    """Delete the temporary files a killed writer left behind (never visible to readers)."""
    for table in TABLE_NAMES:
        for temp in (data_dir / table).glob("*/*/.*.tmp"):
            temp.unlink()


@contextmanager
def writer_lock(data_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the data folder, so that two writers never interleave."""
    with open(data_dir / ".write.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)


def batched(items: Iterable[Any], size: int) -> Iterator[list[Any]]:
    """Consecutive lists of at most ``size`` items."""
    iterator = iter(items)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
