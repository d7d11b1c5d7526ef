"""A weak computer: start-up (launch to the first drawn title frame) with the game and the bare window each
held to 25 % of one core by a cgroup (v1 `cpu` controller: cfs_quota_us / cfs_period_us), alternately.

Needs a cgroup this process may create (as root on Linux, with the `cpu` controller mounted); elsewhere
the row says why it was skipped.
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path

from .common import child_env, median, ratio, run_child, tmp_root

CPU_CONTROLLER = Path("/sys/fs/cgroup/cpu")
SHARE = 0.25
PERIOD_US = 100_000


def _make_group() -> Path:
    group = CPU_CONTROLLER / f"olketanu-bench-{os.getpid()}"
    group.mkdir()
    (group / "cpu.cfs_period_us").write_text(str(PERIOD_US))
    (group / "cpu.cfs_quota_us").write_text(str(int(PERIOD_US * SHARE)))
    return group


def _launch(code: str, env: dict, group: Path) -> float:
    procs = str(group / "cgroup.procs")

    def join() -> None:  # in the child, before Python starts: all of its start-up runs under the limit
        with open(procs, "w") as handle:
            handle.write(str(os.getpid()))
    started = time.time()
    answer = run_child(["-c", code], env=env, timeout=300, preexec_fn=join)
    return answer["t"] - started


def bench_weak(repeats: int) -> dict:
    from .startup import BARE, GAME
    if repeats < 1:
        return {"skipped": "not in a --quick run"}
    if not (CPU_CONTROLLER / "cgroup.procs").exists():
        return {"skipped": "no cgroup v1 cpu controller at /sys/fs/cgroup/cpu"}
    try:
        group = _make_group()
    except OSError as error:
        return {"skipped": f"a cgroup cannot be made here ({error.strerror})"}
    try:
        with tempfile.TemporaryDirectory(prefix="olketanu-weak-", dir=tmp_root()) as data:
            env = child_env(OLKETANU_DATA_DIR=data)
            _launch(GAME, env, group)
            game, bare = [], []
            for _ in range(repeats):
                bare.append(_launch(BARE, env, group))
                game.append(_launch(GAME, env, group))
    finally:
        group.rmdir()
    game_ms, bare_ms = median(game) * 1000, median(bare) * 1000
    return {"cpu_share": SHARE, "repeats": repeats, "game_ms": game_ms, "bare_ms": bare_ms,
            "ratio": ratio(game_ms, bare_ms), "game_runs_ms": [round(s * 1000) for s in game],
            "bare_runs_ms": [round(s * 1000) for s in bare]}
