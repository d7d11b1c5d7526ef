"""Scale: what a library's whole catalogue costs. The shipped packs plus copies of the `karkaraly` pack under
new ids in the data folder's `packs/` (as a library adds packs), at about 7 (the shipped packs alone), 100,
1,000 and 3,000 levels: launch to the first drawn map, peak memory there, one scroll step (a mouse wheel
notch) and idle CPU on the map in the game's real loop. Each size runs in a fresh child process.

`python -m game.bench.scale --data DIR --seconds S` is that child: the game's own start-up (game.cli.main),
the first profile chosen as the profile screen does, then the map.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import tempfile
import time
from pathlib import Path

from .common import emit, median, rss_mb, run_child, tmp_root

SIZES = (7, 100, 1000, 3000)
TEMPLATE = "karkaraly"
SCROLLS = 5


def make_library(data: Path, levels: int) -> int:
    """Copies of the template pack in `data`/packs until the catalogue holds about `levels` levels
    (whole copies, so that each copy's unlock rules hold). Returns how many levels the catalogue holds."""
    from ..core.catalog import Catalog
    from ..core.datadir import level_roots
    from ..paths import LEVELS
    shipped = sum(len(pack.levels) for pack in Catalog.load([LEVELS]).packs)
    template = LEVELS / TEMPLATE
    per_copy = len([p for p in template.glob("*.yaml") if p.name != "pack.yaml"])
    copies = max(0, round((levels - shipped) / per_copy))
    pack_text = (template / "pack.yaml").read_text(encoding="utf-8")
    for n in range(copies):
        folder = data / "packs" / f"copy-{n:04d}"
        folder.mkdir(parents=True)
        for path in template.glob("*.yaml"):
            shutil.copyfile(path, folder / path.name)
        (folder / "pack.yaml").write_text(re.sub(r"(?m)^id: .*$", f"id: copy-{n:04d}", pack_text, count=1),
                                          encoding="utf-8")
        os.symlink(template / "assets", folder / "assets")  # the same pictures: the bench measures levels
    return sum(len(pack.levels) for pack in Catalog.load(level_roots(LEVELS, data)).packs)


def _child(seconds: float) -> dict:
    """In the child: launch (already timed by the parent) to the first drawn map, then scroll and idle."""
    import pygame
    pygame.display.get_desktop_sizes = lambda: [(1920, 1080)]
    import game.ui.app
    from .idle import _timed
    found: dict = {}

    def run(app) -> None:
        clock = pygame.time.Clock()
        while not app.step(pygame.event.get(), clock.tick(60) / 1000.0):
            pass
        app.profile = app.store.profiles()[0]  # the profile screen's choice
        app.show("map")
        while not (app.step(pygame.event.get(), clock.tick(60) / 1000.0) and app.scene.name == "map"):
            pass
        found["map_t"] = time.time()
        found["rss_mb"] = rss_mb()
        steps = []
        for _ in range(SCROLLS):
            wheel = pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False, precise_x=0.0, precise_y=-1.0,
                                       touch=False, which=0)
            started = time.perf_counter()
            app.step([wheel, *pygame.event.get()], 1 / 60)
            steps.append(time.perf_counter() - started)
            for _ in range(30):  # the redraws after input, before the next notch
                app.step(pygame.event.get(), clock.tick(60) / 1000.0)
        found["scroll_ms"] = median(steps) * 1000
        found.update(_timed(lambda: real_run(app), seconds, lambda: app.frames_drawn))
        found["scene"] = app.scene.name
        found["peak_rss_mb"] = rss_mb()

    real_run = game.ui.app.App.run
    game.ui.app.App.run = run
    import sys
    sys.argv = ["run_game.py"]
    from ..cli import main as game_main
    game_main()
    return found


def bench_scale(sizes: tuple[int, ...], seconds: float) -> dict:
    from ..core.storage import SqliteStore
    from .common import child_env
    rows = []
    for levels in sizes:
        with tempfile.TemporaryDirectory(prefix="olketanu-scale-", dir=tmp_root()) as tmp:
            data = Path(tmp)
            held = make_library(data, levels)
            store = SqliteStore.in_folder(data)
            store.create_profile("Айгүл", "fox", "kk")
            store.close()
            env = child_env(OLKETANU_DATA_DIR=str(data))
            started = time.time()
            answer = run_child(["-m", "game.bench.scale", "--seconds", str(seconds)], env=env, timeout=1800)
            rows.append({"asked": levels, "levels": held, "launch_to_map_ms": (answer["map_t"] - started) * 1000,
                         "map_rss_mb": answer["rss_mb"], "peak_rss_mb": answer["peak_rss_mb"],
                         "scroll_ms": answer["scroll_ms"], "idle_cpu_percent": answer["cpu_percent"],
                         "scene": answer["scene"]})
    return {"sizes": rows, "idle_seconds": seconds}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    args = parser.parse_args()
    emit(_child(args.seconds))


if __name__ == "__main__":
    main()
