import subprocess
import sys

import pygame

from conftest import ROOT


def run(*args):
    return subprocess.run([sys.executable, "run_game.py", *args], cwd=ROOT, capture_output=True, text=True,
                          env={"PATH": "", "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
                               "OLKETANU_DATA_DIR": str(ROOT / "out" / "cli-test-data")})


def test_help_names_every_command():
    result = run("--help")
    assert result.returncode == 0
    for command in ("play", "validate", "list", "screenshot", "screenshots"):
        assert command in result.stdout


def test_list_prints_id_type_title():
    result = run("list")
    assert result.returncode == 0
    rows = [line.split("\t") for line in result.stdout.splitlines()]
    assert ["town-quiz", "quiz"] == rows[0][:2] and rows[0][2]
    assert ["shaitankol-walk", "story"] in [row[:2] for row in rows]
    assert all(len(row) == 3 and row[1] in ("quiz", "story") for row in rows)


def test_screenshot_writes_a_1280x720_png_of_the_level(tmp_path):
    out = tmp_path / "quiz.png"
    result = run("screenshot", "--level", "town-quiz", "--step", "2", "--lang", "ru", "--out", str(out))
    assert result.returncode == 0, result.stderr
    image = pygame.image.load(str(out))
    assert image.get_size() == (1280, 720)
    assert image.get_at((10, 10))[:3] == (0x15, 0x30, 0x47)  # the quiz's night-blue top bar


def test_screenshot_of_an_unknown_level_says_so():
    result = run("screenshot", "--level", "nope", "--lang", "en", "--out", "x.png")
    assert result.returncode == 1 and "there is no level 'nope'" in result.stderr
    result = run("screenshot", "--level", "nope", "--lang", "kk", "--out", "x.png")
    assert result.returncode == 1 and "'nope' деңгейі жоқ" in result.stderr
