"""Vietnamese forms of the archive's pages: numbers, dates, figures, messages, gone sources."""
from __future__ import annotations

import datetime as dt
import re
import tomllib
from decimal import Decimal
from fnmatch import fnmatch
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from pipeline.web import vi_format
from pipeline.web.vi_format import (
    date_vi,
    figure_vi,
    message,
    number_vi,
    shorten,
    source_gone,
)

ROOT = Path(__file__).resolve().parents[1]
#: The figure kinds and comparators RECORD.md allows.
KINDS = ("target", "achieved", "stat")
COMPARATORS = ("=", ">", ">=", "<", "<=", "~")
VI_NUMBER = re.compile(r"-?\d{1,3}(\.\d{3})*(,\d*[1-9])?")


@pytest.mark.parametrize(("value", "expected"), [
    (1050000000, "1.050.000.000"), (1050000000.0, "1.050.000.000"), (93.8, "93,8"), (5.0, "5"), (0, "0"),
    (999, "999"), (1000, "1.000"), (-1234.5, "-1.234,5"), (0.1 + 0.2, "0,3"), (3.3 * 10**9, "3.300.000.000"),
    (924.139e12, "924.139.000.000.000"), (1e20, "100.000.000.000.000.000.000"), (-0.0, "0"),
    (None, ""), (float("nan"), ""), (float("inf"), ""), (True, ""),
])
def test_number_vi(value: object, expected: str) -> None:
    assert number_vi(value) == expected


@pytest.mark.parametrize(("value", "decimals", "expected"), [
    (93.85, 1, "93,9"), (2.0, 2, "2"), (-0.04, 1, "0"), (1234.5678, 2, "1.234,57"), (2.5, 0, "3"),
    (1e300, 2, "1" + ".000" * 100), (15248, 2, "15.248"),
])
def test_number_vi_rounds_to_at_most_the_decimals_asked(value: float, decimals: int, expected: str) -> None:
    assert number_vi(value, decimals) == expected


def test_number_vi_takes_the_numbers_tables_give() -> None:
    assert number_vi(np.int64(1234567890123456789)) == "1.234.567.890.123.456.789"
    assert number_vi(np.float64(93.8)) == "93,8" and number_vi(np.float64("nan")) == ""
    assert number_vi(Decimal("1050000000.50")) == "1.050.000.000,5" and number_vi(Decimal("2.345"), 2) == "2,35"
    assert number_vi(pd.NA) == "" and number_vi("93.8") == ""  # type: ignore[arg-type]


def test_number_vi_refuses_negative_decimals() -> None:
    with pytest.raises(ValueError):
        number_vi(1.5, -1)


@given(st.integers(min_value=-10**30, max_value=10**30))
def test_integers_come_back_when_the_separators_are_stripped(value: int) -> None:
    text = number_vi(value)
    assert VI_NUMBER.fullmatch(text) and int(text.replace(".", "")) == value


@given(st.floats(allow_nan=False, allow_infinity=False))
def test_floats_come_back_to_fifteen_significant_digits(value: float) -> None:
    text = number_vi(value)
    assert VI_NUMBER.fullmatch(text)
    assert float(text.replace(".", "").replace(",", ".")) == float(f"{value:.15g}")


@given(st.floats(min_value=-1e12, max_value=1e12), st.integers(min_value=0, max_value=4))
def test_rounded_floats_keep_at_most_the_decimals_asked(value: float, decimals: int) -> None:
    text = number_vi(value, decimals)
    assert VI_NUMBER.fullmatch(text)
    assert len(text.partition(",")[2]) <= decimals
    assert abs(float(text.replace(".", "").replace(",", ".")) - value) <= 0.5 * 10**-decimals * (1 + 1e-9) + 1e-3


@pytest.mark.parametrize(("value", "expected"), [
    (dt.date(2023, 5, 7), "07/05/2023"), (dt.datetime(2023, 12, 31, 23, 59), "31/12/2023"),
    ("2023-05-07", "07/05/2023"), ("2023-05-07T10:00:00+07:00", "07/05/2023"), ("2023-05", "05/2023"),
    ("2023", "2023"), (2024, "2024"), ("7/5/2023", "07/05/2023"), ("5/2023", "05/2023"), (None, ""), ("", ""),
    ("2023-02-30", "2023-02-30"), ("2023-13", "2023-13"), ("vừa qua", "vừa qua"),
])
def test_date_vi(value: object, expected: str) -> None:
    assert date_vi(value) == expected


def test_date_vi_takes_the_dates_tables_give() -> None:
    assert date_vi(pd.Timestamp("2023-05-07 10:30")) == "07/05/2023" and date_vi(pd.NaT) == ""
    assert date_vi(np.datetime64("2023-05-07")) == "07/05/2023" and date_vi(float("nan")) == ""


def figure(**fields: object) -> dict:
    base = {"value": 1050000000.0, "unit": "đồng", "kind": "achieved", "comparator": "=",
            "subject": "tổng kinh phí sửa chữa nhà ở"}
    return base | fields


@pytest.mark.parametrize(("fields", "expected"), [
    ({}, "Tổng kinh phí sửa chữa nhà ở: đạt 1.050.000.000 đồng"),
    ({"value": 93.8, "unit": "%", "kind": "stat", "subject": "tỷ lệ đoàn viên"}, "Tỷ lệ đoàn viên: 93,8%"),
    ({"value": 90, "unit": "%", "kind": "target", "comparator": ">=", "subject": "tỷ lệ thu"},
     "Tỷ lệ thu: chỉ tiêu từ 90% trở lên"),
    ({"comparator": ">"}, "Tổng kinh phí sửa chữa nhà ở: đạt trên 1.050.000.000 đồng"),
    ({"comparator": "<", "kind": "stat"}, "Tổng kinh phí sửa chữa nhà ở: dưới 1.050.000.000 đồng"),
    ({"comparator": "<=", "kind": "target"}, "Tổng kinh phí sửa chữa nhà ở: chỉ tiêu không quá 1.050.000.000 đồng"),
    ({"comparator": "~"}, "Tổng kinh phí sửa chữa nhà ở: đạt khoảng 1.050.000.000 đồng"),
    ({"value": 644, "unit": "sáng kiến", "subject": "sáng kiến"}, "Đạt 644 sáng kiến"),
    ({"subject": None, "kind": "stat", "value": 4941, "unit": "người"}, "4.941 người"),
    ({"value": None}, "Tổng kinh phí sửa chữa nhà ở"),
    ({"kind": "target", "subject": "chỉ tiêu kinh phí", "value": 5}, "Chỉ tiêu kinh phí: 5 đồng"),
    ({"kind": "target", "subject": "chỉ tiêuxyz", "value": 5}, "Chỉ tiêuxyz: chỉ tiêu 5 đồng"),
    ({"kind": "guess", "comparator": "≈", "unit": None, "value": 3}, "Tổng kinh phí sửa chữa nhà ở: 3"),
    ({"subject": "CNVCLĐ  được\nthăm hỏi", "value": 12, "unit": "CNVCLĐ"}, "CNVCLĐ được thăm hỏi: đạt 12 CNVCLĐ"),
])
def test_figure_vi(fields: dict, expected: str) -> None:
    assert figure_vi(figure(**fields)) == expected


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("comparator", COMPARATORS)
def test_figure_phrases_have_no_english_word_or_symbol(kind: str, comparator: str) -> None:
    phrase = figure_vi(figure(kind=kind, comparator=comparator))
    assert not re.search(r"achieved|target|stat\b|[<>=~]", phrase)
    assert "1.050.000.000 đồng" in phrase


def test_a_long_subject_is_cut_at_a_word_boundary() -> None:
    subject = "số tiền hỗ trợ đoàn viên có hoàn cảnh khó khăn bị ảnh hưởng bởi thiên tai, lũ lụt " * 3
    phrase = figure_vi(figure(subject=subject))
    shown, _, amount = phrase.partition(": ")
    assert amount == "đạt 1.050.000.000 đồng" and shown.endswith("…")
    kept = shown.removesuffix("…")
    assert len(shown) <= vi_format.SUBJECT_LIMIT and subject.capitalize().startswith(kept)
    assert subject[len(kept)] in " ,"


words_text = st.lists(st.text(alphabet="aăâbcdđeêhiklmnoôơpqrstuưvxyàảãáạ,", min_size=1, max_size=15),
                      min_size=1, max_size=30).map(" ".join)


@given(words_text, st.integers(min_value=1, max_value=60))
def test_shorten_never_cuts_a_word(text: str, limit: int) -> None:
    short = shorten(text, limit)
    normal = " ".join(text.split())
    kept = short.removesuffix("…")
    assert normal.startswith(kept)
    if short != normal:
        assert short.endswith("…") and normal[len(kept)] in " ,"
        assert len(short) <= limit or " " not in kept


def test_messages_fill_in_values_in_vietnamese_form() -> None:
    assert message("bad_date", value="2023-13-45") == "Ngày không hợp lệ: 2023-13-45"
    assert message("result_count", count=12345) == "12.345 kết quả"
    assert message("bad_date", value=dt.date(2023, 1, 2)) == "Ngày không hợp lệ: 02/01/2023"
    assert message("no_results") == "Không tìm thấy kết quả"
    with pytest.raises(KeyError):
        message("no_such_message")
    with pytest.raises(KeyError):
        message("bad_date")


def test_the_words_cover_every_kind_and_comparator_of_the_record() -> None:
    words = vi_format.words()
    assert set(KINDS) <= set(words["kinds"]) and set(COMPARATORS) <= set(words["comparators"])
    assert all("{amount}" in phrase for phrase in words["comparators"].values())


def test_the_words_file_ships_in_the_wheel() -> None:
    pyproject = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    patterns = pyproject["tool"]["setuptools"]["package-data"]["*"]
    assert any(fnmatch("vi_words.toml", pattern) for pattern in patterns)


@pytest.mark.parametrize(("url", "gone"), [
    ("http://127.0.0.1:53817/tin-tuc/a.html", True), ("http://localhost:8000/", True), ("http://[::1]/x", True),
    ("http://10.0.0.5/", True), ("http://192.168.1.20/a", True), ("http://172.16.3.4/", True),
    ("http://[::ffff:127.0.0.1]/", True), ("http://169.254.1.1/", True), ("http://0.0.0.0:8000/", True),
    ("http://app.localhost/", True), ("https://laodong.vn/cong-doan/a.html", False),
    ("https://8.8.8.8/", False), ("https://thanhhoa.gov.vn/", False), ("a07_thanh_hoa.txt", False),
    ("", False), (None, False), ("http://[bad/", False),
])
def test_source_gone(url: str, gone: bool) -> None:
    assert source_gone(url) is gone
