"""Runs an installed or built Ölketanu from a folder outside the source tree and checks what it prints and draws.

    python tools/check_program.py PROGRAM [ARG...]

PROGRAM [ARG...] is how to start the game: the `olketanu` script of a virtual environment, or the program
that tools/build_app.py made. Each check prints `ok` or `FAILED` with the reason; the exit code is 1 when
one failed. The checks are `list`, `validate` of the shipped levels, and a screenshot of a quiz and of the
puppet tale, which must be 1280x720 and not blank. tests/test_packaging.py uses `check_program` too.
"""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

SCREENSHOTS = {"quiz": ("explorer-quiz", "2"), "puppets": ("aldar-coat", "3")}
LEVEL_IDS = ("town-quiz", "explorer-quiz", "aldar-coat")


def _run(command: list[str], folder: Path, data: Path, *args: str) -> subprocess.CompletedProcess:
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", OLKETANU_DATA_DIR=str(data))
    env.pop("PYTHONPATH", None)  # nothing from the source tree
    return subprocess.run([*command, *args], cwd=folder, env=env, capture_output=True, text=True,
                          encoding="utf-8", timeout=300)


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


def check_program(command: list[str]) -> list[str]:
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
    return failures


def main(argv: list[str]) -> int:
    if not argv:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    program = Path(argv[0])
    failures = check_program([str(program.resolve()) if program.exists() else argv[0], *argv[1:]])
    for failure in failures:
        print(f"FAILED {failure}")
    if not failures:
        print(f"ok: {' '.join(argv)} lists, validates and draws {', '.join(SCREENSHOTS)} from another folder")
    return 1 if failures else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
