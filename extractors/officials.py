"""Named officials: name, title, organisation, ``nguyên`` (former) and cluster role.

Two word orders are read:
- name first: ``đồng chí Nguyễn Văn A, Chủ tịch LĐLĐ huyện X``, ``Nguyễn Văn A - nguyên Phó Chủ tịch ...``
  (also inside lists: ``các đồng chí: A - ...; B - ...``);
- title first: ``Chủ tịch LĐLĐ quận Hoàng Mai Bùi Thị Ngọc Thủy``, where the 2025 map and the
  places the article names tell where the organisation's place ends and the name begins.
A title is needed: names alone (``tư tưởng Hồ Chí Minh``) are not officials.
"""
from __future__ import annotations

import re

from extractors.lexicon import ADMIN, ORG_HEAD, SURNAMES, TITLE, expand, written_org
from extractors.places import is_known_place
from extractors.spans import Span, overlaps

_UP = "A-ZÀÁẢÃẠĂẰẮẲẴẶÂẦẤẨẪẬĐÈÉẺẼẸÊỀẾỂỄỆÌÍỈĨỊÒÓỎÕỌÔỒỐỔỖỘƠỜỚỞỠỢÙÚỦŨỤƯỪỨỬỮỰỲÝỶỸỴ"
_LOW = "a-zàáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ"
_SYL = rf"[{_UP}][{_LOW}]+"
_RUN = rf"{_SYL}(?:[ ]{_SYL})*"
_CUE = r"(?:[Đđ]ồng chí|[Đđ]/c|[Ôô]ng|[Bb]à)"

_NAME_FIRST = re.compile(
    rf"(?=[ĐđÔôBb{_UP}])(?:(?P<cue>{_CUE})\s+)?(?P<name>{_RUN})\s*(?:[-–—,:]|\()\s*(?P<former>nguyên\s+)?(?P<title>{TITLE})(?![{_LOW}])"
)
# The lookaheads on the first word let the regex engine skip most positions quickly.
_TITLE_START = (
    rf"\b(?=UV|[nCcBbTtPpGgHhUuKkVvĐđỦủ][{_LOW}]*[ ,])"
    r"(?=UV|(?:[Cc]hủ|[Pp]hó|[Bb]í|[Tt]rưởng|[Gg]iám|[Cc]hánh|[Hh]iệu|[Tt]ổng|[Cc]huyên|[Ủủ]y|[Tt]hủ|[Cc]ục|[Vv]ụ|"
    r"[Bb]ộ|[Tt]hứ|[Tt]ỉnh|[Tt]hành|[Hh]uyện|[Qq]uận|[Tt]hị|nguyên)[ ,])"
)
_TITLE_FIRST = re.compile(rf"{_TITLE_START}(?P<former>nguyên\s+)?(?P<title>{TITLE})(?![{_LOW}])")
_BAN_WORD = rf"(?!(?:LĐLĐ|Liên đoàn|Công đoàn|CĐ)\b){_SYL}(?: [{_LOW}]+)?"
_BAN_NAME = re.compile(rf"(?:\s+{_BAN_WORD})(?:\s+(?:và\s+|[-–]\s+)?{_BAN_WORD})*")
_CAP = rf"[{_UP}][{_LOW}]*"
# Lowercase second syllables of sector and department names (Y tế, Lao động, Thương binh, Xã hội...).
_SECTOR_TAIL = "kinh tế|tế|dục|chức|dựng|vận tải|thông|nghiệp|binh|hội|động|chính|tra|giáo|công|nông thôn|thôn|sản|nghệ|truyền thông|pháp|sự|vụ|trường|học|hóa|thao|lịch"
_ORG = re.compile(
    rf"\s*(?P<org>(?P<head>{ORG_HEAD})(?:\s+ngành)?"
    rf"(?P<sector>(?:\s+(?:và\s+|-\s+)?(?!{ADMIN}\s+[{_UP}\d])(?:{_CAP}|[A-ZĐ]{{2,6}})(?:\s+(?:{_SECTOR_TAIL}))?)*)"
    rf"(?:\s+(?:các\s+)?(?P<level>{ADMIN})(?P<place>(?:\s+(?:{_CAP}|\d{{1,2}}))*))?)"
)
# Words that end an organisation's name in "Nguyễn Văn A, Giám đốc <organisation> <verb>...".
_AFTER_ORG = (
    r"phát biểu|cho biết|trình bày|chủ trì|báo cáo|nhấn mạnh|đề nghị|khẳng định|chia sẻ|ghi nhận|yêu cầu|đánh giá|"
    r"triển khai|tặng|trao|dự|tới dự|về dự|cùng|đã|đang|sẽ|được|có|là|làm|tại|khai mạc|kết luận|điều hành|quán triệt|"
    r"thông qua|công bố|đọc|giới thiệu|biểu dương|động viên|phát động|lưu ý|tham dự|thăm|bày tỏ|mong|cảm ơn|cũng|nêu|"
    r"thay mặt|tham luận|gợi ý|điểm lại|nhận định|thông tin|chúc mừng|ký|trả lời|giải đáp|nói|cam kết|kiến nghị|"
    r"đề xuất|chỉ đạo|phụ trách|làm việc|trong|với|cho|khi|nhằm|để|vì|theo|về|hướng dẫn|nhận|lên|gửi|hỏi|"
    rf"và(?=\s+(?:[{_LOW}]|{TITLE}|{_CUE}))"
)
_ORG_SPOKEN = re.compile(
    rf"\s*(?P<org>(?P<head>{ORG_HEAD})(?:(?:\s+(?!{ADMIN}(?:\s+[{_UP}\d]|\s*[,;.()]|\s*$)|(?:{_AFTER_ORG})\b)"
    rf"[^\s,;.:()“\"]+){{0,10}}?)"
    rf"(?:\s+(?:các\s+)?(?P<level>{ADMIN})(?P<place>(?:\s+(?:{_CAP}|\d{{1,2}}))*))?)"
    rf"(?=\s*[,;.:()“\"\n]|\s*$|\s+(?:{_AFTER_ORG})\b)"
)
_SECOND_TITLE = re.compile(rf"\s*,\s*(?P<title>{TITLE})(?![{_LOW}])")
_ROLE = re.compile(
    r"\s*[,(\-–]?\s*(?P<role>[Cc]ụm trưởng|[Tt]rưởng [Cc]ụm|[Cc]ụm phó|[Pp]hó [Cc]ụm(?: trưởng)?|[Pp]hó [Tt]rưởng [Cc]ụm|"
    r"[Kk]hối trưởng|[Tt]rưởng [Kk]hối|[Kk]hối phó|[Pp]hó [Kk]hối(?: trưởng)?)"
)


def find_officials(text: str, federation: str | None, known_places: set[str], skip: list[Span]) -> list[dict]:
    """Every official named with a title, once per person (later mentions fill what the first lacked)."""
    found: list[dict] = []
    taken: list[Span] = []
    for match in _NAME_FIRST.finditer(text):
        name = _clean_name(match["name"], bool(match["cue"]))
        if not name or _after_place_word(text, match.start("name")):
            continue
        title, org, end = _title_and_org(text, match.start("title"), match.end("title"), federation)
        official = _official(name, title, org, bool(match["former"]), text, end, (match.start("name"), end))
        if not overlaps(official["evidence"], skip):
            found.append(official)
            taken.append((match.start("title"), end))
    for match in _TITLE_FIRST.finditer(text):
        if overlaps(match.span("title"), taken):
            continue
        title, org, name_span = _title_org_name(text, match, federation, known_places)
        if name_span is None:
            continue
        name = text[name_span[0]:name_span[1]]
        official = _official(name, title, org, bool(match["former"]), text, name_span[1], (match.start(), name_span[1]))
        if not overlaps(official["evidence"], skip):
            found.append(official)
    return _merge(sorted(found, key=lambda o: o["evidence"]))


def _clean_name(run: str, cued: bool) -> str | None:
    """A person's name from a capitalised run: 2-5 syllables; a known surname first unless ``đồng chí`` cued it."""
    words = run.split()
    if cued:
        words = words[-5:]
    else:
        starts = [i for i, w in enumerate(words) if w in SURNAMES and len(words) - i <= 5]
        if not starts:
            return None
        words = words[starts[0]:]
    return " ".join(words) if 2 <= len(words) <= 5 else None


def _after_place_word(text: str, pos: int) -> bool:
    """Whether the capitalised run follows a level word or organisation (it is then a place, not a person)."""
    before = text[max(0, pos - 25):pos].rstrip()
    return bool(re.search(rf"(?:{ADMIN}|LĐLĐ|[Đđ]ường|[Pp]hố|[Tt]rường)$", before))


def _title_end(text: str, start: int, end: int) -> int:
    """Where a title ends: a ``Ban`` title runs on with the board's name (``Phó Ban Tổ chức``)."""
    if re.search(r"[Bb]an$", text[start:end]):
        ban = _BAN_NAME.match(text, end)
        if ban:
            return ban.end()
    return end


def _title_and_org(text: str, start: int, end: int, federation: str | None) -> tuple[str, str | None, int]:
    """The title starting at ``start``, the organisation after it, and where they end.

    Of two titles in a row (``Ủy viên Ban Thường vụ, Trưởng Ban Tổ chức LĐLĐ tỉnh``) the one that names
    the organisation is kept.
    """
    end = _title_end(text, start, end)
    title = _title_case(text[start:end])
    org_match = _ORG_SPOKEN.match(text, end) or _ORG.match(text, end)
    if not org_match:
        second = _SECOND_TITLE.match(text, end)
        if second:
            return _title_and_org(text, second.start("title"), second.end("title"), federation)
        return title, None, end
    return title, written_org(org_match["org"], federation), org_match.end()


def _title_org_name(text: str, match: re.Match[str], federation: str | None,
                    known_places: set[str]) -> tuple[str, str | None, Span | None]:
    """For a title-first mention: title, organisation and the span of the name after it (None if none)."""
    title_end = _title_end(text, match.start("title"), match.end("title"))
    title = _title_case(text[match.start("title"):title_end])
    org_match = _ORG.match(text, title_end)
    if not org_match:
        return title, None, None
    # The name follows the place (``LĐLĐ quận Hoàng Mai Bùi Thị Ngọc Thủy``) or, without a level word,
    # the organisation's own name (``Sở Lao động - Thương binh và Xã hội Trịnh Quốc Bảo``).
    tail = "place" if org_match["place"] else "sector"
    words = list(re.finditer(r"\S+", org_match[tail]))
    base = org_match.start(tail)
    for split in _name_splits([w.group() for w in words], known_places, tail == "place"):
        name_start = base + words[split].start()
        org = written_org(text[org_match.start("org"):name_start].rstrip(), federation)
        return title, org, (name_start, base + words[-1].end())
    return title, None, None


def _name_splits(words: list[str], known_places: set[str], after_level: bool = True) -> list[int]:
    """Where a run after a level word may split into place + person name, most likely first.

    Without a level word (``after_level`` false) the name can only be the run's last capitalised words.
    """
    options = []
    for split in range(len(words) - 1, -1, -1):
        place, name = " ".join(words[:split]), words[split:]
        if not (2 <= len(name) <= 4 and name[0] in SURNAMES) or _is_place(" ".join(name), known_places):
            continue
        if not after_level:
            if split and all(w[0].isupper() for w in name) and words[split - 1] not in {"và", "-"}:
                options.append(split)
            continue
        if split and _is_place(place, known_places):
            options.insert(0, split)
        elif split == 0 or split == 2:
            options.append(split)
    return options


def _is_place(words: str, known_places: set[str]) -> bool:
    return words in known_places or is_known_place(words)


def _title_case(title: str) -> str:
    """``chủ tịch`` → ``Chủ tịch``; abbreviations written out (``UV BTV`` → ``Ủy viên Ban Thường vụ``)."""
    title = expand(re.sub(r"\s+", " ", title))
    return title[0].upper() + title[1:]


def _official(name: str, title: str, org: str | None, former: bool, text: str, end: int, span: Span) -> dict:
    role = _ROLE.match(text, end)
    cluster_role = None
    if role:
        word = role["role"].lower()
        cluster_role = "cụm phó" if "phó" in word else "cụm trưởng"
    return {"name": name, "title": title, "organization": org, "former": former,
            "cluster_role": cluster_role, "evidence": list(span)}


def _merge(officials: list[dict]) -> list[dict]:
    """One entry per name: the first mention, with gaps filled from later ones."""
    by_name: dict[str, dict] = {}
    for official in officials:
        kept = by_name.setdefault(official["name"], official)
        for key in ("organization", "cluster_role"):
            if kept[key] is None and official[key] is not None:
                kept[key] = official[key]
    return list(by_name.values())
