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
from ..widgets import panel
from .base import MARGIN, Scene

TOP_BAR = 84
PROMPT_RECT = pygame.Rect(MARGIN, TOP_BAR + 16, 1280 - 2 * MARGIN, 180)
FEEDBACK_RECT = pygame.Rect(MARGIN, 300, 1280 - 2 * MARGIN, 276)


class QuizScene(Scene):
    name = "quiz"

    def __init__(self, app, level: QuizLevel, seed: int | None = None) -> None:
        super().__init__(app)
        self.level = level
        seed = random.randrange(1 << 30) if seed is None else seed
        self.runner = QuizRunner(level, seed)
        self.attempt_id = app.store.start_attempt(app.profile.id, level.pack_id, level.id, "quiz", seed)
        self.view = None
        self.view_for: tuple[int, str] | None = None
        self.show_hint = False
        self.time_left: float | None = None
        self._new_question()

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

    def refresh(self, focus_id: str | None = None) -> None:
        """The view changed (an item picked up, a card turned): build again and say what has focus."""
        self.rebuild()
        if focus_id is not None:
            try:
                self.focus.focus(focus_id)
                return
            except KeyError:
                pass
        self.focus.speak_focused()

    # -- intents --------------------------------------------------------------------------------
    def submit(self, value: object) -> None:
        if self.runner.phase is not Phase.ASKING:
            return
        question = self.runner.current
        answered = self.runner.answer(value)
        elapsed_ms = int((self.app.time - self.asked_at) * 1000)
        # committed and fsynced before the feedback is shown
        self.app.store.record_answer(self.attempt_id, question.id, value, answered.correct, elapsed_ms,
                                     answered.attempt, answered.hint_used, answered.right_parts,
                                     answered.total_parts)
        self.app.sounds.play("right" if answered.correct else "not_yet")
        self.time_left = None
        self.teardown()
        self.build()
        self.focus.focus_first(speak=False)
        self.announce()

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
            self.app.store.finish_attempt(self.attempt_id, runner.first_try_correct, runner.total, runner.stars)
            from .results import ResultsScene
            self.app.switch(ResultsScene(self.app, self.level, runner.stars, runner.first_try_correct, runner.total))
            return
        self._new_question()
        self.teardown()
        self.build()
        self.focus.focus_first(speak=False)
        self.announce()

    def back(self) -> None:
        from .level_map import LevelMapScene
        self.app.switch(LevelMapScene(self.app))

    # -- input and time -------------------------------------------------------------------------
    def handle_key(self, event) -> bool:
        if self.view is not None and self.runner.phase is Phase.ASKING and self.view.handle_key(event):
            return True
        return super().handle_key(event)

    def handle_event(self, event) -> bool:
        if self.view is not None and self.runner.phase is Phase.ASKING:
            return self.view.handle_event(event)
        return False

    def update(self, dt: float) -> bool:
        moving = self.view.update(dt) if self.view is not None else False
        if self.time_left is not None and self.runner.phase is Phase.ASKING:
            self.time_left -= dt
            if self.time_left <= 0:
                self.time_left = None
                self.submit(None)  # time is up: counted as not yet right, and the answer is taught
            return True
        return moving

    # -- drawing ----------------------------------------------------------------------------------
    def draw(self, surface) -> None:
        surface.fill(palette.STEPPE_BLUE)
        tr = self.app.text
        pygame.draw.rect(surface, palette.NIGHT_BLUE, (0, 0, 1280, TOP_BAR))
        tr.draw(surface, self.level.title.get(self.app.lang), (MARGIN, 20), 30, palette.PAPER, 520, bold=True)
        question = self.runner.current
        if question is None:
            return
        tr.draw(surface, self._progress(), (560, 24), text.BODY, palette.SUN_GOLD, 300, bold=True, align="right")
        if self.time_left is not None:
            limit = self.runner.time_limit(question, False)
            pygame.draw.rect(surface, palette.SUN_GOLD, (0, TOP_BAR - 6, int(1280 * self.time_left / limit), 6))
        self._draw_prompt(surface, question)
        if self.runner.phase is Phase.FEEDBACK:
            if isinstance(self.view, HotspotView):
                self.view.draw(surface)
                self.view.draw_feedback_marks(surface, self.runner.last_answer.answer)
            self._draw_feedback(surface, question)
        else:
            self.view.draw(surface)

    def _draw_prompt(self, surface, question) -> None:
        tr = self.app.text
        panel(surface, PROMPT_RECT)
        inner = PROMPT_RECT.inflate(-48, -28)
        if question.image:
            side = inner.height
            image = self.app.images.get(self.level.path.parent / question.image, (side, side))
            if image is not None:
                surface.blit(image, (inner.right - side, inner.y))
            inner.width -= side + 16
        if self.runner.is_first_retry or self.runner.retrying:
            tr.draw(surface, self.tr("quiz.try_again"), (inner.x, inner.y - 4), text.SMALL, palette.FELT_RED,
                    inner.width, bold=True)
            inner.y += 30
        bottom = tr.draw(surface, question.prompt.get(self.app.lang), inner.topleft, 30, palette.INK, inner.width,
                         bold=True).bottom
        if self.show_hint and question.hint is not None:
            tr.draw(surface, self.tr("quiz.hint_label", hint=question.hint.get(self.app.lang)),
                    (inner.x, bottom + 6), text.SMALL, palette.PINE_GREEN, inner.width, bold=True)

    def _feedback_speech(self) -> str:
        question = self.runner.current
        answered = self.runner.last_answer
        parts = [self.tr("quiz.right" if answered.correct else "quiz.not_yet")]
        if not answered.correct:
            if answered.total_parts > 1 and answered.right_parts:
                parts.append(self.tr("quiz.parts_right", right=answered.right_parts, total=answered.total_parts))
            parts.append(self.tr("quiz.right_answer", answer=self.view.answer_text()))
        parts.append(question.explanation.get(self.app.lang))
        return " ".join(parts)

    def _draw_feedback(self, surface, question) -> None:
        tr = self.app.text
        answered = self.runner.last_answer
        box = FEEDBACK_RECT if not isinstance(self.view, HotspotView) else FEEDBACK_RECT.inflate(-660, 0).move(330, 0)
        panel(surface, box)
        icon = (box.x + 60, box.y + 60)
        if answered.correct:
            pygame.draw.circle(surface, palette.PINE_GREEN, icon, 38)
            pygame.draw.lines(surface, palette.PAPER, False,
                              [(icon[0] - 19, icon[1]), (icon[0] - 5, icon[1] + 15), (icon[0] + 21, icon[1] - 15)], 9)
            word = self.tr("quiz.right")
        else:
            pygame.draw.circle(surface, palette.OCHRE, icon, 38)
            pygame.draw.circle(surface, palette.INK, icon, 38, width=3)
            tr.draw(surface, "?", (icon[0] - 40, icon[1] - 30), 44, palette.INK, 80, bold=True, align="center")
            word = self.tr("quiz.not_yet")
        x = box.x + 120
        width = box.right - x - 28
        y = tr.draw(surface, word, (x, box.y + 22), 38, palette.INK, width, bold=True).bottom + 2
        if not answered.correct:
            if answered.total_parts > 1 and answered.right_parts:
                y = tr.draw(surface, self.tr("quiz.parts_right", right=answered.right_parts,
                                             total=answered.total_parts), (x, y), text.SMALL, palette.INK, width).bottom
            y = tr.draw(surface, self.tr("quiz.right_answer", answer=self.view.answer_text()), (x, y),
                        text.SMALL + 2, palette.INK, width, bold=True).bottom + 4
        y = tr.draw(surface, question.explanation.get(self.app.lang), (x, y), text.SMALL + 2, palette.INK,
                    width).bottom
        tr.draw(surface, self.tr("quiz.source", source=question.source), (x, y + 6), text.SMALL, palette.MUTED_INK,
                width)
