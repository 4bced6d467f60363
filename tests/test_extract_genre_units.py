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
