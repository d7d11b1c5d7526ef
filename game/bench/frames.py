"""Frame cost: CPU time of one forced redraw of each scene, against a bare full-screen blit + flip.

Runs as a child process (`python -m game.bench.frames --frames N`) so that the window is its own and
the video driver can be chosen (dummy, or a real X11 window). The game is driven by the keyboard through
the pilot, like a player; on each screen it measures blocks of `app.invalidate(); app.step([], 1/60)`
alternating with blocks of the bare frame in the same window, so that both see the same machine load.
"""
from __future__ import annotations

import argparse
import os
import tempfile
import time
from pathlib import Path

from ..core.questions import KINDS
from .common import FRAME, SIZE, emit, median, percentile, ratio
from .routes import Routes

SCENES = ("title", "profiles", "create_profile", "map", *(f"quiz_{kind}" for kind in KINDS), "quiz_feedback",
          "results", "story_line", "story_choice")
WARM_UP = 5
BLOCK = 50
BREAKDOWN_FRAMES = 200


def _app(data: Path):
    driver = os.environ.get("SDL_VIDEODRIVER", "dummy")
    from ..testing import Pilot  # sets the dummy driver for the tests; keep the one asked for
    os.environ["SDL_VIDEODRIVER"] = driver
    from ..core.speech import RecordingSpeaker
    from ..paths import LEVELS
    from ..ui.boot import create_app
    speaker = RecordingSpeaker()
    app = create_app(data, speaker=speaker, level_dirs=[LEVELS], window_size=SIZE)
    for name, avatar in (("Айгүл", "fox"), ("Ерлан", "eagle"), ("Дана", "owl"), ("Нұрсұлтан", "argali"),
                         ("Мәди", "wolf"), ("Әлия", "saiga")):
        app.store.create_profile(name, avatar, "kk")
    pilot = Pilot(app, speaker)
    pilot.advance()
    return pilot


def _quiz(pilot, routes, seen: set[str], wrong_first: bool):
    """Plays the quiz on screen; yields `quiz_<type>` on the first question of each type not yet seen,
    and `quiz_feedback` after answering the first question wrongly when `wrong_first`."""
    scene = pilot.scene
    first = True
    while pilot.scene is scene and scene.runner.phase.value != "done":
        if scene.runner.phase.value == "asking":
            kind = scene.runner.current.kind
            if kind not in seen:
                seen.add(kind)
                yield f"quiz_{kind}"
            routes.answer(right=not (wrong_first and first))
            if wrong_first and first:
                yield "quiz_feedback"
            first = False
        else:
            routes.leave_feedback()


def tour(pilot, routes):
    """Walks through the game by keyboard and yields the name of each screen to measure, on it."""
    yield "title"
    routes.use("play")
    yield "profiles"
    routes.use("new")
    routes.tab_to("nickname")
    pilot.type("Айгүл-Әлия")
    routes.use("avatar_marmot", "space")
    routes.tab_to("nickname")
    yield "create_profile"
    routes.use("done")
    yield "map"
    seen: set[str] = set()
    quizzes = [e for e in pilot.app.catalog.levels() if e.ok and e.level.kind == "quiz"]
    stories = [e for e in pilot.app.catalog.levels() if e.ok and e.level.kind == "story"]
    for number, entry in enumerate(quizzes):
        routes.open_level(f"{entry.pack_id}_{entry.level_id}")
        yield from _quiz(pilot, routes, seen, wrong_first=number == 0)
        if number == 0:
            yield "results"
        routes.use("map")
    if stories:
        routes.open_level(f"{stories[0].pack_id}_{stories[0].level_id}")
        yield "story_line"
        while pilot.scene.name == "story" and not pilot.scene.runner.choices:
            pilot.press("space")
        if pilot.scene.name == "story":
            yield "story_choice"


def _bare_frame_factory(pygame, screen):
    background = pygame.Surface(SIZE).convert()
    for y in range(0, SIZE[1], 8):  # a picture, not one colour
        pygame.draw.rect(background, (21 + y % 64, 48 + y % 32, 71 + y % 128), (0, y, SIZE[0], 8))

    def bare() -> None:
        screen.blit(background, (0, 0))
        pygame.display.flip()
    return bare


def measure(frames: int, only: tuple[str, ...] | None = None) -> dict:
    """`only`: these screens (default: every screen the tour reaches, SCENES and any new question type)."""
    import pygame
    clock = time.process_time_ns
    results: dict[str, dict] = {}
    with tempfile.TemporaryDirectory(prefix="olketanu-frames-") as data:
        pilot = _app(Path(data))
        app = pilot.app
        bare = _bare_frame_factory(pygame, pygame.display.get_surface())

        def game() -> None:
            app.invalidate()
            if not app.step([], FRAME):
                raise RuntimeError("a forced frame was not drawn")

        routes = Routes(pilot)
        for name in tour(pilot, routes):
            if only is not None and name not in only:
                continue
            for _ in range(WARM_UP):
                game()
                bare()
            game_ns, bare_ns = [], []
            while len(game_ns) < frames:
                for run, into in ((game, game_ns), (bare, bare_ns)):
                    for _ in range(min(BLOCK, frames - len(game_ns) if run is game else BLOCK)):
                        start = clock()
                        run()
                        into.append(clock() - start)
            results[name] = _summary(name, app.scene.name, game_ns, bare_ns)
            results[name]["breakdown_us"] = _breakdown(app, min(frames, BREAKDOWN_FRAMES))
        app.services.store.close()
        driver = pygame.display.get_driver()
        pygame.quit()
    return {"frames": frames, "driver": driver, "route_fallbacks": routes.fallbacks, "window": list(SIZE),
            "framebuffer_acceleration": os.environ.get("SDL_FRAMEBUFFER_ACCELERATION", "default"),
            "scenes": results}


def _breakdown(app, frames: int) -> dict:
    """Where a frame goes: the median CPU time of each part of `App.step`'s drawing, for the profile."""
    import pygame
    canvas, scene = app.display.canvas, app.scene
    parts = {"scene.paint": lambda: scene.paint(canvas), "ui.update": lambda: app.ui.update(FRAME),
             "ui.draw_ui": lambda: app.ui.draw_ui(canvas), "scene.draw_overlay": lambda: scene.draw_overlay(canvas),
             "flip": pygame.display.flip}
    times: dict[str, list[int]] = {part: [] for part in parts}
    for _ in range(frames):
        for part, run in parts.items():
            start = time.process_time_ns()
            run()
            times[part].append(time.process_time_ns() - start)
    app.invalidate()
    return {part: median(values) / 1000 for part, values in times.items()}


def _summary(name: str, scene: str, game_ns: list[int], bare_ns: list[int]) -> dict:
    med, p99 = median(game_ns) / 1000, percentile(game_ns, 0.99) / 1000
    bare_med, bare_p99 = median(bare_ns) / 1000, percentile(bare_ns, 0.99) / 1000
    return {"scene": scene, "median_us": med, "p99_us": p99, "bare_median_us": bare_med, "bare_p99_us": bare_p99,
            "median_ratio": ratio(med, bare_med), "p99_ratio": ratio(p99, bare_med),
            "fps": 1e6 / med if med else float("inf"), "samples": len(game_ns)}


def run_frames(frames: int) -> dict:
    """The frame benchmark in a child process on the dummy video driver."""
    from .common import run_child
    return run_child(["-m", "game.bench.frames", "--frames", str(frames)])


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--frames", type=int, default=1000)
    parser.add_argument("--only", nargs="*", help=f"some of {', '.join(SCENES)}")
    args = parser.parse_args()
    emit(measure(args.frames, tuple(args.only) if args.only else None))


if __name__ == "__main__":
    main()
