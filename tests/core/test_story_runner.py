import json

import pytest

from game.core.story import StoryRunner


def roundtrip(runner):
    return StoryRunner.from_dict(runner.level, json.loads(json.dumps(runner.to_dict())))


def play(level, choice, restore):
    runner = StoryRunner(level)
    seen = []
    while not runner.finished:
        if runner.choices:
            runner.choose(min(choice, len(runner.choices) - 1))
        elif runner.current_question is not None:  # a question on the way: answered rightly, then on
            runner.answer(runner.current_question.correct_answer())
            runner.advance()
        else:
            seen.append(runner.current_line.text.get("en"))
            runner.advance()
        if restore:
            runner = roundtrip(runner)
    return runner, seen


@pytest.mark.parametrize("restore", [False, True], ids=["live", "after-save"])
def test_every_choice_reaches_an_ending(story_level, restore):
    endings = set()
    for choice in range(2):
        runner, seen = play(story_level, choice, restore)
        assert runner.ending is not None and runner.ending.is_ending
        assert runner.choices_made and runner.choices_made[0] == choice  # the walk asks more than once
        assert len(seen) >= 5
        endings.add(tuple(seen))
    assert len(endings) == 2  # the two paths tell different lines


def test_waiting_for_a_choice_refuses_to_advance(story_level):
    runner = StoryRunner(story_level)
    while not runner.choices:
        runner.advance()
    with pytest.raises(RuntimeError):
        runner.advance()
    with pytest.raises(IndexError):
        runner.choose(len(runner.choices))


def test_restore_of_a_missing_scene_fails_loudly(story_level):
    with pytest.raises(KeyError):
        StoryRunner.from_dict(story_level, {"scene": "gone", "index": 0, "finished": False, "choices": []})
