"""The archive's changes of a job, added while its tasks still run and committed after the table's commit.

As each part file of a job arrives, its records whose content the table does not already hold are
added to one open index writer, so the driver indexes while the workers extract, instead of after
them. Nothing is visible until :meth:`PendingIndex.commit`, which the job calls after the table's
commit: the archive is never ahead of the table, and a job stopped before its commit leaves the archive
as it was (tantivy drops what was not committed). An article met again in a later part is indexed
again, so the last copy wins as it does in the table.
"""
from __future__ import annotations

from pathlib import Path

import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

from pipeline.archive.index import add_records, close_writer, index_writer
from pipeline.search_sync import mark_indexed, records_of
from pipeline.store import matching_ids

COLUMNS = ["article_id", "record_hash", "record", "text"]


class PendingIndex:
    """An open archive writer fed with the changed records of a job's parts."""

    def __init__(self, data_dir: Path, catalog: pa.Table) -> None:
        """``catalog``: what the table held when the job began (:func:`pipeline.store.load_catalog`)."""
        self.data_dir = Path(data_dir)
        self.stored = catalog.select(["article_id", "record_hash"])
        self.touched: set[str] = set()
        self.writer = None
        self.committed = False

    def add_part(self, path: Path) -> None:
        """Add the records of the part file ``path`` that change the archive."""
        rows = pq.read_table(path, columns=COLUMNS)
        same = pc.is_in(rows["article_id"], value_set=matching_ids(rows, self.stored, ["article_id", "record_hash"]))
        changed = rows.filter(pa.array([not kept or article in self.touched for kept, article
                                        in zip(same.to_pylist(), rows["article_id"].to_pylist())], pa.bool_()))
        if changed.num_rows:
            self.writer = self.writer or index_writer(self.data_dir)
            add_records(self.writer, records_of(changed.to_batches()))
            self.touched.update(changed["article_id"].to_pylist())

    def commit(self, version: int) -> None:
        """Make what was added visible, and note that the archive shows table ``version``."""
        if self.writer is not None:
            self.writer.commit()
            self.committed = True
        mark_indexed(self.data_dir, version)

    def close(self) -> None:
        """Release the writer (what was not committed is dropped)."""
        if self.writer is not None:
            if not self.committed:
                self.writer.rollback()
            close_writer(self.writer)
            self.writer = None
