"""Memory: peak RSS of a full keyboard play-through (a new profile, the quiz, the story, back to the
title), in a child process of its own: `python -m game.bench.memory`."""
from __future__ import annotations

import tempfile
from pathlib import Path

from .common import emit, rss_mb, run_child
from .routes import Routes


def play_through(rounds: int = 1, quick: bool = False) -> dict:
    """A new profile, then every quiz and the first story of the shipped packs (`quick`: the first quiz
    and the first story), `rounds` times, by keyboard; back to the title."""
    from ..paths import LEVELS
    from ..testing import run_test
    with tempfile.TemporaryDirectory(prefix="olketanu-memory-") as data:
        with run_test(Path(data), level_dirs=[LEVELS]) as pilot:
            after_start = rss_mb()
            routes = Routes(pilot)
            routes.new_profile("Айгүл", "fox")
            levels = [e for e in pilot.app.catalog.levels() if e.ok]
            quizzes = [e for e in levels if e.level.kind == "quiz"][:1 if quick else None]
            stories = [e for e in levels if e.level.kind == "story"][:1]
            for _ in range(rounds):
                for entry in quizzes + stories:
                    routes.open_level(f"{entry.pack_id}_{entry.level_id}")
                    if entry.level.kind == "quiz":
                        routes.play_quiz()
                    else:
                        routes.play_story()
                    pilot.advance(10)
                    pilot.press("escape")  # results -> map
            pilot.press("escape", "escape")
            scene = pilot.scene.name
    return {"peak_rss_mb": rss_mb(), "rss_after_start_mb": after_start, "rounds": rounds,
            "levels": [f"{e.pack_id}/{e.level_id}" for e in quizzes + stories], "ended_on": scene,
            "route_fallbacks": routes.fallbacks}


def _collect_after_input() -> None:
    """A what-if, for the report: the game's step followed by a full garbage collection after input.
    Killed scenes and buttons are reference cycles (Button <-> UIButton through its command) that keep
    pygame-gui's surfaces alive until Python's rare full collection."""
    import gc
    from ..ui.app import App
    step = App.step

    def collecting(self, events, dt):
        drawn = step(self, events, dt)
        if events:
            gc.collect()
        return drawn
    App.step = collecting


def bench_memory(rounds: int, what_ifs: bool, quick: bool = False) -> dict:
    result = run_child(["-m", "game.bench.memory", "1", *(["--quick"] if quick else [])])
    if what_ifs:
        result["three_rounds"] = run_child(["-m", "game.bench.memory", str(rounds)])
        result["three_rounds_gc"] = run_child(["-m", "game.bench.memory", str(rounds), "--gc-after-input"])
    return result


if __name__ == "__main__":
    import sys
    if "--gc-after-input" in sys.argv:
        _collect_after_input()
    emit(play_through(int(sys.argv[1]) if len(sys.argv) > 1 else 1, quick="--quick" in sys.argv))
