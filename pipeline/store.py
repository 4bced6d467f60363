"""The stored table of a data folder: one Delta Lake table, ``records``, committed atomically.

Layout: ``<data>/records/province=<p>/year=<y>/part-….parquet`` (hive-partitioned Parquet, written by
``deltalake``) and ``<data>/records/_delta_log/`` (the commits). One row per article holds its
columns, its child rows as lists and the catalog columns (see :mod:`pipeline.tables`), so an article
and its children change in one commit by construction: a reader, or a crash or ``kill -9`` at any
instant, sees the table of one commit or of the next, never a mix. A job stages its rows in part files
under ``<data>/.staging/`` (:mod:`pipeline.staging`), then :func:`commit` merges them by
``article_id`` in one Delta commit and brings the search archive up to it
(:mod:`pipeline.search_sync`). A lock file keeps two writers from interleaving.
"""
from __future__ import annotations

import fcntl
import shutil
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.compute as pc

from pipeline.delta_table import open_table, table_uri
from pipeline.names import STAGING_DIR
from pipeline.staging import part_rows, read_parts, write_part
from pipeline.tables import PARTITIONS, RECORDS_SCHEMA, stored_row

#: The columns that decide whether a staged row changes the stored one.
KEY_COLUMNS = ["article_id", "record_hash", "input_key", "input_hash"]

Counts = dict[str, int]


def load_catalog(data_dir: Path) -> pa.Table:
    """What the table holds, one row per article: :data:`KEY_COLUMNS` (empty when there is no table)."""
    schema = pa.schema([RECORDS_SCHEMA.field(name) for name in KEY_COLUMNS])
    table = open_table(data_dir)
    if table is None:
        return schema.empty_table()
    return table.to_pyarrow_dataset().to_table(columns=KEY_COLUMNS).cast(schema)


def save_records(data_dir: Path, records: Iterable[dict[str, Any]]) -> Counts:
    """Store records (a later copy of an article wins) in one commit, and index them for search.

    Returns how many articles were ``new``, ``updated`` (stored before with other content) or
    ``unchanged`` (already stored as is; not rewritten).
    """
    data_dir = Path(data_dir)
    with writer_lock(data_dir):
        from pipeline.search_sync import sync_index

        sync_index(data_dir)
        staging = data_dir / STAGING_DIR
        part = write_part(staging / "save_records.parquet", [stored_row(record) for record in records], [])
        return commit(data_dir, [part])


def commit(data_dir: Path, parts: list[Path], unchanged_ids: Iterable[str] = (), index: Any = None) -> Counts:
    """Merge the staged ``parts`` (in order: a later row of an article wins) into the table in one
    commit, index what changed, then clear the staging folder. The caller holds :func:`writer_lock`.

    ``unchanged_ids`` are articles whose inputs were found unchanged before extraction. Only the key
    columns of the parts are held in memory; their rows are streamed into the table part by part. With
    ``index`` (a :class:`pipeline.pending_index.PendingIndex` that was given the same parts as they were
    staged) the archive's changes are already added and are only committed here.
    """
    from pipeline.search_sync import index_changes

    staged = latest_rows(read_parts(parts, KEY_COLUMNS))
    catalog = load_catalog(data_dir)
    ids = staged["article_id"].combine_chunks()
    stored = catalog.filter(pc.is_in(catalog["article_id"], value_set=ids))
    known = pc.is_in(ids, value_set=stored["article_id"])
    same_content = pc.is_in(ids, value_set=matching_ids(staged, stored, ["article_id", "record_hash"]))
    same_row = pc.is_in(ids, value_set=matching_ids(staged, stored, KEY_COLUMNS))
    new, updated = ids.filter(pc.invert(known)), ids.filter(pc.and_(known, pc.invert(same_content)))
    unchanged = set(unchanged_ids) | set(ids.filter(same_content).to_pylist())
    counts = {"new": len(new), "updated": len(updated),
              "unchanged": len(unchanged - set(new.to_pylist()) - set(updated.to_pylist()))}
    written = staged["_order"].combine_chunks().filter(pc.invert(same_row))
    if len(written):
        version = merge(data_dir, part_rows(parts, written))
        if index is None:
            changed = staged["_order"].combine_chunks().filter(pc.invert(same_content))
            index_changes(data_dir, part_rows(parts, changed), version)
        else:
            index.commit(version)
    shutil.rmtree(data_dir / STAGING_DIR, ignore_errors=True)
    return counts


def latest_rows(rows: pa.Table) -> pa.Table:
    """``rows`` with only the last row of each article id, in the order those last rows come, and the
    position of each among ``rows`` as the column ``_order``."""
    order = pa.array(range(rows.num_rows), pa.int64())
    if not rows.num_rows:
        return rows.append_column("_order", order)
    last = pa.table({"article_id": rows["article_id"], "_order": order}).group_by("article_id").aggregate(
        [("_order", "max")])["_order_max"]
    positions = pc.take(last, pc.sort_indices(last))
    return rows.take(positions).append_column("_order", positions)


def matching_ids(staged: pa.Table, stored: pa.Table, columns: list[str]) -> pa.Array:
    """The article ids whose ``columns`` are the same in ``staged`` and ``stored``."""
    def keys(table: pa.Table) -> pa.Table:  # a missing input key or hash is a value like any other here
        return pa.table({name: pc.fill_null(table[name], "") for name in columns})

    return keys(staged).join(keys(stored), keys=columns, join_type="inner")["article_id"].combine_chunks()


def merge(data_dir: Path, rows: pa.RecordBatchReader) -> int:
    """Insert or replace ``rows`` (at most one per article) by ``article_id`` in one commit; returns the
    table's new version."""
    from deltalake import write_deltalake

    table = open_table(data_dir)
    if table is None:
        write_deltalake(table_uri(data_dir), rows, partition_by=PARTITIONS, mode="append")
        return 0
    (table.merge(rows, predicate="t.article_id = s.article_id", source_alias="s", target_alias="t")
     .when_matched_update_all().when_not_matched_insert_all().execute())
    return table.version()


@contextmanager
def writer_lock(data_dir: Path) -> Iterator[None]:
    """Hold an exclusive lock on the data folder, so that two writers never interleave."""
    Path(data_dir).mkdir(parents=True, exist_ok=True)
    with open(Path(data_dir) / ".write.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(lock, fcntl.LOCK_UN)
