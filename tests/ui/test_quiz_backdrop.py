"""A quiz level may have a backdrop: a picture of its pack behind the questions, dimmed so that every
text stays readable, plain in high contrast; a wrong path is reported where it is written."""
import json
import subprocess
import sys

import pygame
import pytest

from conftest import ROOT
from game.core.catalog import validate_paths
from game.core.storage import SqliteStore
from game.testing import run_test
from game.ui.scenes.quiz import VEIL
from pilot_steps import create_profile, open_level
from test_themes import contrast

QUIZ = """format: 1
id: q
type: quiz
title: {{kk: Сынақ, ru: Тест, en: Test}}
backdrop: {backdrop}
questions:
  - {{id: a, type: true_false, prompt: {{kk: Иә ма?, ru: Да?, en: Yes?}}, answer: true,
     explanation: {{kk: Иә., ru: Да., en: Yes.}}, source: "a book, p. 3"}}
"""
RED = (200, 30, 30)


def pack(tmp_path, backdrop: str):
    folder = tmp_path / "levels" / "club"
    (folder / "assets").mkdir(parents=True)
    picture = pygame.Surface((64, 36))
    picture.fill(RED)
    pygame.image.save(picture, str(folder / "assets" / "hills.png"))
    (folder / "pack.yaml").write_text("format: 1\nid: club\ntitle: {kk: а, ru: б, en: c}\nlevels: [q]\n",
                                      encoding="utf-8")
    (folder / "q.yaml").write_text(QUIZ.format(backdrop=backdrop), encoding="utf-8")
    return folder


@pytest.mark.parametrize("backdrop, message", [
    ("../hills.png", "'../hills.png' points outside the pack"),
    ("/tmp/hills.png", "'/tmp/hills.png' is an absolute path"),
    ("assets/hill.png", "assets/hill.png"),
])
def test_a_wrong_backdrop_is_reported_where_it_is_written(tmp_path, backdrop, message):
    folder = pack(tmp_path, backdrop)
    problems, _ = validate_paths([folder])
    assert [(p.where.line, p.where.col, p.severity.value) for p in problems] == [(5, 11, "error")]
    assert message in problems[0].message and problems[0].hint


def test_the_command_line_prints_path_line_col(tmp_path):
    level = pack(tmp_path, "../hills.png") / "q.yaml"
    result = subprocess.run([sys.executable, "run_game.py", "validate", "--lang", "en", str(level)],
                            cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1
    assert result.stdout.splitlines()[0].endswith("q.yaml:5:11: error: '../hills.png' points outside the pack")


def screen_of_quiz(tmp_path, high_contrast: bool) -> pygame.Surface:
    folder = pack(tmp_path, "assets/hills.png")
    assert validate_paths([folder])[0] == []
    store = SqliteStore(tmp_path / "progress.sqlite3")
    store.save_settings(None, {"high_contrast": high_contrast})
    store.close()
    with run_test(tmp_path, language="en", level_dirs=[folder.parent]) as pilot:
        create_profile(pilot, "Aigul", "fox")
        open_level(pilot, "level_club_q")
        assert pilot.scene.name == "quiz" and pilot.scene.level.backdrop == "assets/hills.png"
        pilot.screenshot(tmp_path / "quiz.png")
        from game.ui import palette
        return pygame.image.load(str(tmp_path / "quiz.png")), palette.NIGHT_BLUE, palette.STEPPE_BLUE


def test_the_backdrop_shows_dimmed_under_the_questions(tmp_path):
    screen, night, _ = screen_of_quiz(tmp_path, high_contrast=False)
    below = screen.get_at((640, 700))[:3]  # the lower third, where only the backdrop is
    expected = [round((n * VEIL + r * (255 - VEIL)) / 255) for n, r in zip(night, RED)]
    assert all(abs(a - b) <= 2 for a, b in zip(below, expected)), (below, expected)


def test_high_contrast_keeps_the_screen_plain(tmp_path):
    screen, _, plain = screen_of_quiz(tmp_path, high_contrast=True)
    assert screen.get_at((640, 700))[:3] == tuple(plain)


def test_texts_on_the_veil_keep_their_contrast_over_any_picture():
    theme = json.loads((ROOT / "assets/themes/colors.default.json").read_text(encoding="utf-8"))
    colors = theme["colors"]
    veil = tuple(int(colors["NIGHT_BLUE"][i:i + 2], 16) for i in (1, 3, 5))
    for picture in ((255, 255, 255), (0, 0, 0), (255, 255, 0)):
        shown = "#" + "".join(f"{round((v * VEIL + p * (255 - VEIL)) / 255):02X}" for v, p in zip(veil, picture))
        for fg, bg in theme["text_pairs"]:
            if bg == "STEPPE_BLUE":  # texts drawn on the quiz's background
                assert contrast(colors[fg], shown) >= theme["minimum_contrast"], (fg, picture)
