"""Single choice, true/false and multiple choice: buttons in two columns."""
from __future__ import annotations

import pygame

from ...core.questions import MultipleChoice, SingleChoice, TrueFalse
from .. import palette, text
from .base import AREA, QuestionView

GAP = 24


def grid_rect(i: int, count: int, tall: bool, scale: float = 1.0) -> pygame.Rect:
    """Option i of `count`; with large text the rows grow with it, down to the bottom of the area."""
    columns = 2 if count <= 4 or tall else 3
    rows = -(-count // columns)
    width = (AREA.width - (columns - 1) * GAP) // columns
    height = min(round((150 if tall else 112) * max(1.0, scale)), (AREA.height - (rows - 1) * 20) // rows)
    col, row = i % columns, i // columns
    return pygame.Rect(AREA.x + col * (width + GAP), AREA.y + row * (height + 20), width, height)


class SingleView(QuestionView):
    kind = SingleChoice.kind

    def parts(self) -> list[tuple[str, object, object]]:
        """(label, answer value, item or None) in the order shown."""
        question: SingleChoice = self.question
        return [(self.label(question.options[i].item), i, question.options[i].item) for i in self.order]

    def build(self) -> None:
        parts = self.parts()
        tall = any(item is not None and item.image for _, _, item in parts)
        rects = [grid_rect(shown, len(parts), tall, self.app.text.scale) for shown in range(len(parts))]
        size = self.shared_size([(label, *self.item_room(rect, item, bool(item and item.image))) for (label, _, item), rect in zip(parts, rects)],
                                text.BODY)
        for shown, (label, value, item) in enumerate(parts):
            paint = None
            if item is not None and item.image:
                paint = lambda s, r, it=item: self.paint_item(s, r, it, show_text=not self.question.picture_only,
                                                              size=size)
            self.scene.button(f"option_{shown}", rects[shown], label,
                              lambda v=value: self.scene.submit(v), style="@card", paint=paint, size=size)

    def answer_text(self) -> str:
        correct = self.question.correct_answer()
        return next(label for label, value, _ in self.parts() if value == correct and type(value) is type(correct))


class TrueFalseView(SingleView):
    kind = TrueFalse.kind

    def parts(self) -> list[tuple[str, object, object]]:
        return [(self.tr("quiz.true"), True, None), (self.tr("quiz.false"), False, None)]


class MultipleView(SingleView):
    """Toggle the options that apply, then Check. A tick mark (not only colour) shows the chosen ones."""

    kind = MultipleChoice.kind
    instructions_key = "quiz.select_all"

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.chosen: set[int] = set()

    def build(self) -> None:
        parts = self.parts()
        tall = any(item is not None and item.image for _, _, item in parts)
        rooms = []
        for shown, (label, _, item) in enumerate(parts):  # beside the tick box (see _paint)
            rect = grid_rect(shown, len(parts), tall, self.app.text.scale)
            rooms.append((label, *self.item_room(rect.inflate(-68, 0), item, True)))
        size = self.shared_size(rooms, text.BODY - 2)
        for shown, (label, value, item) in enumerate(parts):
            chosen = value in self.chosen
            spoken = f"{label}. {self.tr('quiz.chosen' if chosen else 'quiz.not_chosen')}"
            rect = grid_rect(shown, len(parts), tall, self.app.text.scale)
            self.scene.button(f"option_{shown}", rect, label, lambda v=value: self.toggle(v),
                              style="@chosen" if chosen else "@card", spoken=spoken,
                              paint=lambda s, r, it=item, c=chosen: self._paint(s, r, it, c, size))
        self.check_button(self.check, enabled=True)

    def toggle(self, value: int) -> None:
        self.chosen ^= {value}
        self.scene.refresh()

    def check(self) -> None:
        """Nothing chosen is not an answer: the child is asked to choose, and nothing is graded."""
        if not self.chosen:
            self.app.notice(self.tr("quiz.choose_first"), 4)
            return
        self.scene.submit(sorted(self.chosen))

    def draw(self, surface) -> None:
        """The instruction stays on screen beside Check, not only in the speech."""
        tr = self.app.text
        words = self.tr(self.instructions_key)
        box = pygame.Rect(AREA.x, AREA.bottom + 4, AREA.width - 300 - GAP, 64)
        size = tr.fitting_size(words, text.SMALL + 2, box.width, box.height, bold=True)
        height = tr.measure(words, size, box.width, bold=True)[1]
        tr.draw(surface, words, (box.x, box.centery - height // 2), size, palette.PAPER, box.width, bold=True)

    def _paint(self, surface, rect, item, chosen: bool, size: float) -> None:
        box = pygame.Rect(rect.x + 16, rect.centery - 18, 36, 36)
        pygame.draw.rect(surface, palette.PAPER, box, border_radius=6)
        pygame.draw.rect(surface, palette.INK, box, width=3, border_radius=6)
        if chosen:
            pygame.draw.lines(surface, palette.INK, False,
                              [(box.x + 7, box.centery), (box.x + 15, box.bottom - 8), (box.right - 6, box.y + 7)], 5)
        inner = rect.inflate(-68, 0).move(30, 0)
        self.paint_item(surface, inner, item, show_text=not self.question.picture_only, size=size)

    def answer_text(self) -> str:
        correct = set(self.question.correct_answer())
        return ", ".join(label for label, value, _ in self.parts() if value in correct)
