"""Quantitative results and targets: ``15.248 đoàn viên``, ``trên 3,5 tỉ đồng``, ``đạt 88,2%``.

A number is a figure when a percent sign, a sum of money or a counted noun
follows it. Dates, periods, document and cluster numbers, member counts and
the numbers inside programme names (``Chương trình 1 triệu sáng kiến``) are
left out: their spans are skipped, and time words are not counted nouns.
"""
from __future__ import annotations

import bisect
import re

from extractors.lexicon import expand
from extractors.numbers import SCALES, as_int_if_whole, parse_number
from extractors.spans import Span, overlaps

# Counted nouns, longest first; "lượt" takes the noun after it ("lượt cán bộ").
COUNTED = sorted([
    "đoàn viên", "công đoàn cơ sở", "CĐCS", "công đoàn", "suất quà", "suất", "phần quà", "phần", "ngôi nhà",
    "nhà", "căn nhà", "Mái ấm Công đoàn", "hoạt động", "sáng kiến", "lớp", "người", "người lao động", "lao động",
    "CNVCLĐ", "CNLĐ", "NLĐ", "doanh nghiệp", "cán bộ", "hộ", "gia đình", "trẻ em", "cháu", "học sinh",
    "sinh viên", "cuộc", "buổi", "đợt", "công trình", "đề tài", "giải pháp", "thí sinh", "bài", "tin", "đội",
    "vận động viên", "VĐV", "tập thể", "cá nhân", "mô hình", "thỏa ước", "bản thỏa ước", "hợp đồng", "vụ",
    "trường hợp", "huy chương", "bằng khen", "giấy khen", "cờ thi đua", "tổ", "nhóm", "đảng viên", "hội viên",
    "sản phẩm", "tấn", "ý kiến", "kiến nghị", "quầy", "chuyến xe", "vé", "xe", "công nhân", "viên chức",
    "giáo viên", "y bác sĩ", "lao động nữ", "nữ đoàn viên", "đoàn viên mới", "chương trình phúc lợi",
    "học viên", "mái ấm công đoàn", "mái ấm", "căn hộ", "thiết chế", "điểm trường",
], key=len, reverse=True)
# A counted noun must not be the first syllable of another word ("tổ chức", "đội ngũ", "tin tưởng").
_NOT_A_NOUN_AFTER = r"(?!\w)(?!\s+(?:chức|ngũ|học|tưởng|tức|trợ)\b)"
_NOUN = "|".join(re.escape(n) for n in COUNTED)
_NUMBER = r"\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?|\d+\.\d{1,2}(?!\d)"
FIGURE = re.compile(
    rf"(?=\d)(?<![\w/.,\-])(?P<num>{_NUMBER})(?!(?!đ(?!\w))[\w/\-]|[.,]\d)"
    rf"(?:\s*(?P<pct>%|phần trăm)"
    rf"|\s*(?P<scale>tỷ|tỉ|triệu|nghìn|ngàn)?(?:\s+(?P<num2>\d{{1,3}})\s*(?P<scale2>triệu|nghìn|ngàn))?"
    rf"\s*(?P<money>đồng|VNĐ|VND|đ)(?!\w)"
    rf"|\s+(?:(?P<mscale>tỷ|tỉ|triệu|nghìn|ngàn)\s+)?(?P<unit>(?:lượt\s+)?(?:{_NOUN})){_NOT_A_NOUN_AFTER}"
    rf"|\s+(?P<units_of>đơn vị)\s+(?P<unit_kind>Công đoàn cơ sở|công đoàn cơ sở|CĐCS|công đoàn|doanh nghiệp))"
)
_COMPARATOR_BEFORE = re.compile(
    r"(?:(?P<gt>trên|hơn|vượt|vượt mức)|(?P<approx>gần|khoảng|xấp xỉ|chừng|ước|ước tính)|(?P<lt>dưới|chưa đến|chưa tới)"
    r"|(?P<le>không quá|tối đa)|(?P<ge>tối thiểu|ít nhất))\s*$",
    re.IGNORECASE,
)
# Numbers that name rather than count: "số 3", "lần thứ 5", "khóa 12".
_IDENTIFIER_BEFORE = re.compile(r"(?:\bsố|\bthứ|\bkhóa|\bkhoá|\bđợt)\s*$")
# Any noun counted after an action verb ("trao 300 mũ bảo hộ"), when it is not in COUNTED.
_ACTION_FIGURE = re.compile(
    r"\b(?:trao tặng|tặng|trao|thành lập|kết nạp|phát triển|hỗ trợ|xây mới|xây dựng|sửa chữa|thu hút|vận động|thăm hỏi|"
    r"thăm|khám bệnh cho|khám|cấp phát|cấp|đào tạo|khen thưởng|biểu dương|tôn vinh|tập huấn cho)"
    r"(?:\s+(?:mới|thêm|được|cho|tổng cộng))*\s+(?=\d)(?P<num>" + _NUMBER + r")(?![\w/\-]|[.,]\d)"
    r"\s+(?P<unit>[a-zà-ỹđ]+(?:\s+(?!(?:cho|của|và|với|tại|trong|để|đến|từ|các|những|được|đã|có|là|ở|trên|nhân)\b)[a-zà-ỹđ]+)?)"
)
_NOT_COUNTED = re.compile(
    r"^(?:tháng|năm|ngày|giờ|phút|tuần|quý|lần|kỳ|nhiệm kỳ|giai đoạn|bên|nội dung|nhiệm vụ|số|khâu|mặt|vấn đề|"
    r"chỉ tiêu|tiêu chí|điểm|đơn vị|cấp|loại|khối|cụm|phần trăm)\b"
)
_SYMBOLS = {"gt": ">", "approx": "~", "lt": "<", "le": "<=", "ge": ">="}
_AT_LEAST_AFTER = re.compile(r"[^,;.:]{0,40}?trở lên")
_TARGET_CUES = re.compile(
    r"\b(?=[pmđcshndgPMĐCSHNDG])(?:phấn đấu|mục tiêu|đề ra|đặt ra|phải đạt|cam kết|sẽ\b|hướng tới|nhằm đạt|dự kiến|chỉ tiêu (?:là|đề ra|năm)|giao ước)",
    re.IGNORECASE,
)
_PAST = re.compile(r"\bđã\b|\bđạt được\b|\bkết quả\b", re.IGNORECASE)
_STAT_CUES = re.compile(r"(?:toàn cụm|toàn khối|hiện|tổng số|hiện nay)\s+(?:có|gồm)|\bcó tổng số", re.IGNORECASE)
_PROGRAMME = re.compile(r"(?:[Cc]hương trình|[Cc]uộc thi|[Pp]hong trào|[Đđ]ề án|[Gg]iải)\s*[“\"]?\s*$")
_QUOTED = re.compile(r"[“\"][^”\"\n]{0,200}[”\"]")
_CLAUSE_BREAK = re.compile(r"[,;:()\n.]|\bvà\b|\bvới\b")


def find_figures(text: str, skip: list[Span]) -> list[dict]:
    """Every figure outside ``skip`` (dates, documents, clusters, member counts) and outside quoted names."""
    skip = skip + [m.span() for m in _QUOTED.finditer(text)]
    cues = [m.end() for m in _TARGET_CUES.finditer(text)]
    figures: list[dict] = []
    for match in _candidates(text):
        if overlaps(match.span("num"), skip) or _PROGRAMME.search(text, max(0, match.start("num") - 30), match.start("num")) \
                or _IDENTIFIER_BEFORE.search(text, max(0, match.start("num") - 8), match.start("num")):
            continue
        value = parse_number(match["num"])
        if not value:
            continue
        unit, scale = _unit_and_scale(match)
        value *= scale
        if match.groupdict().get("num2"):  # "2 tỷ 500 triệu đồng"
            value += int(match["num2"]) * SCALES[match["scale2"]]
        skip.append(match.span("num"))
        comparator, start = _comparator(text, match.start("num"))
        figures.append({
            "value": as_int_if_whole(round(value, 6)), "unit": unit, "kind": _kind(text, match.start("num"), cues),
            "comparator": comparator, "subject": _subject(text, match, unit), "text": text[start:match.end()],
            "evidence": [start, match.end()],
        })
    return figures


def _candidates(text: str) -> list[re.Match[str]]:
    """Numbers with a unit: the known units first, then nouns counted after an action verb."""
    known = list(FIGURE.finditer(text))
    taken = [m.span("num") for m in known]
    extra = [m for m in _ACTION_FIGURE.finditer(text)
             if not overlaps(m.span("num"), taken) and not _NOT_COUNTED.match(m["unit"])]
    return sorted(known + extra, key=lambda m: m.start("num"))


def _unit_and_scale(match: re.Match[str]) -> tuple[str, float]:
    groups = match.groupdict()
    if groups.get("pct"):
        return "%", 1.0
    if groups.get("money"):
        return "đồng", SCALES.get(match["scale"] or "", 1.0)
    if groups.get("units_of"):
        return expand(match["unit_kind"]).lower().replace("cđcs", "công đoàn cơ sở"), 1.0
    unit = "công đoàn cơ sở" if match["unit"] == "CĐCS" else match["unit"]
    return unit, SCALES.get(groups.get("mscale") or "", 1.0)


def _comparator(text: str, start: int) -> tuple[str, int]:
    """The comparator written before the number (``trên``, ``gần``...) or after it (``trở lên``), and the phrase start."""
    at_least = bool(_AT_LEAST_AFTER.match(text, start))
    found = _COMPARATOR_BEFORE.search(text, max(0, start - 20), start)
    if found:
        symbol = _SYMBOLS[found.lastgroup]
        return (">=" if at_least and symbol == ">" else symbol), found.start()
    return (">=" if at_least else "="), start


def _kind(text: str, pos: int, cues: list[int]) -> str:
    """What the figure is: ``target`` after a target cue (``phấn đấu``, ``cam kết``...) in its own sentence;
    ``stat`` for a standing count (``toàn cụm có``); ``target`` after a cue earlier in the paragraph unless the
    sentence reports what was done (``đã``); else ``achieved``. ``cues`` are the end offsets of the text's
    target cues, in order."""
    paragraph_start = text.rfind("\n", 0, pos) + 1
    sentence_start = max(paragraph_start, text.rfind(". ", 0, pos) + 2)
    before = bisect.bisect_right(cues, pos)
    cue_end = cues[before - 1] if before and cues[before - 1] > paragraph_start else None
    if cue_end is not None and cue_end > sentence_start and not _PAST.search(text, cue_end, pos):
        return "target"
    if _STAT_CUES.search(text, sentence_start, pos):
        return "stat"
    if cue_end is not None and not _PAST.search(text, sentence_start, pos):
        return "target"
    return "achieved"


def _subject(text: str, match: re.Match[str], unit: str) -> str:
    """What is measured: the words after a counted noun or percent, else the clause before the number."""
    after = text[match.end():match.end() + 80]
    stop = _CLAUSE_BREAK.search(after)
    tail = after[:stop.start()] if stop else after
    tail_words = tail.split()[:7]
    if unit == "%" and tail_words:
        return " ".join(tail_words)
    if unit not in {"%", "đồng"}:
        return " ".join([unit, *tail_words]).strip()
    head = text[max(0, match.start("num") - 120):match.start("num")]
    parts = re.split(r"[,;:()\n]|\.\s", head)
    words = [w for w in parts[-1].split() if w.lower() not in {"đạt", "là", "được", "với", "tỷ", "lệ", "tỉ"}]
    return " ".join(words[-8:]) or unit
