import json

import pytest

from game.core.quiz import Phase, QuizRunner
from game.core.scoring import stars_for


def roundtrip(runner):
    return QuizRunner.from_dict(runner.level, json.loads(json.dumps(runner.to_dict())))


@pytest.mark.parametrize("restore", [False, True], ids=["live", "after-save"])
def test_all_right_gives_three_stars(quiz_level, restore):
    runner = QuizRunner(quiz_level)
    while not runner.finished:
        answered = runner.answer(runner.current.correct_answer())
        assert answered.correct
        runner = roundtrip(runner) if restore else runner
        assert runner.phase is Phase.FEEDBACK
        runner.next()
    assert runner.correct_count == runner.total == len(quiz_level.questions)
    assert runner.stars == 3


def test_wrong_answers_count_against_the_stars(quiz_level):
    runner = QuizRunner(quiz_level)
    for i in range(runner.total):
        question = runner.current
        correct = question.correct_answer()
        wrong = (not correct) if isinstance(correct, bool) else (correct + 1) % len(question.options)
        assert runner.answer(correct if i % 2 else wrong).correct == bool(i % 2)
        runner.next()
    assert runner.correct_count == runner.total // 2
    assert runner.stars == stars_for(runner.total // 2, runner.total)


def test_answers_out_of_turn_are_refused(quiz_level):
    runner = QuizRunner(quiz_level)
    with pytest.raises(RuntimeError):
        runner.next()
    runner.answer(0)
    with pytest.raises(RuntimeError):
        runner.answer(0)


def test_answer_types_are_strict(quiz_level):
    single = next(q for q in quiz_level.questions if q.kind.value == "single")
    true_false = next(q for q in quiz_level.questions if q.kind.value == "true_false")
    assert not single.is_correct(True)            # a bool is not an option index
    assert not single.is_correct(99)
    assert not true_false.is_correct(1)
    assert true_false.is_correct(true_false.answer)


@pytest.mark.parametrize("correct,total,stars", [(10, 10, 3), (9, 10, 3), (8, 10, 2), (6, 10, 2), (5, 10, 1),
                                                 (0, 10, 1), (0, 0, 0)])
def test_star_thresholds(correct, total, stars):
    assert stars_for(correct, total) == stars
