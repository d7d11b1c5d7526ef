"""A quiz level: the question, its type's view, a hint, then feedback that teaches, then the next.

The scene holds no rules: the QuizRunner decides what is asked and what is right; the question
view (game/ui/questions) lays out the parts and hands back an answer.
"""
from __future__ import annotations

import random

import pygame

from ...core.model import QuizLevel
from ...core.quiz import Phase, QuizRunner
from .. import palette, text
from ..questions import VIEWS
from ..questions.hotspot import HotspotView
from ..questions.panels import draw_feedback, draw_prompt, feedback_words
from .base import MARGIN, Scene
from .live_reload import LiveReload

TOP_BAR = 84
PROMPT_RECT = pygame.Rect(MARGIN, TOP_BAR + 16, 1280 - 2 * MARGIN, 180)
FEEDBACK_RECT = pygame.Rect(MARGIN, 300, 1280 - 2 * MARGIN, 276)


class QuizScene(LiveReload, Scene):
    name = "quiz"

    def __init__(self, app, level: QuizLevel, seed: int | None = None) -> None:
        super().__init__(app)
        self.level = level
        seed = random.randrange(1 << 30) if seed is None else seed
        self.runner = QuizRunner(level, seed)
        # None when progress cannot be saved: the level is played without recording
        self.attempt_id = app.save(app.store.start_attempt, app.profile.id, level.pack_id, level.id, "quiz", seed)
        self.view = None
        self.view_for: tuple[int, str] | None = None
        self.show_hint = False
        self.time_left: float | None = None
        self._new_question()
        self._watch_start()

    def restore(self, level: QuizLevel, state: dict) -> bool:
        """After a live reload: the same position in the new level if it still exists."""
        self.level = level
        try:
            self.runner = QuizRunner.from_dict(level, state)
            kept = True
        except (KeyError, ValueError):
            self.runner, kept = QuizRunner(level, self.runner.seed), False
        if self.runner.phase is Phase.ASKING or self.runner.finished:
            self._new_question()
        else:
            self.view = VIEWS[self.runner.current.kind](self, self.runner.current,
                                                        self.runner.order(self.runner.current))
        return kept

    @property
    def seed(self) -> int:
        return self.runner.seed

    @property
    def accepting_answers(self) -> bool:
        return self.runner.phase is Phase.ASKING

    # -- the question on screen -----------------------------------------------------------------
    def _new_question(self) -> None:
        question = self.runner.current
        self.asked_at = self.app.time
        self.show_hint = False
        if question is None:
            self.view = None
            return
        self.view = VIEWS[question.kind](self, question, self.runner.order(question))
        limit = self.runner.time_limit(question, self.app.speech_on)
        self.time_left = float(limit) if limit else None

    def heading(self) -> str:
        question = self.runner.current
        if question is None:
            return ""
        if self.runner.phase is Phase.FEEDBACK:
            return self._feedback_speech()
        parts = []
        if self.runner.is_first_retry:
            parts.append(self.tr("quiz.try_again"))
        parts += [self._progress(), question.prompt.get(self.app.lang)]
        if self.view.instructions_key:
            parts.append(self.tr(self.view.instructions_key))
        return " ".join(parts)

    def _progress(self) -> str:
        return self.tr("quiz.progress", n=self.runner.number, total=self.runner.round_size)

    def build(self) -> None:
        question = self.runner.current
        if question is not None and self.runner.phase is Phase.ASKING:
            self.view.build()
            if question.hint is not None:
                self.button("hint", (1280 - MARGIN - 160 - 16 - 180, 14, 180, 56), self.tr("quiz.hint"),
                            self.use_hint, size=text.SMALL, enabled=not self.show_hint)
        elif question is not None:
            last = self.runner.position + 1 >= len(self.runner.queue) and not self._will_retry()
            self.button("next", (1280 - MARGIN - 380, 720 - MARGIN - 80, 380, 80),
                        self.tr("quiz.finish" if last else "quiz.next"), self.next_question, style="@primary", size=30)
        self.button("menu", (1280 - MARGIN - 160, 14, 160, 56), self.tr("quiz.menu"), self.back, size=text.SMALL)

    def _will_retry(self) -> bool:
        runner = self.runner
        return runner.attempt == 1 and any(not a.correct for a in runner.answers if a.attempt == 1)

    # -- intents --------------------------------------------------------------------------------
    def submit(self, value: object) -> None:
        if self.runner.phase is not Phase.ASKING:
            return
        question = self.runner.current
        answered = self.runner.answer(value)
        elapsed_ms = int((self.app.time - self.asked_at) * 1000)
        # committed and fsynced before the feedback is shown
        if self.attempt_id is not None:
            self.app.save(self.app.store.record_answer, self.attempt_id, question.id, value, answered.correct,
                          elapsed_ms, answered.attempt, answered.hint_used, answered.right_parts,
                          answered.total_parts)
        self.app.sounds.play("right" if answered.correct else "not_yet")
        self.time_left = None
        self._show()

    answer = submit  # the name the screenshot command and older tests use

    def use_hint(self) -> None:
        self.runner.use_hint()
        self.show_hint = True
        self.app.say(self.runner.current.hint.get(self.app.lang))
        self.rebuild()

    def next_question(self) -> None:
        self.runner.next()
        if self.runner.finished:
            runner = self.runner
            if self.attempt_id is not None:
                self.app.save(self.app.store.finish_attempt, self.attempt_id, runner.first_try_correct, runner.total,
                              runner.stars)
            from .results import ResultsScene
            self.app.switch(ResultsScene(self.app, self.level, runner.stars, runner.first_try_correct, runner.total))
            return
        self._new_question()
        self._show()

    def _show(self) -> None:
        self.teardown()
        self.build()
        if self.runner.phase is Phase.ASKING and not self.view.autofocus:
            self.focus.index = None  # Tab reaches the first part
        else:
            self.focus.focus_first(speak=False)
        self.announce()

    def back(self) -> None:
        from .level_map import LevelMapScene
        self.app.switch(LevelMapScene(self.app))

    # -- input and time -------------------------------------------------------------------------
    def handle_key(self, event) -> bool:
        if self.reload_key(event):
            return True
        if self.view is not None and self.runner.phase is Phase.ASKING and self.view.handle_key(event):
            return True
        return super().handle_key(event)

    def handle_event(self, event) -> bool:
        if self.view is not None and self.runner.phase is Phase.ASKING:
            return self.view.handle_event(event)
        return False

    def update(self, dt: float) -> bool:
        self.watch_file(dt)
        moving = self.view.update(dt) if self.view is not None else False
        if self.time_left is not None and self.runner.phase is Phase.ASKING:
            self.time_left -= dt
            if self.time_left <= 0:
                self.time_left = None
                self.submit(None)  # time is up: counted as not yet right, and the answer is taught
            return True
        return moving

    # -- drawing ----------------------------------------------------------------------------------
    def backdrop_key(self) -> tuple:
        runner = self.runner
        return (id(self.level), runner.phase, id(runner.current), self._progress() if runner.current else "",
                runner.retrying, self.show_hint, len(runner.answers))

    def draw_live(self, surface) -> None:
        question = self.runner.current
        if self.time_left is not None and question is not None:
            limit = self.runner.time_limit(question, False)
            pygame.draw.rect(surface, palette.SUN_GOLD, (0, TOP_BAR - 6, int(1280 * self.time_left / limit), 6))

    def draw(self, surface) -> None:
        surface.fill(palette.STEPPE_BLUE)
        tr = self.app.text
        pygame.draw.rect(surface, palette.NIGHT_BLUE, (0, 0, 1280, TOP_BAR))
        title = self.level.title.get(self.app.lang)
        tr.draw(surface, title, (MARGIN, 20), tr.fitting_size(title, 30, 500, 48, bold=True), palette.PAPER, 500,
                bold=True)
        question = self.runner.current
        if question is None:
            return
        progress = self._progress()
        tr.draw(surface, progress, (560, 24), tr.fitting_size(progress, text.BODY, 300, 48, bold=True),
                palette.SUN_GOLD, 300, bold=True, align="right")
        self._draw_prompt(surface, question)
        if self.runner.phase is Phase.FEEDBACK:
            if isinstance(self.view, HotspotView):
                self.view.draw(surface)
                self.view.draw_feedback_marks(surface, self.runner.last_answer.answer)
            self._draw_feedback(surface, question)
        else:
            self.view.draw(surface)

    def _draw_prompt(self, surface, question) -> None:
        retry = self.tr("quiz.try_again") if self.runner.retrying else ""
        hint = self.tr("quiz.hint_label", hint=question.hint.get(self.app.lang)) if (
            self.show_hint and question.hint is not None) else ""
        draw_prompt(self, surface, question, PROMPT_RECT, retry, hint)

    def _feedback_speech(self) -> str:
        answered = self.runner.last_answer
        return " ".join(feedback_words(self, self.runner.current, answered.correct, answered.right_parts,
                                       answered.total_parts, self.view.answer_text()))

    def _draw_feedback(self, surface, question) -> None:
        answered = self.runner.last_answer
        box = FEEDBACK_RECT if not isinstance(self.view, HotspotView) else FEEDBACK_RECT.inflate(-660, 0).move(330, 0)
        draw_feedback(self, surface, box, question, answered.correct, answered.right_parts, answered.total_parts,
                      self.view.answer_text())
