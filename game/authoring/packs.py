"""Pack zips: `import-pack` installs a pack from another library, `export-pack` makes one.

Importing never trusts the archive. Before anything is written, every member is checked: its name must
be UTF-8, relative, without '..', backslashes or control characters; it may not be a symlink or another
special file; there are at most MAX_FILES members, at most MAX_TOTAL_BYTES once unpacked, and no member
may unpack to more than MAX_RATIO times its packed size (a zip bomb). The pack is then unpacked into a
hidden temporary folder inside the data folder's `packs/`, validated as a whole with the same checks as
`validate`, and only if it has no errors renamed into place; whatever happens, the temporary folder is
removed, so a pack is either fully installed or not at all.
"""
from __future__ import annotations

import os
import re
import shutil
import stat
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..core.catalog import validate_paths
from ..core.problems import Problem, Where, has_errors
from ..core.reader import IDENT
from ..core.yamlsrc import MAX_FILE_BYTES, display_path, parse_bytes
from ..paths import LEVELS

MAX_FILES = 2000
MAX_TOTAL_BYTES = 50 * 1000 * 1000          # 50 MB unpacked
MAX_RATIO = 100                             # unpacked size / packed size of one member
MAX_ZIP_BYTES = MAX_TOTAL_BYTES + 8 * 1024 * 1024   # no valid pack makes a bigger zip
STALE_SECONDS = 24 * 3600                   # leftovers of an import cut short (a power cut) are removed
JUNK_NAMES = {"__MACOSX", "Thumbs.db", "desktop.ini"}
_WINDOWS_DRIVE = re.compile(r"^[A-Za-z]:")
_CHUNK = 1 << 16
_UTF8_FLAG = 0x800
_ENCRYPTED_FLAG = 0x1


class PackArchiveError(Exception):
    """A refusal, with the message for the person who typed the command and any problems found."""

    def __init__(self, message: str, hint: str = "", problems: list[Problem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint
        self.problems = problems or []


@dataclass
class ImportResult:
    pack_id: str
    folder: Path
    level_count: int
    replaced: bool
    problems: list[Problem] = field(default_factory=list)  # warnings only
    skipped: int = 0                                       # members outside the pack folder, or junk


@dataclass
class ExportResult:
    out: Path
    pack_id: str
    files: list[str]
    problems: list[Problem] = field(default_factory=list)  # warnings only
    skipped: list[str] = field(default_factory=list)       # symlinks and other files left out


def _is_junk(parts: list[str]) -> bool:
    return any(part.startswith(".") or part in JUNK_NAMES for part in parts)


# -- reading an archive safely --------------------------------------------------------------------

@dataclass
class _Member:
    info: zipfile.ZipInfo
    name: str
    parts: list[str]
    is_dir: bool


def _declared_entries(path: Path) -> int | None:
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
            f"the file name '{shown}' in the zip is not UTF-8 text",
            "the zip was made by a program that writes names in an old code page (Windows' own "
            "'Send to > Compressed folder' does this with Cyrillic names); make it with "
            "'python run_game.py export-pack' or with 7-Zip, or rename the file with Latin letters") from None


def _check_name(name: str) -> list[str]:
    """The parts of a safe relative name; refuses anything that could land outside the pack."""
    shown = name.encode("unicode_escape").decode("ascii") if not name.isprintable() else name
    if any(ord(c) < 32 or ord(c) == 127 for c in name):
        raise PackArchiveError(f"the file name '{shown}' in the zip contains control characters")
    if "\\" in name:
        raise PackArchiveError(f"the file name '{name}' in the zip uses backslashes",
                               "zip names use '/'; make the zip with 'python run_game.py export-pack'")
    if name.startswith("/") or _WINDOWS_DRIVE.match(name):
        raise PackArchiveError(f"the zip holds an absolute path: '{name}'",
                               "a pack's files are named relative to the pack folder; this zip is not safe")
    parts = name.split("/")
    if parts and parts[-1] == "":
        parts = parts[:-1]
    if ".." in parts:
        raise PackArchiveError(f"the zip holds a path that leaves its folder: '{name}'",
                               "names with '..' could write outside the packs folder; this zip is not safe")
    if not parts or any(part in ("", ".") for part in parts):
        raise PackArchiveError(f"the zip holds a strange file name: '{name}'")
    if any(":" in part for part in parts):
        raise PackArchiveError(f"the file name '{name}' in the zip contains ':'",
                               "Windows cannot keep such a file; rename it")
    return parts


def _check_members(zf: zipfile.ZipFile) -> list[_Member]:
    infos = zf.infolist()
    if len(infos) > MAX_FILES:
        raise PackArchiveError(f"the zip holds {len(infos)} files; a pack may have at most {MAX_FILES}")
    members: list[_Member] = []
    total = 0
    seen: dict[str, str] = {}
    for info in infos:
        name = _member_name(info)
        parts = _check_name(name)
        mode = info.external_attr >> 16
        kind = stat.S_IFMT(mode)
        if kind and stat.S_ISLNK(mode):
            raise PackArchiveError(f"the zip holds a symbolic link: '{name}'",
                                   "a pack holds only plain files; put the file itself into the zip")
        if kind and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode)):
            raise PackArchiveError(f"the zip holds a special file that is not a plain file: '{name}'")
        if info.flag_bits & _ENCRYPTED_FLAG:
            raise PackArchiveError(f"'{name}' in the zip is protected by a password",
                                   "make the zip again without a password")
        is_dir = name.endswith("/") or (bool(kind) and stat.S_ISDIR(mode))
        if not is_dir:
            total += info.file_size
            if total > MAX_TOTAL_BYTES:
                raise PackArchiveError(f"the pack would take more than {MAX_TOTAL_BYTES // 1_000_000} MB once "
                                       "unpacked; that is too big for a pack",
                                       "make the pictures and sounds smaller")
            if info.file_size and (info.compress_size <= 0 or info.file_size / info.compress_size > MAX_RATIO):
                raise PackArchiveError(
                    f"'{name}' would grow from {info.compress_size} to {info.file_size} bytes when unpacked "
                    f"(more than {MAX_RATIO} times): this looks like a zip bomb, so the zip is refused")
        key = "/".join(parts).casefold()
        if key in seen:
            other = seen[key]
            if other == "/".join(parts):
                raise PackArchiveError(f"the zip holds '{name}' twice")
            raise PackArchiveError(f"the zip holds '{other}' and '{name}', whose names differ only in capital "
                                   "letters", "Windows cannot keep both; rename one of them")
        seen[key] = "/".join(parts)
        members.append(_Member(info, name, parts, is_dir))
    files = {"/".join(m.parts).casefold() for m in members if not m.is_dir}
    for member in members:
        for depth in range(1, len(member.parts)):
            if "/".join(member.parts[:depth]).casefold() in files:
                raise PackArchiveError(f"'{'/'.join(member.parts[:depth])}' in the zip is both a file and a folder")
    return members


def _pack_root(members: list[_Member]) -> list[str]:
    """The folder of the zip that holds pack.yaml: the top, or one folder at the top."""
    files = [m for m in members if not m.is_dir and not _is_junk(m.parts)]
    if any(m.parts == ["pack.yaml"] for m in files):
        return []
    tops = sorted({m.parts[0] for m in files if len(m.parts) == 2 and m.parts[1] == "pack.yaml"})
    if len(tops) == 1:
        return [tops[0]]
    if len(tops) > 1:
        raise PackArchiveError("the zip holds several packs (" + ", ".join(tops) + ")",
                               "make one zip per pack")
    raise PackArchiveError("the zip holds no pack.yaml, so it is not a pack",
                           "a pack zip holds pack.yaml at its top, or in one folder at its top")


def _pack_id(zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> str | None:
    """The id written in the archive's pack.yaml, if it is a valid id (else the validation says why)."""
    if info.file_size > MAX_FILE_BYTES:
        return None
    parsed = parse_bytes(zf.read(info), "pack.yaml")
    if not isinstance(parsed.root, yaml.MappingNode):
        return None
    for key, value in parsed.root.value:
        if (isinstance(key, yaml.ScalarNode) and key.value == "id" and isinstance(value, yaml.ScalarNode)
                and value.tag.endswith(":str") and IDENT.match(value.value)):
            return value.value
    return None


def _extract(zf: zipfile.ZipFile, member: _Member, target: Path, budget: list[int]) -> None:
    """Copies one member, never writing more than it announced nor more than the budget left."""
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with zf.open(member.info) as source, open(target, "xb") as sink:
        while True:
            chunk = source.read(_CHUNK)
            if not chunk:
                break
            written += len(chunk)
            budget[0] -= len(chunk)
            if written > member.info.file_size or budget[0] < 0:
                raise PackArchiveError(f"'{member.name}' unpacks to more than the zip announces; "
                                       "the zip is damaged or hostile")
            sink.write(chunk)


def _clean_stale(packs: Path) -> None:
    now = time.time()
    for leftover in packs.glob(".import-*"):
        try:
            if leftover.is_dir() and now - leftover.stat().st_mtime > STALE_SECONDS:
                shutil.rmtree(leftover, ignore_errors=True)
        except OSError:
            pass


def _shown_in_zip(problems: list[Problem], stage: Path, zip_name: str, root: list[str]) -> list[Problem]:
    """Problems named by their place in the zip, not by the temporary folder they were found in."""
    prefixes = {display_path(stage), str(stage), str(stage.resolve())}
    inside = "/".join([zip_name, *root])
    shown = []
    for problem in problems:
        path = problem.where.path
        for prefix in sorted(prefixes, key=len, reverse=True):
            if path == prefix or path.startswith(prefix + os.sep):
                rest = path[len(prefix):].lstrip(os.sep).replace(os.sep, "/")
                path = f"{inside}/{rest}" if rest else inside
                break
        where = Where(path, problem.where.line, problem.where.col)
        shown.append(Problem(where, problem.severity, problem.message, problem.hint))
    return shown


def import_pack(zip_path: Path, data: Path, replace: bool = False, shipped: Path = LEVELS) -> ImportResult:
    """Validates the pack in `zip_path` and installs it as `data/packs/<id>/`; raises PackArchiveError."""
    try:
        size = zip_path.stat().st_size
    except OSError as exc:
        raise PackArchiveError(f"cannot read {zip_path}: {exc.strerror or exc}") from None
    if not zip_path.is_file():
        raise PackArchiveError(f"{zip_path} is not a file")
    if size > MAX_ZIP_BYTES:
        raise PackArchiveError(f"the zip is {size // 1_000_000} MB; a pack may take at most "
                               f"{MAX_TOTAL_BYTES // 1_000_000} MB")
    announced = _declared_entries(zip_path)
    if announced is not None and announced > MAX_FILES:
        raise PackArchiveError(f"the zip holds {announced} files; a pack may have at most {MAX_FILES}")
    try:
        zf = zipfile.ZipFile(zip_path)
    except UnicodeDecodeError:
        raise PackArchiveError("a file name in the zip is marked as UTF-8 but is not UTF-8 text",
                               "make the zip again with 'python run_game.py export-pack' or with 7-Zip") from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, EOFError) as exc:
        raise PackArchiveError(f"{zip_path.name} is not a zip file that can be read ({exc})",
                               "check that the file was copied whole; make it with "
                               "'python run_game.py export-pack'") from None
    with zf:
        members = _check_members(zf)
        root = _pack_root(members)
        depth = len(root)
        wanted = [m for m in members if m.parts[:depth] == root and not m.is_dir
                  and not _is_junk(m.parts[depth:])]
        skipped = sum(1 for m in members if not m.is_dir) - len(wanted)
        pack_info = next(m.info for m in wanted if m.parts[depth:] == ["pack.yaml"])
        pack_id = _pack_id(zf, pack_info)

        packs = data / "packs"
        try:
            packs.mkdir(parents=True, exist_ok=True)
            _clean_stale(packs)
            work = Path(tempfile.mkdtemp(prefix=".import-", dir=packs))
        except OSError as exc:
            raise PackArchiveError(f"cannot write into {packs}: {exc.strerror or exc}") from None
        try:
            stage = work / (pack_id or "pack")
            stage.mkdir()
            budget = [MAX_TOTAL_BYTES]
            stage_root = stage.resolve()
            for member in wanted:
                target = stage.joinpath(*member.parts[depth:])
                if not target.resolve().is_relative_to(stage_root):  # belt and braces after _check_name
                    raise PackArchiveError(f"the zip holds a path that leaves its folder: '{member.name}'")
                _extract(zf, member, target, budget)
            problems, level_count = validate_paths([stage])
            problems = _shown_in_zip(problems, stage, zip_path.name, root)
            if has_errors(problems) or pack_id is None:
                errors = sum(p.is_error for p in problems)
                raise PackArchiveError(f"the pack has {errors} error(s), so nothing was installed",
                                       "fix them in the pack (python run_game.py validate shows them too), "
                                       "then make the zip again", problems)
            if (shipped / pack_id / "pack.yaml").is_file():
                raise PackArchiveError(f"a pack with the id '{pack_id}' comes with the game",
                                       "give the imported pack another id (and rename its folder to match)",
                                       problems)
            target = packs / pack_id
            replaced = target.exists() or target.is_symlink()
            if replaced and not replace:
                raise PackArchiveError(f"a pack with the id '{pack_id}' is already installed in {target}",
                                       "add --replace to install this one instead of it", problems)
            if replaced:
                old = work / ".replaced"  # ids never start with a dot, so this cannot be the stage
                os.rename(target, old)
                try:
                    os.rename(stage, target)
                except OSError:
                    os.rename(old, target)
                    raise
            else:
                os.rename(stage, target)
            return ImportResult(pack_id, target, level_count, replaced, problems, skipped)
        except (OSError, zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, RuntimeError) as exc:
            # RuntimeError: zipfile's own word for encrypted members and some broken headers
            raise PackArchiveError(f"cannot unpack {zip_path.name}: {getattr(exc, 'strerror', None) or exc}",
                                   "check that the file was copied whole; nothing was installed") from None
        finally:
            shutil.rmtree(work, ignore_errors=True)


# -- making an archive ----------------------------------------------------------------------------

def _pack_files(folder: Path, out: Path) -> tuple[list[tuple[Path, str]], list[str]]:
    """(path, name inside the pack) of every file of the pack, sorted; and what was left out."""
    found: list[tuple[Path, str]] = []
    skipped: list[str] = []
    out_resolved = out.resolve()
    for directory, subdirs, files in os.walk(folder):
        here = Path(directory)
        relative_dir = here.relative_to(folder)
        for name in list(subdirs):
            path = here / name
            if name.startswith(".") or name in JUNK_NAMES:
                subdirs.remove(name)
            elif path.is_symlink():
                subdirs.remove(name)
                skipped.append((relative_dir / name).as_posix() + "/ (a symbolic link)")
        subdirs.sort()
        for name in sorted(files):
            path = here / name
            relative = (relative_dir / name).as_posix()
            if name.startswith(".") or name in JUNK_NAMES or path.resolve() == out_resolved:
                continue
            if path.is_symlink() or not path.is_file():
                skipped.append(relative + " (not a plain file)")
                continue
            try:
                relative.encode("utf-8")
            except UnicodeEncodeError:
                raise PackArchiveError(f"the file name '{relative.encode('utf-8', 'surrogateescape')!r}' in the "
                                       "pack is not UTF-8 text", "rename the file") from None
            found.append((path, relative))
    found.sort(key=lambda entry: entry[1])
    return found, skipped


def export_pack(pack_dir: Path, out: Path | None = None) -> ExportResult:
    """Validates the pack in `pack_dir` and writes `<id>.zip` (files under a folder named after the id)."""
    if not (pack_dir / "pack.yaml").is_file():
        raise PackArchiveError(f"{pack_dir} is not a pack folder: it has no pack.yaml")
    folder = pack_dir.resolve()
    pack_id = folder.name
    out = out if out is not None else Path(f"{pack_id}.zip")
    if out.resolve().is_relative_to(folder):
        raise PackArchiveError("the zip would be written inside the pack folder",
                               "choose a place outside it with --out")
    problems, _ = validate_paths([pack_dir])
    if has_errors(problems):
        errors = sum(p.is_error for p in problems)
        raise PackArchiveError(f"the pack has {errors} error(s), so no zip was made",
                               "fix them first: a pack with errors cannot be imported", problems)
    files, skipped = _pack_files(folder, out)
    if len(files) > MAX_FILES:
        raise PackArchiveError(f"the pack has {len(files)} files; a pack may have at most {MAX_FILES}")
    total = 0
    for path, _ in files:
        total += path.stat().st_size
    if total > MAX_TOTAL_BYTES:
        raise PackArchiveError(f"the pack's files take {total // 1_000_000} MB; a pack may take at most "
                               f"{MAX_TOTAL_BYTES // 1_000_000} MB", "make the pictures and sounds smaller")
    part = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(part, "w") as zf:
            for path, relative in files:
                data = path.read_bytes()
                info = zipfile.ZipInfo.from_file(path, f"{pack_id}/{relative}", strict_timestamps=False)
                info.external_attr = (stat.S_IFREG | 0o644) << 16
                packed = len(zlib.compress(data, 6)) if data else 0
                # a file that packs more than MAX_RATIO times smaller is stored as it is, so that
                # import-pack does not take it for a zip bomb
                info.compress_type = (zipfile.ZIP_STORED if data and len(data) / packed > MAX_RATIO / 2
                                      else zipfile.ZIP_DEFLATED)
                zf.writestr(info, data)
        os.replace(part, out)
    except OSError as exc:
        raise PackArchiveError(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        if part.exists():
            part.unlink()
    return ExportResult(out, pack_id, [relative for _, relative in files], problems, skipped)
