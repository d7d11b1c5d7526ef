import dataclasses
import json

import pytest

from game.core.quiz import Phase, QuizRunner
from game.core.scoring import stars_for


def roundtrip(runner):
    return QuizRunner.from_dict(runner.level, json.loads(json.dumps(runner.to_dict())))


def wrong_answer(question):
    correct = question.correct_answer()
    return (not correct) if isinstance(correct, bool) else (correct + 1) % len(question.options)


@pytest.mark.parametrize("restore", [False, True], ids=["live", "after-save"])
def test_all_right_gives_three_stars_and_no_retries(quiz_level, restore):
    runner = QuizRunner(quiz_level, seed=7)
    while not runner.finished:
        assert runner.answer(runner.current.correct_answer()).correct
        runner = roundtrip(runner) if restore else runner
        assert runner.phase is Phase.FEEDBACK
        runner.next()
    assert runner.first_try_correct == runner.total == len(quiz_level.questions)
    assert runner.stars == 3 and len(runner.answers) == runner.total


@pytest.mark.parametrize("restore", [False, True], ids=["live", "after-save"])
def test_missed_questions_come_back_once_and_do_not_raise_the_stars(quiz_level, restore):
    runner = QuizRunner(quiz_level, seed=3)
    missed = []
    for i in range(runner.total):
        question = runner.current
        if i % 2 == 0:
            runner.answer(wrong_answer(question))
            missed.append(question.id)
        else:
            runner.answer(question.correct_answer())
        runner = roundtrip(runner) if restore else runner
        runner.next()
    assert runner.retrying and runner.is_first_retry and runner.number == 1
    assert runner.round_size == len(missed)
    retried = []
    while not runner.finished:
        retried.append(runner.current.id)
        assert runner.attempt == 2
        runner.answer(wrong_answer(runner.current))  # wrong again: it does not come back a third time
        runner = roundtrip(runner) if restore else runner
        runner.next()
    assert retried == missed
    assert runner.first_try_correct == runner.total - len(missed)
    assert runner.stars == stars_for(runner.total - len(missed), runner.total)


def test_a_hint_means_the_answer_is_not_first_try(quiz_level):
    runner = QuizRunner(quiz_level, seed=1)
    runner.use_hint()
    answered = runner.answer(runner.current.correct_answer())
    assert answered.correct and answered.hint_used
    runner.next()
    while not runner.finished:
        runner.answer(runner.current.correct_answer())
        runner.next()
    assert runner.first_try_correct == runner.total - 1


def test_answers_out_of_turn_are_refused(quiz_level):
    runner = QuizRunner(quiz_level)
    with pytest.raises(RuntimeError):
        runner.next()
    runner.answer(0)
    with pytest.raises(RuntimeError):
        runner.answer(0)


def test_the_seed_fixes_pool_and_shuffles(quiz_level):
    pooled = dataclasses.replace(quiz_level, pool=5)
    a, b, c = QuizRunner(pooled, seed=42), QuizRunner(pooled, seed=42), QuizRunner(pooled, seed=43)
    assert a.asked == b.asked and len(a.asked) == 5 == a.total
    assert len(set(a.asked)) == 5 and set(a.asked) <= {q.id for q in quiz_level.questions}
    question = next(q for q in quiz_level.questions if q.kind == "single")
    assert a.order(question) == b.order(question)
    assert sorted(a.order(question)) == list(range(len(question.options)))
    orders = {tuple(QuizRunner(quiz_level, seed=s).order(question)) for s in range(20)}
    assert len(orders) > 1  # different attempts see different orders
    assert a.asked != c.asked or a.order(question) != c.order(question)


def test_no_shuffle_keeps_the_written_order(quiz_level):
    fixed = dataclasses.replace(quiz_level, shuffle=False)
    question = next(q for q in quiz_level.questions if q.kind == "single")
    assert QuizRunner(fixed, seed=5).order(question) == list(range(len(question.options)))


def test_no_timer_for_a_child_who_uses_speech(quiz_level):
    timed = dataclasses.replace(quiz_level, time_limit=30)
    runner = QuizRunner(timed)
    assert runner.time_limit(runner.current, speech_on=False) == 30
    assert runner.time_limit(runner.current, speech_on=True) is None
    assert QuizRunner(quiz_level).time_limit(runner.current, speech_on=False) is None  # off by default


@pytest.mark.parametrize("correct,total,stars", [(10, 10, 3), (9, 10, 3), (8, 10, 2), (6, 10, 2), (5, 10, 1),
                                                 (0, 10, 1), (0, 0, 0)])
def test_star_thresholds(correct, total, stars):
    assert stars_for(correct, total) == stars
