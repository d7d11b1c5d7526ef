"""Point to a place on a picture. Pointer: click the place. Keyboard: Tab or the arrows go round the
places, shown and spoken as neutral numbered markers ("place 2 of 5"), Enter chooses one; the places'
names show only after the answer, since a name would give it away."""
from __future__ import annotations

import pygame

from ...core.questions import Hotspot
from .. import palette, text
from ..focus import Focusable
from .base import AREA, QuestionView, draw_badge

PICTURE = pygame.Rect(AREA.x, AREA.y - 6, 620, 348)
MARKER = 28  # the radius of a place's marker and of its focus target


class HotspotView(QuestionView):
    kind = Hotspot.kind
    instructions_key = "quiz.hotspot_help"
    autofocus = False  # a pointer player sees the plain picture; Tab, an arrow, Enter or Space bring the markers

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

    def places(self) -> list:
        """The regions as numbered for keyboard and speech: left to right, then top to bottom, so that
        the numbers say nothing of the order an author wrote them in (often the right one first)."""
        return sorted(self.question.regions, key=lambda region: (region.anchor()[0], region.anchor()[1]))

    def build(self) -> None:
        if self.picture is None:
            self._load()
        places = self.places()
        for number, region in enumerate(places, 1):
            rect = pygame.Rect(0, 0, MARKER * 2, MARKER * 2)
            rect.center = self.to_screen(region.anchor())
            spoken = self.tr("quiz.place", n=number, total=len(places))
            self.scene.focus.add(Focusable(f"region_{region.id}", rect, lambda words=spoken: words,
                                           lambda r=region: self.scene.submit(r.id)))

    def markers_shown(self) -> bool:
        """The markers are for the keyboard: they show once a place has the focus."""
        focused = self.scene.focus.focused
        return self.scene.focus.visible and focused is not None and focused.id.startswith("region_")

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
        if not self.markers_shown():
            return
        places = self.places()
        for number, region in enumerate(places, 1):
            draw_badge(surface, self.app, self.to_screen(region.anchor()), str(number))
        focused = self.scene.focus.focused
        number = next(n for n, r in enumerate(places, 1) if f"region_{r.id}" == focused.id)
        words = self.tr("quiz.place", n=number, total=len(places))
        x = self.shown.right + 32
        self.app.text.draw(surface, words, (x, self.shown.y + 20), text.BODY, palette.PAPER, AREA.right - x,
                           bold=True)

    def answer_text(self) -> str:
        correct = next(r for r in self.question.regions if r.correct)
        return correct.label.get(self.app.lang)

    def feedback_box(self, box: pygame.Rect) -> pygame.Rect:
        return box.inflate(-660, 0).move(330, 0)  # beside the picture, which stays in view

    def draw_answered(self, surface, answer) -> None:
        """After the answer: the picture, the right region ringed, and where the child pointed."""
        self.draw(surface)
        correct = next(r for r in self.question.regions if r.correct)
        center = self.to_screen(correct.anchor())
        pygame.draw.circle(surface, palette.SUN_GOLD, center, 30, width=6)
        if isinstance(answer, list):
            pygame.draw.circle(surface, palette.INK, self.to_screen(tuple(answer)), 8)
        name = correct.label.get(self.app.lang)  # now that it is answered, the place may have its name
        tr = self.app.text
        width = min(self.shown.width, tr.measure(name, text.SMALL, self.shown.width, bold=True)[0] + 24)
        plate = pygame.Rect(0, 0, width, tr.line_height(text.SMALL, True) + 8)
        plate.midtop = (center[0], center[1] + 36)
        plate.clamp_ip(self.shown)
        pygame.draw.rect(surface, palette.PAPER, plate, border_radius=8)
        pygame.draw.rect(surface, palette.INK, plate, width=2, border_radius=8)
        tr.draw(surface, name, (plate.x + 12, plate.y + 4), text.SMALL, palette.INK, plate.width - 24, bold=True)
