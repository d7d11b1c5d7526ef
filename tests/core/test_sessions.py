"""Play sessions in the core: each owns one attempt, commits every answer before its feedback comes
back, resumes where the child left, and finishes. No pygame here."""
import dataclasses

from game.core.quiz import Phase
from game.core.sessions import QuizSession, StorySession
from game.core.storage import StorageError


def wrong(question):
    correct = question.correct_answer()
    return (not correct) if isinstance(correct, bool) else (correct + 1) % len(question.options)


def test_an_answer_is_committed_before_its_feedback_comes_back(store, quiz_level):
    child = store.create_profile("Айгүл", "fox", "kk")
    session = QuizSession(store, child.id, quiz_level)
    question = session.question
    session.tick(1.5)
    feedback = session.answer(question.correct_answer())
    assert feedback.correct and feedback.saved and feedback.question is question
    [kept] = store.answers(session.attempt_id)
    assert (kept.question_id, kept.correct, kept.attempt_number, kept.time_ms) == (question.id, True, 1, 1500)
    assert session.answer(question.correct_answer()) is None  # one answer per question


def test_a_quiz_left_at_question_4_resumes_there_in_the_same_order(store, quiz_level):
    child = store.create_profile("Ерлан", "eagle", "kk")
    first = QuizSession(store, child.id, quiz_level)
    for _ in range(3):
        first.answer(first.question.correct_answer())
        assert first.next() is None
    order, at = list(first.runner.asked), first.question.id
    options = first.order(first.question)
    # the child leaves (the game is closed); the next visit to the level:
    again = QuizSession(store, child.id, quiz_level)
    assert again.resumed and again.attempt_id == first.attempt_id
    assert again.number == 4 and again.question.id == at and list(again.runner.asked) == order
    assert again.order(again.question) == options
    assert store.best_stars(child.id) == {}  # an abandoned attempt is not a finished one
    while again.phase is not Phase.DONE:
        again.answer(again.question.correct_answer())
        outcome = again.next()
    assert outcome.stars == 3 and outcome.saved
    assert store.best_stars(child.id) == {(quiz_level.pack_id, quiz_level.id): 3}
    assert not QuizSession(store, child.id, quiz_level).resumed  # finished: the next visit starts afresh


def test_missed_questions_come_back_and_is_last_knows_it(store, quiz_level):
    child = store.create_profile("Дана", "owl", "kk")
    session = QuizSession(store, child.id, quiz_level, seed=3)
    total = session.round_size
    for n in range(total):
        session.answer(wrong(session.question) if n == 0 else session.question.correct_answer())
        assert session.is_last is False  # the missed one comes back
        session.next()
    assert session.retrying and session.is_first_retry and session.round_size == 1
    session.answer(session.question.correct_answer())
    assert session.is_last
    outcome = session.next()
    assert (outcome.correct, outcome.total) == (total - 1, total)


def test_time_up_answers_for_the_child_and_never_with_speech(store, quiz_level):
    timed = dataclasses.replace(quiz_level, time_limit=5)
    child = store.create_profile("Нұр", "owl", "kk")
    session = QuizSession(store, child.id, timed, seed=1)
    assert session.time_limit == 5 and session.tick(4.0) is None
    feedback = session.tick(1.5)
    assert feedback is not None and not feedback.correct and feedback.answer is None
    assert store.answers(session.attempt_id)[0].time_ms == 5500
    spoken = QuizSession(store, child.id, timed, seed=1, fresh=True, speech_on=lambda: True)
    assert spoken.time_limit is None and spoken.tick(600) is None


def test_a_hint_is_kept_with_the_answer(store, shipped_catalog):
    child = store.create_profile("Әлия", "fox", "kk")
    session = QuizSession(store, child.id, shipped_catalog.find("explorer-quiz").level, seed=2)
    while session.question.hint is None:
        session.answer(session.question.correct_answer())
        session.next()
    session.use_hint()
    assert session.hint_shown
    session.answer(session.question.correct_answer())
    assert store.answers(session.attempt_id)[-1].hint_used


class RefusingStore:
    """A store whose disk is full: reads work, every write fails."""

    def __init__(self, store):
        self.store = store

    def __getattr__(self, name):
        attribute = getattr(self.store, name)
        if name in ("record_answer", "save_position", "finish_attempt"):
            def refuse(*args, **kwargs):
                raise StorageError("full")
            return refuse
        return attribute


def test_an_answer_the_disk_refused_is_never_called_saved(store, quiz_level):
    child = store.create_profile("Ілияс", "owl", "kk")
    told = []
    session = QuizSession(RefusingStore(store), child.id, quiz_level, on_trouble=told.append)
    feedback = session.answer(session.question.correct_answer())
    assert feedback.correct and not feedback.saved  # the child still learns; nothing claims it was kept
    assert told and all(error.reason == "full" for error in told)
    assert store.answers(session.attempt_id) == []


def test_a_story_session_commits_answers_and_resumes_on_the_same_line(store, shipped_catalog):
    level = shipped_catalog.find("aldar-coat").level
    child = store.create_profile("Бота", "owl", "kk")
    session = StorySession(store, child.id, level)
    while session.question is None:
        session.choose(0) if session.runner.choices else session.advance()
    where = (session.runner.scene_id, session.runner.index)
    session.tick(2.0)
    feedback = session.answer(session.question.correct_answer())
    assert feedback.correct and feedback.saved
    [kept] = store.answers(session.attempt_id)
    assert kept.time_ms == 2000 and kept.right_parts == feedback.right_parts
    again = StorySession(store, child.id, level)  # the child comes back
    assert again.resumed and (again.runner.scene_id, again.runner.index) == where
    assert again.feedback is not None and again.feedback.correct  # the answered question shows its feedback
    outcome = None
    while outcome is None:
        outcome = again.choose(0) if again.runner.choices else again.advance()
        if again.accepting_answers:
            again.answer(again.question.correct_answer())
    assert outcome.ending is not None and outcome.saved
    assert store.load_position(child.id, level.pack_id, level.id) is None
    assert store.best_stars(child.id)[(level.pack_id, level.id)] == outcome.stars
