"""A quiz level: a question, its options, then feedback that teaches, then the next question."""
from __future__ import annotations

import pygame

from ...core.model import QuestionKind, QuizLevel
from ...core.quiz import Phase, QuizRunner
from .. import palette, text
from ..widgets import panel
from .base import MARGIN, Scene

TOP_BAR = 84
PROMPT_RECT = pygame.Rect(MARGIN, TOP_BAR + 20, 1280 - 2 * MARGIN, 170)
OPTION_W, OPTION_H, OPTION_GAP = 580, 96, 24
FEEDBACK_RECT = pygame.Rect(MARGIN, 296, 1280 - 2 * MARGIN, 280)


class QuizScene(Scene):
    name = "quiz"

    def __init__(self, app, level: QuizLevel) -> None:
        super().__init__(app)
        self.level = level
        self.runner = QuizRunner(level)
        self.attempt_id = app.store.start_attempt(app.profile.id, level.pack_id, level.id, "quiz")
        self.asked_at = app.time

    def heading(self) -> str:
        question = self.runner.current
        if question is None:
            return ""
        lines = [self._progress(), question.prompt.get(self.app.lang)]
        if self.runner.phase is Phase.FEEDBACK:
            lines = [self._feedback_speech()]
        return " ".join(lines)

    def _progress(self) -> str:
        return self.tr("quiz.progress", n=self.runner.index + 1, total=self.runner.total)

    def build(self) -> None:
        self.button("menu", (1280 - MARGIN - 160, 14, 160, 56), self.tr("quiz.menu"), self.back, size=text.SMALL)
        question = self.runner.current
        if question is None:
            return
        if self.runner.phase is Phase.ASKING:
            for i, (label, value) in enumerate(self._options(question)):
                col, row = i % 2, i // 2
                rect = (MARGIN + col * (OPTION_W + OPTION_GAP), 310 + row * (OPTION_H + OPTION_GAP),
                        OPTION_W, OPTION_H)
                self.button(f"option_{i}", rect, label, lambda v=value: self.answer(v), style="@card")
        else:
            last = self.runner.index + 1 == self.runner.total
            label = self.tr("quiz.finish" if last else "quiz.next")
            self.button("next", (1280 - MARGIN - 380, 720 - MARGIN - 80, 380, 80), label, self.next_question,
                        style="@primary", size=32)
        # the menu button comes last in the focus order: answers first
        self.focus.items.append(self.focus.items.pop(0))

    def _options(self, question) -> list[tuple[str, object]]:
        if question.kind is QuestionKind.TRUE_FALSE:
            return [(self.tr("quiz.true"), True), (self.tr("quiz.false"), False)]
        return [(option.text.get(self.app.lang), i) for i, option in enumerate(question.options)]

    def answer(self, value: object) -> None:
        question = self.runner.current
        answered = self.runner.answer(value)
        elapsed_ms = int((self.app.time - self.asked_at) * 1000)
        # committed and fsynced before the feedback is shown
        self.app.store.record_answer(self.attempt_id, question.id, value, answered.correct, elapsed_ms)
        self.app.sounds.play("right" if answered.correct else "not_yet")
        self.rebuild(announce=True)

    def _feedback_speech(self) -> str:
        question = self.runner.current
        answered = self.runner.last_answer
        parts = [self.tr("quiz.right" if answered.correct else "quiz.not_yet")]
        if not answered.correct:
            parts.append(self.tr("quiz.right_answer", answer=self._answer_text(question)))
        parts.append(question.explanation.get(self.app.lang))
        return " ".join(parts)

    def _answer_text(self, question) -> str:
        correct = question.correct_answer()
        for label, value in self._options(question):
            if value == correct and type(value) is type(correct):
                return label
        return ""

    def next_question(self) -> None:
        self.runner.next()
        if self.runner.finished:
            runner = self.runner
            self.app.store.finish_attempt(self.attempt_id, runner.correct_count, runner.total, runner.stars)
            from .results import ResultsScene
            self.app.switch(ResultsScene(self.app, self.level, runner.stars, runner.correct_count, runner.total))
            return
        self.asked_at = self.app.time
        self.teardown()
        self.build()
        self.focus.focus_first(speak=False)
        self.announce()

    def back(self) -> None:
        from .level_map import LevelMapScene
        self.app.switch(LevelMapScene(self.app))

    def draw(self, surface) -> None:
        surface.fill(palette.STEPPE_BLUE)
        tr = self.app.text
        pygame.draw.rect(surface, palette.NIGHT_BLUE, (0, 0, 1280, TOP_BAR))
        tr.draw(surface, self.level.title.get(self.app.lang), (MARGIN, 20), 30, palette.PAPER, 640, bold=True)
        question = self.runner.current
        if question is None:
            return
        tr.draw(surface, self._progress(), (720, 24), text.BODY, palette.SUN_GOLD, 320, bold=True, align="right")
        panel(surface, PROMPT_RECT)
        inner = PROMPT_RECT.inflate(-48, -32)
        tr.draw(surface, question.prompt.get(self.app.lang), inner.topleft, 32, palette.INK, inner.width, bold=True)
        if self.runner.phase is Phase.FEEDBACK:
            self._draw_feedback(surface, question)

    def _draw_feedback(self, surface, question) -> None:
        tr = self.app.text
        answered = self.runner.last_answer
        panel(surface, FEEDBACK_RECT)
        icon = (FEEDBACK_RECT.x + 64, FEEDBACK_RECT.y + 64)
        if answered.correct:
            pygame.draw.circle(surface, palette.PINE_GREEN, icon, 40)
            pygame.draw.lines(surface, palette.PAPER, False,
                              [(icon[0] - 20, icon[1]), (icon[0] - 5, icon[1] + 16), (icon[0] + 22, icon[1] - 16)], 9)
            word = self.tr("quiz.right")
        else:
            pygame.draw.circle(surface, palette.OCHRE, icon, 40)
            pygame.draw.circle(surface, palette.INK, icon, 40, width=3)
            tr.draw(surface, "?", (icon[0] - 40, icon[1] - 30), 44, palette.INK, 80, bold=True, align="center")
            word = self.tr("quiz.not_yet")
        x = FEEDBACK_RECT.x + 128
        width = FEEDBACK_RECT.right - x - 32
        y = FEEDBACK_RECT.y + 28
        y = tr.draw(surface, word, (x, y), 40, palette.INK, width, bold=True).bottom + 4
        if not answered.correct:
            y = tr.draw(surface, self.tr("quiz.right_answer", answer=self._answer_text(question)), (x, y),
                        text.BODY, palette.INK, width, bold=True).bottom + 6
        y = tr.draw(surface, question.explanation.get(self.app.lang), (x, y), text.BODY, palette.INK, width).bottom
        tr.draw(surface, self.tr("quiz.source", source=question.source), (x, y + 8), text.SMALL, palette.MUTED_INK,
                width)
