"""F1: the keys of the game, on screen and read aloud. Esc or Enter goes back to where you were."""
from __future__ import annotations

from ...paths import ASSETS
from .. import palette, text
from ..widgets import panel
from .base import MARGIN, Scene
import pygame

KEYS = ("tab", "arrows", "enter", "escape", "f1", "f2", "f3", "v", "f11", "story_back", "story_log", "story_skip")
BOX = pygame.Rect(MARGIN, 40, 1280 - 2 * MARGIN, 640)


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
        for key in KEYS:
            tr.draw(surface, self.tr(f"help.key_{key}"), (BOX.x + 32, y), text.SMALL, palette.INK, 260, bold=True)
            y = tr.draw(surface, self.tr(f"help.does_{key}"), (BOX.x + 310, y), text.SMALL, palette.INK,
                        BOX.width - 340).bottom + 4
