"""Dates (meeting date vs publication date vs the dates of cited documents) and cited documents."""
from __future__ import annotations

from datetime import date

import pytest

from extract_helpers import evidence_of, run, span_text
from extractors.dates import context_year, resolve
from extractors.documents import find_documents, parse_date

TITLE = "Cụm thi đua số 4 tổng kết công tác công đoàn"

# --------------------------------------------------------------------------- meeting date


def test_full_meeting_date() -> None:
    record = run("Sáng 22/11/2024, tại huyện Nghi Lộc, Cụm thi đua số 4 tổ chức hội nghị tổng kết.",
                 title=TITLE, date="2024-11-25")
    assert record["meeting"]["date"] == "2024-11-22"
    assert evidence_of(record, "meeting.date") == "22/11/2024"
    assert record["published_date"] == "2024-11-25"


def test_written_out_meeting_date() -> None:
    record = run("Ngày 12 tháng 3 năm 2024, Cụm thi đua số 4 tổ chức hội nghị ký kết giao ước thi đua.",
                 title=TITLE, date="2024-03-20")
    assert record["meeting"]["date"] == "2024-03-12"
    assert "12 tháng 3" in evidence_of(record, "meeting.date")


def test_document_date_is_not_the_meeting_date() -> None:
    record = run("Căn cứ Quyết định số 512/QĐ-LĐLĐ ngày 03/4/2024 của LĐLĐ tỉnh Nghệ An, sáng 22/11/2024, "
                 "Cụm thi đua số 4 tổ chức hội nghị tổng kết.", title=TITLE, date="2024-11-23")
    assert record["meeting"]["date"] == "2024-11-22"
    assert record["documents"][0]["date"] == "2024-04-03"


def test_only_a_document_date_gives_no_meeting_date() -> None:
    record = run("Thực hiện Kế hoạch số 45/KH-LĐLĐ ngày 10/01/2024 của LĐLĐ tỉnh, Cụm thi đua số 4 đã tổ chức "
                 "hội nghị tổng kết công tác thi đua.", title=TITLE, date="2024-12-20")
    assert record["meeting"]["date"] is None
    assert all(f["value"] not in (10, 2024) for f in record["figures"])


def test_publication_dateline_is_not_the_meeting_date() -> None:
    record = run("08:45 | 21/06/2023",
                 "Sáng 20/6, tại huyện Tương Dương, Cụm thi đua số 7 LĐLĐ tỉnh Nghệ An tổ chức hội nghị sơ kết.",
                 title="Cụm thi đua số 7 sơ kết 6 tháng đầu năm")
    assert record["published_date"] == "2023-06-21"
    assert record["meeting"]["date"] == "2023-06-20"
    assert evidence_of(record, "meeting.date") == "20/6"
    assert evidence_of(record, "published_date") == "21/06/2023"


@pytest.mark.parametrize(("lead", "published", "expected", "written"), [
    ("Sáng 30/11, Cụm thi đua số 4 tổ chức hội nghị tổng kết công tác năm.", "2024-12-02", "2024-11-30", "30/11"),
    ("Sáng 30/11, Cụm thi đua số 4 tổ chức hội nghị tổng kết công tác năm.", "2025-01-03", "2024-11-30", "30/11"),
    ("Sáng nay (14/6), Cụm thi đua số 4 tổ chức hội nghị sơ kết.", "2023-06-14", "2023-06-14", "14/6"),
    ("Chiều qua (2/1), Cụm thi đua số 4 tổ chức giao ban đầu năm.", "2025-01-03", "2025-01-02", "2/1"),
    ("Chiều 9/8, Cụm thi đua số 4 tổ chức hội nghị giao ban.", "2025-08-09", "2025-08-09", "9/8"),
    ("Sáng thứ Năm (7/8), Cụm thi đua số 4 tổ chức hội nghị giao ban.", "2025-08-09", "2025-08-07", "7/8"),
], ids=["same-year", "previous-year", "sang-nay", "chieu-qua", "same-day", "weekday"])
def test_day_without_year_takes_the_year_of_publication(lead: str, published: str, expected: str,
                                                        written: str) -> None:
    record = run(lead, title=TITLE, date=published)
    assert record["meeting"]["date"] == expected
    assert evidence_of(record, "meeting.date") == written


def test_day_without_year_and_no_publication_date_takes_the_headline_year() -> None:
    record = run("Sáng 30/11, Cụm thi đua số 4 tổ chức hội nghị tổng kết công tác năm. Năm 2021, các đơn vị đã nỗ lực.",
                 title="Cụm thi đua số 4 tổng kết năm 2019")
    assert record["published_date"] is None
    assert record["meeting"]["date"] == "2019-11-30"


def test_day_without_year_and_no_publication_date_takes_the_year_the_text_names_most() -> None:
    record = run("Sáng 30/11, Cụm thi đua số 4 tổ chức hội nghị tổng kết công tác năm 2021.",
                 "Năm 2021, các đơn vị đã nỗ lực vượt qua khó khăn; năm 2022 cụm tiếp tục đổi mới.",
                 "Các chỉ tiêu năm 2021 đều hoàn thành.", title=TITLE)
    assert record["meeting"]["date"] == "2021-11-30"


def test_day_without_year_and_no_year_anywhere_is_unknown() -> None:
    record = run("Chiều 5/12, Cụm thi đua số 4 tổ chức hội nghị tổng kết công tác.", title=TITLE)
    assert record["meeting"]["date"] is None
    assert "meeting.date" not in record["evidence"]


@pytest.mark.parametrize(("day_month", "published", "hint", "expected"), [
    ((30, 11), date(2024, 12, 2), None, date(2024, 11, 30)),
    ((30, 11), date(2025, 1, 3), 2030, date(2024, 11, 30)),
    ((3, 1), date(2025, 1, 2), None, date(2025, 1, 3)),
    ((30, 11), None, 2019, date(2019, 11, 30)),
    ((30, 2), None, 2024, None),
    ((5, 5), None, None, None),
])
def test_resolve(day_month, published, hint, expected) -> None:
    assert resolve(day_month, published, hint) == expected


def test_context_year_prefers_the_headline() -> None:
    text = "Cụm thi đua số 1 sơ kết năm 2022\n\nNăm 2023 và năm 2023 nữa."
    assert context_year(text, text.index("\n\n")) == 2022
    assert context_year("Không có năm\n\nNăm 2023, năm 2024, năm 2023.", 12) == 2023


# --------------------------------------------------------------------------- documents


def squashed(text: str) -> str:
    return "".join(text.split()).replace("–", "-")


@pytest.mark.parametrize(("sentence", "expected"), [
    ("Thực hiện Quyết định số 812/QĐ-LĐLĐ ngày 21/3/2024 của LĐLĐ tỉnh Hà Tĩnh về việc kiện toàn các cụm.",
     {"number": "812/QĐ-LĐLĐ", "type": "Quyết định", "date": "2024-03-21",
      "issuer": "Liên đoàn Lao động tỉnh Hà Tĩnh"}),
    ("Các đơn vị thực hiện theo Hướng dẫn số 09/HD-LĐLĐ về công tác thi đua.",
     {"number": "09/HD-LĐLĐ", "type": "Hướng dẫn", "date": None, "issuer": None}),
    ("Cụm tiếp tục quán triệt Nghị quyết số 05-NQ/TW của Bộ Chính trị.",
     {"number": "05-NQ/TW", "type": "Nghị quyết", "date": None, "issuer": "Bộ Chính trị"}),
    ("Theo Kế hoạch số 117/KH-CĐN ngày 5 tháng 2 năm 2024 của Công đoàn ngành Giáo dục, các đơn vị triển khai.",
     {"number": "117/KH-CĐN", "type": "Kế hoạch", "date": "2024-02-05", "issuer": "Công đoàn ngành Giáo dục"}),
    ("Cụm nhận được Công văn số 1024/LĐLĐ-TC ngày 09/10/2023 về việc chuẩn bị hội nghị.",
     {"number": "1024/LĐLĐ-TC", "type": "Công văn", "date": "2023-10-09", "issuer": None}),
    ("Thông báo số 33/TB-LĐLĐ ngày 02/01/2024 đã nêu rõ thời gian tổ chức hội nghị.",
     {"number": "33/TB-LĐLĐ", "type": "Thông báo", "date": "2024-01-02", "issuer": None}),
    ("Thực hiện Hướng dẫn số 27/HD – LĐLĐ ngày 4/3/2024 của LĐLĐ tỉnh Hà Tĩnh, các cụm sơ kết.",
     {"number": "27/HD-LĐLĐ", "type": "Hướng dẫn", "date": "2024-03-04", "issuer": "Liên đoàn Lao động tỉnh Hà Tĩnh"}),
    ("Căn cứ Hướng dẫn số 905/HD -TLĐ ngày 15/10/2023 của Đoàn Chủ tịch Tổng LĐLĐ VN về hoạt động cụm.",
     {"number": "905/HD-TLĐ", "type": "Hướng dẫn", "date": "2023-10-15",
      "issuer": "Đoàn Chủ tịch Tổng Liên đoàn Lao động Việt Nam"}),
    ("Cụm quán triệt Nghị quyết số 07-NQ/TW ngày 20-5-2022 của Bộ Chính trị về công tác dân vận.",
     {"number": "07-NQ/TW", "type": "Nghị quyết", "date": "2022-05-20", "issuer": "Bộ Chính trị"}),
    ("Theo Kế hoạch số 31/KH-CĐ ngày 8.2.2024 của Công đoàn ngành Y tế, các đơn vị ra quân.",
     {"number": "31/KH-CĐ", "type": "Kế hoạch", "date": "2024-02-08", "issuer": "Công đoàn ngành Y tế"}),
    ("Các đơn vị giám sát việc thực hiện Nghị quyết 45/NQ-CP về hỗ trợ người lao động.",
     {"number": "45/NQ-CP", "type": "Nghị quyết", "date": None, "issuer": "Chính phủ"}),
    ("Quyết định 812/QĐ-TTg đã phê duyệt đề án.",
     {"number": "812/QĐ-TTg", "type": "Quyết định", "date": None, "issuer": "Thủ tướng Chính phủ"}),
    ("Nghị định 77/2021/NĐ-CP quy định chế độ phụ cấp.",
     {"number": "77/2021/NĐ-CP", "type": "Nghị định", "date": None, "issuer": "Chính phủ"}),
    ("Luật số 15/2019/QH14 có hiệu lực từ năm sau.",
     {"number": "15/2019/QH14", "type": "Luật", "date": None, "issuer": "Quốc hội"}),
    ("Thực hiện Nghị quyết số 4b/NQ-TLĐ ngày 9/5/2018 của BCH Tổng LĐLĐ Việt Nam, các cấp triển khai.",
     {"number": "4b/NQ-TLĐ", "type": "Nghị quyết", "date": "2018-05-09",
      "issuer": "Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam"}),
    ("Cụm học tập Kết luận số 03-KL/TW, ngày 11/4/2022 của Ban Bí thư về công tác thi đua.",
     {"number": "03-KL/TW", "type": "Kết luận", "date": "2022-04-11", "issuer": "Ban Bí thư"}),
    ("Kế hoạch số 416 KH/TWĐTN ngày 2/8/2023 của Ban Chấp hành Trung ương Đoàn được triển khai.",
     {"number": "416 KH/TWĐTN", "type": "Kế hoạch", "date": "2023-08-02",
      "issuer": "Ban Chấp hành Trung ương Đoàn"}),
    ("Quyết định số 64/QĐ-LĐLĐ do Ban Thường vụ LĐLĐ tỉnh Nghệ An ban hành ngày 6/6/2024 đã kiện toàn cụm.",
     {"number": "64/QĐ-LĐLĐ", "type": "Quyết định", "date": "2024-06-06",
      "issuer": "Ban Thường vụ Liên đoàn Lao động tỉnh Nghệ An"}),
], ids=["quyet-dinh", "huong-dan", "nghi-quyet", "ke-hoach-written-date", "cong-van", "thong-bao",
     "spaced-en-dash", "dash-spaced-before", "dashed-date", "dotted-date", "issuer-from-code", "prime-minister",
     "year-in-number", "law", "letter-suffix", "comma-before-date", "space-for-slash", "issued-by"])
def test_document(sentence: str, expected: dict) -> None:
    found = find_documents(sentence)
    assert len(found) == 1
    document = found[0]
    assert {k: document[k] for k in expected} == expected
    start, end = document["evidence"]
    assert squashed(expected["number"]) in squashed(sentence[start:end])  # the number as cited, spaces aside


@pytest.mark.parametrize(("sentence", "issuer"), [
    ("Căn cứ Hướng dẫn số 07/HD-SGDĐT ngày 4/1/2024 của Sở Giáo dục và Đào tạo và kế hoạch của cụm, các đơn vị "
     "đăng ký thi đua.", "Sở Giáo dục và Đào tạo"),
    ("Thực hiện Công văn số 210/SVHTTDL-VP của Sở Văn hóa, Thể thao và Du lịch về hội thao công nhân.",
     "Sở Văn hóa, Thể thao và Du lịch"),
    ("Theo Kế hoạch số 33/KH-UBND của Ủy ban nhân dân huyện và các ngành liên quan, hội nghị được tổ chức.",
     "Ủy ban nhân dân huyện"),
], ids=["sector-with-va-then-va", "sector-with-comma-and-va", "va-after-a-plain-issuer"])
def test_an_issuer_is_not_cut_inside_a_sector_name(sentence: str, issuer: str) -> None:
    document, = find_documents(sentence)
    assert document["issuer"] == issuer
    start, end = document["evidence"]
    assert sentence[start:end].endswith(issuer)


def test_a_second_number_after_one_type_word() -> None:
    found = find_documents("Thực hiện Hướng dẫn số 14/HD-LĐLĐ và 52/HD-LĐLĐ ngày 3/9/2024 của LĐLĐ huyện Nam Đàn.")
    assert [(d["number"], d["type"], d["date"]) for d in found] == [
        ("14/HD-LĐLĐ", "Hướng dẫn", None), ("52/HD-LĐLĐ", "Hướng dẫn", "2024-09-03")]


def test_a_spaced_dash_takes_no_following_organisation() -> None:
    found = find_documents("Theo Kế hoạch số 19/KH-LĐLĐ - UBND tỉnh phối hợp tổ chức Tháng Công nhân.")
    assert [d["number"] for d in found] == ["19/KH-LĐLĐ"]


def test_a_spaced_dash_needs_a_code_after_it() -> None:
    assert find_documents("Cụm thi đua số 12 - Ban Tổ chức họp bàn kế hoạch.") == []


def test_document_type_from_its_number_when_not_written() -> None:
    found = find_documents("Theo số 88/TB-LĐLĐ, hội nghị được lùi lại một tuần.")
    assert [(d["number"], d["type"]) for d in found] == [("88/TB-LĐLĐ", "Thông báo")]


def test_document_cited_twice_is_listed_once() -> None:
    text = ("Thực hiện Quyết định số 812/QĐ-LĐLĐ ngày 21/3/2024, các cụm được kiện toàn. "
            "Quyết định số 812/QĐ-LĐLĐ cũng quy định cụm trưởng luân phiên.")
    found = find_documents(text)
    assert len(found) == 1
    assert found[0]["date"] == "2024-03-21"


def test_a_plain_number_is_no_document() -> None:
    assert find_documents("Cụm có số 3 đơn vị và đạt 98% kế hoạch năm 2024.") == []


def test_documents_in_a_record_with_evidence() -> None:
    record = run("Căn cứ Hướng dẫn số 21/HD-LĐLĐ ngày 15/01/2025 của LĐLĐ tỉnh Nghệ An và Chỉ thị số 12-CT/TU "
                 "ngày 18/11/2023 của Ban Thường vụ Tỉnh ủy, sáng 12/3/2025 Cụm thi đua số 2 ký kết giao ước thi đua.",
                 title="Cụm thi đua số 2 ký kết giao ước", date="2025-03-13")
    numbers = [d["number"] for d in record["documents"]]
    assert numbers == ["21/HD-LĐLĐ", "12-CT/TU"]
    assert [d["date"] for d in record["documents"]] == ["2025-01-15", "2023-11-18"]
    for document in record["documents"]:
        assert document["number"] in span_text(record, document["evidence"])
    assert record["meeting"]["date"] == "2025-03-12"


@pytest.mark.parametrize(("written", "iso"), [
    ("10/7/2025", "2025-07-10"), ("03/04/2024", "2024-04-03"), ("5 tháng 2 năm 2024", "2024-02-05"),
    ("12-6-2021", "2021-06-12"), ("8.2.2024", "2024-02-08"),
    ("40/7/2025", None), ("10/13/2025", None),
])
def test_parse_date(written: str, iso: str | None) -> None:
    assert parse_date(written) == iso


def test_a_bare_federation_issuer_is_the_articles_federation() -> None:
    record = run("Sáng 11/7, Cụm thi đua số 7 LĐLĐ thành phố Hà Nội tổ chức hội nghị sơ kết.",
                 "Thực hiện Kế hoạch số 81/KH-LĐLĐ ngày 15/1/2024 của LĐLĐ Thành phố, các đơn vị đã vào cuộc.",
                 title="Cụm thi đua số 7 sơ kết", date="2024-07-12")
    document = next(d for d in record["documents"] if d["number"] == "81/KH-LĐLĐ")
    assert document["issuer"] == "Liên đoàn Lao động thành phố Hà Nội"


def test_a_day_written_with_a_dot_after_a_cue() -> None:
    record = run("Ngày 20.12, Cụm thi đua số 5 LĐLĐ tỉnh Hà Tĩnh tổ chức hội nghị tổng kết năm 2024.",
                 title="Cụm thi đua số 5 tổng kết", date="2024-12-21")
    assert record["meeting"]["date"] == "2024-12-20"


# --------------------------------------------------------------------------- the meeting's own date


def test_the_meetings_date_beats_every_cited_documents_date() -> None:
    record = run("Thực hiện Hướng dẫn số 12/HD – LĐLĐ ngày 5/1/2024 của LĐLĐ tỉnh; Kế hoạch số 31/KH-LĐLĐ ngày "
                 "10/1/2024, chiều ngày 14/3/2024, tại huyện Yên Thành, Cụm thi đua số 4 tổ chức ký kết giao ước.",
                 title=TITLE, date="2024-03-15")
    assert record["meeting"]["date"] == "2024-03-14"
    assert evidence_of(record, "meeting.date") == "14/3/2024"


@pytest.mark.parametrize(("lead", "title", "expected"), [
    ("Sáng 28/11, Khối thi đua số 2 tổ chức hội nghị tổng kết công tác năm 2023 và ký kết giao ước năm 2024.",
     "Khối thi đua số 2 đi đầu phong trào", "2023-11-28"),
    ("Sáng 15/1, Khối thi đua số 2 tổ chức hội nghị ký kết giao ước thi đua năm 2024.",
     "Khối thi đua số 2 ký kết giao ước", "2024-01-15"),
    ("Sáng 15/1, Khối thi đua số 2 tổ chức hội nghị tổng kết công tác năm 2023.",
     "Khối thi đua số 2 tổng kết", "2024-01-15"),
    ("Ngày 12.6, Cụm thi đua số 4 tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.",
     "Cụm thi đua số 4 sơ kết", "2024-06-12"),
], ids=["review-late-in-its-year", "signing-early-in-its-year", "review-early-next-year", "dot-date"])
def test_a_day_without_year_takes_it_from_the_period_named(lead: str, title: str, expected: str) -> None:
    record = run(lead, "Năm 2025, các đơn vị tiếp tục đổi mới; năm 2025 cụm đặt nhiều chỉ tiêu mới cho năm 2025.",
                 title=title)
    assert record["published_date"] is None
    assert record["meeting"]["date"] == expected


def test_vua_qua_alone_gives_no_date() -> None:
    record = run("Vừa qua, Cụm thi đua số 4 tổ chức hội nghị sơ kết 6 tháng đầu năm 2024.",
                 title="Cụm thi đua số 4 sơ kết 6 tháng đầu năm", date="2024-07-20")
    assert record["meeting"]["type"] == "sơ kết"
    assert record["meeting"]["date"] is None


@pytest.mark.parametrize("dateline", ["24/07/2024 18:24", "Thứ tư, 24/07/2024 - 16:20", "Nghệ An, ngày 24/07/2024"],
                         ids=["date-time", "weekday", "place-and-date"])
def test_a_date_line_is_not_the_meeting_date(dateline: str) -> None:
    record = run(dateline, "Dự hội nghị sơ kết của Cụm thi đua số 4 có đại diện lãnh đạo LĐLĐ tỉnh và các đơn vị "
                 "thành viên trong cụm.", title="Cụm thi đua số 4 sơ kết 6 tháng đầu năm")
    assert record["meeting"]["date"] is None


def test_a_date_range_in_brackets_is_not_the_meeting_date() -> None:
    record = run("Kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam (28/7/1929 - 28/7/2024), sáng 26/7, Cụm thi đua "
                 "số 4 tổ chức giao lưu thể thao.", title=TITLE, date="2024-07-27")
    assert record["meeting"]["date"] == "2024-07-26"


def test_full_date_with_the_period_anchor() -> None:
    assert resolve((25, 11), None, 2023, date(2022, 12, 31)) == date(2022, 11, 25)
    assert resolve((15, 1), None, 2030, date(2024, 1, 1)) == date(2024, 1, 15)
    assert resolve((15, 1), date(2024, 1, 20), 2030, date(2020, 1, 1)) == date(2024, 1, 15)
