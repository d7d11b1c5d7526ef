"""The standalone build (tools/build_app.py) against running from source: launch to the first drawn title
frame, each a fresh process, alternately. Both report that frame's time through the game's own hook
(OLKETANU_FIRST_FRAME_FILE: the time is written there and the game ends).

The built program is $OLKETANU_BENCH_APP, else dist/olketanu/ in the project; without one the row says
how to build it.
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from ..paths import ROOT
from .common import child_env, median, ratio, tmp_root


def built_program() -> Path:
    given = os.environ.get("OLKETANU_BENCH_APP")
    if given:
        return Path(given)
    return ROOT / "dist" / "olketanu" / ("olketanu.exe" if os.name == "nt" else "olketanu")


def _launch(command: list[str], data: str, mark: Path) -> float:
    mark.unlink(missing_ok=True)
    env = child_env(OLKETANU_DATA_DIR=data, OLKETANU_FIRST_FRAME_FILE=str(mark))
    started = time.time()
    result = subprocess.run(command, cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    if result.returncode != 0 or not mark.exists():
        raise RuntimeError(f"{command[0]} did not draw a first frame ({result.returncode}):\n{result.stderr[-2000:]}")
    return float(mark.read_text(encoding="utf-8")) - started


def bench_built(repeats: int) -> dict:
    program = built_program()
    if not program.is_file():
        return {"skipped": f"no standalone build at {program.name} (make one: python tools/build_app.py)"}
    source = [sys.executable, str(ROOT / "run_game.py")]
    with tempfile.TemporaryDirectory(prefix="olketanu-built-", dir=tmp_root()) as tmp:
        data, mark = str(Path(tmp) / "data"), Path(tmp) / "first-frame"
        _launch(source, data, mark)  # warm-up: the progress file made, the pictures rendered
        _launch([str(program)], data, mark)
        built, from_source = [], []
        for n in range(repeats):
            for which in ((0, 1) if n % 2 else (1, 0)):
                if which:
                    built.append(_launch([str(program)], data, mark))
                else:
                    from_source.append(_launch(source, data, mark))
    built_ms, source_ms = median(built) * 1000, median(from_source) * 1000
    return {"program": str(program), "repeats": repeats, "built_ms": built_ms, "source_ms": source_ms,
            "ratio": ratio(built_ms, source_ms), "built_runs_ms": [round(s * 1000) for s in built],
            "source_runs_ms": [round(s * 1000) for s in from_source]}
