"""A quiz session owns one attempt of one child at one quiz level.

It starts the attempt (or resumes the one left mid-way, at the same question in the same order),
checks and commits each answer before returning the feedback to show, keeps the hint and the
clock (time-up answers for the child), runs the round of missed questions, and finishes the attempt.
A screen draws its state and sends it the player's intents; it never writes progress itself.
"""
from __future__ import annotations

import random
from typing import Callable

from ..model import QuizLevel
from ..questions import Question
from ..quiz import Phase, QuizRunner
from ..storage import AnswerRecord, ProgressPort
from .common import Feedback, Outcome
from .recorder import Recorder, TroubleListener

KIND = "quiz"


class QuizSession:
    def __init__(self, store: ProgressPort, profile_id: int, level: QuizLevel, *, seed: int | None = None,
                 fresh: bool = False, speech_on: Callable[[], bool] = lambda: False,
                 on_trouble: TroubleListener | None = None, recorder: Recorder | None = None) -> None:
        self.store = store
        self.profile_id = profile_id
        self.level = level
        self.speech_on = speech_on
        self.recorder = recorder or Recorder(on_trouble)
        self.attempt_id: int | None = None  # None: its start waits to be written (the level is played all the same)
        resumed = self._resumed() if not fresh and seed is None else None
        self.resumed = resumed is not None
        self.runner: QuizRunner = resumed or QuizRunner(level, random.randrange(1 << 30) if seed is None else seed)
        if resumed is None:
            self.recorder.write(self._start)
            self._save_position()
        self.feedback: Feedback | None = None
        self.hint_shown = False
        self.elapsed = 0.0
        self.time_left: float | None = None
        self._question_shown()

    def _resumed(self) -> QuizRunner | None:
        """The attempt this child left mid-way, if the level still has its questions."""
        saved = self.store.load_position(self.profile_id, self.level.pack_id, self.level.id)
        if saved is None or saved.state.get("kind") != KIND:
            return None
        try:
            runner = QuizRunner.from_dict(self.level, saved.state["runner"])
        except (KeyError, ValueError, TypeError):
            return None  # the level changed since: start again
        if runner.finished:
            return None
        self.attempt_id = saved.attempt_id
        return runner

    # -- state for the screen ---------------------------------------------------------------------
    @property
    def phase(self) -> Phase:
        return self.runner.phase

    @property
    def question(self) -> Question | None:
        return self.runner.current

    @property
    def seed(self) -> int:
        return self.runner.seed

    @property
    def number(self) -> int:
        return self.runner.number

    @property
    def round_size(self) -> int:
        return self.runner.round_size

    @property
    def retrying(self) -> bool:
        return self.runner.retrying

    @property
    def is_first_retry(self) -> bool:
        return self.runner.is_first_retry

    @property
    def is_last(self) -> bool:
        return self.runner.is_last

    @property
    def answered(self) -> int:
        return len(self.runner.answers)

    @property
    def time_limit(self) -> int | None:
        """Seconds for the current question, or None: never a timer for a child who uses speech."""
        question = self.question
        return self.runner.time_limit(question, self.speech_on()) if question is not None else None

    def order(self, question: Question) -> list[int]:
        return self.runner.order(question)

    # -- intents ----------------------------------------------------------------------------------
    def use_hint(self) -> None:
        if self.phase is Phase.ASKING and self.question is not None and self.question.hint is not None:
            self.runner.use_hint()
            self.hint_shown = True

    def answer(self, value: object) -> Feedback | None:
        """Checks the answer and commits it (fsynced) before returning the feedback to show."""
        question = self.question
        if self.phase is not Phase.ASKING or question is None:
            return None
        answered = self.runner.answer(value)
        record = AnswerRecord(question.id, value, answered.correct, int(self.elapsed * 1000), answered.attempt,
                              answered.hint_used, answered.right_parts, answered.total_parts)
        saved, _ = self.recorder.write(lambda: self.store.record_answer(self._attempt(), record), answer=True)
        self._save_position()
        self.time_left = None
        self.feedback = Feedback(question, value, answered.correct, answered.right_parts, answered.total_parts, saved)
        return self.feedback

    def tick(self, dt: float) -> Feedback | None:
        """Time passes. When the question's time is up, it is answered as not yet right (and taught)."""
        if self.phase is not Phase.ASKING:
            return None
        self.elapsed += dt
        if self.time_left is None:
            return None
        self.time_left -= dt
        if self.time_left > 0:
            return None
        return self.answer(None)

    def next(self) -> Outcome | None:
        """On from the feedback: the next question, or the level's outcome when there is none."""
        if self.phase is not Phase.FEEDBACK:
            return None
        self.runner.next()
        self.feedback = None
        if self.runner.finished:
            return self._finish()
        self._save_position()
        self._question_shown()
        return None

    def reload(self, level: QuizLevel) -> bool:
        """The level's file changed (F5): the same position in the new level if it still exists."""
        self.level = level
        try:
            self.runner = QuizRunner.from_dict(level, self.runner.to_dict())
            kept = True
        except (KeyError, ValueError):
            self.runner, kept = QuizRunner(level, self.runner.seed), False
        last, question = self.runner.last_answer, self.question
        if self.phase is Phase.FEEDBACK and last is not None and question is not None:
            self.feedback = Feedback(question, last.answer, last.correct, last.right_parts, last.total_parts,
                                     self.feedback.saved if self.feedback else False)
        else:
            self.feedback = None
            self._question_shown()
        return kept

    # -- inside -----------------------------------------------------------------------------------
    def _question_shown(self) -> None:
        self.elapsed = 0.0
        self.hint_shown = self.question is not None and self.question.id in self.runner.hinted
        limit = self.time_limit if self.phase is Phase.ASKING else None
        self.time_left = float(limit) if limit else None

    def _start(self) -> None:
        self.attempt_id = self.store.start_attempt(self.profile_id, self.level.pack_id, self.level.id, KIND,
                                                   self.runner.seed)

    def _attempt(self) -> int:
        """The attempt's id when a waiting write runs: its start was written first (the recorder keeps order)."""
        assert self.attempt_id is not None
        return self.attempt_id

    def _save_position(self) -> None:
        """Written after the attempt's start and answers (the recorder keeps the order); the newest waiting
        position replaces an older one."""
        pack, level, state = self.level.pack_id, self.level.id, {"kind": KIND, "runner": self.runner.to_dict()}
        self.recorder.write(lambda: self.store.save_position(self.profile_id, pack, level, self._attempt(), state),
                            key=("position", self.profile_id, pack, level))

    def _finish(self) -> Outcome:
        runner = self.runner
        saved, _ = self.recorder.write(lambda: self.store.finish_attempt(
            self._attempt(), runner.first_try_correct, runner.total, runner.stars))
        return Outcome(runner.stars, runner.first_try_correct, runner.total, saved=saved)
