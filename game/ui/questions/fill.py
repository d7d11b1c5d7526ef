"""Fill in the blank: a text field plus an on-screen keyboard with the Kazakh letters."""
from __future__ import annotations

import pygame
from pygame_gui.core import ObjectID

from ...core.questions import FillBlank
from .. import palette, text
from ..focus import Focusable
from ..text_entry import TextEntry
from .base import AREA, QuestionView

KAZAKH_LETTERS = "ӘҒҚҢӨҰҮҺІ"
KAZAKH_CYRILLIC = "kk-Cyrl"  # a text's language that is never shown in Latin letters
KEY = 64


class FillView(QuestionView):
    kind = FillBlank.kind
    instructions_key = "quiz.fill_help"

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.typed = ""

    def build(self) -> None:
        self.entry = TextEntry(
            pygame.Rect(AREA.x, AREA.y, 640, 68), manager=self.app.ui,
            object_id=ObjectID(object_id="#answer", class_id="@entry"))
        self.entry.set_text_length_limit(60)
        self.entry.set_text(self.typed)
        self.scene.ui_elements.append(self.entry)
        self.scene.focus.add(Focusable("answer", self.entry.rect, self._spoken, self.check, takes_text=True,
                                       on_focus=self._focus_entry))
        for i, letter in enumerate(KAZAKH_LETTERS):
            rect = (AREA.x + i * (KEY + 10), AREA.y + 100, KEY, KEY)
            # the keys type Cyrillic into the field, so they show it even when Kazakh is shown in Latin letters
            self.scene.button(f"key_{i}", rect, letter, lambda c=letter: self.insert(c), style="@card",
                              size=text.BODY, spoken=letter, lang=KAZAKH_CYRILLIC)
        self.scene.button("key_space", (AREA.x + 9 * (KEY + 10), AREA.y + 100, 150, KEY), "␣",
                          lambda: self.insert(" "), style="@card", spoken=self.tr("quiz.space_key"),
                          paint=self._paint_space)
        self.scene.button("key_back", (AREA.x + 9 * (KEY + 10) + 160, AREA.y + 100, 100, KEY), "⌫",
                          self.backspace, style="@card", spoken=self.tr("quiz.backspace_key"),
                          paint=self._paint_backspace)
        self.check_button(self.check)
        for item in self.scene.focus.items:
            item.types_into_field = not item.takes_text

    def handle_key(self, event) -> bool:
        """Backspace deletes in the field wherever the focus is."""
        if event.key == pygame.K_BACKSPACE and not self._in_field():
            self._set(self.entry.get_text()[:-1])
            return True
        return False

    def handle_event(self, event) -> bool:
        """Letters typed while an on-screen key has the focus go to the field (and so does the focus).
        A lone space is the Space that pressed the key, not a letter."""
        if event.type == pygame.TEXTINPUT and not self._in_field() and event.text.strip():
            self._to_field()
            self._set(self.entry.get_text() + event.text)
            return True
        return False

    def _in_field(self) -> bool:
        focused = self.scene.focus.focused
        return focused is not None and focused.id == "answer"

    def _to_field(self) -> None:
        self.scene.focus.focus("answer", speak=False)

    def _after_key(self) -> None:
        """After an on-screen key pressed by pointer the field has the focus again, with its cursor. By
        keyboard the focus stays on the key (Enter there again would check the answer too soon); what
        is typed still reaches the field."""
        if not self.scene.focus.visible:
            self._to_field()

    def _set(self, typed: str) -> None:
        self.typed = typed[:60]
        self.entry.set_text(self.typed)

    def _focus_entry(self, gained: bool) -> None:
        self.app.ui.set_focus_set(self.entry if gained else None)

    def _spoken(self) -> str:
        return self.tr("quiz.answer_field", text=self.entry.get_text())

    def insert(self, chars: str) -> None:
        # letters from the on-screen keyboard follow the case of what is typed: lower unless empty
        letter = chars if not self.entry.get_text() else chars.lower()
        self._after_key()
        self._set(self.entry.get_text() + letter)
        self.app.say(letter.strip() or self.tr("quiz.space_key"))

    def backspace(self) -> None:
        self._after_key()
        self._set(self.entry.get_text()[:-1])

    def check(self) -> None:
        self.typed = self.entry.get_text()
        self.scene.submit(self.typed)

    def answer_text(self) -> str:
        return self.question.accepted(self.app.lang)[0]

    def _paint_space(self, surface, rect) -> None:
        pg = pygame
        pg.draw.lines(surface, palette.INK, False, [(rect.x + 30, rect.centery), (rect.x + 30, rect.centery + 12),
                                                   (rect.right - 30, rect.centery + 12), (rect.right - 30, rect.centery)], 4)

    def _paint_backspace(self, surface, rect) -> None:
        pg = pygame
        cx, cy = rect.center
        pg.draw.polygon(surface, palette.INK, [(cx - 28, cy), (cx - 12, cy - 16), (cx + 26, cy - 16),
                                               (cx + 26, cy + 16), (cx - 12, cy + 16)], width=4)
        pg.draw.line(surface, palette.INK, (cx - 4, cy - 7), (cx + 12, cy + 7), 4)
        pg.draw.line(surface, palette.INK, (cx - 4, cy + 7), (cx + 12, cy - 7), 4)
