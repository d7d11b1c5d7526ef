"""A story session owns one attempt of one child at one story level.

It resumes the attempt left mid-way on the same line, saves the position after every line (and
that the line was read, for skipping later), commits each answer to an in-story question before
returning its feedback, and finishes the attempt at an ending. Without a child (profile_id None: the
room plays in audience mode) it keeps nothing.
"""
from __future__ import annotations

from ..model import Line, StoryLevel
from ..questions import Question
from ..story import StoryRunner
from ..storage import AnswerRecord, ProgressPort
from .common import Feedback, Outcome
from .recorder import Recorder, TroubleListener

KIND = "story"


class StorySession:
    def __init__(self, store: ProgressPort, profile_id: int | None, level: StoryLevel, *, fresh: bool = False,
                 on_trouble: TroubleListener | None = None, recorder: Recorder | None = None) -> None:
        self.store = store
        self.profile_id = profile_id
        self.level = level
        self.recorder = recorder or Recorder(on_trouble)
        self.attempt_id: int | None = None  # None: its start waits to be written (or no child plays: audience mode)
        resumed = self._resumed() if not fresh and profile_id is not None else None
        self.resumed = resumed is not None
        self.runner: StoryRunner = resumed or StoryRunner(level)
        if resumed is None and profile_id is not None:
            self.recorder.write(self._start)
        self.read_before = store.lines_read(profile_id, level.pack_id, level.id) if profile_id is not None else set()
        self.feedback = self._answered_feedback()
        self.elapsed = 0.0
        self._save_position()

    def _resumed(self) -> StoryRunner | None:
        saved = self.store.load_position(self._child(), self.level.pack_id, self.level.id)
        if saved is None:
            return None
        state = saved.state.get("runner", saved.state)  # saves before schema 7 held the runner itself
        if saved.state.get("kind", KIND) != KIND:
            return None
        try:
            runner = StoryRunner.from_dict(self.level, state)
        except (KeyError, ValueError, TypeError):
            return None  # the level changed since: start again
        self.attempt_id = saved.attempt_id
        return runner

    # -- state for the screen ---------------------------------------------------------------------
    @property
    def line(self) -> Line | None:
        return self.runner.current_line

    @property
    def question(self) -> Question | None:
        return self.runner.current_question

    @property
    def accepting_answers(self) -> bool:
        return self.question is not None and not self.runner.question_answered

    @property
    def finished(self) -> bool:
        return self.runner.finished

    def was_read_before(self) -> bool:
        """The current line was read on an earlier visit (S skips such lines)."""
        return (self.runner.scene_id, self.runner.index) in self.read_before

    # -- intents ----------------------------------------------------------------------------------
    def tick(self, dt: float) -> None:
        if self.accepting_answers:
            self.elapsed += dt

    def advance(self) -> Outcome | None:
        """Past the current line (or answered question). The outcome when the story has ended."""
        if not self.runner.can_advance:
            return None
        self.runner.advance()
        return self._moved()

    def choose(self, number: int) -> Outcome | None:
        self.runner.choose(number)
        return self._moved()

    def answer(self, value: object) -> Feedback | None:
        """Checks the answer and commits it (fsynced) before returning the feedback to show."""
        question = self.question
        if not self.accepting_answers or question is None:
            return None
        check = self.runner.answer(value)
        record = AnswerRecord(question.id, value, check.correct, int(self.elapsed * 1000), 1, False,
                              check.right_parts, check.total_parts)
        saved = False
        if self.profile_id is not None:  # audience mode keeps nothing of a child
            saved, _ = self.recorder.write(lambda: self.store.record_answer(self._attempt(), record), answer=True)
            self._save_position(line_read=False)
        self.feedback = Feedback.of(question, value, check, saved)
        return self.feedback

    def reload(self, level: StoryLevel) -> bool:
        """The level's file changed (F5): the same line in the new level if it still exists."""
        self.level = level
        try:
            self.runner, kept = StoryRunner.from_dict(level, self.runner.to_dict()), True
        except (KeyError, ValueError, TypeError):
            self.runner, kept = StoryRunner(level), False
        self.feedback = self._answered_feedback()
        return kept

    # -- inside -----------------------------------------------------------------------------------
    def _answered_feedback(self) -> Feedback | None:
        """The feedback of a question answered before a reload or a restart (it was kept then)."""
        question = self.question
        if question is None or not self.runner.question_answered:
            return None
        _, value, _ = self.runner.answers[-1]
        return Feedback.of(question, value, question.check(value), saved=True)

    def _moved(self) -> Outcome | None:
        self.feedback = None
        self.elapsed = 0.0
        if self.runner.finished:
            return self._finish()
        self._save_position()
        return None

    def _start(self) -> None:
        self.attempt_id = self.store.start_attempt(self._child(), self.level.pack_id, self.level.id, KIND)

    def _attempt(self) -> int:
        """The attempt's id when a waiting write runs: its start was written first (the recorder keeps order)."""
        assert self.attempt_id is not None
        return self.attempt_id

    def _child(self) -> int:
        """Who plays: only asked when a child does (audience mode keeps nothing)."""
        assert self.profile_id is not None
        return self.profile_id

    def _save_position(self, line_read: bool = True) -> None:
        """After the attempt's start and answers (the recorder keeps the order). A waiting position that marks
        no line read is replaced by a newer one."""
        if self.profile_id is None:
            return
        runner, pack, level = self.runner, self.level.pack_id, self.level.id
        line = (runner.scene_id, runner.index) if line_read and runner.current_line is not None else None
        state = {"kind": KIND, "runner": runner.to_dict()}
        self.recorder.write(lambda: self.store.save_position(self._child(), pack, level, self._attempt(), state,
                                                             line),
                            key=("position", self.profile_id, pack, level) if line is None else None)

    def _finish(self) -> Outcome:
        runner = self.runner
        saved = False
        if self.profile_id is not None:
            saved, _ = self.recorder.write(lambda: self.store.finish_attempt(
                self._attempt(), runner.questions_right, len(runner.answers), runner.stars))
        return Outcome(runner.stars, runner.questions_right, len(runner.answers), runner.scene, saved)
