"""Finding packs on disk and loading them all, whatever is wrong with some of them."""
from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

from .loader import LevelResult, PackResult, load_level, load_pack
from .problems import Msg, Problem, Severity, Where


def find_pack_folders(root: Path) -> list[Path]:
    """`root` itself if it is a pack, else its sub-folders that hold a pack.yaml, sorted."""
    if (root / "pack.yaml").is_file():
        return [root]
    if not root.is_dir():
        return []
    return sorted(p for p in root.iterdir() if p.is_dir() and (p / "pack.yaml").is_file())


@dataclass
class Catalog:
    """Every pack found under the roots, in order; broken levels are kept with their problems."""

    packs: list[PackResult]

    @classmethod
    def load(cls, roots: list[Path]) -> "Catalog":
        packs: list[PackResult] = []
        seen: set[str] = set()
        for root in roots:
            for folder in find_pack_folders(root):
                if folder.name not in seen:
                    seen.add(folder.name)
                    packs.append(load_pack(folder))
        return cls(packs)

    def replace(self, result: LevelResult) -> bool:
        """Puts a level read again in place of its old version; False when the catalogue has none."""
        for pack in self.packs:
            for n, level in enumerate(pack.levels):
                if (level.pack_id, level.level_id) == (result.pack_id, result.level_id):
                    pack.levels[n] = result
                    return True
        return False

    def levels(self) -> list[LevelResult]:
        return [level for pack in self.packs for level in pack.levels]

    def find(self, level_id: str) -> LevelResult | None:
        """By `pack/level` key, or by level id alone when it is unique."""
        for level in self.levels():
            if f"{level.pack_id}/{level.level_id}" == level_id or level.level_id == level_id:
                return level
        return None

    def problems(self) -> list[Problem]:
        return [p for pack in self.packs for p in pack.all_problems()]


def validate_paths(paths: list[Path]) -> tuple[list[Problem], int]:
    """All problems in the given files, packs or folders of packs, and how many levels were checked."""
    was_enabled = gc.isenabled()
    gc.disable()  # reading levels makes no cyclic garbage, and the collector's passes over every level
    try:          # kept so far cost a fifth of validating 1,000 of them
        problems, count = _validate(paths)
    finally:
        if was_enabled:
            gc.enable()
    problems.sort(key=Problem.sort_key)
    return problems, count


def _validate(paths: list[Path]) -> tuple[list[Problem], int]:
    problems: list[Problem] = []
    count = 0
    for path in paths:
        if path.is_file() and path.name != "pack.yaml":
            pack_folder = path.parent
            result = load_level(path, pack_folder.name, pack_folder)
            problems += result.problems
            count += 1
            continue
        folder = path.parent if path.is_file() else path
        packs = find_pack_folders(folder)
        if not packs:
            problems.append(Problem(Where(str(path)), Severity.ERROR, Msg("no pack found here"),
                                    Msg("a pack is a folder with a pack.yaml file")))
        for pack_folder in packs:
            result = load_pack(pack_folder)
            problems += result.all_problems()
            count += len(result.levels)
    return problems, count
