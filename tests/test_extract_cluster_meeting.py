"""The cluster, the meeting (type, place, period), the federation and province, and the cluster leader."""
from __future__ import annotations

import pytest

from extract_helpers import evidence_of, loose, run, unit_names
from extractors.cluster import roman_to_int

# --------------------------------------------------------------------------- cluster


@pytest.mark.parametrize(("written", "number", "kind", "name"), [
    ("Cụm thi đua số 2", 2, "cụm", "Cụm thi đua số 2"),
    ("cụm thi đua Số V", 5, "cụm", "Cụm thi đua số 5"),
    ("Khối thi đua số 6", 6, "khối", "Khối thi đua số 6"),
    ("Cụm Thi đua số 3 (Công đoàn ngành)", 3, "cụm", "Cụm thi đua số 3"),
    ("Khối thi đua số IX", 9, "khối", "Khối thi đua số 9"),
    ("Cụm thi đua số XIV", 14, "cụm", "Cụm thi đua số 14"),
    ("Cụm thi đua 11", 11, "cụm", "Cụm thi đua số 11"),
], ids=["so-2", "roman-V", "khoi-6", "nganh-3", "khoi-IX", "roman-XIV", "no-so"])
def test_cluster_number_kind_and_name(written: str, number: int, kind: str, name: str) -> None:
    record = run(f"Chiều 14/3, {written} thuộc LĐLĐ tỉnh Hà Tĩnh tổ chức hội nghị ký kết giao ước thi đua năm 2024.",
                 date="2024-03-15")
    assert record["cluster"] == {"number": number, "name": name, "kind": kind}
    spoken = evidence_of(record, "cluster")
    numeral = written.replace(" (Công đoàn ngành)", "").split()[-1]
    assert numeral in spoken and "thi" in spoken.casefold()


def test_cluster_of_the_headline_wins_over_one_mentioned_in_passing() -> None:
    record = run(
        "Sáng 6/12, Cụm thi đua số 7 LĐLĐ tỉnh Nghệ An tổ chức hội nghị tổng kết công tác năm 2023.",
        "Cụm đã học tập cách làm hay của Cụm thi đua số 2 trong việc chăm lo Tết cho đoàn viên.",
        title="Cụm thi đua số 7 tổng kết năm 2023", date="2023-12-07")
    assert record["cluster"]["number"] == 7


def test_article_without_cluster_has_no_cluster_leader_nor_roles() -> None:
    record = run(
        "Sáng 2/4, LĐLĐ tỉnh Quảng Trị tổ chức lớp tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở.",
        "Đồng chí Lê Quang Huy, Phó Chủ tịch LĐLĐ tỉnh Quảng Trị, cụm trưởng khu vực phía Bắc, phát biểu khai mạc.",
        title="Tập huấn nghiệp vụ cho cán bộ công đoàn cơ sở", date="2024-04-03")
    assert record["cluster"] is None
    assert record["cluster_leader"] is None
    assert "cluster" not in record["evidence"]
    assert all(o["cluster_role"] is None for o in record["officials"])


@pytest.mark.parametrize(("numeral", "value"), [("I", 1), ("IV", 4), ("V", 5), ("IX", 9), ("XII", 12), ("XL", 40)])
def test_roman_numerals(numeral: str, value: int) -> None:
    assert roman_to_int(numeral) == value


# --------------------------------------------------------------------------- meeting type


@pytest.mark.parametrize(("title", "lead", "kind"), [
    ("Cụm thi đua số 4 tổng kết công tác năm 2024",
     "Sáng 18/12, Cụm thi đua số 4 tổ chức hội nghị tổng kết công tác công đoàn năm 2024.", "tổng kết"),
    ("Cụm thi đua số 4 sơ kết 6 tháng đầu năm",
     "Sáng 10/7, Cụm thi đua số 4 tổ chức hội nghị sơ kết hoạt động 6 tháng đầu năm 2024.", "sơ kết"),
    ("Cụm thi đua số 4 giao ban quý III",
     "Sáng 26/9, Cụm thi đua số 4 tổ chức giao ban công tác quý III năm 2024.", "giao ban"),
    ("Cụm thi đua số 4 ký giao ước thi đua",
     "Sáng 5/3, các đơn vị trong Cụm thi đua số 4 ký kết giao ước thi đua năm 2024.", "ký kết giao ước"),
    ("Sôi nổi hội thao công nhân lao động Cụm thi đua số 4",
     "Sáng 20/4, Cụm thi đua số 4 tổ chức hội thao công nhân, viên chức, lao động năm 2024.", "khác"),
    ("Những người giữ lửa phong trào ở Cụm thi đua số 4",
     "Sáng 12/11, Cụm thi đua số 4 tổ chức hội nghị sơ kết một năm triển khai phong trào thi đua.", "sơ kết"),
], ids=["tong-ket", "so-ket", "giao-ban", "ky-ket", "hoi-thao-khac", "type-from-lead"])
def test_meeting_type(title: str, lead: str, kind: str) -> None:
    record = run(lead, title=title, date="2024-12-30")
    assert record["meeting"] is not None
    assert record["meeting"]["type"] == kind
    if kind != "khác":
        assert kind.split()[-1] in evidence_of(record, "meeting.type").casefold()


def test_article_that_is_no_meeting_has_meeting_null() -> None:
    record = run(
        "Trong tháng Tết, LĐLĐ tỉnh Hà Tĩnh phối hợp với các doanh nghiệp trao quà cho đoàn viên có hoàn cảnh khó khăn.",
        title="Mang Tết đến với đoàn viên khó khăn")
    assert record["meeting"] is None


# --------------------------------------------------------------------------- location and period


@pytest.mark.parametrize(("lead", "place"), [
    ("Sáng 14/5, tại xã Con Cuông, Cụm thi đua số 8 LĐLĐ tỉnh Nghệ An tổ chức hội nghị giao ban quý II năm 2025.",
     "xã Con Cuông"),
    ("Ngày 20/2/2024, tại Hội trường UBND thị xã Kỳ Anh, các đơn vị trong Cụm thi đua số 1 đã ký kết giao ước thi đua.",
     "Hội trường UBND thị xã Kỳ Anh"),
    ("Sáng 3/10, Khối thi đua số 2 tổ chức giao ban quý III năm 2025 tại trụ sở Công đoàn Giáo dục thành phố.",
     "trụ sở Công đoàn Giáo dục thành phố"),
    ("Sáng 12/3, tại hội trường LĐLĐ huyện Quỳnh Lưu, Cụm thi đua số 4 tổ chức hội nghị sơ kết.",
     "hội trường LĐLĐ huyện Quỳnh Lưu"),
    ("Chiều ngày 14/3/2024, tại Hội trường UBND huyện Kỳ Sơn, tỉnh Nghệ An, Cụm thi đua số 8 tổ chức sơ kết.",
     "Hội trường UBND huyện Kỳ Sơn"),
    ("Sáng ngày 7/4/2024tại Văn phòng Đoàn ĐBQH và HĐND tỉnh đã diễn ra hội nghị của Cụm thi đua số 2.",
     "Văn phòng Đoàn ĐBQH và HĐND tỉnh"),
    ("Sáng 21/3, tại Công ty Cao su Mang Yang ở thị xã Ayun Pa, Khối thi đua số 10 tổ chức ký kết giao ước.",
     "Công ty Cao su Mang Yang"),
    ("Ngày 19/4, tại trụ sở Liên đoàn Lao động TP.HCM, Khối thi đua số 17 tổ chức giao ban.",
     "trụ sở Liên đoàn Lao động TP.HCM"),
], ids=["commune", "hall-of-town-committee", "after-verb", "hall-of-federation", "venue-then-province",
        "glued-tai", "venue-o-place", "federation-office"])
def test_meeting_location(lead: str, place: str) -> None:
    record = run(lead, title="Hội nghị của cụm thi đua", date="2025-10-04")
    assert record["meeting"]["location"] == place
    assert loose(evidence_of(record, "meeting.location")) == loose(place)


@pytest.mark.parametrize(("lead", "period"), [
    ("Sáng 8/7, Cụm thi đua số 9 tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024.", "6 tháng đầu năm 2024"),
    ("Sáng 8/7, Cụm thi đua số 9 tổ chức hội nghị sơ kết, triển khai nhiệm vụ 6 tháng cuối năm.", "6 tháng cuối năm 2024"),
    ("Sáng 29/9, Cụm thi đua số 9 tổ chức giao ban công tác quý III năm 2024.", "quý III năm 2024"),
    ("Sáng 27/12, Cụm thi đua số 9 tổ chức hội nghị tổng kết công tác công đoàn năm 2024.", "năm 2024"),
    ("Sáng 1/10, Cụm thi đua số 9 tổ chức hội nghị sơ kết công tác 9 tháng năm 2024.", "9 tháng năm 2024"),
], ids=["6-thang-dau", "6-thang-cuoi-no-year", "quy-III", "nam", "9-thang"])
def test_meeting_period(lead: str, period: str) -> None:
    record = run(lead, title="Hội nghị của cụm thi đua", date="2024-12-30")
    assert record["meeting"]["period"] == period
    assert "meeting.period" in record["evidence"]


def test_meeting_evidence_spans_point_at_their_values() -> None:
    record = run("Chiều 16/12, tại phường Trường Vinh, Cụm thi đua số 6 LĐLĐ tỉnh Nghệ An tổ chức hội nghị "
                 "tổng kết công tác công đoàn năm 2025.", title="Cụm thi đua số 6 tổng kết năm 2025", date="2025-12-17")
    assert record["meeting"] == {"date": "2025-12-16", "type": "tổng kết", "location": "phường Trường Vinh",
                                 "period": "năm 2025"}
    assert evidence_of(record, "meeting.date") == "16/12"
    assert evidence_of(record, "meeting.type").casefold() == "tổng kết"
    assert evidence_of(record, "meeting.location") == "phường Trường Vinh"


# --------------------------------------------------------------------------- federation and province


@pytest.mark.parametrize(("written", "federation", "province"), [
    ("LĐLĐ tỉnh Hà Tĩnh", "Liên đoàn Lao động tỉnh Hà Tĩnh", "Hà Tĩnh"),
    ("Liên đoàn Lao động tỉnh Quảng Trị", "Liên đoàn Lao động tỉnh Quảng Trị", "Quảng Trị"),
    ("LĐLĐ thành phố Đà Nẵng", "Liên đoàn Lao động thành phố Đà Nẵng", "Đà Nẵng"),
    ("Liên đoàn lao động TP. Cần Thơ", "Liên đoàn Lao động thành phố Cần Thơ", "Cần Thơ"),
    ("LĐLĐ Thành phố Hồ Chí Minh", "Liên đoàn Lao động thành phố Hồ Chí Minh", "Hồ Chí Minh"),
    ("LĐLĐ Nghệ An", "Liên đoàn Lao động tỉnh Nghệ An", "Nghệ An"),
], ids=["tinh-abbr", "tinh-full", "city-abbr", "city-TP-dot", "city-capital-T", "no-level"])
def test_federation_and_province(written: str, federation: str, province: str) -> None:
    record = run(f"Sáng 11/6, Cụm thi đua số 3 thuộc {written} tổ chức hội nghị sơ kết.", date="2024-06-12")
    assert record["federation"] == federation
    assert record["province"] == province
    assert province in evidence_of(record, "province")
    assert province in evidence_of(record, "federation")


def test_federation_named_most_often_wins() -> None:
    record = run(
        "Sáng 11/6, Cụm thi đua số 3 LĐLĐ tỉnh Hà Tĩnh tổ chức hội nghị sơ kết.",
        "Cụm đã đón đoàn công tác của LĐLĐ tỉnh Quảng Bình đến trao đổi kinh nghiệm.",
        "Lãnh đạo LĐLĐ tỉnh Hà Tĩnh ghi nhận kết quả của cụm.", date="2024-06-12")
    assert record["province"] == "Hà Tĩnh"


def test_national_federation_is_not_a_province() -> None:
    record = run("Sáng 11/6, Cụm thi đua số 3 tổ chức hội nghị quán triệt chỉ đạo của Tổng LĐLĐ Việt Nam.",
                 date="2024-06-12")
    assert record["federation"] is None
    assert record["province"] is None


# --------------------------------------------------------------------------- cluster leader


def test_leader_is_the_official_named_cum_truong() -> None:
    record = run(
        "Sáng 5/12, Cụm thi đua số 6 LĐLĐ tỉnh Nghệ An tổ chức hội nghị tổng kết năm 2024.",
        "Đồng chí Đậu Thị Hương, Chủ tịch LĐLĐ huyện Quỳnh Lưu, Cụm trưởng Cụm thi đua số 6, phát biểu khai mạc.",
        title="Cụm thi đua số 6 tổng kết", date="2024-12-06")
    assert record["cluster_leader"] == {"name": "Đậu Thị Hương", "unit": "Liên đoàn Lao động huyện Quỳnh Lưu"}
    assert "Đậu Thị Hương" in evidence_of(record, "cluster_leader")


@pytest.mark.parametrize("sentence", [
    "Công đoàn phường Trường Vinh là cụm trưởng năm 2025.",
    "Cụm trưởng năm 2025 là Công đoàn phường Trường Vinh.",
], ids=["unit-first", "role-first"])
def test_leader_unit_without_a_name(sentence: str) -> None:
    record = run("Sáng 16/12, Cụm thi đua số 6 LĐLĐ tỉnh Nghệ An tổ chức hội nghị tổng kết năm 2025.", sentence,
                 title="Cụm thi đua số 6 tổng kết", date="2025-12-17")
    assert record["cluster_leader"] == {"name": None, "unit": "Công đoàn phường Trường Vinh"}
    assert "Trường Vinh" in evidence_of(record, "cluster_leader")


def test_no_leader_when_none_is_named() -> None:
    record = run("Sáng 16/12, Cụm thi đua số 6 LĐLĐ tỉnh Nghệ An tổ chức hội nghị tổng kết năm 2025.",
                 title="Cụm thi đua số 6 tổng kết", date="2025-12-17")
    assert record["cluster_leader"] is None


def test_a_bloc_named_by_its_members_has_no_number() -> None:
    record = run("Chiều 10/12, Khối thi đua các doanh nghiệp Nhà nước thuộc LĐLĐ tỉnh Hà Tĩnh tổ chức hội nghị "
                 "tổng kết năm 2024.",
                 "Năm 2024, Công đoàn Công ty Điện lực Hà Tĩnh là đơn vị Khối trưởng.",
                 title="Các doanh nghiệp tổng kết thi đua", date="2024-12-11")
    assert record["cluster"] == {"number": None, "name": "Khối thi đua các doanh nghiệp Nhà nước", "kind": "khối"}
    assert evidence_of(record, "cluster").startswith("Khối thi đua các doanh nghiệp")
    assert record["cluster_leader"] == {"name": None, "unit": "Công đoàn Công ty Điện lực Hà Tĩnh"}


def test_a_numbered_cluster_wins_over_one_named_by_members() -> None:
    record = run("Sáng 2/12, Cụm thi đua số 4 (cụm thi đua các huyện miền núi) tổ chức hội nghị tổng kết năm 2024.",
                 title="Cụm thi đua số 4 tổng kết", date="2024-12-03")
    assert record["cluster"]["number"] == 4


# --------------------------------------------------------------------------- clusters of every shape


@pytest.mark.parametrize(("lead", "number", "kind"), [
    ("Sáng 9/1, Cụm thi đua LĐLĐ các tỉnh Tây Nguyên tổ chức hội nghị tổng kết năm 2024.", None, "cụm"),
    ("Sáng 9/1, Khối thi đua Tây Nguyên 3 tổ chức hội nghị tổng kết năm 2024.", 3, "khối"),
    ("Sáng 9/1, Khối thi đua các đơn vị miền Trung 2 tổ chức hội nghị tổng kết năm 2024.", 2, "khối"),
    ("Sáng 9/1, Cụm thi đua 5 Liên đoàn Lao động thành phố tổ chức hội nghị tổng kết năm 2024.", None, "cụm"),
    ("Sáng 9/1, KHỐI THI ĐUA SỐ VI tổ chức hội nghị tổng kết năm 2024.", 6, "khối"),
    ("Sáng 9/1, Cụm thi đua các LĐLĐ quận (Cụm 2) tổ chức hội nghị tổng kết năm 2024.", 2, "cụm"),
    ("Sáng 9/1, Công đoàn Khối thi đua Mặt trận – Đoàn thể tỉnh tổ chức hội nghị tổng kết năm 2024.", None, "khối"),
], ids=["named-by-members", "region-numeral", "members-region-numeral", "numeral-counts-members", "roman-caps",
        "bare-cum-in-brackets", "union-of-a-bloc"])
def test_clusters_numbered_or_not(lead: str, number: int | None, kind: str) -> None:
    record = run(lead, title="Hội nghị tổng kết năm 2024", date="2025-01-10")
    assert record["cluster"]["number"] == number
    assert record["cluster"]["kind"] == kind
    assert kind in evidence_of(record, "cluster").casefold()


def test_a_numeral_before_the_members_noun_counts_them() -> None:
    record = run("Sáng 9/1, Khối thi đua 11 Công đoàn ngành Trung ương tổ chức tổng kết năm 2024.",
                 title="Khối thi đua Công đoàn ngành Trung ương tổng kết", date="2025-01-10")
    assert record["cluster"]["number"] is None
    assert record["member_count_stated"] == 11


def test_a_bloc_named_without_thi_dua_when_it_has_a_khoi_truong() -> None:
    record = run("Ngày 20/1, Công đoàn Khối các cơ quan nội chính tỉnh tổ chức hội nghị ký kết giao ước thi đua.",
                 "Khối gồm 3 đơn vị: Công an tỉnh, Tòa án nhân dân tỉnh và Viện kiểm sát nhân dân tỉnh (Trưởng khối).",
                 title="Công đoàn Khối các cơ quan nội chính ký kết giao ước thi đua", date="2025-01-21")
    assert record["cluster"] == {"number": None, "name": "Khối các cơ quan nội chính", "kind": "khối"}
    assert unit_names(record) == ["Công an tỉnh", "Tòa án nhân dân tỉnh", "Viện kiểm sát nhân dân tỉnh"]
    assert record["cluster_leader"] == {"name": None, "unit": "Viện kiểm sát nhân dân tỉnh"}


def test_clusters_that_the_lead_only_counts_and_a_signing() -> None:
    record = run("Năm học 2024-2025, LĐLĐ huyện chia 30 công đoàn trường học thành 3 cụm thi đua và tổ chức ký "
                 "giao ước thi đua năm học mới.", title="LĐLĐ huyện tổ chức ký giao ước thi đua")
    assert record["cluster"]["number"] is None and record["cluster"]["kind"] == "cụm"
    assert record["meeting"]["type"] == "ký kết giao ước"


def test_clusters_named_only_further_down_are_named_in_passing() -> None:
    record = run("Sáng 17/12, Ban Chấp hành Tổng LĐLĐ Việt Nam họp phiên thường kỳ cuối năm để đánh giá kết quả "
                 "thực hiện nhiệm vụ công tác năm và bàn phương hướng năm tới.",
                 "Căn cứ kết quả bình xét của các cụm, khối thi đua, Đoàn Chủ tịch đã xem xét đề nghị khen thưởng "
                 "của các LĐLĐ tỉnh, thành phố và các Công đoàn ngành Trung ương.",
                 "Ba đơn vị dẫn đầu gồm LĐLĐ tỉnh Nghệ An dẫn đầu Cụm thi đua số 4, LĐLĐ tỉnh Bình Dương dẫn đầu "
                 "Cụm thi đua số 7.", title="Ba đơn vị được đề nghị tặng Cờ thi đua của Chính phủ")
    assert record["cluster"] is None
    assert record["meeting"] is None
    assert record["federation"] is None
    assert record["member_units"] == []


# --------------------------------------------------------------------------- federation and province by scope


def test_a_cluster_of_a_district_federation() -> None:
    record = run("Chiều 7/11, Cụm thi đua số 2 khối xã, thị trấn thuộc LĐLĐ huyện Quỳnh Lưu tổ chức hội nghị "
                 "tổng kết.", "Thực hiện quy chế khen thưởng của LĐLĐ tỉnh Nghệ An, các đơn vị đã chấm điểm.",
                 title="Cụm thi đua số 2 tổng kết", date="2024-11-08")
    assert record["federation"] == "Liên đoàn Lao động huyện Quỳnh Lưu"
    assert record["province"] == "Nghệ An"


def test_a_cluster_of_a_provincial_sector_union() -> None:
    record = run("Ngày 9/2, Cụm thi đua số 2, Công đoàn Viên chức tỉnh Hà Tĩnh tổ chức họp mặt đầu xuân.",
                 "Lãnh đạo LĐLĐ tỉnh Hà Tĩnh đến dự.", title="Cụm thi đua số 2 họp mặt", date="2024-02-10")
    assert record["federation"] is None
    assert record["province"] == "Hà Tĩnh"


def test_a_bare_city_federation_takes_the_city_the_text_names() -> None:
    record = run("Ngày 25/9, Cụm thi đua số 2 Liên đoàn Lao động (LĐLĐ) Thành phố tổ chức Hội thi tìm hiểu "
                 "truyền thống Công đoàn thành phố Hải Phòng.", title="Sân chơi của đoàn viên", date="2024-09-26")
    assert record["federation"] == "Liên đoàn Lao động thành phố Hải Phòng"
    assert record["province"] == "Hải Phòng"


@pytest.mark.parametrize("lead", [
    "Sáng 9/1, Cụm thi đua LĐLĐ các tỉnh Bắc Trung Bộ tổ chức hội nghị tổng kết tại tỉnh Hà Tĩnh.",
    "Sáng 9/1, Khối thi đua Công đoàn ngành Trung ương tổ chức hội nghị tổng kết tại thành phố Đà Nẵng.",
    "Sáng 9/1, Khối thi đua số 3 thuộc Tập đoàn Dệt may Việt Nam tổ chức tổng kết tại tỉnh Nam Định.",
], ids=["regional", "central-sector-unions", "corporate-group"])
def test_clusters_spanning_provinces_have_no_federation_nor_province(lead: str) -> None:
    record = run(lead, "LĐLĐ tỉnh Hà Tĩnh và LĐLĐ tỉnh Nam Định gửi lời chúc mừng.",
                 title="Hội nghị tổng kết năm 2024", date="2025-01-10")
    assert record["cluster"] is not None
    assert record["federation"] is None and record["province"] is None
    assert record["meeting"]["location"] is not None


def test_a_central_bloc_on_the_territory_of_a_province() -> None:
    record = run("Sáng 9/1, Khối thi đua công đoàn các doanh nghiệp trung ương trên địa bàn tỉnh Quảng Ninh "
                 "tổ chức tổng kết.", title="Khối thi đua tổng kết năm 2024", date="2025-01-10")
    assert record["federation"] is None
    assert record["province"] == "Quảng Ninh"


def test_an_obvious_misspelling_of_a_province_gets_its_name() -> None:
    record = run("Sáng 11/6, Cụm thi đua số 3 thuộc LĐLĐ tỉnh Hà Tỉnh tổ chức hội nghị sơ kết.", date="2024-06-12")
    assert record["federation"] == "Liên đoàn Lao động tỉnh Hà Tĩnh"
    assert record["province"] == "Hà Tĩnh"


def test_union_news_about_no_cluster_keeps_its_province_only() -> None:
    record = run("Chiều 22/8, LĐLĐ tỉnh Cà Mau tổ chức hội nghị tổng kết đợt thi đua cao điểm.",
                 title="Tổng kết đợt thi đua cao điểm", date="2024-08-23")
    assert record["cluster"] is None
    assert record["federation"] is None and record["meeting"] is None
    assert record["province"] == "Cà Mau"


# --------------------------------------------------------------------------- the meeting's own name and place


@pytest.mark.parametrize(("title", "lead", "kind"), [
    ("Khối thi đua số 2 ký giao ước thi đua năm 2025",
     "Ngày 13/12, Khối thi đua số 2 tổ chức Hội nghị tổng kết hoạt động năm 2024 và ký giao ước năm 2025.",
     "tổng kết"),
    ("Sân chơi bổ ích của đoàn viên",
     "Ngày 25/9, Cụm thi đua số 2 tổ chức Hội thi tìm hiểu lịch sử Công đoàn. Cụm thi đua số 2: ký giao ước.",
     "khác"),
    ("Cụm thi đua số 3 đánh giá kết quả thi đua năm 2024",
     "Thực hiện Hướng dẫn tổng kết công tác thi đua, sáng 21/11, Cụm thi đua số 3 tổ chức hội nghị đánh giá kết "
     "quả thi đua năm 2024. Cuối hội nghị, các đơn vị đã ký kết giao ước thi đua năm 2025.", "ký kết giao ước"),
    ("Tiếp tục đẩy mạnh phong trào thi đua",
     "Khối thi đua số 5 có 9 đơn vị. Tại hội nghị giao ban và tổng kết công tác năm 2024, các đơn vị đã thảo luận.",
     "tổng kết"),
], ids=["name-beats-headline", "hoi-thi-khac", "signing-concludes", "two-types-review-first"])
def test_meeting_type_from_the_meetings_own_name(title: str, lead: str, kind: str) -> None:
    record = run(lead, title=title, date="2024-12-30")
    assert record["meeting"]["type"] == kind


def test_a_cluster_visited_is_no_location() -> None:
    record = run("Ngày 21/11, Đoàn khảo sát của LĐLĐ thành phố đã làm việc tại Cụm thi đua số 5.",
                 title="Cụm thi đua số 5 hoàn thành nhiệm vụ", date="2024-11-22")
    assert record["meeting"]["location"] is None


def test_clusters_awarded_at_a_federations_own_meeting_are_no_cluster_article() -> None:
    record = run("Chiều 20/12, LĐLĐ tỉnh Nghệ An tổ chức hội nghị tổng kết công tác năm 2024, khen thưởng các cụm "
                 "thi đua xuất sắc.", title="LĐLĐ tỉnh Nghệ An tổng kết năm 2024", date="2024-12-21")
    assert record["cluster"] is None and record["meeting"] is None
    assert record["province"] == "Nghệ An"


def test_the_mountain_districts_of_one_province_are_no_region() -> None:
    record = run("Sáng 2/12, Cụm thi đua các huyện miền núi thuộc LĐLĐ tỉnh Nghệ An tổ chức hội nghị tổng kết năm 2024.",
                 title="Cụm thi đua các huyện miền núi tổng kết", date="2024-12-03")
    assert record["cluster"]["number"] is None
    assert record["federation"] == "Liên đoàn Lao động tỉnh Nghệ An"
