"""What validation needs to know of a picture of a pack, read from its first bytes (no drawing library):
its own size in pixels, as the game draws it, and whether an SVG has text in it.

A picture is read once per validation: the answers are kept by path, size and modification time.
"""
from __future__ import annotations

import re
import struct
from dataclasses import dataclass
from pathlib import Path

_SVG_TAG = re.compile(rb"<svg\b[^>]*>", re.S)
_ATTRIBUTE = re.compile(rb"""\b(width|height|viewBox)\s*=\s*["']([^"']*)["']""")
_LENGTH = re.compile(rb"^\s*([0-9]*\.?[0-9]+(?:[eE][-+]?[0-9]+)?)\s*(px|mm|cm|in|pt|pc)?\s*$")
_PIXELS_PER = {b"px": 1.0, None: 1.0, b"mm": 96 / 25.4, b"cm": 96 / 2.54, b"in": 96.0, b"pt": 96 / 72, b"pc": 16.0}
_TEXT_ELEMENT = re.compile(rb"<(?:[A-Za-z_][\w.-]*:)?text[\s>/]")
_JPEG_FRAMES = set(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


@dataclass(frozen=True)
class PictureInfo:
    size: tuple[float, float] | None  # None: not known (the picture has no size of its own, or is damaged)
    has_text: bool = False            # an SVG with <text>, which the game's SVG renderer does not draw


_known: dict[tuple[str, int, int], PictureInfo] = {}


def picture_info(path: Path) -> PictureInfo:
    try:
        stat = path.stat()
    except OSError:
        return PictureInfo(None)
    key = (str(path), stat.st_size, stat.st_mtime_ns)
    if key not in _known:
        try:
            data = path.read_bytes()
        except OSError:
            return PictureInfo(None)
        suffix = path.suffix.lower()
        if suffix == ".svg":
            info = PictureInfo(svg_size(data), bool(_TEXT_ELEMENT.search(data)))
        elif suffix == ".png":
            info = PictureInfo(png_size(data))
        else:
            info = PictureInfo(jpeg_size(data))
        _known[key] = info
    return _known[key]


def svg_size(data: bytes) -> tuple[float, float] | None:
    """Its width and height (in pixels at 96 per inch), else those of its viewBox, as the game draws it."""
    tag = _SVG_TAG.search(data)
    if not tag:
        return None
    attributes = {name: value for name, value in _ATTRIBUTE.findall(tag.group())}
    box = attributes.get(b"viewBox", b"").replace(b",", b" ").split()
    box_size = None
    if len(box) == 4:
        try:
            box_size = (float(box[2]), float(box[3]))
        except ValueError:
            box_size = None
    width, height = (_pixels(attributes.get(name)) for name in (b"width", b"height"))
    if width and height:
        return width, height
    return box_size if box_size and box_size[0] > 0 and box_size[1] > 0 else None


def _pixels(value: bytes | None) -> float | None:
    found = _LENGTH.match(value) if value else None
    return float(found.group(1)) * _PIXELS_PER[found.group(2)] if found else None


def png_size(data: bytes) -> tuple[float, float] | None:
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        return None
    width, height = struct.unpack(">II", data[16:24])
    return float(width), float(height)


def jpeg_size(data: bytes) -> tuple[float, float] | None:
    """From the frame header (SOFn) that follows the markers before it."""
    if data[:2] != b"\xff\xd8":
        return None
    at = 2
    while at + 9 < len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:
            at += 1
            continue
        length = struct.unpack(">H", data[at + 2:at + 4])[0]
        if marker in _JPEG_FRAMES:
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return float(width), float(height)
        at += 2 + length
    return None
