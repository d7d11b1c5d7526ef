"""`run_game.py screenshot`: a level after N steps of play, saved as a 1280x720 PNG with no window."""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

import pygame

from ..core.problems import Msg
from ..core.profiles import ProfileBook
from ..core.questions import KINDS
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
    scene.answer(question.correct_answer() if right else KINDS[question.kind].wrong_answer(question))
