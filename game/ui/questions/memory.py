"""Memory cards: turn two cards; a pair stays face up. Works by pointer and by keyboard alike."""
from __future__ import annotations

import pygame

from ...core.questions import Memory, MemoryGame
from .. import palette, text
from .base import AREA, QuestionView


class MemoryView(QuestionView):
    kind = Memory.kind
    instructions_key = "quiz.memory_help"

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.game = MemoryGame(self.question, self.scene.seed)

    def _rect(self, position: int) -> pygame.Rect:
        count = len(self.game.cards)
        columns = 4 if count <= 8 else (5 if count <= 10 else 6)
        rows = -(-count // columns)
        gap = 16
        width = min(220, (AREA.width - (columns - 1) * gap) // columns)
        height = min(150, (AREA.height - (rows - 1) * gap) // rows)
        col, row = position % columns, position // columns
        left = AREA.centerx - (columns * width + (columns - 1) * gap) // 2
        return pygame.Rect(left + col * (width + gap), AREA.y + row * (height + gap), width, height)

    def build(self) -> None:
        for position in range(len(self.game.cards)):
            face_up = self.game.is_face_up(position)
            label = self.label(self.game.item(position)) if face_up else self.tr("quiz.card_down")
            spoken = f"{position + 1}. {label}"
            if position in self.game.matched:
                spoken += ". " + self.tr("quiz.card_found")
            self.scene.button(f"card_{position}", self._rect(position), label, lambda p=position: self.turn(p),
                              style="@card", spoken=spoken, paint=lambda s, r, p=position: self._paint(s, r, p))

    def _paint(self, surface, rect, position: int) -> None:
        if not self.game.is_face_up(position):
            pygame.draw.rect(surface, palette.STEPPE_BLUE, rect.inflate(-10, -10), border_radius=12)
            pygame.draw.circle(surface, palette.SUN_GOLD, rect.center, min(rect.width, rect.height) // 5, width=5)
            return
        if position in self.game.matched:
            pygame.draw.rect(surface, palette.PINE_GREEN, rect.inflate(-6, -6), width=4, border_radius=12)
        self.paint_item(surface, rect.inflate(-8, -8), self.game.item(position), size=text.SMALL)

    def turn(self, position: int) -> None:
        result = self.game.turn(position)
        if result == "ignored":
            return
        self.app.sounds.play({"match": "right", "miss": "not_yet"}.get(result, "tap"))
        self.scene.refresh(f"card_{position}")
        if result in ("match", "miss"):
            self.app.say(self.tr(f"quiz.card_{result}"))
        if self.game.finished:
            self.scene.submit(self.game.misses)

    def answer_text(self) -> str:
        """The pairs in words; a picture-only card is named by its partner alone."""
        return "; ".join(" — ".join(part for part in (self.label(a), self.label(b)) if part)
                         for a, b in self.question.pairs)
