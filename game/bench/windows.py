"""Real windows: the frame benchmark in an X11 window under Xvfb, once with SDL's default window path
(OLKETANU_GPU=1: software OpenGL when there is no GPU driver) and once as the game runs by default
(SDL_FRAMEBUFFER_ACCELERATION=0, SDL's software framebuffer). Skipped when Xvfb is not installed."""
from __future__ import annotations

import os
import shutil
import subprocess
import time

from .common import child_env, run_child

SCENES = ("title", "quiz_single", "story_line")


def _free_display() -> int:
    for number in range(90, 140):
        if not os.path.exists(f"/tmp/.X11-unix/X{number}") and not os.path.exists(f"/tmp/.X{number}-lock"):
            return number
    raise RuntimeError("no free X display number")


def bench_windows(frames: int) -> dict:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        return {"skipped": "Xvfb is not installed (Debian: apt-get install xvfb)"}
    number = _free_display()
    server = subprocess.Popen([xvfb, f":{number}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if os.path.exists(f"/tmp/.X11-unix/X{number}"):
                break
            time.sleep(0.05)
        paths = {"sdl_default": {"OLKETANU_GPU": "1"}, "game_default_fb_accel_0": {}}
        result: dict = {"frames": frames}
        for name, extra in paths.items():
            env = child_env(SDL_VIDEODRIVER="x11", DISPLAY=f":{number}", **extra)
            env.pop("SDL_FRAMEBUFFER_ACCELERATION", None)
            result[name] = run_child(["-m", "game.bench.frames", "--frames", str(frames), "--only", *SCENES],
                                     env=env)
        return result
    finally:
        server.terminate()
        server.wait(timeout=10)
