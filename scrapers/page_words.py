"""Data only: the words Vietnamese news and union portals print around an article (datelines,
bylines, widgets, captions, source credits), read by :mod:`scrapers.datelines`,
:mod:`scrapers.bylines` and the page readers. Lower-case, NFC, modern tone placement.
"""
from __future__ import annotations

#: Weekday names that open a dateline (``Thứ Hai``, ``Thứ 2``, ``Chủ nhật``, ``T2``, ``CN``).
WEEKDAYS = r"(?:thứ\s*(?:hai|ba|tư|năm|sáu|bảy|bẩy|[2-7])|chủ\s*nhật|t[2-7]|cn)"
#: Words a dateline puts before its date or time, longest first.
DATE_CUES = (
    "ngày đăng", "đăng ngày", "ngày cập nhật", "cập nhật lúc", "cập nhật ngày", "cập nhật", "ngày xuất bản",
    "xuất bản", "thời gian đăng", "thời gian", "đăng lúc", "vào lúc", "lúc", "ngày", "đăng", "posted",
    "updated", "published",
)
#: A view counter printed after the date (``1553 Đã xem``, ``Lượt xem: 120``).
VIEW_COUNTER = r"(?:\d[\d.,]*\s*(?:đã xem|lượt xem|lần xem|lượt đọc|views?)|(?:lượt xem|lượt đọc|đã xem)\s*:?\s*\d[\d.,]*)"
#: A time zone after the time (``GMT+7``, ``(GMT+07:00)``, ``UTC+7``).
TIME_ZONE = r"\(?\s*(?:gmt|utc)\s*[+-]\s*\d{1,2}(?::?\d{2})?\s*\)?"
#: A time of day (``08:47``, ``10:23:48``, ``00:01 AM``, ``08h30``).
CLOCK = r"\d{1,2}\s*(?::\s*\d{2}(?::\d{2})?|h\d{2}\b)(?:\s*(?:am|pm|sa|ch)\b)?"
#: Parts of the day that put a date inside a sentence (``Sáng 19/7/2022, ...``), never a dateline.
DAY_PARTS = frozenset({"sáng", "chiều", "tối", "trưa", "đêm", "rạng", "hôm", "từ", "đến", "trước", "sau"})

#: Cues that open a byline, longest first (``Bài và ảnh: ...``, ``Thực hiện: ...``).
BYLINE_CUES = (
    "bài và ảnh", "bài, ảnh", "bài + ảnh", "tin và ảnh", "tin, ảnh", "tin + ảnh", "ảnh và bài", "nhóm thực hiện",
    "thực hiện", "tác giả", "người viết", "phóng viên", "nhóm phóng viên", "bài", "tin", "ảnh", "video",
)
#: News agency and paper tags written after the reporter's name (``Quang Minh LDO``, ``Hà An - TTXVN``).
AGENCY_TAGS = frozenset({"ldo", "nlđo", "ttxvn", "vna", "tpo", "ttxvn/vietnam+", "vov", "vtv", "tto", "dt",
                         "vtc", "cand", "qđnd", "sggp", "lđtđ", "csvno", "đno"})
#: Initials that are a byline on their own (a reporter, the editorial office).
BYLINE_WORDS = frozenset({"pv", "ctv", "btv", "nhóm pv", "pv-ctv"})
#: Heads of the names of media (a site's or paper's own name is never an author).
MEDIA_HEADS = ("báo", "tạp chí", "đài", "cổng thông tin", "cổng ttđt", "trang thông tin", "trang tin", "bản tin",
               "truyền hình", "website", "thông tấn xã", "tin tổng hợp", "nguồn", "theo")
#: Heads of organisational bylines (``LĐLĐ Hòa Thành``, ``Văn phòng Công ty``, ``Ban Tuyên giáo``).
ORG_BYLINE_HEADS = ("văn phòng", "ban ", "phòng ", "liên đoàn lao động", "lđlđ", "công đoàn", "cđcs", "cđ ",
                    "trung tâm", "bộ phận", "tổ truyền thông", "tổ công đoàn", "nhóm ")
#: The most words an organisational byline has.
ORG_BYLINE_WORDS = 6

#: A short line that is one of these (case folded, final punctuation dropped) is a page widget.
WIDGET_LINES = frozenset({
    "tin liên quan", "bài liên quan", "bài viết liên quan", "tin cùng chuyên mục", "cùng chuyên mục", "tin mới",
    "tin mới nhất", "mới nhất", "tin nóng", "tin khác", "các tin khác", "tin đã đưa", "xem thêm", "đọc thêm",
    "đọc tiếp", "xem tiếp", "chia sẻ", "bình luận", "gửi bình luận", "ý kiến bạn đọc", "in bài", "in bài viết",
    "gửi bài viết", "về trang chủ", "trở về", "quay lại", "lên đầu trang", "tải ứng dụng", "tải app",
    "copy link", "sao chép liên kết", "lấy link", "link bài gốc", "từ khóa", "tags", "tag", "theo dõi",
    "tham khảo thêm", "đọc nhiều", "đọc nhiều nhất", "xem nhiều", "xem nhiều nhất", "tin nổi bật", "tin tiêu điểm",
    "tặng sao", "quan tâm nhất", "xem tất cả bình luận", "email", "facebook", "zalo", "twitter", "bản in",
    "xem với cỡ chữ", "cỡ chữ", "aa", "lượt xem", "thích", "tweet", "comment", "comments", "gửi", "gửi ý kiến",
    "ý kiến của bạn", "viết bình luận", "bình luận của bạn", "họ và tên", "họ tên", "mã xác nhận", "hủy",
})
#: Lines that open with one of these are widgets whatever follows (``Tải ứng dụng: ...``).
WIDGET_PREFIXES = ("tải ứng dụng", "từ khóa:", "tags:", "xem thêm:", "đọc thêm:", "tin liên quan:",
                   "chia sẻ bài viết", "trở lại ", "theo dõi ", "vui lòng nhập", "bình luận (",
                   "gửi bình luận")
#: A photo caption or credit line (``Ảnh minh họa.``, ``Ảnh: Reuters``, ``... (Ảnh: Hải Nam)``).
CAPTION_LINE = (r"^\(?\s*(?:ảnh|nguồn ảnh|ảnh minh họa|video|clip)\s*(?:[:.)]|minh họa|$)"
                r"|(?:^|[\s.(])(?:ảnh|nguồn)\s*:\s*[^.:]{1,40}[.)]?\)?\s*$")
#: The longest line that can be a caption credit.
CAPTION_MAX = 300
#: A source credit closing an article (``Theo VietQ.vn``, ``Nguồn: ...``).
SOURCE_CREDIT = r"^(?:theo|nguồn)\s*:?\s+\S"

#: Lower-case words that may stand in the name of a union, cluster or federation (a kicker line
#: such as ``Cụm thi đua số 5 – Liên đoàn lao động Thành phố Hà Nội`` is made of names only).
NAME_WORDS = frozenset({
    "thi", "đua", "số", "lao", "động", "liên", "đoàn", "công", "tỉnh", "thành", "phố", "quận", "huyện", "thị",
    "xã", "phường", "trấn", "ngành", "viên", "chức", "các", "khối", "cụm", "trung", "ương", "và", "cơ", "quan",
    "doanh", "nghiệp", "trực", "thuộc", "cấp", "trên", "sở", "của", "giáo", "dục", "y", "tế", "đơn", "vị",
})
