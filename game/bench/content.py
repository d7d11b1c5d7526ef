"""Content: validating a generated pack of many levels against bare CSafeLoader loading of the same
files, and loading the shipped packs as the game does at start-up."""
from __future__ import annotations

import random
import re
import tempfile
import time
from pathlib import Path

import yaml

from ..paths import LEVELS
from .common import median, ratio, tmp_root

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TEMPLATE = LEVELS / "karkaraly" / "town-quiz.yaml"


def make_pack(folder: Path, count: int, template: Path = TEMPLATE) -> list[Path]:
    """A pack of `count` quiz levels: the shipped quiz, each with its own id and its questions shuffled
    (a different file each time, the same amount of text). Returns every YAML file written."""
    text = template.read_text(encoding="utf-8")
    head, *questions = re.split(r"(?m)^(?=  - id: )", text)
    pack_id = folder.name
    ids = [f"level-{n:04d}" for n in range(count)]
    files = []
    for n, level_id in enumerate(ids):
        shuffled = list(questions)
        random.Random(n).shuffle(shuffled)
        shuffled = [q if q.endswith("\n\n") else q.rstrip("\n") + "\n\n" for q in shuffled]
        body = re.sub(r"(?m)^id: .*$", f"id: {level_id}", head, count=1) + "".join(shuffled)
        path = folder / f"{level_id}.yaml"
        path.write_text(body, encoding="utf-8")
        files.append(path)
    pack = folder / "pack.yaml"
    pack.write_text(f'format: 1\nid: {pack_id}\ntitle: {{kk: "Сынақ", ru: "Тест", en: "Benchmark"}}\nlevels:\n'
                    + "".join(f"  - {level_id}\n" for level_id in ids), encoding="utf-8")
    return [pack, *files]


def bare_load(files: list[Path]) -> None:
    for path in files:
        yaml.load(path.read_text(encoding="utf-8"), Loader=_Loader)


def bench_content(levels: int, repeats: int, shipped_repeats: int) -> dict:
    from ..core.catalog import Catalog, validate_paths
    from ..core.datadir import level_roots
    from ..core.loader import load_level
    with tempfile.TemporaryDirectory(prefix="olketanu-content-", dir=tmp_root()) as tmp:
        folder = Path(tmp) / "bench"
        folder.mkdir()
        files = make_pack(folder, levels)
        size = sum(p.stat().st_size for p in files)
        bare_load(files)  # the files into the page cache, the loaders warm
        problems, count = validate_paths([folder])
        errors = [p.format() for p in problems if p.is_error]
        if errors or count != levels:
            raise RuntimeError(f"the generated pack does not validate ({count} levels): {errors[:3]}")
        # Alternate file by file (each ~5 ms), so that both see the same machine load: the validator's
        # work on one level file (load_level: parse, read, check) against loading the same file bare.
        validate_s, bare_s = [], []
        for _ in range(repeats):
            validate_total = bare_total = 0.0
            for n, path in enumerate(files[1:]):
                for which in ((0, 1) if n % 2 else (1, 0)):
                    started = time.perf_counter()
                    if which:
                        load_level(path, folder.name, folder)
                    else:
                        bare_load([path])
                    spent = time.perf_counter() - started
                    if which:
                        validate_total += spent
                    else:
                        bare_total += spent
            validate_s.append(validate_total)
            bare_s.append(bare_total)
        started = time.perf_counter()
        validate_paths([folder])
        whole_ms = (time.perf_counter() - started) * 1000
        shipped_files = sorted(LEVELS.rglob("*.yaml"))
        load_s, shipped_bare_s = [], []
        roots = level_roots(LEVELS, Path(tmp) / "data")
        for _ in range(shipped_repeats):
            started = time.perf_counter()
            bare_load(shipped_files)
            shipped_bare_s.append(time.perf_counter() - started)
            started = time.perf_counter()
            catalog = Catalog.load(roots)
            load_s.append(time.perf_counter() - started)
    validate_ms, bare_ms = median(validate_s) * 1000, median(bare_s) * 1000
    return {
        "levels": levels, "files": len(files), "bytes": size, "repeats": repeats,
        "validate_ms": validate_ms, "bare_ms": bare_ms, "ratio": ratio(validate_ms, bare_ms),
        "validate_ms_per_level": validate_ms / levels, "validate_command_ms": whole_ms,
        "shipped": {"packs": len(catalog.packs), "levels": len(catalog.levels()), "files": len(shipped_files),
                    "load_ms": median(load_s) * 1000, "bare_ms": median(shipped_bare_s) * 1000,
                    "ratio": ratio(median(load_s), median(shipped_bare_s))},
    }
