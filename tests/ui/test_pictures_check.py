"""Pictures at validation (issue 13, item 6): a hotspot region off its picture and an SVG's <text> are
warned about, and `picture-grid` shows a picture's own pixels to read a region's [x, y] off."""
import subprocess
import sys
from pathlib import Path

import pygame
import pytest

from conftest import LEVELS, ROOT
from game.core.catalog import validate_paths
from game.core.pictures import picture_info
from game.ui import palette

INK = palette.hex_color(palette.load("default")["colors"]["INK"])  # the command draws in the default theme, whatever
# theme an earlier test in this process left switched on
from game.ui.picture_grid import EDGE, MARGIN

MAP = ROOT / "levels" / "karkaraly" / "assets" / "map.svg"  # 1000×600
LABELLED = ('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="300"><rect width="400" height="300" '
            'fill="#eee"/><text x="10" y="20">Қарқаралы</text></svg>')
TEXT = "{kk: a, ru: a, en: a}"


def hotspot_level(regions: str) -> str:
    return f"""\
format: 1
id: spot
type: quiz
title: {TEXT}
questions:
  - id: where
    type: hotspot
    prompt: {TEXT}
    picture: assets/map.svg
    regions:
{regions}    explanation: {TEXT}
    source: x
"""


def problems_of(tmp_path, text: str, name: str = "spot.yaml", files: dict | None = None):
    folder = tmp_path / "p"
    (folder / "assets").mkdir(parents=True)
    (folder / "assets" / "map.svg").write_bytes(MAP.read_bytes())
    for file, content in (files or {}).items():
        (folder / file).write_text(content, encoding="utf-8")
    (folder / name).write_text(text, encoding="utf-8")
    problems, _ = validate_paths([folder / name])
    return [(p.where.line, p.severity.value, str(p.message), str(p.hint)) for p in problems]


def test_a_region_outside_its_picture_is_warned_about(tmp_path):
    regions = (f"      - {{id: kent, label: {TEXT}, circle: {{center: [820, 300], radius: 70}}, correct: true}}\n"
               f"      - {{id: lost, label: {TEXT}, circle: {{center: [1820, 300], radius: 70}}}}\n"
               f"      - {{id: edge, label: {TEXT}, polygon: [[900, 500], [1000, 500], [1000, 600]]}}\n"
               f"      - {{id: over, label: {TEXT}, polygon: [[400, 200], [480, 200], [480, 660]]}}\n")
    found = problems_of(tmp_path, hotspot_level(regions))
    assert [(line, severity, message) for line, severity, message, _ in found] == [
        (12, "warning", "the region 'lost' goes outside the picture, which is 1000×600 pixels"),
        (14, "warning", "the region 'over' goes outside the picture, which is 1000×600 pixels"),
    ]
    assert found[0][3].startswith("a region is given in the picture's own pixels, from [0, 0] at its top left corner;"
                                  " to find a place's pixels: python run_game.py picture-grid ")
    assert found[0][3].endswith("p/assets/map.svg")


@pytest.mark.parametrize("where, text", [
    ("a question's picture", f"format: 1\nid: spot\ntype: quiz\ntitle: {TEXT}\nquestions:\n  - id: q\n"
                             f"    type: true_false\n    image: assets/labels.svg\n    prompt: {TEXT}\n    answer: true\n"
                             f"    explanation: {TEXT}\n    source: x\n"),
    ("a story background", f"format: 1\nid: spot\ntype: story\ntitle: {TEXT}\nstart: a\nscenes:\n  a:\n"
                           f"    background: assets/labels.svg\n    lines:\n      - text: {TEXT}\n"),
])
def test_an_svg_with_text_is_warned_about_wherever_it_is_used(tmp_path, where, text):
    found = problems_of(tmp_path, text, files={"assets/labels.svg": LABELLED})
    assert found == [(8, "warning", "the picture 'assets/labels.svg' has text in it (<text>), which the game does "
                                    "not draw",
                      "turn the text into paths (in Inkscape: select all, then Path > Object to Path) and save the "
                      "picture again; or write the words in the level's texts")], where


def test_the_game_indeed_draws_no_text_of_an_svg(tmp_path):
    labelled, blank = tmp_path / "labelled.svg", tmp_path / "blank.svg"
    labelled.write_text(LABELLED, encoding="utf-8")
    blank.write_text(LABELLED.replace('<text x="10" y="20">Қарқаралы</text>', ""), encoding="utf-8")
    first, second = (pygame.image.load_sized_svg(str(p), (400, 300)) for p in (labelled, blank))
    assert pygame.image.tobytes(first, "RGBA") == pygame.image.tobytes(second, "RGBA")


def test_the_picture_sizes_read_without_pygame_are_those_the_game_draws_in(tmp_path):
    pictures = sorted(LEVELS.rglob("*.svg")) + sorted((ROOT / "assets").rglob("*.svg"))[:20]
    surface = pygame.Surface((123, 45))
    for suffix in ("png", "jpg"):
        pygame.image.save(surface, str(tmp_path / f"x.{suffix}"))
        pictures.append(tmp_path / f"x.{suffix}")
    for name, svg in {"viewbox": 'viewBox="0 0 640 480"', "width": 'width="300px" height="200" viewBox="0 0 9 9"',
                      "mm": 'width="100mm" height="50mm"', "percent": 'width="100%" height="100%" viewBox="0,0,64,48"'}.items():
        (tmp_path / f"{name}.svg").write_text(f'<svg xmlns="http://www.w3.org/2000/svg" {svg}><rect width="5" '
                                              f'height="5"/></svg>', encoding="utf-8")
        pictures.append(tmp_path / f"{name}.svg")
    for path in pictures:
        size = picture_info(path).size
        assert size is not None and tuple(map(round, size)) == pygame.image.load(str(path)).get_size(), path


def test_picture_grid_draws_the_pictures_own_pixels(tmp_path):
    out = tmp_path / "grid.png"
    result = subprocess.run([sys.executable, "run_game.py", "picture-grid", str(MAP), "--out", str(out), "--lang",
                             "en"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        f"wrote {out}",
        "the picture is 1000×600 pixels; the grid lines are 100 pixels apart. A hotspot region's [x, y] is read off "
        "the numbers at the top (x) and on the left (y)"]
    grid = pygame.image.load(str(out))
    width, height = grid.get_width() - MARGIN - EDGE, grid.get_height() - MARGIN - EDGE
    assert width / height == pytest.approx(1000 / 600, rel=0.01)
    scale = width / 1000
    for x in range(0, 1001, 100):  # a dark line one pixel wide at every 100 pixels of the picture
        assert grid.get_at((MARGIN + round(x * scale), MARGIN + height // 2))[:3] == INK
    assert grid.get_at((MARGIN + round(150 * scale), MARGIN + round(550 * scale)))[:3] != INK


def test_picture_grid_of_a_missing_picture_says_what_to_give(tmp_path):
    result = subprocess.run([sys.executable, "run_game.py", "picture-grid", str(tmp_path / "nothing.svg"), "--lang",
                             "ru"], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert result.stderr.startswith("picture-grid: не удаётся прочитать картинку")
    assert "укажите путь к картинке SVG, PNG или JPG" in result.stderr


@pytest.mark.parametrize("guide", ["authoring.md", "authoring.kk.md", "authoring.ru.md"])
def test_the_guides_say_how_to_find_a_places_pixels(guide):
    text = (ROOT / "docs" / guide).read_text(encoding="utf-8")
    assert "python run_game.py picture-grid levels/my-library/assets/map.svg" in text
    assert "<text>" in text
