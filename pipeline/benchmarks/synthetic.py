"""Synthetic emulation-cluster articles and records for the scale tests and the benchmarks.

The articles are plain-text files in the shape of real ones (a ``date``
then title line, body paragraphs, byline) with varied provinces, clusters,
meeting types, years, officials, member wards and figures. Officials come
from a fixed pool, so the same person turns up in many articles and clusters.
"""
from __future__ import annotations

import random
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from pipeline.archive.index import fold_key

FAMILY_NAMES = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE_NAMES = ["Văn", "Thị", "Minh", "Thanh", "Đức", "Thu", "Quang", "Ngọc"]
GIVEN_NAMES = ["Hòa", "Thủy", "Hùng", "Lan", "Tuấn", "Hương", "Sơn", "Mai", "Dũng", "Yến", "Khánh", "Phúc"]
TITLES = ["Chủ tịch", "Phó Chủ tịch", "Phó Chủ tịch thường trực", "Trưởng ban Tổ chức"]
MEETINGS = [
    ("sơ kết", "6 tháng đầu năm {year}"),
    ("tổng kết", "năm {year}"),
    ("giao ban", "quý III năm {year}"),
    ("ký kết giao ước", "năm {year}"),
]
AUTHORS = ["Minh Châu", "Hải Đăng", "Thu Trang", "Quốc Bảo"]
OFFICIAL_POOL = 60


def official_names(rng: random.Random) -> list[str]:
    """A fixed pool of distinct full names."""
    names: set[str] = set()
    while len(names) < OFFICIAL_POOL:
        names.add(f"{rng.choice(FAMILY_NAMES)} {rng.choice(MIDDLE_NAMES)} {rng.choice(GIVEN_NAMES)}")
    return sorted(names)


def province_wards() -> list[tuple[str, str, list[str]]]:
    """(bare province name, ``tỉnh`` or ``thành phố``, its 2025 ward names such as ``phường Quảng Phú``)."""
    from vietnam_provinces import Province, Ward

    from extractors.places import bare_name

    result = []
    for province in Province.iter_all():
        wards = [w.name[0].lower() + w.name[1:] for w in Ward.iter_by_province(province.code)
                 if w.division_type.value in ("phường", "xã")]
        kind = "tỉnh" if province.division_type.value == "tỉnh" else "thành phố"
        result.append((bare_name(province.name), kind, wards))
    return result


def article_texts(n: int, seed: int = 0) -> Iterator[str]:
    """The texts of ``n`` synthetic articles, the same for the same seed."""
    rng = random.Random(seed)
    people = official_names(rng)
    provinces = province_wards()
    for _ in range(n):
        yield article_text(rng, people, *rng.choice(provinces))


def article_text(rng: random.Random, people: list[str], province: str, kind: str, wards: list[str]) -> str:
    """One article about a cluster meeting in ``province``."""
    year = rng.randint(2018, 2025)
    month, day = rng.randint(1, 12), rng.randint(1, 28)
    meeting, period = rng.choice(MEETINGS)
    period = period.format(year=year)
    cluster = f"{rng.choice(['Cụm', 'Khối'])} thi đua số {rng.randint(1, 12)}"
    federation = f"Liên đoàn Lao động {kind} {province}"
    members = rng.sample(wards, k=min(len(wards), rng.randint(4, 9)))
    host = members[0]
    guest, leader, deputy = rng.sample(people, k=3)
    members_text = ", ".join(f"Công đoàn {m}" for m in members)
    recruits, share, gifts = rng.randint(80, 4000), rng.randint(600, 1000) / 10, rng.randint(50, 900)
    money = rng.randint(2, 60) / 10
    document = f"{rng.randint(10, 999)}/QĐ-LĐLĐ"
    title = f"{cluster} {federation} {meeting} công tác thi đua {period}"
    body = [
        f"Ngày {day}/{month}/{year}, tại hội trường {host}, {cluster} thuộc {federation} "
        f"đã tổ chức hội nghị {meeting} công tác thi đua {period}.",
        f"Về dự hội nghị có đồng chí {guest}, {rng.choice(TITLES)} {federation}; đồng chí {leader}, "
        f"Chủ tịch Công đoàn {host}, cụm trưởng, chủ trì hội nghị; đồng chí {deputy}, "
        f"Chủ tịch Công đoàn {members[1]}, cụm phó.",
        f"Theo Quyết định số {document} của {federation}, {cluster} hiện có {len(members)} thành viên "
        f"là Công đoàn các phường, xã: {members_text}.",
        f"Báo cáo tại hội nghị cho biết, trong {period} các đơn vị trong cụm đã kết nạp mới "
        f"{vi_number(recruits)} đoàn viên, đạt {vi_number(share)}% kế hoạch đề ra; trao tặng {gifts} suất quà "
        f"cho đoàn viên có hoàn cảnh khó khăn với tổng số tiền khoảng {vi_number(money)} tỉ đồng.",
        "Các thành viên đã trao đổi kinh nghiệm trong việc chăm lo đời sống người lao động, thương lượng "
        "thỏa ước lao động tập thể và xây dựng tổ chức công đoàn cơ sở vững mạnh.",
        f"Phát biểu kết luận, đồng chí {guest} ghi nhận những cố gắng của các đơn vị và đề nghị cụm "
        f"tiếp tục đổi mới cách thức tổ chức phong trào thi đua, phấn đấu hoàn thành các chỉ tiêu năm {year + 1}.",
        rng.choice(AUTHORS),
    ]
    published = f"{year}-{month:02d}-{day:02d}"
    return "\n\n".join([f"date {published} {title}", *body]) + "\n"


def vi_number(value: float) -> str:
    """A number written the Vietnamese way: ``15.248`` for thousands, ``88,2`` for decimals."""
    if isinstance(value, int):
        return f"{value:,}".replace(",", ".")
    return str(value).replace(".", ",")


def write_articles(folder: Path, n: int, seed: int = 0) -> None:
    """Write ``n`` synthetic article files ``000000.txt``… into ``folder``, one at a time."""
    folder.mkdir(parents=True, exist_ok=True)
    for number, text in enumerate(article_texts(n, seed)):
        (folder / f"{number:06d}.txt").write_text(text, encoding="utf-8")


SENTENCES = [
    "Các đơn vị trong cụm đã chăm lo đời sống cho đoàn viên và người lao động.",
    "Hội nghị thống nhất đề ra chỉ tiêu phát triển đoàn viên trong thời gian tới.",
    "Phong trào thi đua lao động giỏi được triển khai rộng khắp tại cơ sở.",
    "Công tác tuyên truyền pháp luật cho công nhân được đẩy mạnh.",
    "Nhiều sáng kiến cải tiến kỹ thuật đã được áp dụng vào sản xuất.",
    "Các công đoàn cơ sở tổ chức thăm hỏi, tặng quà cho đoàn viên khó khăn.",
]


def meeting_record(rng: random.Random, i: int, people: list[str], provinces: list[tuple]) -> dict:
    """A made-up meeting record, with officials from the pool ``people``, and a text of about 3,000 characters."""
    province, kind, wards = rng.choice(provinces)
    members = rng.sample(wards, k=min(len(wards), 6))
    names = rng.sample(people, k=4)
    number, (meeting_type, period) = rng.randint(1, 12), rng.choice(MEETINGS)
    day = date.fromordinal(date(2018, 1, 1).toordinal() + rng.randrange(2900))
    cluster = f"Cụm thi đua số {number}"
    title = f"{cluster} {meeting_type} tại {members[0]}"
    body = [title, f"Ngày {day:%d/%m/%Y}, {cluster} Liên đoàn Lao động {kind} {province} họp tại {members[0]}."]
    body += [f"Đồng chí {name} phát biểu tại hội nghị." for name in names]
    body += [f"Thành viên của cụm: {', '.join(f'Công đoàn {m}' for m in members)}."]
    body += rng.choices(SENTENCES, k=40)
    return {
        "source": f"synthetic-{i:06d}.txt", "url": None, "title": title,
        "cluster": {"number": number, "name": cluster, "kind": "cụm"}, "province": province,
        "meeting": {"date": day.isoformat(), "type": meeting_type, "location": members[0],
                    "period": period.format(year=day.year)},
        "officials": [{"name": name} for name in names],
        "member_units": [{"name": f"Công đoàn {m}"} for m in members],
        "text": "\n".join(body),
    }


def search_queries(rng: random.Random, count: int, people: list[str], provinces: list[tuple]) -> list[dict]:
    """A mix of name, cluster-and-place and phrase searches, with and without accents, some filtered."""
    queries = []
    for i in range(count):
        province, _, wards = rng.choice(provinces)
        place = rng.choice(wards).split(" ", 1)[-1]
        text = [
            rng.choice(people),
            f"cum thi dua so {rng.randint(1, 12)} {fold_key(place)}",
            fold_key(rng.choice(people)),
            "sáng kiến cải tiến",
        ][i % 4]
        filters = {"province": province} if i % 3 == 0 else {}
        if i % 5 == 0:
            filters.update(since="2020-01-01", until="2023-12-31")
        queries.append({"text": text, **filters})
    return queries
