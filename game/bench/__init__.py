"""`run_game.py bench`: the game measured against bare pygame, SQLite and PyYAML in the same run.

Each figure is taken alongside its baseline (alternating, medians of repeats) so that the ratio holds
on a noisy machine. `--quick` is a small run for CI: the same sections, few samples, no targets asserted.
"""
from __future__ import annotations

import os
import platform
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class Plan:
    startup_repeats: int
    frames: int
    idle_seconds: float
    idle_repeats: int
    levels: int
    content_repeats: int
    shipped_repeats: int
    commits: int
    children: int
    report_levels: int
    report_repeats: int
    window_frames: int  # 0: no real-window run
    what_ifs: bool
    queued: int  # answers waiting in the outbox for the room's server
    scale_sizes: tuple[int, ...]  # catalogue sizes (levels) for launch to map, memory, scroll and idle
    weak_repeats: int  # start-up under a 25 % CPU limit (a cgroup), when this machine allows it


FULL = Plan(startup_repeats=7, frames=1000, idle_seconds=5.0, idle_repeats=3, levels=1000, content_repeats=3,
            shipped_repeats=20, commits=2000, children=10_000, report_levels=100, report_repeats=3,
            window_frames=300, what_ifs=True, queued=10_000, scale_sizes=(7, 100, 1000, 3000), weak_repeats=3)
QUICK = Plan(startup_repeats=1, frames=30, idle_seconds=0.5, idle_repeats=1, levels=20, content_repeats=1,
             shipped_repeats=2, commits=50, children=200, report_levels=20, report_repeats=1,
             window_frames=0, what_ifs=False, queued=200, scale_sizes=(7,), weak_repeats=0)


def _versions() -> dict:
    from importlib.metadata import version
    import sqlite3
    import yaml
    found = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version, "pyyaml": yaml.__version__,
             "yaml_c_loader": hasattr(yaml, "CSafeLoader")}
    for package in ("pygame-ce", "pygame_gui"):
        try:
            found[package] = version(package)
        except Exception:  # noqa: BLE001 - only for the record
            found[package] = "?"
    return found


def run(quick: bool, out: Path) -> int:
    from . import built, content, frames, idle, memory, postgres, progress, report, scale, startup, weak, windows
    plan = QUICK if quick else FULL
    started = time.perf_counter()
    results: dict = {"meta": {"quick": quick, "plan": plan.__dict__, "cpus": os.cpu_count(),
                              "machine": platform.platform(), "load_average": _load(), "versions": _versions()}}

    def section(name: str, measure) -> None:
        print(f"bench: {name}...", file=sys.stderr, flush=True)
        begun = time.perf_counter()
        results[name] = measure()
        results["meta"].setdefault("section_seconds", {})[name] = round(time.perf_counter() - begun, 1)

    section("startup", lambda: startup.bench_startup(plan.startup_repeats))
    section("built", lambda: built.bench_built(plan.startup_repeats))
    section("frames", lambda: frames.run_frames(plan.frames))
    section("idle", lambda: idle.bench_idle(plan.idle_seconds, plan.idle_repeats))
    section("content", lambda: content.bench_content(plan.levels, plan.content_repeats, plan.shipped_repeats))
    section("progress", lambda: {
        "commits": progress.bench_commits(plan.commits),
        "reports": progress.bench_reports(plan.children, plan.report_levels, plan.report_repeats)})
    section("postgres", lambda: postgres.bench_postgres(plan.commits, plan.children, plan.report_levels,
                                                        plan.report_repeats, plan.queued))
    section("memory", lambda: memory.bench_memory(3, plan.what_ifs, quick))
    section("scale", lambda: scale.bench_scale(plan.scale_sizes, plan.idle_seconds))
    section("weak", lambda: weak.bench_weak(plan.weak_repeats))
    if plan.window_frames:
        section("real_windows", lambda: windows.bench_windows(plan.window_frames))
    results["meta"]["seconds"] = time.perf_counter() - started
    table = report.rows(results)
    print(report.text_table(table))
    report.write_json(results, table, out)
    failed = [r for r in table if r["verdict"] == "FAIL"]
    print(f"\n{len(table) - len(failed)} row(s) ok, {len(failed)} target(s) missed; "
          f"{results['meta']['seconds']:.0f} s; wrote {out}")
    return 1 if failed and not quick else 0


def _load() -> list[float] | None:
    try:
        return [round(x, 2) for x in os.getloadavg()]
    except OSError:
        return None
