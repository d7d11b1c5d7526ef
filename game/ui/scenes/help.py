"""F1: the keys of the game, on screen and read aloud. Esc or Enter goes back to where you were."""
from __future__ import annotations

from ...paths import ASSETS
from .. import palette, text
from ..widgets import panel
from .base import MARGIN, Scene
import pygame

KEYS = ("tab", "arrows", "enter", "escape", "f1", "f2", "f3", "v", "f11", "story_back", "story_log", "story_skip")
BOX = pygame.Rect(MARGIN, 40, 1280 - 2 * MARGIN, 640)
KEY_W, DOES_W = 260, 1280 - 2 * MARGIN - 340


class HelpScene(Scene):
    name = "help"

    def heading(self) -> str:
        return " ".join([self.tr("help.heading")] + [f"{self.tr(f'help.key_{k}')}: {self.tr(f'help.does_{k}')}."
                                                     for k in KEYS])

    def build(self) -> None:
        self.button("close", (BOX.right - 280, BOX.bottom - 84, 256, 64), self.tr("help.close"), self.back,
                    style="@primary")

    def back(self) -> None:
        self.app.pop()

    def backdrop_key(self) -> tuple:
        return ()

    def draw(self, surface) -> None:
        self.draw_background(surface, ASSETS / "backgrounds" / "map.svg", palette.PAPER)
        panel(surface, BOX)
        tr = self.app.text
        y = tr.draw(surface, self.tr("help.heading"), (BOX.x + 32, BOX.y + 20), 40, palette.INK, BOX.width - 64,
                    bold=True).bottom + 8
        size = self._rows_size(BOX.bottom - 96 - y)
        for key in KEYS:
            name = tr.draw(surface, self.tr(f"help.key_{key}"), (BOX.x + 32, y), size, palette.INK, KEY_W, bold=True)
            does = tr.draw(surface, self.tr(f"help.does_{key}"), (BOX.x + 310, y), size, palette.INK, DOES_W)
            y = max(name.bottom, does.bottom) + 4

    def _rows_size(self, room: int) -> float:
        """The largest text size up to SMALL at which every row fits above the close button (with large
        text, never below the normal size)."""
        tr = self.app.text
        size = float(text.SMALL)
        floor = tr.smallest(text.SMALL)
        while size > floor:
            rows = sum(max(tr.measure(self.tr(f"help.key_{k}"), size, KEY_W, bold=True)[1],
                           tr.measure(self.tr(f"help.does_{k}"), size, DOES_W)[1]) + 4 for k in KEYS)
            if rows <= room:
                break
            size = max(floor, size * 0.92)
        return size
