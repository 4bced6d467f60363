"""Saving records: stable ids, replacement without duplicates, partitions, one atomic commit per save."""
from __future__ import annotations

import copy

import pyarrow as pa
import pytest

from pipeline import search_sync, staging, store
from pipeline.store import save_records
from pipeline.tables import article_id
from store_checks import expected_counts, snapshot
from table_reads import duckdb_sql, plain_counts
from test_tables import gold_records


def partitions(data, aid: str) -> set[str]:
    """The partitions of the stored table that hold article ``aid``."""
    rows = duckdb_sql(data, f"SELECT DISTINCT province, year FROM records WHERE article_id = '{aid}'")
    return {f"province={p}/year={y}" for p, y in rows}


def test_article_id_is_stable_and_prefers_the_url():
    record = {"source": "a.txt", "url": None}
    assert article_id(record) == article_id(dict(record)) and len(article_id(record)) == 16
    assert article_id({"source": "a.txt", "url": "https://x.vn/1"}) == article_id({"source": "b", "url": "https://x.vn/1"})
    assert article_id({"source": "a.txt", "url": None}) != article_id({"source": "b.txt", "url": None})


def test_saving_twice_keeps_one_copy_and_writes_nothing_the_second_time(tmp_path):
    records = gold_records()
    assert save_records(tmp_path, records) == {"new": len(records), "updated": 0, "unchanged": 0}
    first = plain_counts(tmp_path)
    assert first == expected_counts(records)
    version = store.open_table(tmp_path).version()
    assert save_records(tmp_path, records) == {"new": 0, "updated": 0, "unchanged": len(records)}
    assert plain_counts(tmp_path) == first and store.open_table(tmp_path).version() == version


def test_a_changed_article_replaces_its_rows_and_leaves_its_old_partition(tmp_path):
    records = gold_records()
    save_records(tmp_path, records)
    changed = copy.deepcopy(records[0])
    old_partitions = partitions(tmp_path, article_id(changed))
    changed["province"], changed["meeting"]["date"] = "Nghệ An", "2019-03-04"
    changed["officials"] = changed["officials"][:1]
    assert save_records(tmp_path, [changed]) == {"new": 0, "updated": 1, "unchanged": 0}
    assert partitions(tmp_path, article_id(changed)) == {"province=Nghệ An/year=2019"} != old_partitions
    assert plain_counts(tmp_path) == expected_counts([changed, *records[1:]])


def test_the_same_article_twice_in_one_batch_is_stored_once_the_later_copy(tmp_path):
    records = gold_records()
    newer = copy.deepcopy(records[1])
    newer["title"] = "Bản sửa"
    assert save_records(tmp_path, [records[1], records[0], newer]) == {"new": 2, "updated": 0, "unchanged": 0}
    assert duckdb_sql(tmp_path, f"SELECT title FROM records WHERE article_id = '{article_id(newer)}'") == [("Bản sửa",)]
    assert plain_counts(tmp_path) == expected_counts([records[0], newer])


def test_one_save_is_one_commit_with_one_file_per_partition(tmp_path):
    records = gold_records()
    save_records(tmp_path, records)
    table = store.open_table(tmp_path)
    assert table.version() == 0
    actions = pa.table(table.get_add_actions(flatten=True))
    written = set(zip(actions["partition.province"].to_pylist(), actions["partition.year"].to_pylist()))
    assert len(table.file_uris()) == len(written) == len(partitions(tmp_path, "") | {
        f"province={p}/year={y}" for p, y in duckdb_sql(tmp_path, "SELECT DISTINCT province, year FROM records")})


class Crash(Exception):
    """Stands for the process dying at that step."""


def crash(*args, **kwargs):
    raise Crash("injected")


#: Every write step of a save, and how to make it fail: before the table commit, the table stays as it
#: was; after it, the search archive is behind and the next writer brings it up.
WRITE_STEPS = {
    "staging a part": (staging.pq, "write_table"),
    "moving a part into place": (staging.os, "replace"),
    "the table commit": (store, "merge"),
    "indexing for search": (search_sync, "index_records"),
    "noting the indexed version": (search_sync, "mark_indexed"),
    "clearing the staged parts": (store.shutil, "rmtree"),
}


@pytest.mark.parametrize("step", WRITE_STEPS)
def test_a_crash_in_any_write_step_then_a_rerun_gives_the_rows_of_a_clean_run(tmp_path, monkeypatch, step):
    records = gold_records()
    edited = [copy.deepcopy(r) | {"title": f"sửa {i}"} for i, r in enumerate(records)]
    edited[0]["officials"], edited[1]["province"] = edited[0]["officials"][:1], "Nghệ An"
    clean = tmp_path / "clean"
    save_records(clean, records[:3])
    save_records(clean, edited)
    data = tmp_path / "crashed"
    save_records(data, records[:3])
    before = snapshot(data)
    with monkeypatch.context() as patch:
        patch.setattr(*WRITE_STEPS[step], crash)
        with pytest.raises(Crash):
            save_records(data, edited)
    if list(WRITE_STEPS).index(step) <= 2:
        assert snapshot(data) == before
    save_records(data, edited)
    assert snapshot(data) == snapshot(clean)
