"""Clusters, member units and officials in wordings of the genre found on real union pages (sentences written
for the tests)."""
from __future__ import annotations

from extract_helpers import run, unit_names

# --------------------------------------------------------------------------- cluster names and numbers


def test_a_cluster_numbered_after_its_members_name() -> None:
    record = run("Sáng 12/6, Cụm thi đua các huyện vùng cao số 4 thuộc LĐLĐ tỉnh Lào Cai tổ chức hội nghị sơ kết.",
                 title="Sơ kết 6 tháng đầu năm", date="2024-06-13")
    assert record["cluster"]["number"] == 4
    assert record["cluster"]["kind"] == "cụm"


def test_a_cluster_named_by_two_levels_joined_by_a_comma() -> None:
    record = run("Sáng 20/12, Cụm thi đua các thị xã, huyện tổ chức hội nghị tổng kết công tác năm 2024.",
                 title="Hội nghị tổng kết năm 2024", date="2024-12-21")
    assert record["cluster"] == {"number": None, "name": "Cụm thi đua các thị xã, huyện", "kind": "cụm"}


def test_a_bare_cluster_with_a_roman_numeral_in_a_capitalised_headline() -> None:
    record = run("Sáng 20/12, Cụm thi đua các phường tổ chức hội nghị tổng kết, có LĐLĐ thị xã Sơn Tây dự.",
                 title="TỔNG KẾT THI ĐUA CỤM III CÁC PHƯỜNG", date="2024-12-21")
    assert record["cluster"]["number"] == 3


# --------------------------------------------------------------------------- lists of sector unions


def test_the_last_sector_after_va_is_a_unit_of_its_own() -> None:
    record = run("Sáng 4/7, Cụm thi đua số 6 gồm Công đoàn ngành Công Thương, Nông nghiệp, Tài chính và Giao thông "
                 "vận tải tổ chức hội nghị sơ kết.", title="Sơ kết 6 tháng", date="2024-07-05")
    assert unit_names(record) == [f"Công đoàn ngành {s}" for s in
                                  ("Công Thương", "Nông nghiệp", "Tài chính", "Giao thông vận tải")]
    assert {u["type"] for u in record["member_units"]} == {"ngành"}


def test_a_sector_named_with_va_stays_one_unit() -> None:
    record = run("Sáng 4/7, Cụm thi đua số 6 gồm Công đoàn ngành Y tế, Tài chính và Tài nguyên và Môi trường tổ chức "
                 "hội nghị sơ kết.", title="Sơ kết 6 tháng", date="2024-07-05")
    assert unit_names(record)[-1] == "Công đoàn ngành Tài nguyên và Môi trường"
    assert len(record["member_units"]) == 3


def test_a_plural_head_before_a_list_of_sectors() -> None:
    record = run("Sáng 4/7, Cụm thi đua số 6 gồm các Công đoàn ngành Xây dựng, Giáo dục và Đào tạo tổ chức sơ kết.",
                 title="Sơ kết 6 tháng", date="2024-07-05")
    assert unit_names(record) == ["Công đoàn ngành Xây dựng", "Công đoàn ngành Giáo dục và Đào tạo"]
