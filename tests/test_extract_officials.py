"""Named officials: name, title, organisation, ``nguyên`` (former) and cluster role, in both word orders."""
from __future__ import annotations

import pytest

from extract_helpers import official, run, span_text

LEAD = "Sáng 2/7, Cụm thi đua số 7 LĐLĐ tỉnh Nghệ An tổ chức hội nghị sơ kết công tác 6 tháng đầu năm 2024."
TITLE = "Cụm thi đua số 7 sơ kết 6 tháng đầu năm"


def officials_of(*paragraphs: str, byline: str = "Minh Khang") -> dict:
    return run(LEAD, *paragraphs, title=TITLE, date="2024-07-03", byline=byline)


def expect(record: dict, name: str, title: str, organization: str | None, former: bool = False,
           cluster_role: str | None = None) -> None:
    """The official's fields, and an evidence span that holds the name."""
    found = official(record, name)
    assert (found["title"], found["organization"], found["former"], found["cluster_role"]) == \
        (title, organization, former, cluster_role), found
    assert name in span_text(record, found["evidence"])


# --------------------------------------------------------------------------- name first


@pytest.mark.parametrize("sentence", [
    "Đồng chí Trương Minh Đức - Phó Chủ tịch LĐLĐ huyện Diễn Châu phát biểu tại hội nghị.",
    "Đồng chí Trương Minh Đức, Phó Chủ tịch LĐLĐ huyện Diễn Châu phát biểu tại hội nghị.",
    "Phát biểu tại hội nghị, đồng chí Trương Minh Đức – Phó Chủ tịch LĐLĐ huyện Diễn Châu đề nghị các đơn vị bám sát cơ sở.",
    "Trương Minh Đức, Phó Chủ tịch LĐLĐ huyện Diễn Châu cho biết cụm đã hoàn thành các chỉ tiêu.",
], ids=["dash", "comma", "en-dash-mid-sentence", "no-dong-chi"])
def test_name_before_title(sentence: str) -> None:
    expect(officials_of(sentence), "Trương Minh Đức", "Phó Chủ tịch", "Liên đoàn Lao động huyện Diễn Châu")


def test_bare_federation_is_the_articles_federation() -> None:
    record = officials_of("Dự hội nghị có đồng chí Hồ Sỹ Tùng, Phó Chủ tịch LĐLĐ tỉnh.")
    expect(record, "Hồ Sỹ Tùng", "Phó Chủ tịch", "Liên đoàn Lao động tỉnh Nghệ An")


def test_former_official() -> None:
    record = officials_of("Hội nghị có sự tham dự của đồng chí Phan Thị Lài, nguyên Chủ tịch LĐLĐ huyện Anh Sơn.")
    expect(record, "Phan Thị Lài", "Chủ tịch", "Liên đoàn Lao động huyện Anh Sơn", former=True)


@pytest.mark.parametrize(("role_words", "role"), [
    ("Cụm trưởng Cụm thi đua số 7", "cụm trưởng"),
    ("Trưởng cụm", "cụm trưởng"),
    ("Cụm phó Cụm thi đua số 7", "cụm phó"),
    ("Phó Cụm trưởng", "cụm phó"),
], ids=["cum-truong", "truong-cum", "cum-pho", "pho-cum-truong"])
def test_cluster_role(role_words: str, role: str) -> None:
    record = officials_of(f"Đồng chí Lê Thị Hạnh, Chủ tịch Công đoàn xã Nam Đàn, {role_words} chủ trì hội nghị.")
    expect(record, "Lê Thị Hạnh", "Chủ tịch", "Công đoàn xã Nam Đàn", cluster_role=role)


def test_list_of_officials() -> None:
    record = officials_of(
        "Tham dự hội nghị có các đồng chí: Nguyễn Văn Sơn - Phó Chủ tịch LĐLĐ tỉnh Nghệ An; "
        "Đinh Thị Loan - nguyên Chủ tịch LĐLĐ huyện Thanh Chương; Trần Thu Trang - Chủ tịch LĐLĐ huyện Yên Thành, "
        "Cụm phó; Võ Quang Minh - Phó Bí thư Đảng ủy xã Hưng Nguyên.")
    assert [o["name"] for o in record["officials"]] == [
        "Nguyễn Văn Sơn", "Đinh Thị Loan", "Trần Thu Trang", "Võ Quang Minh"]
    expect(record, "Nguyễn Văn Sơn", "Phó Chủ tịch", "Liên đoàn Lao động tỉnh Nghệ An")
    expect(record, "Đinh Thị Loan", "Chủ tịch", "Liên đoàn Lao động huyện Thanh Chương", former=True)
    expect(record, "Trần Thu Trang", "Chủ tịch", "Liên đoàn Lao động huyện Yên Thành", cluster_role="cụm phó")
    expect(record, "Võ Quang Minh", "Phó Bí thư", "Đảng ủy xã Hưng Nguyên")


@pytest.mark.parametrize(("sentence", "title", "organization"), [
    ("Đồng chí Hoàng Thị Mai, Phó Chủ tịch Thường trực LĐLĐ tỉnh Nghệ An chỉ đạo hội nghị.",
     "Phó Chủ tịch Thường trực", "Liên đoàn Lao động tỉnh Nghệ An"),
    ("Đồng chí Hoàng Thị Mai - Trưởng Ban Tuyên giáo LĐLĐ tỉnh Nghệ An trình bày báo cáo.",
     "Trưởng Ban Tuyên giáo", "Liên đoàn Lao động tỉnh Nghệ An"),
    ("Đồng chí Hoàng Thị Mai, Phó Chủ tịch UBND huyện Nghĩa Đàn dự và phát biểu.",
     "Phó Chủ tịch", "Ủy ban nhân dân huyện Nghĩa Đàn"),
    ("Đồng chí Hoàng Thị Mai, Chủ tịch CĐVC tỉnh phát biểu tham luận.",
     "Chủ tịch", "Công đoàn Viên chức tỉnh"),
], ids=["thuong-truc", "truong-ban", "ubnd", "sector-abbreviation"])
def test_titles_and_organisations_written_out(sentence: str, title: str, organization: str) -> None:
    expect(officials_of(sentence), "Hoàng Thị Mai", title, organization)


@pytest.mark.parametrize(("words", "organization"), [
    ("Giám đốc Trung tâm Y tế huyện Nghi Lộc", "Trung tâm Y tế huyện Nghi Lộc"),
    ("Giám đốc Trung tâm Tư vấn pháp luật LĐLĐ tỉnh Nghệ An",
     "Trung tâm Tư vấn pháp luật Liên đoàn Lao động tỉnh Nghệ An"),
    ("Giám đốc Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An", "Sở Lao động - Thương binh và Xã hội tỉnh Nghệ An"),
    ("Giám đốc Công ty TNHH May Minh Anh", "Công ty TNHH May Minh Anh"),
    ("Chủ tịch CĐCS Công ty Cổ phần Mía đường Sông Lam", "Công đoàn cơ sở Công ty Cổ phần Mía đường Sông Lam"),
], ids=["health-centre", "lowercase-words", "dash-and-va", "all-caps-word", "company-union"])
def test_organisation_names_are_not_cut_short(words: str, organization: str) -> None:
    title = words.split(" Trung tâm")[0].split(" Sở")[0].split(" Công ty")[0].split(" CĐCS")[0]
    expect(officials_of(f"Đồng chí Phạm Văn Hùng, {words} phát biểu tại hội nghị."), "Phạm Văn Hùng", title,
           organization)


def test_two_titles_share_the_organisation() -> None:
    """A chain of roles is kept as written (RECORD.md conventions); the organisation is the last role's."""
    record = officials_of("Đồng chí Nguyễn Thị Bích Ngọc - Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức LĐLĐ tỉnh "
                          "Nghệ An phát biểu.")
    expect(record, "Nguyễn Thị Bích Ngọc", "Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức", "Liên đoàn Lao động tỉnh Nghệ An")


# --------------------------------------------------------------------------- title first


@pytest.mark.parametrize(("sentence", "name", "title", "organization"), [
    ("Chủ tịch LĐLĐ huyện Quỳnh Lưu Đặng Thị Hồng Nhung cho biết đơn vị đã vượt các chỉ tiêu.",
     "Đặng Thị Hồng Nhung", "Chủ tịch", "Liên đoàn Lao động huyện Quỳnh Lưu"),
    ("Phó Chủ tịch LĐLĐ thị xã Cửa Lò Ngô Văn Khải đề xuất tổ chức giải bóng đá công nhân.",
     "Ngô Văn Khải", "Phó Chủ tịch", "Liên đoàn Lao động thị xã Cửa Lò"),
    ("Chủ tịch Công đoàn phường Trường Vinh Lê Văn Quý phát biểu tham luận.",
     "Lê Văn Quý", "Chủ tịch", "Công đoàn phường Trường Vinh"),
    ("Chủ tịch LĐLĐ huyện Nghi Lộc Vũ Thị Thu Hằng trình bày báo cáo.",
     "Vũ Thị Thu Hằng", "Chủ tịch", "Liên đoàn Lao động huyện Nghi Lộc"),
    ("Chủ tịch LĐLĐ thị xã Hoàng Mai Lê Thị Hằng báo cáo kết quả.",
     "Lê Thị Hằng", "Chủ tịch", "Liên đoàn Lao động thị xã Hoàng Mai"),
    ("Trưởng Ban Tổ chức LĐLĐ tỉnh Trần Thị Thanh Hà hướng dẫn chấm điểm thi đua.",
     "Trần Thị Thanh Hà", "Trưởng Ban Tổ chức", "Liên đoàn Lao động tỉnh Nghệ An"),
], ids=["huyen", "thi-xa", "phuong", "two-syllable-place", "place-starting-with-a-surname", "bare-federation"])
def test_title_before_name(sentence: str, name: str, title: str, organization: str) -> None:
    expect(officials_of(sentence), name, title, organization)


def test_two_title_first_officials_in_one_sentence() -> None:
    record = officials_of("Phó Chủ tịch LĐLĐ huyện Hưng Nguyên Đặng Thị Hồng Nhung và Chủ tịch LĐLĐ huyện "
                          "Nam Đàn Ngô Văn Khải cùng chia sẻ kinh nghiệm.")
    assert sorted(o["name"] for o in record["officials"]) == ["Ngô Văn Khải", "Đặng Thị Hồng Nhung"]
    expect(record, "Ngô Văn Khải", "Chủ tịch", "Liên đoàn Lao động huyện Nam Đàn")


# --------------------------------------------------------------------------- one entry per person


def test_person_named_twice_is_listed_once_with_gaps_filled() -> None:
    record = officials_of(
        "Đồng chí Bùi Văn Toàn, Chủ tịch LĐLĐ huyện Tân Kỳ phát biểu khai mạc.",
        "Cuối hội nghị, đồng chí Bùi Văn Toàn - Chủ tịch LĐLĐ huyện Tân Kỳ, Cụm trưởng Cụm thi đua số 7 "
        "đã trao cờ luân lưu.")
    expect(record, "Bùi Văn Toàn", "Chủ tịch", "Liên đoàn Lao động huyện Tân Kỳ", cluster_role="cụm trưởng")
    assert record["cluster_leader"] == {"name": "Bùi Văn Toàn", "unit": "Liên đoàn Lao động huyện Tân Kỳ"}


# --------------------------------------------------------------------------- not officials


def test_no_official_from_ho_chi_minh_thought() -> None:
    record = officials_of(
        "Các đơn vị đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh.",
        "Cụm tiếp tục thực hiện tư tưởng Hồ Chí Minh về công tác vận động công nhân.",
        "Đoàn đã dâng hương tại Khu di tích Kim Liên, quê hương Chủ tịch Hồ Chí Minh.")
    assert record["officials"] == []


def test_no_official_from_street_or_school_names() -> None:
    record = officials_of("Hội nghị diễn ra tại trụ sở số 12 đường Lê Hồng Phong; các cháu trường Nguyễn Trãi "
                          "được tặng quà.")
    assert record["officials"] == []


@pytest.mark.parametrize("byline", ["Nguyễn Hoài Nam", "Trần Thu Hà - Trưởng Ban Tuyên giáo LĐLĐ huyện Diễn Châu"],
                         ids=["plain", "with-title"])
def test_byline_author_is_not_an_official(byline: str) -> None:
    record = officials_of("Đồng chí Lê Thị Hạnh, Chủ tịch Công đoàn xã Nam Đàn phát biểu.", byline=byline)
    assert record["author"] is not None
    assert [o["name"] for o in record["officials"]] == ["Lê Thị Hạnh"]


def test_name_without_title_is_not_an_official() -> None:
    record = officials_of("Anh Nguyễn Văn Bình, công nhân Công ty May Hưng Nguyên, được tặng quà.")
    assert [o["name"] for o in record["officials"]] == []


def test_cluster_role_after_a_dash() -> None:
    record = run("Sáng 11/7, Cụm thi đua số 7 LĐLĐ tỉnh Nghệ An tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.",
                 "Báo cáo tại hội nghị, đồng chí Phan Văn Lực, Chủ tịch LĐLĐ huyện Anh Sơn - Cụm trưởng cho biết "
                 "các đơn vị đã hoàn thành nhiều chỉ tiêu.", title="Cụm thi đua số 7 sơ kết", date="2024-07-12")
    assert official(record, "Phan Văn Lực")["cluster_role"] == "cụm trưởng"
    assert record["cluster_leader"]["unit"] == "Liên đoàn Lao động huyện Anh Sơn"


# --------------------------------------------------------------------------- the grammar: cues before names


@pytest.mark.parametrize(("sentence", "name", "title", "organization"), [
    ("Dự buổi lễ có Đại tá Nguyễn Văn Bình, Chính ủy Bộ Chỉ huy Quân sự tỉnh.",
     "Nguyễn Văn Bình", "Chính ủy", "Bộ Chỉ huy Quân sự tỉnh"),
    ("Chủ trì hội nghị là đồng chí thượng tá Lê Minh Quân – Phó Giám đốc Công an tỉnh Nghệ An.",
     "Lê Minh Quân", "Phó Giám đốc", "Công an tỉnh Nghệ An"),
    ("Thiếu tướng Hồ Văn Tâm - Phó Tư lệnh Quân khu 4 trao cờ thi đua cho các đơn vị.",
     "Hồ Văn Tâm", "Phó Tư lệnh", "Quân khu 4"),
    ("Phát biểu chào mừng, PGS.TS Trần Thị Hoa, Hiệu trưởng Trường Đại học Vinh cảm ơn các đại biểu.",
     "Trần Thị Hoa", "Hiệu trưởng", "Trường Đại học Vinh"),
    ("Có mặt tại buổi lễ có TS. Phan Quốc Việt - Cục trưởng Cục Quan hệ lao động và Tiền lương.",
     "Phan Quốc Việt", "Cục trưởng", "Cục Quan hệ lao động và Tiền lương"),
    ("Bà ThS Đinh Thu Trang, Chủ tịch Công đoàn Trường THPT Nghi Lộc 2 điều hành phần thảo luận.",
     "Đinh Thu Trang", "Chủ tịch", "Công đoàn Trường THPT Nghi Lộc 2"),
], ids=["rank", "rank-after-dong-chi", "general", "degrees-joined", "degree-with-dot", "honorific-and-degree"])
def test_ranks_and_degrees_are_cues_not_titles(sentence: str, name: str, title: str, organization: str) -> None:
    expect(officials_of(sentence), name, title, organization)


@pytest.mark.parametrize(("sentence", "name", "organization"), [
    ("Tham dự có ông Kenji Tanaka, Tổng Giám đốc Công ty TNHH Sakura Việt Nam.",
     "Kenji Tanaka", "Công ty TNHH Sakura Việt Nam"),
    ("Bà H'Lim Niê - Phó Chủ tịch UBND xã Ea Kao phát biểu tại buổi lễ.", "H'Lim Niê", "Ủy ban nhân dân xã Ea Kao"),
], ids=["foreign", "ethnic-minority"])
def test_any_name_after_ong_or_ba(sentence: str, name: str, organization: str) -> None:
    found = official(officials_of(sentence), name)
    assert found["organization"] == organization


def test_a_name_of_other_shape_without_a_cue_is_not_read() -> None:
    record = officials_of("Kenji Tanaka, Tổng Giám đốc Công ty TNHH Sakura Việt Nam tặng quà cho công nhân.")
    assert record["officials"] == []


def test_lowercase_title_after_a_dash() -> None:
    record = officials_of("Đồng chí Mai Thị Lan – chủ tịch LĐLĐ huyện Yên Thành triển khai kế hoạch.")
    expect(record, "Mai Thị Lan", "Chủ tịch", "Liên đoàn Lao động huyện Yên Thành")


# --------------------------------------------------------------------------- chains of roles


def test_chain_of_roles_keeps_every_role_and_takes_the_last_organisation() -> None:
    record = officials_of("Đến dự có đồng chí Phạm Thanh Sơn, Tỉnh ủy viên, Bí thư Huyện ủy, Chủ tịch HĐND huyện "
                          "Quỳnh Lưu.")
    expect(record, "Phạm Thanh Sơn", "Tỉnh ủy viên, Bí thư Huyện ủy, Chủ tịch", "Hội đồng nhân dân huyện Quỳnh Lưu")


@pytest.mark.parametrize(("membership", "title", "organization"), [
    ("Ủy viên Ban Chấp hành Trung ương Đảng, Bí thư Tỉnh ủy Nghệ An", "Bí thư", "Tỉnh ủy Nghệ An"),
    ("UV TW Đảng, Chủ tịch Tổng LĐLĐ VN", "Chủ tịch", "Tổng Liên đoàn Lao động Việt Nam"),
    ("Ủy viên Bộ Chính trị, Bí thư Trung ương Đảng, Trưởng ban Dân vận Trung ương", "Trưởng ban Dân vận Trung ương",
     None),
], ids=["written-out", "abbreviated", "politburo"])
def test_party_membership_is_left_out_of_the_title(membership: str, title: str, organization: str | None) -> None:
    expect(officials_of(f"Hội nghị vinh dự đón đồng chí Lê Hoài Nam, {membership}."), "Lê Hoài Nam", title, organization)


def test_former_applies_to_the_last_role_of_a_chain() -> None:
    record = officials_of("Dự lễ kỷ niệm có ông Đào Văn Lợi, Bí thư Đảng ủy xã Nam Thanh, nguyên Chủ tịch LĐLĐ huyện "
                          "Nam Đàn.")
    expect(record, "Đào Văn Lợi", "Bí thư Đảng ủy xã Nam Thanh, nguyên Chủ tịch", "Liên đoàn Lao động huyện Nam Đàn",
           former=True)


@pytest.mark.parametrize(("words", "title", "organization"), [
    ("Trưởng Ban Thi đua – Khen thưởng tỉnh Hà Tĩnh", "Trưởng Ban", "Ban Thi đua – Khen thưởng tỉnh Hà Tĩnh"),
    ("Phó Trưởng Ban Dân vận Huyện ủy Diễn Châu", "Phó Trưởng Ban Dân vận", "Huyện ủy Diễn Châu"),
    ("Chánh Văn phòng UBND tỉnh", "Chánh Văn phòng", "Văn phòng Ủy ban nhân dân tỉnh"),
    ("Phó trưởng Ban Công đoàn Quốc phòng", "Phó trưởng Ban", "Ban Công đoàn Quốc phòng"),
    ("Trưởng ban Nữ công", "Trưởng ban Nữ công", None),
], ids=["board-with-place", "board-of-a-party-committee", "office", "board-named-by-its-body", "board-alone"])
def test_heads_of_boards_and_offices(words: str, title: str, organization: str | None) -> None:
    expect(officials_of(f"Đồng chí Vương Thị Hạnh - {words}, phát biểu tại hội nghị."), "Vương Thị Hạnh", title,
           organization)


@pytest.mark.parametrize(("words", "title", "organization"), [
    ("Phó TGĐ TCT Xây dựng GTVT 4", "Phó Tổng Giám đốc", "Tổng công ty Xây dựng Giao thông vận tải 4"),
    ("Tổng Giám đốc Công ty CP May Hoàng Mai", "Tổng Giám đốc", "Công ty Cổ phần May Hoàng Mai"),
    ("Chủ tịch CĐ Công ty CP Cao su Nghệ An", "Chủ tịch", "Công đoàn Công ty Cổ phần Cao su Nghệ An"),
    ("Phó Chủ tịch Ủy ban MTTQ VN tỉnh", "Phó Chủ tịch", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
    ("Chủ tịch Công đoàn CSVN", "Chủ tịch", "Công đoàn Cao su Việt Nam"),
], ids=["tgd-tct-gtvt", "cp", "cd", "mttq-vn", "csvn"])
def test_abbreviations_are_written_out(words: str, title: str, organization: str) -> None:
    expect(officials_of(f"Đồng chí Lương Văn Đạt - {words} phát biểu."), "Lương Văn Đạt", title, organization)


# --------------------------------------------------------------------------- lists and appointments


def test_title_shared_by_an_appointment_list() -> None:
    record = officials_of("Theo quyết định, các Phó Chủ tịch LĐLĐ tỉnh Nghệ An gồm các ông, bà: Trần Văn Tuấn, "
                          "Lê Thị Mỹ Hạnh, Nguyễn Đức Thọ.")
    for name in ("Trần Văn Tuấn", "Lê Thị Mỹ Hạnh", "Nguyễn Đức Thọ"):
        expect(record, name, "Phó Chủ tịch", "Liên đoàn Lao động tỉnh Nghệ An")


def test_names_listed_after_a_plural_cue_share_the_title() -> None:
    record = officials_of("Dự hội nghị có các đồng chí Hồ Văn Cường, Phan Thị Nga và Đặng Quốc Bảo, Phó Chủ tịch "
                          "LĐLĐ tỉnh.")
    assert sorted(o["name"] for o in record["officials"]) == ["Hồ Văn Cường", "Phan Thị Nga", "Đặng Quốc Bảo"]
    expect(record, "Phan Thị Nga", "Phó Chủ tịch", "Liên đoàn Lao động tỉnh Nghệ An")


def test_names_before_a_title_without_a_plural_cue_are_not_shared() -> None:
    record = officials_of("Đồng chí Hồ Văn Cường, Phan Thị Nga, Phó Chủ tịch LĐLĐ tỉnh dự hội nghị.")
    assert [o["name"] for o in record["officials"]] == ["Phan Thị Nga"]


@pytest.mark.parametrize("sentence", [
    "Hội nghị đã bầu bà Võ Thị Thanh Tâm giữ chức Chủ tịch Công đoàn Giáo dục tỉnh.",
    "Bà Võ Thị Thanh Tâm được chỉ định làm Chủ tịch Công đoàn Giáo dục tỉnh.",
], ids=["bau-giu-chuc", "duoc-chi-dinh-lam"])
def test_name_linked_to_its_title_by_a_verb_of_appointment(sentence: str) -> None:
    expect(officials_of(sentence), "Võ Thị Thanh Tâm", "Chủ tịch", "Công đoàn Giáo dục tỉnh")


@pytest.mark.parametrize(("sentence", "name", "title", "organization"), [
    ("Chủ tịch LĐLĐ huyện Quế Phong, ông Vi Văn Sơn cho biết cụm đã hoàn thành chỉ tiêu.",
     "Vi Văn Sơn", "Chủ tịch", "Liên đoàn Lao động huyện Quế Phong"),
    ("Đồng chí Nguyễn Thị Thuỷ, Phó Chủ tịch UBND xã Hoà Sơn phát biểu.",
     "Nguyễn Thị Thủy", "Phó Chủ tịch", "Ủy ban nhân dân xã Hòa Sơn"),
    ("Đ/c Lưu Văn Khánh-TUV, Chủ tịch CĐ VC tỉnh tặng quà cho đoàn viên.",
     "Lưu Văn Khánh", "Tỉnh ủy viên, Chủ tịch", "Công đoàn Viên chức tỉnh"),
    ("Dự lễ có đồng chí Cao Văn Phúc, Trưởng ban chính sách pháp luật LĐLĐ tỉnh.",
     "Cao Văn Phúc", "Trưởng ban chính sách pháp luật", "Liên đoàn Lao động tỉnh Nghệ An"),
    ("Chủ tịch LĐLĐ quận Hai Bà Trưng Trịnh Thu Hà cho biết đơn vị đã hoàn thành kế hoạch.",
     "Trịnh Thu Hà", "Chủ tịch", "Liên đoàn Lao động quận Hai Bà Trưng"),
], ids=["title-first-then-cued-name", "common-tone-placement", "abbreviated-seat-after-a-dash",
        "lowercase-board-before-its-parent", "place-holding-an-honorific-word"])
def test_more_shapes_of_the_genre(sentence: str, name: str, title: str, organization: str) -> None:
    expect(officials_of(sentence), name, title, organization)
