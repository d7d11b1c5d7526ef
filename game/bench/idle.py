"""Idle CPU: the title screen in the game's real loop (`App.run`: clock.tick(60), drawing only what
changed) against a bare `event.get(); clock.tick(60)` loop, both in a fresh child process.

A QUIT event from pygame's timer ends each loop, so the game's own `run()` is what is measured.
`python -m game.bench.idle --mode game|bare --seconds S` prints the CPU share of one core.
"""
from __future__ import annotations

import argparse
import tempfile
import threading
import time
from pathlib import Path

from .common import SIZE, emit, median, ratio, run_child

SETTLE_MS = 600  # the first frames are not idle


def _timed(loop, seconds: float, frames=lambda: 0) -> dict:
    """Runs `loop` until a QUIT event posted after SETTLE_MS + seconds; measures the last `seconds`.
    The start is sampled from a sleeping thread, so that no event disturbs the loop (any event makes
    the game redraw for a moment, as after a key press)."""
    import pygame
    start: dict = {}

    def sample() -> None:
        start.update(wall=time.perf_counter(), cpu=time.process_time(), frames=frames())
    timer = threading.Timer(SETTLE_MS / 1000, sample)
    timer.start()
    pygame.time.set_timer(pygame.QUIT, SETTLE_MS + int(seconds * 1000), loops=1)
    loop()
    wall, cpu = time.perf_counter() - start["wall"], time.process_time() - start["cpu"]
    return {"wall_s": wall, "cpu_s": cpu, "cpu_percent": 100 * cpu / wall, "frames_drawn": frames() - start["frames"]}


def idle_game(seconds: float) -> dict:
    from ..core.speech import RecordingSpeaker
    from ..ui.boot import create_app
    with tempfile.TemporaryDirectory(prefix="olketanu-idle-") as data:
        app = create_app(Path(data), speaker=RecordingSpeaker(), window_size=SIZE)

        result = _timed(app.run, seconds, lambda: app.frames_drawn)
        result["scene"] = app.scene.name
        app.services.store.close()
    return result


def idle_bare(seconds: float) -> dict:
    import pygame
    pygame.init()
    pygame.display.set_mode(SIZE)
    clock = pygame.time.Clock()

    def loop() -> None:
        while True:
            if any(event.type == pygame.QUIT for event in pygame.event.get()):
                return
            clock.tick(60)
    return _timed(loop, seconds)


def bench_idle(seconds: float, repeats: int) -> dict:
    game, bare, drawn = [], [], []
    for _ in range(repeats):
        bare.append(run_child(["-m", "game.bench.idle", "--mode", "bare", "--seconds", str(seconds)])["cpu_percent"])
        answer = run_child(["-m", "game.bench.idle", "--mode", "game", "--seconds", str(seconds)])
        game.append(answer["cpu_percent"])
        drawn.append(answer["frames_drawn"])
    return {"seconds": seconds, "repeats": repeats, "game_cpu_percent": median(game),
            "bare_cpu_percent": median(bare), "ratio": ratio(median(game), median(bare)),
            "game_runs": game, "bare_runs": bare, "frames_drawn_while_idle": drawn}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--mode", choices=("game", "bare"), required=True)
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    emit(idle_game(args.seconds) if args.mode == "game" else idle_bare(args.seconds))


if __name__ == "__main__":
    main()
