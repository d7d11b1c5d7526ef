"""Leaving and coming back, as a child and a librarian would meet it: a quiz left at question 4
resumes there after a restart; after a clean exit the progress file alone holds every answer;
SIGTERM closes the store too; a computer without a speech engine says so."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from conftest import LEVELS, ROOT
from game.core.speech import NO_ENGINE, SilentSpeaker
from game.testing import run_test
from game.ui.scenes.level_map import VIEW_BOTTOM, VIEW_TOP
from pilot_steps import create_profile, tab_to


def answer_right(pilot) -> None:
    """Answers the question on screen rightly by keyboard, and goes on."""
    runner = pilot.scene.runner
    question = runner.current
    correct = question.correct_answer()
    shown = [True, False] if isinstance(correct, bool) else runner.order(question)
    tab_to(pilot, f"option_{shown.index(correct)}")
    pilot.press("return")
    assert runner.phase.value == "feedback"
    pilot.press("return")


def test_a_quiz_left_at_question_4_resumes_there_after_a_restart(room):
    with room.play(language="en", level_dirs=[LEVELS]) as pilot:
        create_profile(pilot, "Dana", "owl")
        tab_to(pilot, "level_karkaraly_town-quiz")
        pilot.press("return")
        for _ in range(3):
            answer_right(pilot)
        runner = pilot.scene.runner
        assert runner.number == 4
        asked, at = list(runner.asked), runner.current.id
        options = runner.order(runner.current)
        pilot.press("escape")  # asks first: a stray Esc does not end the quiz
        assert pilot.scene.name == "quiz" and pilot.scene.confirming and pilot.focused == "stay"
        assert pilot.spoken[-2] == pilot.app.tr("quiz.leave_question")
        assert pilot.widget_ids() == ["stay", "leave"]  # nothing of the question is pressed under the panel
        pilot.press("escape")  # Esc again: back to the same question
        assert not pilot.scene.confirming and pilot.scene.runner.current.id == at
        pilot.press("escape", "tab", "return")
        assert pilot.scene.name == "map"
        assert pilot.focused == "level_karkaraly_town-quiz"  # the level just played, not the first card
        card = next(item for item in pilot.scene.focus.items if item.id == pilot.focused)
        assert VIEW_TOP <= card.rect.top and card.rect.bottom <= VIEW_BOTTOM  # scrolled into view
    with room.play(language="en", level_dirs=[LEVELS]) as pilot:  # the game was closed and started again
        pilot.press("return")
        assert pilot.scene.name == "profiles" and pilot.focused.startswith("profile_")  # who played last
        pilot.press("return")
        tab_to(pilot, "level_karkaraly_town-quiz")
        pilot.press("return")
        runner = pilot.scene.runner
        assert pilot.scene.name == "quiz" and runner.number == 4
        assert runner.current.id == at and list(runner.asked) == asked and runner.order(runner.current) == options
        assert "4" in pilot.spoken[-1]  # "Question 4 of 6 ..."
        while pilot.scene.name == "quiz":
            answer_right(pilot)
        assert pilot.scene.name == "results" and pilot.scene.stars == 3


def test_after_a_clean_exit_the_progress_file_alone_holds_every_answer(tmp_path):
    data = tmp_path / "data"
    with run_test(data, language="en", level_dirs=[LEVELS]) as pilot:
        create_profile(pilot, "Erlan", "eagle")
        tab_to(pilot, "level_karkaraly_town-quiz")
        pilot.press("return")
        for _ in range(2):
            answer_right(pilot)
    copy = tmp_path / "backup.sqlite3"
    shutil.copyfile(data / "progress.sqlite3", copy)  # what a librarian backs up: that one file
    assert not (tmp_path / "backup.sqlite3-wal").exists()
    with sqlite3.connect(copy) as db:
        assert db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 2
        assert db.execute("SELECT nickname, last_played_at IS NOT NULL FROM profiles").fetchall() == [("Erlan", 1)]


def test_sigterm_ends_the_game_with_the_store_closed(tmp_path):
    data = tmp_path / "data"
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    game = subprocess.Popen([sys.executable, str(ROOT / "run_game.py"), "--data-dir", str(data), "play"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for _ in range(300):  # the store exists once the game runs
        if (data / "progress.sqlite3-wal").exists():
            break
        time.sleep(0.05)
    assert (data / "progress.sqlite3-wal").exists()
    time.sleep(0.5)
    game.send_signal(signal.SIGTERM)
    _, err = game.communicate(timeout=30)
    # SDL may turn SIGTERM into a window-close event (a clean exit, 0); else the game's handler ends it (143)
    assert game.returncode in (0, 128 + signal.SIGTERM), err
    assert not (data / "progress.sqlite3-wal").exists()  # checkpointed into the main file and removed
    assert sqlite3.connect(data / "progress.sqlite3").execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_without_a_speech_engine_the_child_is_told_so(tmp_path):
    with run_test(tmp_path, language="en") as pilot:
        pilot.app.services.speaker_factory = lambda on: SilentSpeaker(NO_ENGINE) if on else SilentSpeaker()
        pilot.press("v")
        notice = pilot.app.tr("speech.no_engine")
        assert pilot.app._notice[0] == notice
        assert "(-)" not in notice and "espeak-ng" in notice
