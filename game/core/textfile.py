"""Reading a text file's bytes as UTF-8, the one encoding level files and question banks use."""
from __future__ import annotations

import re
from dataclasses import dataclass

BOM = b"\xef\xbb\xbf"
UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_KAZAKH_ONLY = re.compile(r"[әғқңөұүһӘҒҚҢӨҰҮҺ]")
# Windows code pages a librarian's editor may have saved in, the Kazakh one first
CODE_PAGES = ("kz1048", "cp1251")


@dataclass(frozen=True)
class BadByte:
    """The first byte that is not UTF-8: where it is (from 1) and its value."""

    line: int
    col: int
    byte: int


def utf8_text(raw: bytes) -> str | BadByte:
    """The text (a byte-order mark at the start is dropped), or where it stops being UTF-8."""
    if raw.startswith(BOM):
        raw = raw[len(BOM):]
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return BadByte(line, col, raw[exc.start])


def is_utf16(raw: bytes) -> bool:
    """UTF-16 text (Notepad's "Unicode"): its byte-order mark, or a zero byte beside almost every letter
    of a Latin or Cyrillic text."""
    if raw.startswith(UTF16_BOMS):
        return True
    sample = raw[:4096]
    if len(sample) < 4:
        return False
    even, odd = sorted((sample[0::2].count(0), sample[1::2].count(0)))
    half = len(sample) // 2
    return odd > 0.3 * half and even < 0.02 * half


def likely_code_page(raw: bytes) -> str | None:
    """The codec of the Windows code page the bytes read as Cyrillic text in, if any."""
    if raw.startswith(BOM):
        raw = raw[len(BOM):]
    for codec in CODE_PAGES:
        try:
            text = raw.decode(codec)
        except UnicodeDecodeError:
            continue
        letters = [c for c in text if ord(c) > 127 and c.isalpha()]
        if not letters or len(_CYRILLIC.findall(text)) < 0.8 * len(letters):
            continue
        if codec == "kz1048" and not _KAZAKH_ONLY.search(text):
            continue  # plain Russian reads the same in both: call it cp1251, the common name
        return codec
    return None
