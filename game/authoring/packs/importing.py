"""`import-pack`: a pack from another library, checked whole, installed only if it has no errors."""
from __future__ import annotations

import os
import shutil
import tempfile
import time
import zipfile
import zlib
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ...core.catalog import validate_paths
from ...core.problems import Msg, Problem, Where, has_errors
from ...core.reader import IDENT
from ...core.yamlsrc import MAX_FILE_BYTES, display_path, parse_bytes
from ...paths import LEVELS
from .safety import (CHUNK, MAX_FILES, MAX_TOTAL_BYTES, MAX_ZIP_BYTES, STALE_SECONDS, Member, PackArchiveError,
                     check_members, declared_entries, is_junk, pack_root)


@dataclass
class ImportResult:
    pack_id: str
    folder: Path
    level_count: int
    replaced: bool
    problems: list[Problem] = field(default_factory=list)  # warnings only
    skipped: int = 0                                       # members outside the pack folder, or junk


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


def _extract(zf: zipfile.ZipFile, member: Member, target: Path, budget: list[int]) -> None:
    """Copies one member, never writing more than it announced nor more than the budget left."""
    target.parent.mkdir(parents=True, exist_ok=True)
    written = 0
    with zf.open(member.info) as source, open(target, "xb") as sink:
        while True:
            chunk = source.read(CHUNK)
            if not chunk:
                break
            written += len(chunk)
            budget[0] -= len(chunk)
            if written > member.info.file_size or budget[0] < 0:
                raise PackArchiveError(Msg("'{name}' unpacks to more than the zip announces; the zip is damaged or "
                                           "hostile", name=member.name))
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
        raise PackArchiveError(Msg("cannot read {path}: {reason}", path=str(zip_path),
                                   reason=exc.strerror or str(exc))) from None
    if not zip_path.is_file():
        raise PackArchiveError(Msg("{path} is not a file", path=str(zip_path)))
    if size > MAX_ZIP_BYTES:
        raise PackArchiveError(Msg("the zip is {size} MB; a pack may take at most {most} MB", size=size // 1_000_000,
                                   most=MAX_TOTAL_BYTES // 1_000_000))
    announced = declared_entries(zip_path)
    if announced is not None and announced > MAX_FILES:
        raise PackArchiveError(Msg("the zip holds {count} files; a pack may have at most {most}", count=announced,
                                   most=MAX_FILES))
    try:
        zf = zipfile.ZipFile(zip_path)
    except UnicodeDecodeError:
        raise PackArchiveError(Msg("a file name in the zip is marked as UTF-8 but is not UTF-8 text"),
                               Msg("make the zip again with 'python run_game.py export-pack' or with 7-Zip")) from None
    except (zipfile.BadZipFile, zipfile.LargeZipFile, NotImplementedError, ValueError, EOFError) as exc:
        raise PackArchiveError(Msg("{name} is not a zip file that can be read ({reason})", name=zip_path.name,
                                   reason=str(exc)),
                               Msg("check that the file was copied whole; make it with "
                                   "'python run_game.py export-pack'")) from None
    with zf:
        members = check_members(zf)
        root = pack_root(members)
        depth = len(root)
        wanted = [m for m in members if m.parts[:depth] == root and not m.is_dir
                  and not is_junk(m.parts[depth:])]
        skipped = sum(1 for m in members if not m.is_dir) - len(wanted)
        pack_info = next(m.info for m in wanted if m.parts[depth:] == ["pack.yaml"])
        pack_id = _pack_id(zf, pack_info)

        packs = data / "packs"
        try:
            packs.mkdir(parents=True, exist_ok=True)
            _clean_stale(packs)
            work = Path(tempfile.mkdtemp(prefix=".import-", dir=packs))
        except OSError as exc:
            raise PackArchiveError(Msg("cannot write into {path}: {reason}", path=str(packs),
                                       reason=exc.strerror or str(exc))) from None
        try:
            stage = work / (pack_id or "pack")
            stage.mkdir()
            budget = [MAX_TOTAL_BYTES]
            stage_root = stage.resolve()
            for member in wanted:
                target = stage.joinpath(*member.parts[depth:])
                if not target.resolve().is_relative_to(stage_root):  # belt and braces after _check_name
                    raise PackArchiveError(Msg("the zip holds a path that leaves its folder: '{name}'",
                                               name=member.name))
                _extract(zf, member, target, budget)
            problems, level_count = validate_paths([stage])
            problems = _shown_in_zip(problems, stage, zip_path.name, root)
            if has_errors(problems) or pack_id is None:
                errors = sum(p.is_error for p in problems)
                raise PackArchiveError(Msg("the pack has {count} error(s), so nothing was installed", count=errors),
                                       Msg("fix them in the pack (python run_game.py validate shows them too), "
                                           "then make the zip again"), problems)
            if (shipped / pack_id / "pack.yaml").is_file():
                raise PackArchiveError(Msg("a pack with the id '{id}' comes with the game", id=pack_id),
                                       Msg("give the imported pack another id (and rename its folder to match)"),
                                       problems)
            target = packs / pack_id
            replaced = target.exists() or target.is_symlink()
            if replaced and not replace:
                raise PackArchiveError(Msg("a pack with the id '{id}' is already installed in {path}", id=pack_id,
                                           path=str(target)),
                                       Msg("add --replace to install this one instead of it"), problems)
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
            raise PackArchiveError(Msg("cannot unpack {name}: {reason}", name=zip_path.name,
                                       reason=getattr(exc, "strerror", None) or str(exc)),
                                   Msg("check that the file was copied whole; nothing was installed")) from None
        finally:
            shutil.rmtree(work, ignore_errors=True)
