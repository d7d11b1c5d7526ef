"""`run_game.py screenshots`: every screen of the game in each language, driven like a player would (keys,
and each question type answered along its own routes, wrongly and then rightly in the retry round).

The quiz is the one `new-pack` writes (it has an example of every question type, game/core/questions),
made in a throw-away folder; the stories are the shipped puppet tale and walk. `references` writes small
copies of some screens for the visual regression test (tests/ui/test_screenshot_tour.py).
"""
from __future__ import annotations

import random
import tempfile
from pathlib import Path
from typing import Callable

PIN = "2580"
TOUR_PACK = "tour"
PUPPETS = "level_karkaraly_aldar-coat"
WALK = "level_karkaraly_shaitankol-walk"  # a story in pictures, with choices
# screens compared with references: few and small, so that the references stay light in the repository
REFERENCE_SCREENS = ("title", "help", "map", "quiz_single", "quiz_single_wrong", "story_line", "story_log")
REFERENCE_SIZE = (320, 180)
REFERENCE_COLOURS = 32


def screenshot_tour(out_dir: Path, languages: tuple[str, ...], references: Path | None = None) -> list[Path]:
    """Writes `<lang>_<nn>_<screen>.png` into out_dir; with `references`, small copies of REFERENCE_SCREENS
    into references/<lang>/<screen>.png."""
    from ..authoring.scaffold import new_pack
    from ..paths import LEVELS
    from ..testing import run_test

    written: list[Path] = []
    out_dir.mkdir(parents=True, exist_ok=True)
    for lang in languages:
        random.seed(f"tour-{lang}")  # the quiz's shuffle, the same on every run: the references can compare
        with tempfile.TemporaryDirectory() as tmp, tempfile.TemporaryDirectory() as packs:
            new_pack(TOUR_PACK, Path(packs))
            with run_test(Path(tmp), language=lang, level_dirs=[LEVELS, Path(packs)]) as pilot:
                taken: set[str] = set()  # this language's screens only

                def shot(name: str) -> None:
                    if name in taken:
                        return
                    taken.add(name)
                    stage = getattr(pilot.scene, "stage", None)
                    if stage is not None:  # puppets in place, the curtain where it is going
                        stage.finish_moves()
                    path = pilot.screenshot(out_dir / f"{lang}_{len(taken):02d}_{name}.png")
                    written.append(path)
                    if references is not None and name in REFERENCE_SCREENS:
                        write_reference(path, references / lang / f"{name}.png")

                _tour(pilot, shot)
    return written


def write_reference(screen: Path, reference: Path) -> None:
    reference.parent.mkdir(parents=True, exist_ok=True)
    reduce(screen).save(reference, optimize=True)


def reduce(screen: Path):
    """A screen at REFERENCE_SIZE in REFERENCE_COLOURS colours (a small PNG; Pillow comes with fpdf2)."""
    from PIL import Image
    with Image.open(screen) as image:
        small = image.convert("RGB").resize(REFERENCE_SIZE, Image.Resampling.BOX)
    return small.quantize(REFERENCE_COLOURS, dither=Image.Dither.NONE)


Shot = Callable[[str], None]


def _tour(pilot, shot: Shot) -> None:
    shot("title")
    pilot.press("f1")
    shot("help")
    pilot.press("escape")
    pilot.tab_to("desk")
    pilot.press("return")
    shot("leader_pin_choose")
    pilot.press(*PIN, "return")
    shot("leader_pin_again")
    pilot.press(*PIN, "return")
    shot("desk")
    pilot.app.step([], 10.0)  # the "PIN kept" notice has been read: it leaves before the next screens
    pilot.tab_to("computer")
    pilot.press("return")
    shot("settings_computer")
    pilot.press("escape", "escape")
    pilot.tab_to("play")
    pilot.press("return")
    shot("profiles_empty")
    pilot.tab_to("new")
    pilot.press("return")
    pilot.type("Айгүл-Әлия")
    pilot.tab_to("avatar_fox")
    pilot.press("space")
    shot("create_profile")
    pilot.tab_to("done")
    pilot.press("return")
    shot("map")
    pilot.tab_to("settings")
    pilot.press("return")
    shot("settings")
    pilot.press("escape")
    _quiz(pilot, shot)
    _story(pilot, shot)
    pilot.press("escape", "escape")
    shot("profiles")


def _quiz(pilot, shot: Shot) -> None:
    """Every type answered wrongly first; missed questions come back at the end and are answered right."""
    pilot.tab_to(f"level_{TOUR_PACK}_first-quiz", limit=200)
    pilot.press("return")
    pilot.press("escape")
    shot("quiz_leave")
    pilot.press("escape")
    while pilot.scene.name == "quiz":
        runner = pilot.scene.runner
        if runner.phase.value != "asking":
            pilot.tab_to("next")
            pilot.press("return")
            continue
        kind = runner.current.kind
        retry = runner.attempt > 1
        if not retry:
            shot(f"quiz_{kind}")
        pilot.answer(right=retry)
        shot(f"quiz_{kind}_{'right' if retry else 'wrong'}")
    shot("results_quiz")
    pilot.tab_to("map")
    pilot.press("return")


def _story(pilot, shot: Shot) -> None:
    """The puppet tale (a line shown whole, looking back, the log) and a walk in pictures (a choice), to
    their ends."""
    for level in (PUPPETS, WALK):
        pilot.tab_to(level, limit=200)
        pilot.press("return")
        _read(pilot, shot, "story" if level == PUPPETS else "walk")
        if pilot.scene.name == "results":
            shot(f"results_{'story' if level == PUPPETS else 'walk'}")
            pilot.tab_to("map")
            pilot.press("return")


def _read(pilot, shot: Shot, name: str) -> None:
    for step in range(200):
        scene = pilot.scene
        if scene.name != "story":
            break
        scene.letters = 10_000  # the whole line, as a child who waits for it sees it
        if step == 3:
            shot(f"{name}_line")
            pilot.press("pageup")
            shot(f"{name}_looking_back")
            pilot.press("pagedown", "l")
            shot(f"{name}_log")
            pilot.press("l")
            pilot.tab_to("continue")  # closing the log leaves the focus on the map button
        if scene.runner.choices:
            shot(f"{name}_choice")
            pilot.press("down", "return")
        elif scene.view is not None and scene.accepting_answers:
            shot(f"{name}_question")
            pilot.answer()
        else:
            pilot.press("space")
