"""`run_game.py screenshot`: a level after N steps of play, saved as a 1280x720 PNG with no window."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pygame

from ..core.problems import Msg
from ..core.profiles import ProfileBook
from ..core.storage import SqliteStore
from .display import LOGICAL_SIZE


def screenshot_level(level_key: str, steps: int, lang: str, out: Path, data_dir: Path | None = None,
                     feedback: str | None = None) -> str | None:
    """Returns an error message, or None when the PNG was written."""
    os.environ["SDL_VIDEODRIVER"] = "dummy"
    os.environ.setdefault("SDL_AUDIODRIVER", "dummy")
    from .boot import create_app

    with tempfile.TemporaryDirectory() as tmp:
        app = create_app(data_dir or Path(tmp), language=lang, store=SqliteStore(":memory:"),
                         window_size=LOGICAL_SIZE)
        entry = app.catalog.find(level_key)
        if entry is None:
            return Msg("there is no level '{level}'; python run_game.py list shows the levels",
                       level=level_key).text(lang)
        if not entry.ok:
            return "\n".join(p.format(lang) for p in entry.problems)
        app.profile = ProfileBook(app.store).create("screenshot", "eagle", lang, {}).profile
        app.settings.text_speed = 0  # whole lines, not half-typed ones
        level = entry.level
        app.play(level)
        app.step([], 0.0)
        for _ in range(steps):
            if not _play_one_step(app):
                break
            app.step([], 0.0)
        if feedback and app.scene.name == "quiz" and not app.scene.runner.finished:
            _show_feedback(app.scene, right=feedback == "right")
        if getattr(app.scene, "stage", None) is not None:
            app.scene.stage.finish_moves()
        app.invalidate()
        app.step([], 1.0)
        out.parent.mkdir(parents=True, exist_ok=True)
        pygame.image.save(app.display.canvas, str(out))
        pygame.quit()
    return None


def _play_one_step(app) -> bool:
    """One story line advanced (or the first choice taken), or one question answered right."""
    scene = app.scene
    if scene.name == "story":
        runner = scene.runner
        if runner.finished:
            return False
        scene.choose(0) if runner.choices else scene.advance()
        return True
    if scene.name == "quiz":
        runner = scene.runner
        if runner.finished:
            return False
        scene.answer(runner.current.correct_answer())
        scene.next_question()
        return True
    return False


def _show_feedback(scene, right: bool) -> None:
    question = scene.runner.current
    scene.answer(question.correct_answer() if right else wrong_answer(question))


def wrong_answer(question) -> object:
    """An answer of the right shape that is not right, for screenshots of the feedback."""
    correct = question.correct_answer()
    kind = question.kind
    if kind == "true_false":
        return not correct
    if kind == "single":
        return (correct + 1) % len(question.options)
    if kind in ("multiple", "order"):
        return list(reversed(range(question.part_count()))) if kind == "order" else []
    if kind == "match":
        return [-1] * len(question.pairs)
    if kind == "hotspot":
        return next((r.id for r in question.regions if not r.correct), "nowhere")
    if kind == "memory":
        return 99
    if kind == "number":
        return str(int(question.high) + 10)
    return "?"


def screenshot_tour(out_dir: Path, languages: tuple[str, ...]) -> list[Path]:
    """Every screen of the game, in each language, driven by the keyboard like a player."""
    from ..testing import run_test
    from ..paths import LEVELS

    written: list[Path] = []
    for lang in languages:
        with tempfile.TemporaryDirectory() as tmp, run_test(Path(tmp), language=lang, level_dirs=[LEVELS]) as pilot:
            def shot(name: str) -> None:
                written.append(pilot.screenshot(out_dir / f"{lang}_{name}.png"))

            out_dir.mkdir(parents=True, exist_ok=True)
            shot("01_title")
            pilot.press("return")
            shot("02_profiles_empty")
            pilot.press("return")
            pilot.type("Айгүл-Әлия")
            pilot.press("down", "right", "right", "space")
            shot("03_create_profile")
            while pilot.focused != "done":
                pilot.press("tab")
            pilot.press("return")
            shot("04_map")
            pilot.press("return")
            shot("05_quiz_single")
            _show_feedback(pilot.scene, right=False)
            shot("06_feedback_not_yet")
            while pilot.scene.name == "quiz":
                runner = pilot.scene.runner
                if runner.phase.value == "asking":
                    if runner.current.kind == "true_false" and "07_quiz_true_false" not in str(written):
                        shot("07_quiz_true_false")
                    _show_feedback(pilot.scene, right=True)
                    if "08_feedback_right" not in str(written):
                        shot("08_feedback_right")
                pilot.press("return")
            shot("09_results_quiz")
            pilot.press("return")
            for _ in range(40):  # to the first story on the map
                if pilot.focused == "level_karkaraly_shaitankol-walk":
                    break
                pilot.press("tab")
            pilot.press("return")
            shot("10_story_line")
            while not pilot.scene.runner.choices:
                pilot.press("space")
            shot("11_story_choice")
            while pilot.scene.name == "story":
                scene = pilot.scene
                if pilot.focused is None and (scene.runner.choices or scene.accepting_answers):
                    pilot.press("down")  # a choice is made deliberately: move to the first option
                pilot.press("return")
            shot("12_results_story")
            pilot.press("escape", "escape")
            shot("13_profiles")
    return written
