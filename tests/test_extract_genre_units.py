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


# --------------------------------------------------------------------------- a plural head without a trigger


def test_a_plural_federation_head_lists_one_unit_per_place() -> None:
    record = run("Sáng 8/1, Cụm thi đua số 3 tổ chức hội nghị tổng kết, với sự tham dự của các LĐLĐ huyện Yên Định, "
                 "Thọ Xuân và Vĩnh Lộc.", title="Cụm thi đua số 3 tổng kết năm 2024", date="2025-01-09")
    assert unit_names(record) == [f"Liên đoàn Lao động huyện {p}" for p in ("Yên Định", "Thọ Xuân", "Vĩnh Lộc")]
    assert record["federation"] is None          # the members are not the cluster's parent


def test_a_lowercase_agency_head_with_a_count_lists_its_provinces() -> None:
    record = run("Ngày 15/3, đại diện công an 3 tỉnh Lạng Sơn, Cao Bằng và Bắc Kạn ký kết giao ước trong Cụm thi đua "
                 "số 2.", title="Cụm thi đua số 2 ký kết giao ước", date="2025-03-16")
    assert unit_names(record) == ["Công an tỉnh Lạng Sơn", "Công an tỉnh Cao Bằng", "Công an tỉnh Bắc Kạn"]
    assert record["member_count_stated"] == 3
    assert record["province"] is None            # a cluster of several provinces


def test_an_agency_head_before_a_colon_list_of_districts() -> None:
    record = run("Sáng 9/1, Cụm thi đua số 1 tổng kết năm 2024 và đề nghị khen thưởng 2 đơn vị Ủy ban MTTQ Việt Nam "
                 "các huyện: Kim Sơn, Yên Khánh.", title="Cụm thi đua số 1 tổng kết", date="2025-01-10")
    assert unit_names(record) == ["Ủy ban Mặt trận Tổ quốc Việt Nam huyện Kim Sơn",
                                  "Ủy ban Mặt trận Tổ quốc Việt Nam huyện Yên Khánh"]


def test_the_cluster_number_before_a_federation_is_no_count() -> None:
    record = run("Sáng 9/1, các công đoàn cơ sở trong Cụm thi đua số 4 LĐLĐ tỉnh Nam Định, Ninh Bình tổ chức giao "
                 "lưu.", title="Cụm thi đua số 4 giao lưu", date="2025-01-10")
    assert "Liên đoàn Lao động tỉnh Ninh Bình" not in unit_names(record)


# --------------------------------------------------------------------------- units named by a cluster role


def test_a_unit_chosen_as_cluster_leader_by_a_passive_verb() -> None:
    record = run("Sáng 9/1, Cụm thi đua LĐLĐ các tỉnh Tây Nguyên gồm LĐLĐ Kon Tum, Gia Lai và Đắk Nông ký kết giao "
                 "ước. Năm nay, LĐLĐ Đắk Lắk được bầu làm cụm trưởng.", title="Ký kết giao ước thi đua",
                 date="2025-01-10")
    assert record["cluster_leader"] == {"name": None, "unit": "Liên đoàn Lao động tỉnh Đắk Lắk"}
    assert "Liên đoàn Lao động tỉnh Đắk Lắk" in unit_names(record)


def test_a_unit_followed_by_unit_lam_cum_truong_after_a_dash() -> None:
    record = run("Sáng 9/1, Cụm thi đua số 2 tổ chức hội nghị tại LĐLĐ huyện Quế Sơn - đơn vị làm Cụm trưởng.",
                 title="Cụm thi đua số 2 tổng kết", date="2025-01-10")
    assert record["cluster_leader"] == {"name": None, "unit": "Liên đoàn Lao động huyện Quế Sơn"}


def test_a_list_item_named_la_don_vi_cum_truong() -> None:
    record = run("Sáng 9/1, Cụm thi đua số 2 gồm LĐLĐ huyện Đại Lộc, Duy Xuyên là đơn vị Cụm trưởng tổ chức hội "
                 "nghị tổng kết.", title="Cụm thi đua số 2 tổng kết", date="2025-01-10")
    assert record["cluster_leader"] == {"name": None, "unit": "Liên đoàn Lao động huyện Duy Xuyên"}


def test_a_role_given_to_a_person_named_after_it_is_no_units() -> None:
    record = run("Theo quyết định của LĐLĐ quận Hà Đông, Cụm trưởng Cụm thi đua là ông Trần Minh Quân - Chủ tịch "
                 "Công đoàn Công ty Cổ phần Sông Đà 9.", title="Thành lập Cụm thi đua doanh nghiệp",
                 date="2025-01-10")
    assert (record["cluster_leader"] or {}).get("unit") != "Liên đoàn Lao động quận Hà Đông"
