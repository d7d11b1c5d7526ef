"""The checks on a zip before anything of it is written: names, kinds of file, sizes, zip bombs."""
from __future__ import annotations

import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

from ...core.problems import Msg, Problem

MAX_FILES = 2000
MAX_TOTAL_BYTES = 50 * 1000 * 1000          # 50 MB unpacked
MAX_MEMBER_BYTES = 20 * 1000 * 1000         # 20 MB for one file unpacked: a big map or a long sound
MAX_ZIP_BYTES = MAX_TOTAL_BYTES + 8 * 1024 * 1024   # no valid pack makes a bigger zip
STALE_SECONDS = 24 * 3600                   # leftovers of an import cut short (a power cut) are removed
JUNK_NAMES = {"__MACOSX", "Thumbs.db", "desktop.ini"}
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")
CHUNK = 1 << 16
_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1
_SMALLER = Msg("make the pictures and sounds smaller (a picture needs no more than 1280×720 pixels; a sound can be "
               "an OGG file), then make the zip again with 'python run_game.py export-pack'")


class PackArchiveError(Exception):
    """A refusal, with the message for the person who typed the command and any problems found."""

    def __init__(self, message: Msg, hint: Msg | str = "", problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.problems = problems or []


def is_junk(parts: list[str]) -> bool:
    return any(part.startswith(".") or part in JUNK_NAMES for part in parts)


@dataclass
class Member:
    info: zipfile.ZipInfo
    name: str
    parts: list[str]
    is_dir: bool


def declared_entries(path: Path) -> int | None:
    """How many members the archive's end record announces, read before the table of contents is."""
    finder = getattr(zipfile, "_EndRecData", None)
    if finder is None:
        return None
    try:
        with open(path, "rb") as fp:
            record = finder(fp)
    except (OSError, ValueError, IndexError):
        return None
    return record[getattr(zipfile, "_ECD_ENTRIES_TOTAL", 4)] if record else None


def _member_name(info: zipfile.ZipInfo) -> str:
    name = info.orig_filename
    if info.flag_bits & _UTF8_FLAG:
        return name  # already decoded as UTF-8 when the archive was opened
    raw = name.encode("cp437")  # zipfile decodes names without the UTF-8 flag as cp437; undo it
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        shown = raw.decode("utf-8", "backslashreplace")
        raise PackArchiveError(
            Msg("the file name '{name}' in the zip is not UTF-8 text", name=shown),
            Msg("the zip was made by a program that writes names in an old code page (Windows' own "
                "'Send to > Compressed folder' does this with Cyrillic names); make it with "
                "'python run_game.py export-pack' or with 7-Zip, or rename the file with Latin letters")) from None


def _check_name(name: str) -> list[str]:
    """The parts of a safe relative name; refuses anything that could land outside the pack."""
    shown = name.encode("unicode_escape").decode("ascii") if not name.isprintable() else name
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise PackArchiveError(Msg("the file name '{name}' in the zip contains control characters", name=shown))
    if "\\" in name:
        raise PackArchiveError(Msg("the file name '{name}' in the zip uses backslashes", name=name),
                               Msg("zip names use '/'; make the zip with 'python run_game.py export-pack'"))
    if name.startswith("/") or _WINDOWS_DRIVE.match(name):
        raise PackArchiveError(Msg("the zip holds an absolute path: '{name}'", name=name),
                               Msg("a pack's files are named relative to the pack folder; this zip is not safe"))
    parts = name.split("/")
    if parts and parts[-1] == "":
        parts = parts[:-1]
    if ".." in parts:
        raise PackArchiveError(Msg("the zip holds a path that leaves its folder: '{name}'", name=name),
                               Msg("names with '..' could write outside the packs folder; this zip is not safe"))
    if not parts or any(part in ("", ".") for part in parts):
        raise PackArchiveError(Msg("the zip holds a strange file name: '{name}'", name=name))
    if any(":" in part for part in parts):
        raise PackArchiveError(Msg("the file name '{name}' in the zip contains ':'", name=name),
                               Msg("Windows cannot keep such a file; rename it"))
    return parts


def check_members(zf: zipfile.ZipFile) -> list[Member]:
    infos = zf.infolist()
    if len(infos) > MAX_FILES:
        raise PackArchiveError(Msg("the zip holds {count} files; a pack may have at most {most}", count=len(infos),
                                   most=MAX_FILES))
    members: list[Member] = []
    total = 0
    seen: dict[str, str] = {}
    for info in infos:
        name = _member_name(info)
        parts = _check_name(name)
        mode = info.external_attr >> 16
        kind = stat.S_IFMT(mode)
        if kind and stat.S_ISLNK(mode):
            raise PackArchiveError(Msg("the zip holds a symbolic link: '{name}'", name=name),
                                   Msg("a pack holds only plain files; put the file itself into the zip"))
        if kind and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise PackArchiveError(Msg("the zip holds a special file that is not a plain file: '{name}'", name=name))
        if info.flag_bits & _ENCRYPTED_FLAG:
            raise PackArchiveError(Msg("'{name}' in the zip is protected by a password", name=name),
                                   Msg("make the zip again without a password"))
        is_dir = name.endswith("/") or (bool(kind) and stat.S_ISDIR(mode))
        if not is_dir:
            # A zip bomb is judged by what it would write, not by how well it packs (a plain SVG packs 100
            # times smaller): the sizes announced are bounded here, and unpacking never writes more than
            # they announce (importing._extract).
            if info.file_size > MAX_MEMBER_BYTES:
                raise PackArchiveError(Msg("'{name}' would take {size} MB once unpacked; one file of a pack may take "
                                           "at most {most} MB", name=name, size=-(-info.file_size // 1_000_000),
                                           most=MAX_MEMBER_BYTES // 1_000_000), _SMALLER)
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise PackArchiveError(Msg("the pack would take more than {most} MB once unpacked; that is too big "
                                           "for a pack", most=MAX_TOTAL_BYTES // 1_000_000), _SMALLER)
        key = "/".join(parts).casefold()
        if key in seen:
            other = seen[key]
            if other == "/".join(parts):
                raise PackArchiveError(Msg("the zip holds '{name}' twice", name=name))
            raise PackArchiveError(Msg("the zip holds '{other}' and '{name}', whose names differ only in capital "
                                       "letters", other=other, name=name),
                                   Msg("Windows cannot keep both; rename one of them"))
        seen[key] = "/".join(parts)
        members.append(Member(info, name, parts, is_dir))
    files = {"/".join(m.parts).casefold() for m in members if not m.is_dir}
    for member in members:
        for depth in range(1, len(member.parts)):
            if "/".join(member.parts[:depth]).casefold() in files:
                raise PackArchiveError(Msg("'{name}' in the zip is both a file and a folder",
                                           name="/".join(member.parts[:depth])))
    return members


def pack_root(members: list[Member]) -> list[str]:
    """The folder of the zip that holds pack.yaml: the top, or one folder at the top."""
    files = [m for m in members if not m.is_dir and not is_junk(m.parts)]
    if any(m.parts == ["pack.yaml"] for m in files):
        return []
    tops = sorted({m.parts[0] for m in files if len(m.parts) == 2 and m.parts[1] == "pack.yaml"})
    if len(tops) == 1:
        return [tops[0]]
    if len(tops) > 1:
        raise PackArchiveError(Msg("the zip holds several packs ({packs})", packs=", ".join(tops)),
                               Msg("make one zip per pack"))
    raise PackArchiveError(Msg("the zip holds no pack.yaml, so it is not a pack"),
                           Msg("a pack zip holds pack.yaml at its top, or in one folder at its top"))
