"""A quiz level: the question, its type's view, a hint, then feedback that teaches, then the next.

The scene holds no rules and writes nothing: a QuizSession (game/core/sessions) decides what is
asked and what is right, commits each answer, and hands back the feedback to show; the question
view (game/ui/questions) lays out the parts and hands back an answer.
"""
from __future__ import annotations

import pygame

from ...core.model import QuizLevel
from ...core.quiz import Phase
from ...core.sessions import QuizSession
from .. import palette, text
from ..questions import VIEWS
from ..questions.panels import answered_words, draw_answered, draw_prompt, feedback_room
from ..widgets import panel
from .base import MARGIN, Scene
from .live_reload import LiveReload

TOP_BAR = 84  # at the normal text size; it grows to hold the title at the reader's size
PROMPT_BOTTOM = 280
FEEDBACK_RECT = pygame.Rect(MARGIN, 300, 1280 - 2 * MARGIN, 300)  # down to the Next button
VEIL = 190  # of 255, of the night blue: the picture shows through, the light texts on it keep 4.5:1
BUTTONS_LEFT = 1280 - MARGIN - 160 - 16 - 180  # the hint and menu buttons in the top bar
CONFIRM_RECT = pygame.Rect(240, 200, 800, 320)


class QuizScene(LiveReload, Scene):
    name = "quiz"
    unsaved_mark = (MARGIN, 700)  # beside the next button

    def __init__(self, app, level: QuizLevel, seed: int | None = None) -> None:
        super().__init__(app)
        self.level = level
        self.session = QuizSession(app.store, app.profile.id, level, seed=seed, speech_on=lambda: app.speech_on,
                                   recorder=app.recorder)
        self.view = None
        self.confirming = False  # Esc asked "leave the quiz?": the question waits, its timer too
        self._veil: tuple | None = None  # (the colour, the surface) laid over the level's backdrop
        self._new_view()
        self._watch_start()

    def restore(self, level: QuizLevel, state: dict) -> bool:
        """After a live reload: the same position in the new level if it still exists."""
        self.level = level
        kept = self.session.reload(level)
        self._new_view()
        return kept

    @property
    def seed(self) -> int:
        return self.session.seed

    @property
    def runner(self):
        return self.session.runner

    @property
    def accepting_answers(self) -> bool:
        return self.session.phase is Phase.ASKING

    # -- the question on screen -----------------------------------------------------------------
    def _new_view(self) -> None:
        question = self.session.question
        self.view = VIEWS[question.kind](self, question, self.session.order(question)) if question else None

    def heading(self) -> str:
        session = self.session
        if self.confirming:
            return self.tr("quiz.leave_question")
        if session.question is None:
            return ""
        if session.feedback is not None:
            return answered_words(self, self.view, session.feedback)
        parts = []
        if session.is_first_retry:
            parts.append(self.tr("quiz.try_again"))
        parts += [self._progress(), session.question.prompt.get(self.app.lang)]
        if self.view.instructions_key:
            parts.append(self.tr(self.view.instructions_key))
        return " ".join(parts)

    def _progress(self) -> str:
        return self.tr("quiz.progress", n=self.session.number, total=self.session.round_size)

    def build(self) -> None:
        session = self.session
        question = session.question
        if self.confirming:  # only the two answers: nothing of the quiz is pressed under the panel
            box = CONFIRM_RECT
            self.button("stay", (box.x + 40, box.bottom - 112, 340, 80), self.tr("quiz.stay"), self.stay,
                        style="@primary", size=text.SMALL + 4)
            self.button("leave", (box.right - 380, box.bottom - 112, 340, 80), self.tr("quiz.leave"), self.leave,
                        size=text.SMALL + 4)
            return
        if question is not None and session.phase is Phase.ASKING:
            self.view.build()
            if question.hint is not None:
                self.button("hint", (BUTTONS_LEFT, self._bar() // 2 - 28, 180, 56), self.tr("quiz.hint"),
                            self.use_hint, size=text.SMALL, enabled=not session.hint_shown)
        elif question is not None:
            self.button("next", (1280 - MARGIN - 380, 720 - MARGIN - 80, 380, 80),
                        self.tr("quiz.finish" if session.is_last else "quiz.next"), self.next_question,
                        style="@primary", size=30)
        self.button("menu", (1280 - MARGIN - 160, self._bar() // 2 - 28, 160, 56), self.tr("quiz.menu"), self.back,
                    size=text.SMALL)

    # -- intents --------------------------------------------------------------------------------
    def submit(self, value: object) -> None:
        feedback = self.session.answer(value)  # committed and fsynced before it comes back
        if feedback is not None:
            self._show_feedback(feedback)

    answer = submit  # the name the screenshot command and older tests use

    def _show_feedback(self, feedback) -> None:
        self.app.sounds.play("right" if feedback.correct else "not_yet")
        self._show()

    def use_hint(self) -> None:
        self.session.use_hint()
        self.app.say(self.session.question.hint.get(self.app.lang))
        self.rebuild()

    def next_question(self) -> None:
        outcome = self.session.next()
        if outcome is not None:
            self.app.show("results", level=self.level, outcome=outcome)
            return
        self._new_view()
        self._show()

    def _show(self) -> None:
        self.teardown()
        self.build()
        if self.session.phase is Phase.ASKING and not self.view.autofocus:
            self.focus.index = None  # Tab reaches the first part
        else:
            self.focus.focus_first(speak=False)
        self.announce()

    def back(self) -> None:
        """Esc or the menu button: ask first (Esc again keeps playing); the session keeps the place."""
        if self.confirming:
            self.stay()
            return
        self.confirming = True
        self.teardown()
        self.build()
        self.focus.focus("stay", speak=False)
        self.announce()

    def stay(self) -> None:
        self.confirming = False
        self._show()

    def leave(self) -> None:
        self.app.show("map")

    # -- input and time -------------------------------------------------------------------------
    def handle_key(self, event) -> bool:
        if self.reload_key(event):
            return True
        if self.confirming:
            return super().handle_key(event)
        if self.view is not None and self.accepting_answers and self.view.handle_key(event):
            return True
        return super().handle_key(event)

    def handle_event(self, event) -> bool:
        if self.view is not None and self.accepting_answers and not self.confirming:
            return self.view.handle_event(event)
        return False

    def update(self, dt: float) -> bool:
        self.watch_file(dt)
        if self.confirming:
            return False
        moving = self.view.update(dt) if self.view is not None else False
        timed = self.session.time_left is not None
        feedback = self.session.tick(dt)
        if feedback is not None:  # time is up: counted as not yet right, and the answer is taught
            self._show_feedback(feedback)
        return moving or timed

    # -- drawing ----------------------------------------------------------------------------------
    def backdrop_key(self) -> tuple:
        session = self.session
        return (self.confirming, id(self.level), session.phase, id(session.question), self._progress() if session.question else "",
                session.retrying, session.hint_shown, session.answered, self.view.state_key() if self.view else ())

    def draw_live(self, surface) -> None:
        session = self.session
        if session.time_left is not None and session.question is not None:
            width = int(1280 * session.time_left / session.time_limit)
            pygame.draw.rect(surface, palette.SUN_GOLD, (0, self._bar() - 6, width, 6))

    def _bar(self) -> int:
        """The top bar's height: one line of the title at the reader's text size."""
        return max(TOP_BAR, self.app.text.line_height(30, True) + 8)

    def _draw_backdrop(self, surface) -> None:
        """The level's picture, if it has one, under a veil of the theme's night blue, so that every text on
        it stays readable (tests/test_quiz_backdrop.py); plain in high contrast."""
        backdrop = self.level.backdrop
        if backdrop is None or palette.current == "high_contrast":
            surface.fill(palette.STEPPE_BLUE)
            return
        self.draw_background(surface, self.level.path.parent / backdrop)
        if self._veil is None or self._veil[0] != palette.NIGHT_BLUE:
            veil = pygame.Surface(surface.get_size(), pygame.SRCALPHA)
            veil.fill((*palette.NIGHT_BLUE[:3], VEIL))
            self._veil = (palette.NIGHT_BLUE, veil)
        surface.blit(self._veil[1], (0, 0))

    def draw(self, surface) -> None:
        self._draw_backdrop(surface)
        tr = self.app.text
        bar = self._bar()
        pygame.draw.rect(surface, palette.NIGHT_BLUE, (0, 0, 1280, bar))
        title = self.level.title.get(self.app.lang)
        question = self.session.question
        progress = self._progress() if question is not None else ""
        room = BUTTONS_LEFT - 16 - MARGIN
        progress_w = tr.measure(progress, text.BODY, room, bold=True)[0] if progress else 0
        if progress and tr.measure(title, 30, room, bold=True)[0] > room - progress_w - 24:
            # large text: the title keeps its size and the progress says only its numbers
            progress = self.tr("quiz.progress_short", n=self.session.number, total=self.session.round_size)
            progress_w = tr.measure(progress, text.BODY, room, bold=True)[0]
        width = room - (progress_w + 24 if progress else 0)
        size = tr.fitting_size(title, 30, width, bar - 8, bold=True)
        height = tr.measure(title, size, width, bold=True)[1]
        tr.draw(surface, title, (MARGIN, (bar - height) // 2), size, palette.PAPER, width, bold=True)
        if question is None:
            return
        height = tr.measure(progress, text.BODY, progress_w, bold=True)[1]
        tr.draw(surface, progress, (BUTTONS_LEFT - 16 - progress_w, (bar - height) // 2), text.BODY,
                palette.SUN_GOLD, progress_w, bold=True, align="right")
        if self.confirming:  # in place of the question, which waits
            self._draw_confirm(surface)
            return
        feedback, prompt = self.session.feedback, self._prompt_rect()
        if feedback is None or feedback_room(self, self.view, feedback, FEEDBACK_RECT, prompt.y)[0].top > prompt.bottom:
            self._draw_prompt(surface, question)  # not when the feedback needs its room (large text)
        if feedback is not None:
            draw_answered(self, surface, self.view, feedback, FEEDBACK_RECT, top=prompt.y)
        else:
            self.view.draw(surface)

    def _draw_confirm(self, surface) -> None:
        box = CONFIRM_RECT
        panel(surface, box)
        tr = self.app.text
        words = self.tr("quiz.leave_question")
        width, room = box.width - 80, box.height - 32 - 124
        tr.draw(surface, words, (box.x + 40, box.y + 32), tr.fitting_size(words, 30, width, room, bold=True),
                palette.INK, width, bold=True)

    def _draw_prompt(self, surface, question) -> None:
        retry = self.tr("quiz.try_again") if self.session.retrying else ""
        hint = self.tr("quiz.hint_label", hint=question.hint.get(self.app.lang)) if (
            self.session.hint_shown and question.hint is not None) else ""
        draw_prompt(self, surface, question, self._prompt_rect(), retry, hint)

    def _prompt_rect(self) -> pygame.Rect:
        top = self._bar() + 16
        return pygame.Rect(MARGIN, top, 1280 - 2 * MARGIN, PROMPT_BOTTOM - top)
