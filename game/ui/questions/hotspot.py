"""Point to a place on a picture. Pointer: click the place. Keyboard: Tab goes round the named
regions, Enter chooses one."""
from __future__ import annotations

import pygame

from ...core.questions import Hotspot
from .. import palette, text
from ..focus import Focusable
from .base import AREA, QuestionView

PICTURE = pygame.Rect(AREA.x, AREA.y - 6, 620, 348)


class HotspotView(QuestionView):
    instructions_key = "quiz.hotspot_help"
    autofocus = False  # a region named on screen at once would give the answer away to pointer players

    def __init__(self, *args) -> None:
        super().__init__(*args)
        self.picture = None
        self.natural_size = (1, 1)
        self.shown = PICTURE

    def _load(self) -> None:
        path = self.image_path(self.question.picture)
        natural = self.app.images.natural_size(path)
        self.natural_size = natural or (PICTURE.width, PICTURE.height)
        scale = min(PICTURE.width / self.natural_size[0], PICTURE.height / self.natural_size[1])
        size = (int(self.natural_size[0] * scale), int(self.natural_size[1] * scale))
        self.shown = pygame.Rect(PICTURE.x, PICTURE.y, *size)
        self.picture = self.app.images.get(path, size)

    def to_screen(self, point: tuple[float, float]) -> tuple[int, int]:
        sx = self.shown.width / self.natural_size[0]
        sy = self.shown.height / self.natural_size[1]
        return int(self.shown.x + point[0] * sx), int(self.shown.y + point[1] * sy)

    def to_picture(self, pos: tuple[int, int]) -> tuple[float, float]:
        sx = self.natural_size[0] / self.shown.width
        sy = self.natural_size[1] / self.shown.height
        return round((pos[0] - self.shown.x) * sx, 1), round((pos[1] - self.shown.y) * sy, 1)

    def build(self) -> None:
        if self.picture is None:
            self._load()
        question: Hotspot = self.question
        for region in question.regions:
            center = self.to_screen(region.anchor())
            rect = pygame.Rect(0, 0, 56, 56)
            rect.center = center
            self.scene.focus.add(Focusable(f"region_{region.id}", rect, lambda r=region: r.label.get(self.app.lang),
                                           lambda r=region: self.scene.submit(r.id)))

    def handle_event(self, event) -> bool:
        if (event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.shown.collidepoint(event.pos)
                and self.scene.accepting_answers):
            self.scene.focus.visible = False
            self.scene.submit(list(self.to_picture(event.pos)))
            return True
        return False

    def draw(self, surface) -> None:
        if self.picture is not None:
            surface.blit(self.picture, self.shown)
        pygame.draw.rect(surface, palette.INK, self.shown, width=3, border_radius=4)
        focused = self.scene.focus.focused
        if focused is not None and focused.id.startswith("region_") and self.scene.focus.visible:
            region = next(r for r in self.question.regions if f"region_{r.id}" == focused.id)
            label = region.label.get(self.app.lang)
            x = self.shown.right + 32
            self.app.text.draw(surface, label, (x, self.shown.y + 20), text.BODY, palette.PAPER,
                               AREA.right - x, bold=True)

    def answer_text(self) -> str:
        correct = next(r for r in self.question.regions if r.correct)
        return correct.label.get(self.app.lang)

    def feedback_box(self, box: pygame.Rect) -> pygame.Rect:
        return box.inflate(-660, 0).move(330, 0)  # beside the picture, which stays in view

    def draw_answered(self, surface, answer) -> None:
        """After the answer: the picture, the right region ringed, and where the child pointed."""
        self.draw(surface)
        correct = next(r for r in self.question.regions if r.correct)
        pygame.draw.circle(surface, palette.SUN_GOLD, self.to_screen(correct.anchor()), 30, width=6)
        if isinstance(answer, list):
            pygame.draw.circle(surface, palette.INK, self.to_screen(tuple(answer)), 8)
