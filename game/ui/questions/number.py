"""A number: typed on the keyboard (digits reach the field whatever is focused) or on an on-screen
number pad; the field shows the number and its unit, and is read aloud as it grows."""
from __future__ import annotations

import pygame

from ...core.questions.number import NumberQuestion, shown
from .. import palette, text
from ..focus import Focusable
from ..icons import draw_backspace
from .base import AREA, QuestionView

FIELD = pygame.Rect(AREA.x, AREA.y, 420, 84)
PAD_X, PAD_Y, KEY_W, KEY_H, GAP = AREA.x + 520, AREA.y - 8, 104, 64, 10
PAD = ("7", "8", "9", "4", "5", "6", "1", "2", "3", "minus", "0", "comma")
PAD_CHARS = {"minus": "−", "comma": ","}
TYPED = "0123456789"
MAX_LENGTH = 12


class NumberView(QuestionView):
    kind = NumberQuestion.kind
    instructions_key = "quiz.number_help"

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.typed = ""

    def build(self) -> None:
        self.scene.focus.add(Focusable("answer", FIELD, self._spoken_field, self.check))
        for i, name in enumerate(PAD):
            col, row = i % 3, i // 3
            rect = (PAD_X + col * (KEY_W + GAP), PAD_Y + row * (KEY_H + GAP), KEY_W, KEY_H)
            label = PAD_CHARS.get(name, name)
            spoken = self.tr(f"quiz.number_{name}") if name in PAD_CHARS else name
            self.scene.button(f"key_{name}", rect, label, lambda c=label: self.insert(c), style="@card",
                              size=text.BODY, spoken=spoken)
        self.scene.button("key_back", (PAD_X + 3 * (KEY_W + GAP), PAD_Y, 130, KEY_H), "", self.backspace,
                          style="@card", spoken=self.tr("quiz.backspace_key"),
                          paint=lambda surface, rect: draw_backspace(surface, rect, palette.INK))
        self.check_button(self.check, enabled=True)

    def state_key(self) -> tuple:
        return (self.typed,)

    # -- input ------------------------------------------------------------------------------------
    def handle_key(self, event) -> bool:
        if event.key == pygame.K_BACKSPACE:
            self.backspace()
            return True
        return False

    def handle_event(self, event) -> bool:
        """Typed characters reach the field whatever has the focus: a digit is never lost on a pad key."""
        if event.type != pygame.TEXTINPUT:
            return False
        for char in event.text:
            if char in TYPED:
                self.insert(char)
            elif char in "-−":
                self.insert("−")
            elif char in ",.":
                self.insert(",")
        return True

    def insert(self, char: str) -> None:
        typed = self.typed
        if char == "−":
            typed = typed[1:] if typed.startswith("−") else "−" + typed  # the sign goes in front
        elif char == ",":
            if "," in typed:
                return
            typed += "0," if typed in ("", "−") else ","
        elif len(typed) < MAX_LENGTH:
            typed += char
        self.typed = typed
        self.app.say(self.tr(f"quiz.number_{'minus' if char == '−' else 'comma'}") if char in "−," else char)
        self.app.invalidate()

    def backspace(self) -> None:
        self.typed = self.typed[:-1]
        self.app.say(self._spoken_field())
        self.app.invalidate()

    def check(self) -> None:
        if not self.typed.strip("−,"):
            self.app.say(self.tr("quiz.number_empty"))  # nothing typed yet: not graded
            return
        self.scene.submit(self.typed)

    # -- what is shown and said -------------------------------------------------------------------
    def _unit(self) -> str:
        unit = self.question.unit
        return unit.get(self.app.lang) if unit is not None else ""

    def _spoken_field(self) -> str:
        return self.tr("quiz.answer_field", text=f"{self.typed} {self._unit()}".strip())

    def answer_text(self) -> str:
        question, unit = self.question, self._unit()
        if question.from_range:
            words = self.tr("quiz.number_between", low=shown(question.low), high=shown(question.high))
        else:
            words = shown(question.value)
        return f"{words} {unit}".strip()

    def draw(self, surface) -> None:
        pygame.draw.rect(surface, palette.PAPER, FIELD, border_radius=10)
        pygame.draw.rect(surface, palette.INK, FIELD, width=3, border_radius=10)
        tr = self.app.text
        typed = self.typed or " "
        size = tr.fitting_size(typed, text.HEADING, FIELD.width - 40, FIELD.height - 12, bold=True)
        rect = tr.draw(surface, typed, (FIELD.x + 20, FIELD.y + 10), size, palette.INK, FIELD.width - 40, bold=True)
        if self.scene.focus.focused is not None and self.scene.focus.focused.id == "answer" or not self.typed:
            x = rect.right + 4 if self.typed else FIELD.x + 20
            pygame.draw.line(surface, palette.INK, (x, FIELD.y + 16), (x, FIELD.bottom - 16), 3)  # the cursor
        unit = self._unit()
        if unit:  # under the field, where it has the field's width at any text size
            tr.draw(surface, unit, (FIELD.x + 4, FIELD.bottom + 12), text.BODY, palette.PAPER, FIELD.width, bold=True)
