"""Decode pages and text files to NFC text, coping with windows-1258 and wrong or missing charset labels."""
from __future__ import annotations

import codecs
import unicodedata
from email.message import Message

from bs4.dammit import EncodingDetector

#: Letters only Vietnamese uses (đ, ơ, ư, ă and the precomposed tone-marked vowels).
VIETNAMESE_ONLY = set("đĐơƠưƯăĂ") | {chr(c) for c in range(0x1EA0, 0x1EFA)}


def decode_body(body: bytes, content_type: str | None = None) -> str:
    """Decode a page to NFC text, trusting the bytes over the labels.

    Valid UTF-8 is UTF-8 whatever the labels say. Otherwise the charsets declared in the
    header and in the page compete with windows-1258 (the usual legacy Vietnamese
    encoding): the decoding with the most Vietnamese-only letters wins, the declared one on a tie.
    NFC composes the separate tone marks windows-1258 uses.
    """
    bom_text, bom_encoding = EncodingDetector.strip_byte_order_mark(body)
    if bom_encoding:
        return unicodedata.normalize("NFC", bom_text.decode(bom_encoding, errors="replace"))
    try:
        return unicodedata.normalize("NFC", body.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    declared = [header_charset(content_type), EncodingDetector.find_declared_encoding(body, is_html=True)]
    candidates = [c for c in dict.fromkeys([*declared, "cp1258"]) if c and known_codec(c) and c.lower() != "utf-8"]
    decoded = [unicodedata.normalize("NFC", body.decode(c, errors="replace")) for c in candidates]
    return max(decoded, key=vietnamese_letters)


def looks_binary(data: bytes) -> bool:
    """Binary data, not text: a NUL byte in the first 8 KiB and no byte-order mark (UTF-16 and UTF-32 text
    is full of NUL bytes)."""
    return b"\x00" in data[:8192] and EncodingDetector.strip_byte_order_mark(data[:4])[1] is None


def vietnamese_letters(text: str) -> int:
    """How many letters of ``text`` exist only in Vietnamese."""
    return sum(ch in VIETNAMESE_ONLY for ch in text)


def header_charset(content_type: str | None) -> str | None:
    """The ``charset`` parameter of a Content-Type header."""
    if not content_type:
        return None
    message = Message()
    message["Content-Type"] = content_type
    charset = message.get_param("charset")
    return charset.strip().lower() if isinstance(charset, str) else None


def known_codec(name: str) -> bool:
    """Python can decode this charset."""
    try:
        codecs.lookup(name)
    except LookupError:
        return False
    return True
