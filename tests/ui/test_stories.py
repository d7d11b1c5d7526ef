"""Every shipped story: every path to every ending, in the core (live and through a save) and by
keyboard through the real scene; leaving mid-story and coming back."""
import json

import pytest

from conftest import LEVELS
from game.core.catalog import Catalog
from game.core.story import StoryRunner
from game.testing import run_test
from pilot_steps import answer_current, create_profile, open_level, play_story, tab_to

STORIES = [lvl.level for lvl in Catalog.load([LEVELS]).levels() if lvl.ok and lvl.level.kind == "story"]


def all_paths(level, restore: bool):
    """Every sequence of choices, by depth-first search; each path ends in an ending."""
    finished = []

    def explore(runner, taken):
        for _ in range(10_000):
            if restore:
                runner = StoryRunner.from_dict(level, json.loads(json.dumps(runner.to_dict())))
            if runner.finished:
                finished.append((taken, runner))
                return
            if runner.choices:
                for number in range(len(runner.choices)):
                    branch = StoryRunner.from_dict(level, json.loads(json.dumps(runner.to_dict())))
                    branch.choose(number)
                    explore(branch, taken + [number])
                return
            question = runner.current_question
            if question is not None and not runner.question_answered:
                runner.answer(question.correct_answer())
            runner.advance()
        raise AssertionError(f"{level.id}: no end after 10,000 steps on path {taken}")

    explore(StoryRunner(level), [])
    return finished


@pytest.mark.parametrize("restore", [False, True], ids=["live", "after-save"])
@pytest.mark.parametrize("level", STORIES, ids=lambda lvl: lvl.id)
def test_every_path_reaches_an_ending(level, restore):
    paths = all_paths(level, restore)
    endings = {runner.scene_id for _, runner in paths}
    declared = {scene.id for scene in level.scenes if scene.is_ending}
    assert endings and endings <= declared
    for _, runner in paths:
        assert runner.stars == 3  # every question answered right
        assert runner.history and runner.lines_read == len(runner.history)


def test_the_same_choices_give_the_same_story_after_a_save(story_level):
    live = {tuple(t): r.to_dict() for t, r in all_paths(story_level, False)}
    saved = {tuple(t): r.to_dict() for t, r in all_paths(story_level, True)}
    assert live == saved


@pytest.mark.parametrize("level", STORIES, ids=lambda lvl: lvl.id)
def test_every_branch_played_by_keyboard_to_its_ending(tmp_path, level):
    paths = all_paths(level, False)
    for n, (taken, expected) in enumerate(paths):
        with run_test(tmp_path / str(n), level_dirs=[LEVELS], language="kk") as pilot:
            create_profile(pilot, "Оқырман", "owl")
            open_level(pilot, f"level_{level.pack_id}_{level.id}")
            play_story(pilot, list(taken))
            assert pilot.scene.name == "results", taken
            assert pilot.scene.ending == expected.scene.ending
            assert pilot.scene.stars == 3


def test_leaving_mid_story_and_starting_again_returns_to_the_same_line(tmp_path, story_level):
    level_id = f"level_{story_level.pack_id}_{story_level.id}"
    with run_test(tmp_path, level_dirs=[LEVELS]) as pilot:
        create_profile(pilot, "Әлия", "fox")
        open_level(pilot, level_id)
        for _ in range(3):
            pilot.press("space", "space")
        runner = pilot.scene.runner
        where, text = (runner.scene_id, runner.index), runner.current_line.text.get("kk")
        assert runner.lines_read == 4
    with run_test(tmp_path, level_dirs=[LEVELS]) as pilot:
        pilot.press("return")
        tab_to(pilot, next(i for i in pilot.widget_ids() if i.startswith("profile_")))
        pilot.press("return")
        open_level(pilot, level_id)
        runner = pilot.scene.runner
        assert (runner.scene_id, runner.index) == where
        assert runner.current_line.text.get("kk") == text and runner.lines_read == 4
        assert pilot.spoken[-2].endswith(text)


def test_back_shows_earlier_lines_without_undoing_choices(tmp_path, story_level):
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        create_profile(pilot, "Reader", "owl")
        open_level(pilot, f"level_{story_level.pack_id}_{story_level.id}")
        scene = pilot.scene
        first = scene.runner.current_line.text.get("en")
        while not scene.runner.choices:
            pilot.press("space", "space")
        pilot.press("down", "return")  # the first choice, chosen deliberately
        pilot.press("space", "space")
        made, position = list(scene.runner.choices_made), (scene.runner.scene_id, scene.runner.index)
        for _ in range(20):
            pilot.press("pageup")
        assert scene._shown_line().text.get("en") == first and pilot.spoken[-2].endswith(first)
        for _ in range(20):
            pilot.press("pagedown")
        assert scene.review == 0 and scene.runner.choices_made == made
        assert (scene.runner.scene_id, scene.runner.index) == position
        pilot.press("l")
        assert scene.log_open
        pilot.press("escape")
        assert not scene.log_open and pilot.scene is scene


def test_looking_back_lights_the_earlier_speaker_and_the_log_covers_the_choices(tmp_path, shipped_catalog):
    level = shipped_catalog.find("aldar-coat").level
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        create_profile(pilot, "Reader", "owl")
        open_level(pilot, f"level_{level.pack_id}_{level.id}")
        scene = pilot.scene
        while not scene.runner.choices:
            if scene.accepting_answers:
                answer_current(pilot)
            pilot.press("space", "space")
        last = scene._shown_line() or scene.level.scene(scene.runner.history[-1][0]).lines[scene.runner.history[-1][1]]
        lit = set()
        for _ in range(len(scene.runner.history)):
            pilot.press("pageup")
            line = scene._shown_line()
            expected = line.speaker if line.speaker in scene.stage.actors else None
            assert scene.stage.speaker == expected, line.text.get("en")
            lit.add(scene.stage.speaker)
        assert lit - {last.speaker}, "looking back never lit anyone but the last speaker"
        for _ in range(len(scene.runner.history)):
            pilot.press("pagedown")
        assert scene.review == 0 and pilot.widget_ids() == ["choice_0", "choice_1", "menu"]
        pilot.press("l")
        assert scene.log_open and pilot.widget_ids() == ["menu"]  # nothing of the story drawn over the log
        pilot.press("space", "return", "down", "return")
        assert scene.runner.choices and not scene.runner.choices_made  # nothing chosen through the log
        pilot.press("escape")
        assert not scene.log_open and pilot.widget_ids() == ["choice_0", "choice_1", "menu"]
        assert pilot.focused is None  # a choice stays deliberate after the log


def test_the_earlier_line_label_stands_clear_of_the_dialogue_text(tmp_path, shipped_catalog):
    level = shipped_catalog.find("aldar-coat").level
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        create_profile(pilot, "Reader", "owl")
        open_level(pilot, f"level_{level.pack_id}_{level.id}")
        scene = pilot.scene
        pilot.press("space", "space", "space", "space", "pageup")
        assert scene.review == 1
        plates = []
        original = scene._plate
        scene._plate = lambda *args, **kwargs: plates.append((args[1], original(*args, **kwargs))) or plates[-1][1]
        texts = pilot.drawn_texts()
        layout = scene._line_layout(scene._shown_line())
        earlier = dict(plates)[scene.tr("story.earlier")]
        name = dict(plates)[scene._speaker_name(scene._shown_line())]
        assert not earlier.colliderect(name)
        assert all(not earlier.colliderect(rect) for words, _, rect in texts if words != scene.tr("story.earlier"))
        assert earlier.bottom < layout.text_top and name.bottom < layout.text_top
