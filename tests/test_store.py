"""Saving records: stable ids, replacement without duplicates, partitions, atomic writes."""
from __future__ import annotations

import copy
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline import store
from pipeline.store import save_records
from pipeline.tables import TABLE_NAMES, article_id
from test_tables import CHILD_FIELDS, gold_records


def counts(data: Path) -> dict[str, int]:
    """Rows per table, read with plain DuckDB ``read_parquet``."""
    return {table: duckdb.sql(f"SELECT count(*) FROM read_parquet('{data}/{table}/**/*.parquet')").fetchall()[0][0]
            for table in TABLE_NAMES}


def expected_counts(records: list[dict]) -> dict[str, int]:
    """Rows per table that ``records`` should give."""
    return {"articles": len(records), **{table: sum(len(r[field]) for r in records)
                                         for table, field in CHILD_FIELDS.items()}}


def partitions(data: Path, aid: str) -> set[str]:
    """The partition folders of the ``articles`` table that hold article ``aid``."""
    rows = duckdb.sql(f"SELECT DISTINCT province, year FROM read_parquet('{data}/articles/**/*.parquet') "
                      f"WHERE article_id = '{aid}'").fetchall()
    return {f"province={p}/year={y}" for p, y in rows}


def test_article_id_is_stable_and_prefers_the_url():
    record = {"source": "a.txt", "url": None}
    assert article_id(record) == article_id(dict(record)) and len(article_id(record)) == 16
    assert article_id({"source": "a.txt", "url": "https://x.vn/1"}) == article_id({"source": "b", "url": "https://x.vn/1"})
    assert article_id({"source": "a.txt", "url": None}) != article_id({"source": "b.txt", "url": None})


def test_saving_twice_keeps_one_copy_and_reports_unchanged(tmp_path):
    records = gold_records()
    assert save_records(tmp_path, records) == {"new": len(records), "updated": 0, "unchanged": 0}
    first = counts(tmp_path)
    assert first == expected_counts(records)
    assert save_records(tmp_path, records) == {"new": 0, "updated": 0, "unchanged": len(records)}
    assert counts(tmp_path) == first


def test_a_changed_article_replaces_its_rows_and_leaves_its_old_partition(tmp_path):
    records = gold_records()
    save_records(tmp_path, records)
    changed = copy.deepcopy(records[0])
    old_partitions = partitions(tmp_path, article_id(changed))
    changed["province"], changed["meeting"]["date"] = "Nghệ An", "2019-03-04"
    changed["officials"] = changed["officials"][:1]
    assert save_records(tmp_path, [changed]) == {"new": 0, "updated": 1, "unchanged": 0}
    assert partitions(tmp_path, article_id(changed)) == {"province=Nghệ An/year=2019"} != old_partitions
    assert counts(tmp_path) == expected_counts([changed, *records[1:]])


def test_the_same_article_twice_in_one_batch_is_stored_once(tmp_path):
    records = gold_records()
    newer = copy.deepcopy(records[1])
    newer["title"] = "Bản sửa"
    save_records(tmp_path, [records[1], newer])
    titles = duckdb.sql(f"SELECT title FROM read_parquet('{tmp_path}/articles/**/*.parquet')").fetchall()
    assert titles == [("Bản sửa",)]


@pytest.mark.parametrize("flush_bytes, flushes", [(1, 3), (10**9, 1)])
def test_saving_streams_in_chunks_and_writes_when_enough_has_gathered(tmp_path, monkeypatch, flush_bytes, flushes):
    monkeypatch.setattr(store, "CHUNK_SIZE", 2)
    monkeypatch.setattr(store, "FLUSH_BYTES", flush_bytes)
    written = []
    real_flush = store.flush
    monkeypatch.setattr(store, "flush", lambda data, pending: (
        pending.ids and written.append(len(pending.ids)), real_flush(data, pending))[1])
    records = gold_records()
    save_records(tmp_path, iter(records))
    assert len(written) == flushes and sum(written) == len(records)
    assert counts(tmp_path) == expected_counts(records)


def test_an_article_seen_again_before_its_rows_are_written_is_stored_once(tmp_path, monkeypatch):
    monkeypatch.setattr(store, "CHUNK_SIZE", 1)
    records = gold_records()
    newer = copy.deepcopy(records[0]) | {"title": "Bản sửa"}
    assert save_records(tmp_path, [records[0], records[1], newer]) == {"new": 2, "updated": 1, "unchanged": 0}
    assert counts(tmp_path) == expected_counts([newer, records[1]])
    titles = duckdb.sql(f"SELECT title FROM read_parquet('{tmp_path}/articles/**/*.parquet') "
                        f"WHERE article_id = '{article_id(newer)}'").fetchall()
    assert titles == [("Bản sửa",)]


def test_a_crash_mid_write_keeps_every_table_readable_and_the_old_data(tmp_path, monkeypatch):
    records = gold_records()
    save_records(tmp_path, records[:3])
    before = counts(tmp_path)
    calls = []
    real_replace = os.replace

    def crash_on_third_file(src, dst):
        calls.append(dst)
        if len(calls) == 3:
            raise OSError("disk gone")
        real_replace(src, dst)

    monkeypatch.setattr(store.os, "replace", crash_on_third_file)
    edited = [copy.deepcopy(r) | {"title": "sửa"} for r in records]
    with pytest.raises(OSError):
        save_records(tmp_path, edited)
    monkeypatch.setattr(store.os, "replace", real_replace)
    assert counts(tmp_path)["articles"] == before["articles"]  # articles, written last, untouched
    assert not list(tmp_path.rglob("*.tmp"))
    result = save_records(tmp_path, edited)
    assert result == {"new": 2, "updated": 3, "unchanged": 0}
    assert counts(tmp_path) == expected_counts(edited)


KILLED_WRITER = """
import sys
from pathlib import Path
from pipeline import store
from pipeline.store import save_records
store.CHUNK_SIZE, store.FLUSH_BYTES = 5, 1  # write after every chunk: the kill lands mid-write
sys.path.insert(0, "tests")
from test_tables import gold_records
records = gold_records()
def endless():
    n = 0
    while True:
        for record in records:
            n += 1
            yield {**record, "source": f"{n}.txt"}
save_records(Path(sys.argv[1]), endless())
"""


def test_kill_9_during_ingest_leaves_readable_tables(tmp_path):
    root = Path(__file__).resolve().parents[1]
    child = subprocess.Popen([sys.executable, "-c", KILLED_WRITER, str(tmp_path)], cwd=root)
    deadline = time.monotonic() + 60
    while not list(tmp_path.glob("articles/*/*/data.parquet")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(0.3)
    child.send_signal(signal.SIGKILL)
    child.wait()
    files = list(tmp_path.glob("*/*/*/data.parquet"))
    assert files
    for file in files:
        pq.read_table(file)
    ids = duckdb.sql(f"SELECT count(*), count(DISTINCT article_id) FROM read_parquet('{tmp_path}/articles/**/*.parquet')")
    total, distinct = ids.fetchall()[0]
    assert total == distinct > 0
    records = {r["source"]: r for r in gold_records()}
    assert save_records(tmp_path, list(records.values()))["new"] == len(records)
    assert not list(tmp_path.rglob("*.tmp"))
