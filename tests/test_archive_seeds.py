"""The issue's queries over the real seed articles in ../shared (hand-checked records, texts as scraped)."""
from __future__ import annotations

import pytest

from data_sources import SEED_DIR, SEED_GOLD, needs_shared, read_jsonl
from pipeline import archive

pytestmark = needs_shared


@pytest.fixture(scope="module")
def seed_archive(tmp_path_factory):
    data_dir = tmp_path_factory.mktemp("seeds")
    records = [{**record, "text": (SEED_DIR / record["source"]).read_text(encoding="utf-8")}
               for record in read_jsonl(SEED_GOLD)]
    archive.index_records(data_dir, records)
    return data_dir


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("dang thi phuong hoa", "004_"),
        ("Đặng Thị Phương Hoa", "004_"),
        ("cum thi dua so 6 lang chanh", "001_"),
        ("hoang le thai", "000_"),
        ("cụm thi đua số 3 công đoàn ngành", "002_"),
        ("hoi truong thanh uy", "003_"),
    ],
)
def test_right_article_comes_first(seed_archive, query, expected) -> None:
    results = archive.search(seed_archive, query)
    assert results and results[0]["source"].startswith(expected)


@pytest.mark.parametrize("query", ["Nguyễn Văn Khoa", "tran quoc tuan", "Lò Thị Mỷ"])
def test_names_that_appear_nowhere_find_nothing(seed_archive, query) -> None:
    assert archive.search(seed_archive, query) == []
