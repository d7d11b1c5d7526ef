"""The catalogue index: what the map and `list` show of every level (id, pack, kind, title, ages,
minutes, unlock, problems), kept in the data folder's cache so that a library's thousand levels are
not parsed at every start.

Each pack and level file is remembered with its size and modification time; a file whose size or time
differs from the index is read again at once (a pack also by its folder's time, which changes when a
level file is added, removed or renamed). A file written in the last seconds before the index is
saved is not trusted to its time (a second change of the same size within the file system's time
resolution would go unseen) and is read again next time. A level is parsed in full only when it is
played or validated (`full`), and when its file is new or changed, to know its problems.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .catalog import find_pack_folders
from .loader import LevelResult, load_level, read_pack
from .model import Unlock
from .problems import Problem, Severity, Where, has_errors, message_data, message_from_data
from .text import Text
from .unlock import unlock_problems

INDEX_VERSION = 1
RECENT_S = 3.0  # a file changed this close to the index's writing is read again next time
_CODE = Path(__file__).resolve().parent  # the index is read again when the loader's code changes


@dataclass(frozen=True)
class LevelEntry:
    """One level as the map and `list` see it; `kind` is None when the file did not load."""

    pack_id: str
    level_id: str
    path: Path
    kind: str | None
    title: Text | None
    ages: tuple[str, ...]
    minutes: int | None
    unlock: Unlock | None
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return self.kind is not None and not has_errors(list(self.problems))

    @property
    def key(self) -> tuple[str, str]:
        return self.pack_id, self.level_id


@dataclass(frozen=True)
class PackEntry:
    folder: Path
    pack_id: str
    title: Text | None  # None when the pack file has errors
    levels: tuple[LevelEntry, ...]
    problems: tuple[Problem, ...]


class CatalogIndex:
    """Every pack under the roots, in order (the first pack of a name wins), from the index file."""

    def __init__(self, roots: list[Path], index_file: Path) -> None:
        self.roots = list(roots)
        self.index_file = index_file
        self.packs: list[PackEntry] = []
        self.parsed = 0  # level files read in full by the last refresh (new or changed ones)
        self._kept: dict | None = None

    def refresh(self) -> "CatalogIndex":
        """Looks at every file's size and time; reads again the ones that changed; keeps the index."""
        kept = self._kept if self._kept is not None else _read_index(self.index_file)
        now = time.time()
        fresh = {"version": INDEX_VERSION, "code": _code_stamp(), "packs": {}, "levels": {}}
        if kept.get("version") != INDEX_VERSION or kept.get("code") != fresh["code"]:
            kept = {"packs": {}, "levels": {}}
        self.parsed = 0
        packs, seen = [], set()
        for root in self.roots:
            for folder in find_pack_folders(root):
                if folder.name not in seen:
                    seen.add(folder.name)
                    packs.append(self._pack(folder, kept, fresh, now))
        self.packs = packs
        if fresh["packs"] != kept.get("packs") or fresh["levels"] != kept.get("levels"):
            _write_index(self.index_file, fresh)
        self._kept = fresh
        return self

    def levels(self) -> list[LevelEntry]:
        return [level for pack in self.packs for level in pack.levels]

    def full(self, entry: LevelEntry) -> LevelResult:
        """The level read in full from its file, to play it (or to validate it)."""
        return load_level(entry.path, entry.pack_id, entry.path.parent)

    def _pack(self, folder: Path, kept: dict, fresh: dict, now: float) -> PackEntry:
        name = os.path.abspath(folder)  # the same file whatever folder the game was started from
        stamp = _stamp(folder / "pack.yaml", now, folder)
        record = _trusted(kept["packs"].get(name), stamp)
        head = _attempt(_pack_head, record) if record is not None else None
        if head is None:
            result, pack_id, level_ids = read_pack(folder)
            record = {"stamp": stamp, "id": pack_id, "ids": level_ids,
                      "title": dict(result.pack.title.by_lang) if result.pack else None,
                      "problems": [_problem_out(p) for p in result.problems]}
            head = _pack_head(record)
        fresh["packs"][name] = record
        pack_id, level_ids, title, problems = head
        levels = [self._level(folder / f"{level_id}.yaml", pack_id, folder, kept, fresh, now) for level_id in level_ids]
        found = unlock_problems({lv.level_id: lv.unlock for lv in levels if lv.unlock}, level_ids)
        levels = [_with_problems(lv, found[lv.level_id]) if lv.level_id in found else lv for lv in levels]
        return PackEntry(folder, pack_id, title, tuple(levels), problems)

    def _level(self, path: Path, pack_id: str, folder: Path, kept: dict, fresh: dict, now: float) -> LevelEntry:
        name = os.path.abspath(path)
        stamp = _stamp(path, now)
        record = _trusted(kept["levels"].get(name), stamp)
        entry = _attempt(_level_entry, record, path, pack_id) if record is not None else None
        if entry is None or record.get("pack") != pack_id:
            record = _level_record(load_level(path, pack_id, folder), stamp)
            entry = _level_entry(record, path, pack_id)
            self.parsed += 1
        fresh["levels"][name] = record
        return entry


def _trusted(record, stamp: list | None) -> dict | None:
    """A kept record that still describes its file."""
    return record if isinstance(record, dict) and stamp is not None and record.get("stamp") == stamp else None


def _attempt(make, *args):
    """An entry from a kept record, or None when the record is not as this game writes them (an index
    edited by hand, or written by another version): the file is read again."""
    try:
        return make(*args)
    except (KeyError, TypeError, ValueError, IndexError, AttributeError):
        return None


def _pack_head(record: dict) -> tuple[str, list[str], Text | None, tuple[Problem, ...]]:
    if not isinstance(record["id"], str) or not all(isinstance(i, str) for i in record["ids"]):
        raise TypeError("pack id")
    title = Text(record["title"]) if record["title"] is not None else None
    return record["id"], list(record["ids"]), title, tuple(_problem_in(p) for p in record["problems"])


def _level_entry(record: dict, path: Path, pack_id: str) -> LevelEntry:
    unlock = record["unlock"]
    return LevelEntry(
        pack_id, path.stem, path, record["kind"], Text(record["title"]) if record["title"] else None,
        tuple(record["ages"]), record["minutes"],
        Unlock(unlock[0], Where(unlock[1], unlock[2], unlock[3])) if unlock else None,
        tuple(_problem_in(p) for p in record["problems"]))


def _level_record(result: LevelResult, stamp: list | None) -> dict:
    level = result.level
    unlock = result.unlock
    return {"stamp": stamp, "pack": result.pack_id, "kind": level.kind if level else None,
            "title": dict(level.title.by_lang) if level else None,
            "ages": list(level.ages) if level else [], "minutes": level.minutes if level else None,
            "unlock": [unlock.after, unlock.where.path, unlock.where.line, unlock.where.col] if unlock else None,
            "problems": [_problem_out(p) for p in result.problems]}


def _with_problems(entry: LevelEntry, more: list[Problem]) -> LevelEntry:
    return LevelEntry(entry.pack_id, entry.level_id, entry.path, entry.kind, entry.title, entry.ages,
                      entry.minutes, entry.unlock, entry.problems + tuple(more))


def _stamp(path: Path, now: float, folder: Path | None = None) -> list | None:
    """[size, time in ns] of a file (and of its folder); None for a missing file or one changed in the
    last seconds, which is then read again next time."""
    try:
        stats = [path.stat()] + ([folder.stat()] if folder is not None else [])
    except OSError:
        return None
    if any(now - s.st_mtime < RECENT_S for s in stats):
        return None
    return [stats[0].st_size] + [s.st_mtime_ns for s in stats]


@lru_cache(maxsize=1)  # once a run: the code does not change under a running game
def _code_stamp() -> int:
    return max(p.stat().st_mtime_ns for p in _CODE.rglob("*.py"))


def _read_index(path: Path) -> dict:
    try:
        with open(path, encoding="utf-8") as handle:
            data = json.load(handle)
    except (OSError, ValueError):
        return {}  # no index yet, or a damaged one: everything is read again
    return data if isinstance(data, dict) and isinstance(data.get("packs"), dict) \
        and isinstance(data.get("levels"), dict) else {}


def _write_index(path: Path, data: dict) -> None:
    """Written whole, then put in place; a disk that refuses only costs reading the files next time."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        temporary = path.with_name(path.name + ".tmp")
        with open(temporary, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, separators=(",", ":"))
        os.replace(temporary, path)
    except OSError:
        pass


def _problem_out(problem: Problem) -> list:
    where = problem.where
    return [where.path, where.line, where.col, problem.severity.value, message_data(problem.message),
            message_data(problem.hint)]


def _problem_in(data: list) -> Problem:
    path, line, col, severity, message, hint = data
    return Problem(Where(path, line, col), Severity(severity), message_from_data(message), message_from_data(hint))
