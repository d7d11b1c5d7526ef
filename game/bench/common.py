"""What every part of the benchmark shares: statistics and running a measuring child process."""
from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
from pathlib import Path

from ..paths import ROOT

FRAME = 1 / 60
SIZE = (1280, 720)


def median(values) -> float:
    return float(statistics.median(values)) if values else float("nan")


def percentile(values, fraction: float) -> float:
    """The nearest-rank percentile (p99: fraction=0.99)."""
    if not values:
        return float("nan")
    ordered = sorted(values)
    rank = min(len(ordered), max(1, math.ceil(fraction * len(ordered) - 1e-9)))
    return float(ordered[rank - 1])


def child_env(**extra: str) -> dict[str, str]:
    """The environment of a measuring child: no window, no sound, no pygame banner, quiet GPU path."""
    env = dict(os.environ)
    env.update(SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", PYGAME_HIDE_SUPPORT_PROMPT="1")
    env.pop("OLKETANU_GPU", None)
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # an installed game has its bytecode cached, as after a first run
    env.update(extra)
    return env


def run_child(args: list[str], env: dict[str, str] | None = None, timeout: float = 600, **options) -> dict:
    """Runs `python ARGS` in the project folder and returns the JSON object its last output line holds.
    `options` go to subprocess.run (a preexec_fn that puts the child in a cgroup)."""
    result = subprocess.run([sys.executable, *args], cwd=ROOT, env=env or child_env(), capture_output=True,
                            text=True, timeout=timeout, **options)
    lines = [line for line in result.stdout.splitlines() if line.startswith("{")]
    if result.returncode != 0 or not lines:
        raise RuntimeError(f"benchmark child {' '.join(args)} failed ({result.returncode}):\n"
                           f"{result.stdout[-2000:]}\n{result.stderr[-4000:]}")
    return json.loads(lines[-1])


def emit(data: dict) -> None:
    """A child's answer: one JSON line on stdout."""
    sys.stdout.write(json.dumps(data) + "\n")
    sys.stdout.flush()


def rss_mb() -> float:
    """This process's peak resident set size in MB (ru_maxrss is KiB on Linux, bytes on macOS)."""
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def ratio(value: float, baseline: float) -> float:
    return value / baseline if baseline else float("inf")


def tmp_root() -> Path | None:
    """Where temporary databases and packs go: $OLKETANU_BENCH_TMP, else the system's temp folder."""
    folder = os.environ.get("OLKETANU_BENCH_TMP")
    return Path(folder) if folder else None
