"""Content: the `validate` command over the shipped packs and a generated pack of many levels against bare
CSafeLoader loading of the same files, and loading the shipped packs as the game does at start-up."""
from __future__ import annotations

import random
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from ..paths import LEVELS, ROOT
from .common import child_env, median, ratio, tmp_root

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
TEMPLATE = LEVELS / "karkaraly" / "town-quiz.yaml"


def make_pack(folder: Path, count: int, template: Path = TEMPLATE) -> list[Path]:
    """A pack of `count` quiz levels: the shipped quiz, each with its own id and its questions shuffled
    (a different file each time, the same amount of text). Returns every YAML file written."""
    text = template.read_text(encoding="utf-8")
    head, *questions = re.split(r"(?m)^(?=  - id: )", text)
    questions[-1] = re.split(r"(?m)^(?=[^\s#])", questions[-1], maxsplit=1)[0]  # not the album card after them:
    # its picture is not in the generated pack
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


# The floor for `validate`: a fresh Python that loads the same YAML files with CSafeLoader, nothing else.
BARE = """
import sys
from pathlib import Path
import yaml
loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
for folder in sys.argv[1:]:
    for path in sorted(Path(folder).rglob("*.yaml")):
        yaml.load(path.read_text(encoding="utf-8"), Loader=loader)
"""


def _command(args: list[str]) -> float:
    started = time.perf_counter()
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=child_env(), capture_output=True, text=True)
    spent = time.perf_counter() - started
    if result.returncode != 0:
        raise RuntimeError(f"{' '.join(args[:2])} failed ({result.returncode}):\n{result.stdout[-2000:]}"
                           f"{result.stderr[-2000:]}")
    return spent


def bench_content(levels: int, repeats: int, shipped_repeats: int) -> dict:
    """`run_game.py validate` itself (a fresh process, as a librarian runs it) over every shipped pack and
    a generated pack of `levels` levels, against a fresh Python loading the same YAML files bare."""
    from ..core.catalog import Catalog
    from ..core.datadir import level_roots
    with tempfile.TemporaryDirectory(prefix="olketanu-content-", dir=tmp_root()) as tmp:
        folder = Path(tmp) / "bench"
        folder.mkdir()
        files = make_pack(folder, levels)
        targets = [str(LEVELS), str(folder)]
        shipped_files = sorted(LEVELS.rglob("*.yaml"))
        size = sum(p.stat().st_size for p in [*files, *shipped_files])
        validate = ["run_game.py", "validate", *targets]
        _command(["-c", BARE, *targets])  # the files into the page cache, the bytecode written
        _command(validate)
        validate_s, bare_s = [], []
        for n in range(repeats):  # alternately, each first in turn: both see the same machine load
            for which in ((0, 1) if n % 2 else (1, 0)):
                (validate_s if which else bare_s).append(_command(validate if which else ["-c", BARE, *targets]))
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
    shipped_levels = len(catalog.levels())
    return {
        "levels": levels + shipped_levels, "generated": levels, "files": len(files) + len(shipped_files),
        "bytes": size, "repeats": repeats, "command": "run_game.py validate levels/ GENERATED/",
        "validate_ms": validate_ms, "bare_ms": bare_ms, "ratio": ratio(validate_ms, bare_ms),
        "validate_runs_ms": [round(s * 1000) for s in validate_s], "bare_runs_ms": [round(s * 1000) for s in bare_s],
        "validate_ms_per_level": validate_ms / (levels + shipped_levels),
        "shipped": {"packs": len(catalog.packs), "levels": shipped_levels, "files": len(shipped_files),
                    "load_ms": median(load_s) * 1000, "bare_ms": median(shipped_bare_s) * 1000,
                    "ratio": ratio(median(load_s), median(shipped_bare_s))},
    }
