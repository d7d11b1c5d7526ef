"""`export-pack`: a checked pack written as `<id>.zip`, the way `import-pack` reads it back."""
from __future__ import annotations

import os
import stat
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ...core.catalog import validate_paths
from ...core.problems import Msg, Problem, has_errors
from ...core.put_in_place import put_in_place
from .safety import JUNK_NAMES, MAX_FILES, MAX_TOTAL_BYTES, PackArchiveError


@dataclass
class ExportResult:
    out: Path
    pack_id: str
    files: list[str]
    problems: list[Problem] = field(default_factory=list)  # warnings only
    skipped: list[str] = field(default_factory=list)       # symlinks and other files left out


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
                skipped.append(Msg("{name}/ (a symbolic link)", name=(relative_dir / name).as_posix()))
        subdirs.sort()
        for name in sorted(files):
            path = here / name
            relative = (relative_dir / name).as_posix()
            if name.startswith(".") or name in JUNK_NAMES or path.resolve() == out_resolved:
                continue
            if path.is_symlink() or not path.is_file():
                skipped.append(Msg("{name} (not a plain file)", name=relative))
                continue
            try:
                relative.encode("utf-8")
            except UnicodeEncodeError:
                raise PackArchiveError(Msg("the file name '{name}' in the pack is not UTF-8 text",
                                           name=repr(relative.encode("utf-8", "surrogateescape"))),
                                       Msg("rename the file")) from None
            found.append((path, relative))
    found.sort(key=lambda entry: entry[1])
    return found, skipped


def export_pack(pack_dir: Path, out: Path | None = None) -> ExportResult:
    """Validates the pack in `pack_dir` and writes `<id>.zip` (files under a folder named after the id)."""
    if not (pack_dir / "pack.yaml").is_file():
        raise PackArchiveError(Msg("{path} is not a pack folder: it has no pack.yaml", path=str(pack_dir)))
    folder = pack_dir.resolve()
    pack_id = folder.name
    out = out if out is not None else Path(f"{pack_id}.zip")
    if out.resolve().is_relative_to(folder):
        raise PackArchiveError(Msg("the zip would be written inside the pack folder"),
                               Msg("choose a place outside it with --out"))
    problems, _ = validate_paths([pack_dir])
    if has_errors(problems):
        errors = sum(p.is_error for p in problems)
        raise PackArchiveError(Msg("the pack has {count} error(s), so no zip was made", count=errors),
                               Msg("fix them first: a pack with errors cannot be imported"), problems)
    files, skipped = _pack_files(folder, out)
    if len(files) > MAX_FILES:
        raise PackArchiveError(Msg("the pack has {count} files; a pack may have at most {most}", count=len(files),
                                   most=MAX_FILES))
    total = 0
    for path, _ in files:
        total += path.stat().st_size
    if total > MAX_TOTAL_BYTES:
        raise PackArchiveError(Msg("the pack's files take {size} MB; a pack may take at most {most} MB",
                                   size=total // 1_000_000, most=MAX_TOTAL_BYTES // 1_000_000),
                               Msg("make the pictures and sounds smaller"))
    part = out.with_name(out.name + ".part")
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(part, "w") as zf:
            for path, relative in files:
                data = path.read_bytes()
                info = zipfile.ZipInfo.from_file(path, f"{pack_id}/{relative}", strict_timestamps=False)
                info.external_attr = (stat.S_IFREG | 0o644) << 16
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
        put_in_place(part, out)
    except OSError as exc:
        raise PackArchiveError(Msg("cannot write {path}: {reason}", path=str(out),
                                   reason=exc.strerror or str(exc))) from None
    finally:
        if part.exists():
            part.unlink()
    return ExportResult(out, pack_id, [relative for _, relative in files], problems, skipped)
