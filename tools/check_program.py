"""Runs an installed or built Ölketanu from a folder outside the source tree and checks what it prints and draws.

    python tools/check_program.py [--speech] PROGRAM [ARG...]

PROGRAM [ARG...] is how to start the game: the `olketanu` script of a virtual environment, or the program
that tools/build_app.py made. Failures are printed with their reason; the exit code is 1 when one failed.
The checks are `list`, `validate` of the shipped levels, and a screenshot of a quiz and of the puppet
tale, which must be 1280x720 and not blank. --speech (for a build made with --espeak) also starts the
game with speech on and an empty PATH, so that only its own espeak-ng can speak, and waits for the first
spoken line to be written. tests/packaging/test_packaging.py uses `check_program` too.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SCREENSHOTS = {"quiz": ("explorer-quiz", "2"), "puppets": ("aldar-coat", "3")}
LEVEL_IDS = ("town-quiz", "explorer-quiz", "aldar-coat")
SPEECH_WAIT = 60  # seconds for the title's first spoken line, on a busy machine


def _env(data: Path, **more: str) -> dict:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", OLKETANU_DATA_DIR=str(data), **more)
    env.pop("PYTHONPATH", None)  # nothing from the source tree
    env.pop("OLKETANU_ESPEAK", None)
    return env


def _run(command: list[str], folder: Path, data: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*command, *args], cwd=folder, env=_env(data), capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


def speech_problem(command: list[str], folder: Path, data: Path) -> str | None:
    """None when the game, started with speech on and no espeak-ng on PATH, writes its first spoken line."""
    cache = folder.parent / "cache"  # platformdirs' cache folder: XDG_CACHE_HOME, or LOCALAPPDATA on Windows
    env = _env(data, PATH="", XDG_CACHE_HOME=str(cache), LOCALAPPDATA=str(cache))
    game = subprocess.Popen([*command, "play", "--speech"], cwd=folder, env=env, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + SPEECH_WAIT
        while game.poll() is None and time.monotonic() < deadline:
            if any(wav.stat().st_size > 44 for wav in cache.rglob("*.wav")):  # more than a WAV header
                return None
            time.sleep(0.2)
        return f"no spoken line was written in {SPEECH_WAIT} s (exit {game.poll()})"
    finally:
        game.kill()
        game.communicate()


def picture_problem(png: Path) -> str | None:
    """None when `png` is a 1280x720 picture with real content, else what is wrong with it."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")
    import pygame
    if not png.is_file():
        return f"{png.name} was not written"
    image = pygame.image.load(str(png))
    if image.get_size() != (1280, 720):
        return f"{png.name} is {image.get_size()}, not 1280x720"
    pixels = pygame.image.tobytes(image, "RGB")
    colours = {pixels[i:i + 3] for i in range(0, len(pixels), 6)}
    if len(colours) < 100:  # a drawn screen has hundreds (text is anti-aliased); a blank or flat one, a few
        return f"{png.name} looks blank: {len(colours)} colours"
    return None


def check_program(command: list[str], speech: bool = False) -> list[str]:
    """Every failure, as a line of text; an empty list when the program is whole."""
    failures = []
    with tempfile.TemporaryDirectory(prefix="olketanu-check-") as tmp:
        folder, data = Path(tmp) / "elsewhere", Path(tmp) / "data"
        folder.mkdir()
        listed = _run(command, folder, data, "list")
        ids = [line.split("\t")[0] for line in listed.stdout.splitlines()]
        if listed.returncode != 0 or any(level not in ids for level in LEVEL_IDS):
            failures.append(f"list: exit {listed.returncode}, ids {ids}\n{listed.stderr}")
        checked = _run(command, folder, data, "validate", "--lang", "en")
        counted = re.match(r"ok: (\d+) level", checked.stdout)
        if checked.returncode != 0 or not counted or int(counted.group(1)) != len(ids):
            failures.append(f"validate: exit {checked.returncode}\n{checked.stdout}\n{checked.stderr}")
        for name, (level, step) in SCREENSHOTS.items():
            png = folder / f"{name}.png"
            shot = _run(command, folder, data, "screenshot", "--level", level, "--step", step, "--out", png.name)
            trouble = picture_problem(png) if shot.returncode == 0 else f"exit {shot.returncode}\n{shot.stderr}"
            if trouble:
                failures.append(f"screenshot of {level}: {trouble}")
        trouble = speech_problem(command, folder, data) if speech else None
        if trouble:
            failures.append(f"speech: {trouble}")
    return failures


def main(argv: list[str]) -> int:
    speech = argv[:1] == ["--speech"]
    argv = argv[1:] if speech else argv
    if not argv:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    program = Path(argv[0])
    failures = check_program([str(program.resolve()) if program.exists() else argv[0], *argv[1:]], speech)
    for failure in failures:
        print(f"FAILED {failure}")
    if not failures:
        print(f"ok: {' '.join(argv)} lists, validates and draws {', '.join(SCREENSHOTS)} from another folder"
              + (", and speaks with its own espeak-ng" if speech else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
