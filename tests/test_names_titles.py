"""The person-name model, the title grammar and the phrase regexes the officials extractor is built on."""
from __future__ import annotations

import re

import pytest

from extractors.lexicon import common_tones, expand, phrase_regex, written_org
from extractors.names import is_syllable, name_in_run, split_place_name
from extractors.titles import ROLE, read_role


@pytest.mark.parametrize(("word", "shape"), [
    ("Nguyễn", True), ("Nghiêm", True), ("Thủy", True), ("Khuê", True), ("Ksor", False), ("John", False),
    ("LĐLĐ", False), ("hùng", False),
])
def test_syllable_shape(word: str, shape: bool) -> None:
    assert is_syllable(word) is shape


@pytest.mark.parametrize(("run", "cued", "start"), [
    ("Theo Nguyễn Văn Hòa", False, 1),
    ("Trần Bình", False, 0),
    ("Chang-Hee Lee", True, 0),
    ("Chang-Hee Lee", False, None),
    ("Văn Thanh Hải", False, None),
])
def test_name_in_a_capitalised_run(run: str, cued: bool, start: int | None) -> None:
    assert name_in_run(run.split(), cued) == start


@pytest.mark.parametrize(("run", "after_level", "places", "name"), [
    ("Hoàng Mai Lê Thị Hằng", True, {"Hoàng Mai"}, "Lê Thị Hằng"),
    ("Nam Từ Liêm Lê Thị Kim Oanh", True, set(), "Lê Thị Kim Oanh"),
    ("Lê Trí Dũng", True, set(), "Lê Trí Dũng"),
    ("Lương Sơn", True, set(), None),
    ("Việt Nam Nguyễn Đình Tâm", False, set(), "Nguyễn Đình Tâm"),
    ("Hà Tĩnh", True, {"Hà Tĩnh"}, None),
], ids=["known-place", "unknown-place", "no-place", "place-only", "after-country", "province"])
def test_place_and_name_split(run: str, after_level: bool, places: set[str], name: str | None) -> None:
    words = run.split()
    start = split_place_name(words, after_level, lambda w: w in places)
    assert (None if start is None else " ".join(words[start:])) == name


@pytest.mark.parametrize(("written", "matches"), [
    ("Ủy viên Ban Thường vụ", ["UVBTV", "UV BTV", "Uỷ viên BTV", "ủy viên Ban thường vụ"]),
    ("Ủy ban nhân dân", ["UBND", "Uỷ ban nhân dân", "Ủy Ban Nhân Dân"]),
])
def test_phrase_regex_matches_abbreviations_cases_and_tone_placements(written: str, matches: list[str]) -> None:
    for scan in (False, True):
        pattern = re.compile(phrase_regex([written], scan=scan) + r"\Z")
        assert all(pattern.match(m) for m in matches)
        assert not pattern.match("Ủy viên Ban")


def test_phrase_regex_prefers_the_longest_phrase() -> None:
    pattern = re.compile(phrase_regex(["Ủy viên", "Ủy viên Ban Thường vụ"]))
    assert pattern.match("Ủy viên Ban Thường vụ LĐLĐ").group() == "Ủy viên Ban Thường vụ"


@pytest.mark.parametrize(("short", "full"), [
    ("Tổng LĐLĐ VN", "Tổng Liên đoàn Lao động Việt Nam"),
    ("CĐ ngành GTVT", "Công đoàn ngành Giao thông vận tải"),
    ("TCT Điện lực miền Bắc", "Tổng công ty Điện lực miền Bắc"),
    ("Đảng CSVN", "Đảng Cộng sản Việt Nam"),
    ("BCH Đoàn TNCS HCM", "Ban Chấp hành Đoàn Thanh niên Cộng sản Hồ Chí Minh"),
    ("Văn phòng Đoàn ĐBQH", "Văn phòng Đoàn đại biểu Quốc hội"),
])
def test_abbreviations_written_out(short: str, full: str) -> None:
    assert expand(short) == full


def test_the_confederation_is_written_with_its_full_name() -> None:
    assert written_org("TLĐ", None) == written_org("Tổng LĐLĐ", None) == "Tổng Liên đoàn Lao động Việt Nam"


def test_common_tone_placement() -> None:
    assert common_tones("Hoà Thuỷ Khoẻ Quý Uỷ ban") == "Hòa Thủy Khỏe Quý Ủy ban"


@pytest.mark.parametrize(("text", "kind", "title", "organization"), [
    ("Phó Chủ tịch Thường trực LĐLĐ tỉnh Nghệ An phát biểu", "function", "Phó Chủ tịch Thường trực",
     "LĐLĐ tỉnh Nghệ An"),
    ("Ủy viên Ban Thường vụ Tỉnh ủy, Giám đốc Sở Y tế", "member", "Ủy viên Ban Thường vụ", "Tỉnh ủy"),
    ("Trưởng Ban Tổ chức LĐLĐ tỉnh", "unit", "Trưởng Ban Tổ chức", "LĐLĐ tỉnh"),
    ("Giám đốc Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An.", "function", "Giám đốc",
     "Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An"),
    ("Chủ tịch Công đoàn cơ quan Tỉnh đoàn – đơn vị Trưởng khối", "function", "Chủ tịch",
     "Công đoàn cơ quan Tỉnh đoàn"),
], ids=["modifiers", "seat", "board", "dash-inside-a-name", "dash-ends-a-name"])
def test_a_role_and_its_organisation(text: str, kind: str, title: str, organization: str) -> None:
    role = read_role(text, ROLE.match(text))
    assert (role.kind, text[role.start:role.title_end], role.org(text)) == (kind, title, organization)
