"""F5 (or saving the file) reads a playing level again: position kept, mistakes shown, no crash."""
import shutil

import pytest

from conftest import LEVELS
from game.testing import run_test
from pilot_steps import create_profile, open_level


def copy_pack(tmp_path):
    target = tmp_path / "levels" / "karkaraly"
    shutil.copytree(LEVELS / "karkaraly", target)
    return target


def test_f5_keeps_the_story_line_and_shows_new_mistakes_without_crashing(tmp_path):
    pack = copy_pack(tmp_path)
    story = pack / "shaitankol-walk.yaml"
    with run_test(tmp_path / "data", level_dirs=[tmp_path / "levels"], language="en") as pilot:
        create_profile(pilot, "Librarian", "owl")
        open_level(pilot, "level_karkaraly_shaitankol-walk")
        pilot.press("space", "space", "space", "space")
        where = (pilot.scene.runner.scene_id, pilot.scene.runner.index)
        old = pilot.scene.runner.current_line.text.get("en")
        story.write_text(story.read_text(encoding="utf-8").replace(old, "A NEW LINE"), encoding="utf-8")
        pilot.press("f5")
        runner = pilot.scene.runner
        assert (runner.scene_id, runner.index) == where and runner.current_line.text.get("en") == "A NEW LINE"
        assert pilot.spoken[-1] == "The level was read again from its file."
        story.write_text("format: 1\nid: shaitankol-walk\ntype: story\ntitle: {en: 'broken\n", encoding="utf-8")
        pilot.press("f5")
        assert pilot.scene.name == "story" and pilot.scene.runner.current_line.text.get("en") == "A NEW LINE"
        assert "mistake" in pilot.spoken[-1] and "shaitankol-walk.yaml:4" in pilot.spoken[-1]


def test_a_saved_quiz_file_is_noticed_by_itself(tmp_path):
    pack = copy_pack(tmp_path)
    quiz = pack / "town-quiz.yaml"
    with run_test(tmp_path / "data", level_dirs=[tmp_path / "levels"], language="en") as pilot:
        create_profile(pilot, "Librarian", "owl")
        open_level(pilot, "level_karkaraly_town-quiz")
        prompt = pilot.scene.runner.current.prompt.get("en")
        quiz.write_text(quiz.read_text(encoding="utf-8").replace(prompt, "A better question?"), encoding="utf-8")
        import os
        os.utime(quiz, (1, 1))  # a different modification time, as an editor's save gives
        pilot.advance(70)       # a little over a second of frames
        assert pilot.scene.runner.current.prompt.get("en") == "A better question?"


def test_f5_reads_only_a_changed_file_and_only_that_level(tmp_path, monkeypatch):
    import game.ui.scenes.live_reload as live_reload
    from game.core.catalog import Catalog
    pack = copy_pack(tmp_path)
    quiz = pack / "town-quiz.yaml"
    read = []
    load_level = live_reload.load_level
    monkeypatch.setattr(live_reload, "load_level", lambda path, *a: read.append(path.name) or load_level(path, *a))
    with run_test(tmp_path / "data", level_dirs=[tmp_path / "levels"], language="en") as pilot:
        create_profile(pilot, "Librarian", "owl")
        open_level(pilot, "level_karkaraly_town-quiz")
        monkeypatch.setattr(Catalog, "load", lambda *a: pytest.fail("every level was read again"))
        pilot.press("f5")
        assert read == [] and pilot.spoken[-1] == "The level file has not changed since it was read."
        prompt = pilot.scene.runner.current.prompt.get("en")
        quiz.write_text(quiz.read_text(encoding="utf-8").replace(prompt, "A better question?"), encoding="utf-8")
        pilot.press("f5")
        assert read == ["town-quiz.yaml"] and pilot.spoken[-1] == "The level was read again from its file."
        assert pilot.scene.runner.current.prompt.get("en") == "A better question?"
