"""Put events in order. Keyboard: Space picks an item up, arrows move it, Space puts it down.
Pointer: click an item to pick it up, click the place to put it."""
from __future__ import annotations

import pygame

from ...core.questions import Ordering
from .. import palette, text
from .base import AREA, QuestionView, draw_badge

ROW_H, ROW_GAP = 46, 8
WIDTH = 860


class OrderView(QuestionView):
    kind = Ordering.kind
    instructions_key = "quiz.order_help"

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.current: list[int] = list(self.order)  # item indices, top to bottom
        self.held: int | None = None                 # a position being moved

    def _rect(self, position: int) -> pygame.Rect:
        """Rows grow with large text, down to the bottom of the area, and take its whole width."""
        count, scale = len(self.current), self.app.text.scale
        height = min(round(ROW_H * scale), (AREA.height - (count - 1) * ROW_GAP) // count)
        return pygame.Rect(AREA.x, AREA.y + position * (height + ROW_GAP), WIDTH if scale <= 1 else AREA.width, height)

    def _label_size(self) -> float:
        """One size for every row: the size the longest needs."""
        room = self._rect(0)
        return self.shared_size([(self.label(self.question.items[i]), room.width - 124, room.height - 4)
                                 for i in self.current], text.SMALL + 2)

    def build(self) -> None:
        question: Ordering = self.question
        size = self._label_size()
        for position, item_index in enumerate(self.current):
            item = question.items[item_index]
            held = position == self.held
            spoken = f"{position + 1}. {self.label(item)}"
            if held:
                spoken += ". " + self.tr("quiz.held")
            self.scene.button(f"item_{position}", self._rect(position), self.label(item),
                              lambda p=position: self.pick_or_drop(p), style="@chosen" if held else "@card",
                              spoken=spoken, paint=lambda s, r, it=item, p=position: self._paint(s, r, it, p, size))
        self.check_button(self.check)

    def _paint(self, surface, rect, item, position: int, size: float) -> None:
        tr = self.app.text
        radius = min(rect.height // 2 - 2, round(20 * max(1.0, tr.scale)))  # the number grows with the text
        draw_badge(surface, self.app, (rect.x + 12 + radius, rect.centery), str(position + 1), radius=radius)
        inner = pygame.Rect(rect.x + 24 + 2 * radius, rect.y, rect.right - 60 - (rect.x + 24 + 2 * radius), rect.height)
        label = self.label(item)
        height = tr.measure(label, size, inner.width, bold=True)[1]
        tr.draw(surface, label, (inner.x, rect.centery - height // 2), size, palette.INK, inner.width, bold=True)
        if position == self.held:
            for dy in (-1, 1):  # up and down arrows: this item can move
                tip = (rect.right - 30, rect.centery + dy * 18)
                pygame.draw.polygon(surface, palette.INK, [tip, (tip[0] - 9, tip[1] - dy * 9),
                                                            (tip[0] + 9, tip[1] - dy * 9)])

    def pick_or_drop(self, position: int) -> None:
        if self.held is None:
            self.held = position
            self.app.sounds.play("tap")
        elif self.held == position:
            self.held = None
        else:  # a pointer user clicked the place to put the held item
            item = self.current.pop(self.held)
            self.current.insert(position, item)
            self.held = None
        self._refresh(f"item_{position}")

    def move(self, step: int) -> None:
        target = self.held + step
        if not 0 <= target < len(self.current):
            return
        self.current[self.held], self.current[target] = self.current[target], self.current[self.held]
        self.held = target
        self._refresh(f"item_{target}")

    def _refresh(self, focus_id: str) -> None:
        self.scene.refresh(focus_id)

    def handle_key(self, event) -> bool:
        if self.held is not None and event.key in (pygame.K_UP, pygame.K_DOWN):
            self.move(-1 if event.key == pygame.K_UP else 1)
            return True
        if self.held is not None and event.key == pygame.K_ESCAPE:  # put it down where it is
            position, self.held = self.held, None
            self._refresh(f"item_{position}")
            return True
        return False

    def check(self) -> None:
        self.held = None
        self.scene.submit(list(self.current))

    def answer_text(self) -> str:
        return " › ".join(self.label(item) for item in self.question.items)
