"""Words of the trade-union domain: organisations, administrative levels, titles, abbreviations."""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# Administrative level words as written, longest first so that "thị xã" wins over "xã".
ADMIN = r"(?:[Tt]hành [Pp]hố|TP\.?|Tp\.?|[Tt]hị [Xx]ã|[Tt]hị [Tt]rấn|[Đđ]ặc [Kk]hu|[Pp]hường|[Hh]uyện|[Qq]uận|[Tt]ỉnh|[Xx]ã)"

# Heads of organisation names; an organisation is a head, then sector words, then a level and a place.
ORG_HEAD = (
    r"(?:LĐLĐ|Liên đoàn [Ll]ao động|Tổng LĐLĐ|Tổng Liên đoàn [Ll]ao động|CĐCS|CĐ[A-ZĐ]{1,4}|CĐ|Công đoàn|"
    r"Đảng ủy|Đảng uỷ|Đảng bộ|UBND|Ủy ban|HĐND|Hội đồng [Nn]hân dân|MTTQ|Mặt trận|"
    r"Thành ủy|Tỉnh ủy|Huyện ủy|Quận ủy|Thị ủy|Sở|Ban|Bộ|Trung tâm|Trường|Công ty|Tập đoàn|Tổng công ty|"
    r"Bệnh viện|Cục|Chi cục|Văn phòng|Viện|Báo|Đài)"
)

# Titles of officials; the longest forms come first.
TITLE = (
    r"(?:(?:[Tt]ỉnh|[Tt]hành|[Hh]uyện|[Qq]uận|[Tt]hị) [uủ]y viên,\s*)?(?:(?:[Pp]hó )?[Cc]hủ tịch(?: [Tt]hường trực)?|(?:[Pp]hó )?[Bb]í thư(?: [Tt]hường trực)?|"
    r"(?:[Pp]hó )?[Tt]rưởng [Bb]an|[Pp]hó [Bb]an|[Tt]rưởng [Pp]hòng|[Pp]hó [Tt]rưởng [Pp]hòng|"
    r"(?:[Pp]hó )?[Tt]ổng [Gg]iám đốc|(?:[Pp]hó )?[Gg]iám đốc|(?:[Pp]hó )?[Cc]hánh [Vv]ăn phòng|"
    r"(?:[Pp]hó )?[Hh]iệu trưởng|(?:[Pp]hó )?[Tt]ổng [Bb]iên tập|[Cc]huyên viên|[Ủủ]y viên(?: [Bb]an [Tt]hường vụ| BTV| [Bb]an [Cc]hấp hành)?|"
    r"UV BTV|UVBTV|[Tt]rưởng [Kk]hoa|[Tt]hủ trưởng|[Cc]ục trưởng|[Vv]ụ trưởng|[Bb]ộ trưởng|[Tt]hứ trưởng)"
)

# Sector unions written as abbreviations: CĐVC → Công đoàn Viên chức.
SECTORS = {
    "VC": "Viên chức", "GD": "Giáo dục", "YT": "Y tế", "KKT": "Khu kinh tế", "CT": "Công Thương",
    "NN": "Nông nghiệp", "XD": "Xây dựng", "GTVT": "Giao thông vận tải", "KCN": "các Khu công nghiệp",
    "CS": "cơ sở",
}

_EXPANSIONS = [
    (re.compile(r"\bTổng LĐLĐ\b"), "Tổng Liên đoàn Lao động"),
    (re.compile(r"\bLĐLĐ\b"), "Liên đoàn Lao động"),
    (re.compile(r"\bLiên đoàn lao động\b"), "Liên đoàn Lao động"),
    (re.compile(r"\bBTV\b"), "Ban Thường vụ"),
    (re.compile(r"\bBan Thường Vụ\b"), "Ban Thường vụ"),
    (re.compile(r"\bUBND\b"), "Ủy ban nhân dân"),
    (re.compile(r"\bHĐND\b"), "Hội đồng nhân dân"),
    (re.compile(r"\bUV\b"), "Ủy viên"),
    (re.compile(r"\b(?:TP|Tp)\.?(?=\s)"), "thành phố"),
    (re.compile(r"(?<=\S )Thành phố\b"), "thành phố"),
    (re.compile(r"(?<=\S )Tỉnh\b(?! ủy)"), "tỉnh"),
    (re.compile(r"\bUBMTTQ\b|\bỦy ban MTTQ\b"), "Ủy ban Mặt trận Tổ quốc"),
    (re.compile(r"\bMTTQ\b"), "Mặt trận Tổ quốc"),
    (re.compile(r"\bVKSND\b"), "Viện kiểm sát nhân dân"),
    (re.compile(r"\bTAND\b"), "Tòa án nhân dân"),
    (re.compile(r"\bGTVT\b"), "Giao thông vận tải"),
    (re.compile(r"\bTCT\b"), "Tổng công ty"),
    (re.compile(r"(?<=\S )(Huyện|Quận|Phường|Xã)(?=\s+[A-ZĐÀ-Ỹ\d])"), lambda m: m.group(1).lower()),
    (re.compile(r"\bNN ?& ?PTNT\b"), "Nông nghiệp và Phát triển nông thôn"),
    (re.compile(r"\bPTNT\b"), "Phát triển nông thôn"),
]
_SECTOR_ABBR = re.compile(r"\bCĐ(" + "|".join(sorted(SECTORS, key=len, reverse=True)) + r")\b")
_BARE_CD = re.compile(r"\bCĐ\b")

SURNAMES = frozenset(
    "Nguyễn Trần Lê Phạm Hoàng Huỳnh Phan Vũ Võ Đặng Bùi Đỗ Hồ Ngô Dương Lý Đào Đoàn Vương Trịnh Trương "
    "Lâm Phùng Mai Tô Hà Tạ Lưu Thái Cao Đinh Quách Lương Châu Chu Hứa Kiều Khúc Lục Mạc Nông Triệu "
    "Tăng Thân Tống Từ Quan Ông Âu Doãn Giang Kim Khổng Lã La Lò Nghiêm Ninh Phí Sầm Tôn Thạch Tiêu "
    "Trình Ung Vi Diệp Đàm Đồng Hầu Lại Mẫn Nhữ Tào Thiều Hàn Khương Bạch Bế Cù Khuất Kha Lang Lăng "
    "Cầm Quàng Lừ Thào Giàng Sùng Vàng Mùa Lầu Hờ Mai Văn Bành Biện Chế Chử Công Cung Đàng Đới Đường Gia "
    "Giáp Hạ Hồng Kha Khiếu Khổng Khúc Lạc Liêu Linh Mã Mạnh Mông Ngọ Ngũ Nhâm Ninh Ôn Phó Phù Phương "
    "Quang Tạ Tất Thi Thôi Thông Tiết Trang Trà Trầm Văn Viên Vưu Xa Yên Âu Ksor Rmah Siu".split()
) - {"Phó", "Công", "Viên", "Yên", "Văn", "Gia", "Quang", "Phương", "Linh", "Trang", "Thông", "Mạnh", "Hồng"}

@lru_cache(maxsize=8192)
def expand(text: str) -> str:
    """Write an organisation or title out in full: ``LĐLĐ Thành phố Hà Nội`` → ``Liên đoàn Lao động thành phố Hà Nội``."""
    text = _SECTOR_ABBR.sub(lambda m: "Công đoàn " + SECTORS[m.group(1)], text)
    text = _BARE_CD.sub("Công đoàn", text)
    for pattern, repl in _EXPANSIONS:
        text = pattern.sub(repl, text)
    return re.sub(r"\s+", " ", text).strip(" ,;:-–")


def level_of(word: str) -> str:
    """The canonical administrative level for a level word as written (``TP.`` → ``thành phố``)."""
    word = word.lower().rstrip(".")
    return "thành phố" if word == "tp" else word


def written_org(org: str, federation: str | None) -> str:
    """An organisation written out; a bare ``LĐLĐ tỉnh``/``LĐLĐ Thành phố`` is the article's federation."""
    full = expand(org)
    bare = re.fullmatch(r"Liên đoàn Lao động(?: (tỉnh|thành phố))?", full)
    if federation and bare and (bare.group(1) is None or bare.group(1) in federation):
        return federation
    return full


# Vietnamese tone marks as combining characters, with the Telex letter that stands for each in keys.
TONE_LETTERS = {"\u0301": "s", "\u0300": "f", "\u0309": "r", "\u0303": "x", "\u0323": "j"}


def name_key(name: str) -> str:
    """A spelling-insensitive key for a Vietnamese name.

    The rule: NFD-decompose, casefold, take each syllable's tone mark out
    wherever it sits and write it as its Telex letter (s f r x j) after the
    syllable, recompose the rest to NFC, and join syllables with one space.
    ``Hòa``, ``Hoà`` and ``HOÀ`` all give ``hoaf``; letters such as ``đ``,
    ``ơ`` or ``â`` are kept, since they tell names apart.
    """
    syllables = []
    for syllable in unicodedata.normalize("NFD", name).casefold().split():
        tones = [TONE_LETTERS[c] for c in syllable if c in TONE_LETTERS]
        bare = unicodedata.normalize("NFC", "".join(c for c in syllable if c not in TONE_LETTERS))
        syllables.append(bare + "".join(tones))
    return " ".join(syllables)
