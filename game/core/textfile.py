"""Reading a text file's bytes as UTF-8, the one encoding level files and question banks use."""
from __future__ import annotations

from dataclasses import dataclass

BOM = b"\xef\xbb\xbf"


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
