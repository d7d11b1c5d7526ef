"""Match pairs: choose an item on the left, then its partner on the right. Matched pairs share a number."""
from __future__ import annotations

import pygame

from ...core.questions import Matching
from .. import palette, text
from .base import AREA, QuestionView, draw_badge

COLUMN_W, ROW_H, ROW_GAP = 520, 46, 8


class MatchView(QuestionView):
    kind = Matching.kind
    instructions_key = "quiz.match_help"

    def __init__(self, *args) -> None:
        super().__init__(*args)
        size = len(self.question.pairs)
        self.matched: list[int] = [-1] * size  # for each left index, the right index matched to it
        self.picked_left: int | None = None

    def _rect(self, column: int, row: int) -> pygame.Rect:
        x = AREA.x if column == 0 else AREA.x + COLUMN_W + 80
        return pygame.Rect(x, AREA.y + row * (ROW_H + ROW_GAP), COLUMN_W, ROW_H)

    def _number_of_left(self, left: int) -> int:
        """Pairs are numbered 1, 2, ... in the order of the left column."""
        return left + 1

    def build(self) -> None:
        question: Matching = self.question
        for row in range(len(question.pairs)):
            item = question.pairs[row][0]
            picked = row == self.picked_left
            spoken = self.label(item) + (". " + self.tr("quiz.picked") if picked else "")
            if self.matched[row] >= 0:
                spoken += ". " + self.tr("quiz.matched_with", name=self.label(question.pairs[self.matched[row]][1]))
            self.scene.button(f"left_{row}", self._rect(0, row), self.label(item), lambda r=row: self.pick_left(r),
                              style="@chosen" if picked else "@card", spoken=spoken,
                              paint=lambda s, rect, it=item, r=row: self._paint(s, rect, it, self._left_badge(r)))
        for row, right in enumerate(self.order):
            item = question.pairs[right][1]
            owner = self.matched.index(right) if right in self.matched else None
            spoken = self.label(item)
            if owner is not None:
                spoken += ". " + self.tr("quiz.matched_with", name=self.label(question.pairs[owner][0]))
            self.scene.button(f"right_{row}", self._rect(1, row), self.label(item),
                              lambda r=right: self.pick_right(r), style="@card", spoken=spoken,
                              paint=lambda s, rect, it=item, o=owner: self._paint(
                                  s, rect, it, None if o is None else str(self._number_of_left(o))))
        self.check_button(self.check)

    def _left_badge(self, row: int) -> str | None:
        return str(self._number_of_left(row)) if self.matched[row] >= 0 else None

    def _paint(self, surface, rect, item, badge: str | None) -> None:
        if badge:
            draw_badge(surface, self.app, (rect.x + 30, rect.centery), badge, palette.PINE_GREEN)
        inner = pygame.Rect(rect.x + 60, rect.y, rect.width - 72, rect.height)
        self.paint_item(surface, inner, item, show_text=not self.question.picture_only, size=text.SMALL + 2)

    def pick_left(self, row: int) -> None:
        if self.matched[row] >= 0 and self.picked_left is None:
            self.matched[row] = -1  # choosing a matched item again undoes its pair
        self.picked_left = None if self.picked_left == row else row
        self.scene.refresh(f"left_{row}")

    def pick_right(self, right: int) -> None:
        if self.picked_left is None:
            self.app.say(self.tr("quiz.pick_left_first"))
            return
        if right in self.matched:
            self.matched[self.matched.index(right)] = -1
        self.matched[self.picked_left] = right
        self.picked_left = None
        next_free = next((r for r in range(len(self.matched)) if self.matched[r] < 0), None)
        self.scene.refresh(f"left_{next_free}" if next_free is not None else "check")

    def check(self) -> None:
        self.scene.submit(list(self.matched))

    def draw(self, surface) -> None:
        for left, right in enumerate(self.matched):
            if right >= 0:
                a = self._rect(0, left).midright
                b = self._rect(1, self.order.index(right)).midleft
                pygame.draw.line(surface, palette.PINE_GREEN, a, b, 4)

    def answer_text(self) -> str:
        return "; ".join(f"{self.label(a)} — {self.label(b)}" for a, b in self.question.pairs)
