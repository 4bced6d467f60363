"""Every error a search can give is told to the web user in Vietnamese (vi_words.toml), the value in
question shown back; the command line keeps its English messages."""
from __future__ import annotations

import pytest
from starlette.testclient import TestClient

from pipeline import archive
from pipeline.web.app import make_app
from test_archive_samples import sample_archive  # noqa: F401  (fixture)

CASES = [
    ({"q": "cum", "since": "2022-02-30"}, "Ngày không hợp lệ: 2022-02-30 (cần dạng ngày/tháng/năm, ví dụ 17/05/2024)"),
    ({"q": "cum", "page": "x"}, "Số trang không hợp lệ: x (từ 1 đến 500)"),
    ({"q": "cum", "sort": "ngẫu nhiên"}, "Cách sắp xếp không hợp lệ: ngẫu nhiên"),
    ({"year": "20"}, "Năm không hợp lệ: 20 (cần bốn chữ số, ví dụ 2024)"),
    ({"cluster": "năm"}, "Số cụm không hợp lệ: năm"),
    ({"q": "cum " * 25}, "Từ khóa quá dài: 25 từ (tối đa 24)"),
    ({"q": "c" * 301}, "Từ khóa quá dài: 301 ký tự (tối đa 300)"),
    ({"since": "2024-05-01", "until": "2023-01-01"},
     "Khoảng ngày không hợp lệ: từ ngày 01/05/2024 sau đến ngày 01/01/2023"),
    ({"province": "x" * 101}, "Tên tỉnh / thành quá dài: 101 ký tự (tối đa 100)"),
]


@pytest.fixture(scope="module")
def client(sample_archive):
    return TestClient(make_app(sample_archive[0]))


@pytest.mark.parametrize(("params", "expected"), CASES)
def test_bad_search_is_a_400_in_vietnamese(client, params, expected) -> None:
    answer = client.get("/", params=params, headers={"Accept": "application/json"})
    assert answer.status_code == 400 and answer.json()["error"] == expected
    page = client.get("/", params=params)
    assert page.status_code == 400 and expected in page.text


def test_the_command_line_message_stays_english(sample_archive) -> None:
    with pytest.raises(archive.BadQuery, match="is not a date"):
        archive.search(sample_archive[0], "cum", since="2022-02-30")
