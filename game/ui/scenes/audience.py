"""A tale played by the whole room (audience mode), opened from the leader's desk: the lines large for a
projector, and at a choice or an in-story question the options large with a number each. The leader
types the hands counted for the focused option (or presses it once per hand), then counts; or starts a
"hands up" countdown and types the winning number. A tie asks the leader to choose among the tied.

The screen holds no rules and writes nothing: an AudienceSession (game/core/sessions) decides and keeps
the group's tale. Sizes come from the text sizes of game/ui/text, so a larger layout scales them."""
from __future__ import annotations

import pygame

from ...core.model import StoryLevel
from ...core.sessions import AudienceSession, Tally
from .. import palette, text
from ..display import LOGICAL_SIZE
from ..stage import PuppetStage
from ..text import fit_line
from ..widgets import panel
from .base import MARGIN, Scene

LINE_SIZE = text.BODY + 8       # a line read to the room
OPTION_SIZE = text.BODY + 4     # an option to vote for
PROMPT_SIZE = text.HEADING - 8
ROW_GAP = 12
MESSAGE_TOP = 720 - MARGIN - 64 - 64  # a line for a tie or the countdown, over the leader's buttons
WIDE = 1280 - 2 * MARGIN
DIGITS = {getattr(pygame, f"K_{n}"): n for n in range(10)} | {getattr(pygame, f"K_KP{n}"): n for n in range(10)}


class AudienceScene(Scene):
    name = "audience"

    def __init__(self, app, level: StoryLevel) -> None:
        super().__init__(app)
        self.level = level
        session = app.store.active_session()
        self.session = AudienceSession(app.store, level, session.id if session else None,
                                       on_trouble=app.storage_trouble)
        self.stage = None
        if level.mode == "puppets":
            self.stage = PuppetStage(app.images, level.path.parent, {c.id: c.puppet for c in level.characters})
            self.stage.reduced_motion = True  # the room watches the words, not the walking
        self.outcome = None
        self.message = ""
        self.typed = ""  # the digits typed for the focused option's count
        self.typed_for: int | None = None
        self.awaiting_winner = False  # the countdown ended: the next number is the room's choice
        self._sync_stage()

    @property
    def runner(self):
        return self.session.runner

    # -- words ----------------------------------------------------------------------------------
    def _speaker(self, line) -> str:
        character = self.level.character(line.speaker) if line.speaker else None
        return character.name.get(self.app.lang) if character else self.tr("story.narrator")

    def _prompt(self) -> str:
        if self.outcome is not None:
            ending = self.outcome.ending.ending
            return self.tr("audience.the_end", ending=ending.get(self.app.lang) if ending else "")
        question = self.session.story.question
        if question is not None:
            return question.prompt.get(self.app.lang)
        if self.runner.choices:
            return self.tr("story.choose")
        return ""

    def _option_label(self, i: int) -> str:
        if self.runner.choices:
            return self.runner.choices[i].text.get(self.app.lang)
        question = self.session.story.question
        if question.kind == "true_false":
            return self.tr("quiz.true" if i == 0 else "quiz.false")
        return question.options[i].item.label(self.app.lang)

    def _option_spoken(self, i: int) -> str:
        return self.tr("audience.option_spoken", n=i + 1, option=self._option_label(i), votes=self.session.votes[i])

    def heading(self) -> str:
        line = self.runner.current_line
        if line is not None and self.outcome is None:
            return f"{self._speaker(line)}: {line.text.get(self.app.lang)}"
        feedback = self.session.feedback
        if feedback is not None:
            return f"{self.tr('quiz.right' if feedback.correct else 'quiz.not_yet')} " \
                   f"{feedback.question.explanation.get(self.app.lang)}"
        if self.session.option_count:
            return f"{self._prompt()} {self.tr('audience.how')}"
        return self._prompt()

    # -- building -------------------------------------------------------------------------------
    def build(self) -> None:
        count = self.session.option_count
        if self.outcome is not None:
            self.button("done", (1280 - MARGIN - 520, 720 - MARGIN - 72, 520, 72), self.tr("audience.back_to_desk"),
                        lambda: self.app.show("desk"), style="@primary", size=text.BODY)
        elif count:
            for i, rect in enumerate(self._rows(count)):
                chosen = i in self.session.tied
                self.button(f"option_{i}", rect, f"{i + 1}.  {self._option_label(i)}", lambda i=i: self._press(i),
                            spoken=self._option_spoken(i), style="@chosen" if chosen else "@card",
                            size=self._option_size(count))
            y = 720 - MARGIN - 64
            self.button("count", (MARGIN, y, 400, 64), self.tr("audience.count"), self._decide, style="@primary",
                        size=text.SMALL + 4)
            self.button("hands_up", (MARGIN + 420, y, 400, 64), self.tr("audience.hands_up"), self._hands_up,
                        size=text.SMALL + 4)
        elif self.session.shows_answer:
            self.button("show_answer", (1280 - MARGIN - 400, 720 - MARGIN - 72, 400, 72),
                        self.tr("audience.show_answer"), self._show_answer, style="@primary", size=text.BODY)
        else:
            label = self.tr("story.continue")
            self.button("continue", (1280 - MARGIN - 300, 720 - MARGIN - 72, 300, 72), label + "  ›", self.advance,
                        style="@primary", spoken=label, size=text.BODY)
        self.button("leave", (1280 - MARGIN - 200, 14, 200, 56), self.tr("audience.leave"), self.back,
                    size=text.SMALL)

    def _rows(self, count: int) -> list[pygame.Rect]:
        top, bottom = 150, MESSAGE_TOP - 12
        height = min(120, (bottom - top - (count - 1) * ROW_GAP) // count)
        return [pygame.Rect(MARGIN, top + i * (height + ROW_GAP), WIDE - 200, height) for i in range(count)]

    def _option_size(self, count: int) -> int:
        height = self._rows(count)[0].height
        labels = [f"{i + 1}.  {self._option_label(i)}" for i in range(count)]
        return int(min(self.app.text.fitting_size(label, OPTION_SIZE, WIDE - 260, height - 12) for label in labels))

    # -- intents --------------------------------------------------------------------------------
    def advance(self) -> None:
        if self.runner.can_advance:
            self._after(self.session.advance())

    def _press(self, option: int) -> None:
        """Pressed once per hand; after a tie or the countdown, the leader's choice."""
        if self.session.tied or self.awaiting_winner:
            self._after(self.session.pick(option))
            return
        self.session.count(option, self.session.votes[option] + 1)
        self.typed = ""
        self.refresh(f"option_{option}")

    def _decide(self) -> None:
        self._after(self.session.decide())

    def _hands_up(self) -> None:
        self.session.hands_up()
        self.message = self.tr("audience.hands_up_now", seconds=round(self.session.timer))
        self.app.say(self.message)

    def _show_answer(self) -> None:
        self.session.show_answer()
        self._moved()

    def _after(self, result) -> None:
        if isinstance(result, Tally):
            if result.tied:
                numbers = ", ".join(str(i + 1) for i in result.tied)
                self.message = self.tr("audience.tie", numbers=numbers)
            else:
                self.message = self.tr("audience.no_votes")
            self.rebuild()
            self.app.say(self.message)
            return
        self.outcome = result
        self._moved()

    def _moved(self) -> None:
        self.message, self.typed, self.awaiting_winner = "", "", False
        self._sync_stage()
        self.teardown()
        self.build()
        self.focus.focus_first(speak=False)
        if self.session.option_count:
            self.focus.index = None  # nothing chosen by the Space that went through the lines
        self.announce()

    def _sync_stage(self) -> None:
        if self.stage is not None:
            line = self.runner.current_line
            self.stage.sync(self.runner.stage, line.speaker if line else None, instant=True)

    def back(self) -> None:
        self.app.show("desk")

    # -- input and time -------------------------------------------------------------------------
    def handle_key(self, event) -> bool:
        count = self.session.option_count
        digit = DIGITS.get(event.key)
        if count and digit is not None:
            self._digit(digit)
            return True
        if count and event.key == pygame.K_BACKSPACE and self._focused_option() is not None:
            self.typed = self.typed[:-1]
            self._set_typed()
            return True
        if (event.key in (pygame.K_SPACE, pygame.K_RETURN, pygame.K_KP_ENTER) and self.focus.focused is None
                and count):
            self.app.say(self.tr("audience.how"))
            return True
        return super().handle_key(event)

    def _focused_option(self) -> int | None:
        focused = self.focus.focused
        return int(focused.id.split("_")[1]) if focused and focused.id.startswith("option_") else None

    def _digit(self, digit: int) -> None:
        """A number key: the winning number after a tie or the countdown, else the focused option's count."""
        if self.session.tied or self.awaiting_winner:
            if 1 <= digit <= self.session.option_count:
                self._after(self.session.pick(digit - 1))
            return
        option = self._focused_option()
        if option is None:
            self.app.say(self.tr("audience.how"))
            return
        if option != self.typed_for:  # a new option's count starts afresh
            self.typed, self.typed_for = "", option
        self.typed = (self.typed + str(digit))[-3:]
        self._set_typed()

    def _set_typed(self) -> None:
        option = self._focused_option()
        self.session.count(option, int(self.typed or 0))
        self.refresh(f"option_{option}")

    def update(self, dt: float) -> bool:
        if not self.session.timer:
            return False
        if self.session.tick(dt):
            self.awaiting_winner = True
            self.message = self.tr("audience.type_winner")
            self.rebuild()
            self.app.say(self.message)
        return True

    # -- drawing --------------------------------------------------------------------------------
    def backdrop_key(self) -> tuple:
        return (self.runner.scene_id, self.runner.index, self.message, tuple(self.session.votes),
                self.session.tied, self.session.feedback, self.outcome is not None)

    def draw(self, surface) -> None:
        scene = self.runner.scene
        self.draw_background(surface, self.level.path.parent / scene.background if scene.background else None)
        if self.stage is not None:
            self.stage.draw(surface)
        tr = self.app.text
        line = self.runner.current_line
        if line is not None and self.outcome is None:
            self._draw_line(surface, line)
            return
        shade = pygame.Surface(LOGICAL_SIZE, pygame.SRCALPHA)
        shade.fill((21, 48, 71, 210))
        surface.blit(shade, (0, 0))
        prompt = self._prompt()
        size = tr.fitting_size(prompt, PROMPT_SIZE, WIDE - 240, 110, bold=True)
        tr.draw(surface, prompt, (MARGIN, 28), size, palette.PAPER, WIDE - 240, bold=True)
        if self.session.feedback is not None:
            self._draw_feedback(surface)
        count = self.session.option_count
        for i, rect in enumerate(self._rows(count) if count and self.outcome is None else []):
            box = pygame.Rect(rect.right + 16, rect.y, 184, rect.height)
            panel(surface, box)
            votes = str(self.session.votes[i])
            tr.draw(surface, votes, (box.x + 20, box.y + (box.height - tr.line_height(OPTION_SIZE, True)) // 2),
                    OPTION_SIZE, palette.INK, box.width - 40, bold=True)
        if self.message:
            size = tr.fitting_size(self.message, text.SMALL + 4, WIDE, 52, bold=True)
            tr.draw(surface, self.message, (MARGIN, MESSAGE_TOP), size, palette.SUN_GOLD, WIDE, bold=True)

    def draw_live(self, surface) -> None:
        if self.session.timer:
            seconds = str(int(self.session.timer) + 1)
            rect = pygame.Rect(1280 - MARGIN - 112, 720 - MARGIN - 80, 96, 96)
            pygame.draw.ellipse(surface, palette.SUN_GOLD, rect)
            pygame.draw.ellipse(surface, palette.INK, rect, width=4)
            tr = self.app.text
            words = tr.block(seconds, text.HEADING, palette.INK, rect.width, bold=True)[0]
            surface.blit(words, words.get_rect(center=rect.center))

    def _draw_line(self, surface, line) -> None:
        tr = self.app.text
        words = line.text.get(self.app.lang)
        height = 250
        box = pygame.Rect(MARGIN, 720 - 16 - height, WIDE, height)
        panel(surface, box)
        name = self._speaker(line)
        character = self.level.character(line.speaker) if line.speaker else None
        color = palette.hex_color(character.color) if character else palette.NIGHT_BLUE
        plate = tr.block(name, text.BODY, palette.PAPER, 600, bold=True)[0]
        rect = pygame.Rect(box.x + 24, box.y - 30, plate.get_width() + 36, plate.get_height() + 12)
        pygame.draw.rect(surface, color, rect, border_radius=12)
        pygame.draw.rect(surface, palette.INK, rect, width=3, border_radius=12)
        surface.blit(plate, (rect.x + 18, rect.y + 6))
        width = WIDE - 64 - 320
        size = tr.fitting_size(words, LINE_SIZE, width, height - 56)
        tr.draw(surface, words, (box.x + 32, box.y + 36), size, palette.INK, width)

    def _draw_feedback(self, surface) -> None:
        tr = self.app.text
        feedback = self.session.feedback
        box = pygame.Rect(MARGIN, 150, WIDE, 720 - MARGIN - 72 - 24 - 150)
        panel(surface, box)
        verdict = self.tr("quiz.right" if feedback.correct else "quiz.not_yet")
        y = tr.draw(surface, verdict, (box.x + 28, box.y + 18), text.HEADING, palette.PINE_GREEN if feedback.correct
                    else palette.FELT_RED, box.width - 56, bold=True).bottom + 8
        question = feedback.question
        explanation = question.explanation.get(self.app.lang)
        source = self.tr("quiz.source", source=question.source) if question.source else ""
        room = box.bottom - 18 - y - (tr.line_height(text.SMALL) + 8 if source else 0)
        size = tr.fitting_size(explanation, LINE_SIZE, box.width - 56, room)
        tr.draw(surface, explanation, (box.x + 28, y), size, palette.INK, box.width - 56)
        if source:
            tr.draw(surface, fit_line(tr, source, text.SMALL, box.width - 56),
                    (box.x + 28, box.bottom - 18 - tr.line_height(text.SMALL)), text.SMALL, palette.MUTED_INK,
                    box.width - 56)
