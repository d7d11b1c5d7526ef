import atexit
import shutil
import subprocess
import sys
import tempfile

import pygame

from conftest import ROOT

DATA = tempfile.mkdtemp(prefix="olketanu-cli-")  # the commands' data folder: never one inside the repository
atexit.register(shutil.rmtree, DATA, ignore_errors=True)


def run(*args):
    return subprocess.run([sys.executable, "run_game.py", *args], cwd=ROOT, capture_output=True, text=True,
                          env={"PATH": "", "SDL_VIDEODRIVER": "dummy", "SDL_AUDIODRIVER": "dummy",
                               "OLKETANU_DATA_DIR": DATA})


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


def test_the_readme_command_table_names_every_command():
    from game.cli import _parser
    commands = next(a for a in _parser()._actions if a.dest == "command").choices
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme[readme.index("## Commands"):readme.index("## Writing levels")]
    missing = [name for name in commands if name != "play" and f"`python run_game.py {name}" not in table
               and f"/ `{name} " not in table]
    assert missing == []


def test_the_docs_say_that_fill_in_answers_treat_yo_as_ye():
    from game.core.questions.fill_blank import normalize
    assert normalize("Ёлка") == normalize("елка")
    levels = (ROOT / "docs" / "levels.md").read_text(encoding="utf-8")
    fill = levels[levels.index("# fill:"):levels.index("- id: headdress")]
    assert "ё counts as е" in fill


def test_list_into_a_reader_that_stops_early_ends_quietly():
    """`run_game.py list | head -1`: the reader has gone before the list is written."""
    process = subprocess.Popen([sys.executable, "run_game.py", "list"], cwd=ROOT, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True,
                               env={"PATH": "", "OLKETANU_DATA_DIR": DATA})
    process.stdout.close()
    errors = process.stderr.read()
    process.wait()
    assert "Traceback" not in errors and "BrokenPipeError" not in errors, errors


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
