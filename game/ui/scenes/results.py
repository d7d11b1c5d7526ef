"""The end of a level: stars (shape and number, not colour alone), the score, what was learned."""
from __future__ import annotations

import pygame

from ...core.model import Level
from ...core.text import Text
from ...paths import ASSETS
from .. import palette, text
from ..widgets import draw_stars, panel
from .base import Scene

PANEL = pygame.Rect(190, 40, 900, 640)


class ResultsScene(Scene):
    name = "results"

    def __init__(self, app, level: Level, stars: int, correct: int = 0, total: int = 0,
                 ending: Text | None = None) -> None:
        super().__init__(app)
        self.level, self.stars, self.correct, self.total, self.ending = level, stars, correct, total, ending

    def _score_line(self) -> str:
        if self.level.kind == "quiz":
            return self.tr("results.score", correct=self.correct, total=self.total)
        if self.ending is not None:
            return self.tr("results.ending", name=self.ending.get(self.app.lang))
        return self.tr("results.story_done")

    def heading(self) -> str:
        parts = [self.tr("results.heading"), self.tr("results.stars", n=self.stars), self._score_line()]
        if self.level.summary is not None:
            parts += [self.tr("results.learned"), self.level.summary.get(self.app.lang)]
        return ". ".join(p.rstrip(".") for p in parts) + "."

    def build(self) -> None:
        self.button("map", (PANEL.x + 48, PANEL.bottom - 112, 440, 80), self.tr("results.map"), self._to_map,
                    style="@primary", size=30)
        self.button("again", (PANEL.right - 48 - 340, PANEL.bottom - 112, 340, 80), self.tr("results.again"),
                    self._again)

    def _to_map(self) -> None:
        from .level_map import LevelMapScene
        self.app.switch(LevelMapScene(self.app))

    def _again(self) -> None:
        from .quiz import QuizScene
        from .story import StoryScene
        scene = QuizScene if self.level.kind == "quiz" else StoryScene
        self.app.switch(scene(self.app, self.level))

    def back(self) -> None:
        self._to_map()

    def draw(self, surface) -> None:
        self.draw_background(surface, ASSETS / "backgrounds" / "title.svg")
        panel(surface, PANEL)
        tr = self.app.text
        width = PANEL.width - 96
        x = PANEL.x + 48
        tr.draw(surface, self.tr("results.heading"), (x, PANEL.y + 24), text.HEADING, palette.INK, width, bold=True,
                align="center")
        draw_stars(surface, (PANEL.centerx, PANEL.y + 150), self.stars, 44)
        tr.draw(surface, self.tr("results.stars", n=self.stars), (x, PANEL.y + 204), text.BODY, palette.INK, width,
                bold=True, align="center")
        y = tr.draw(surface, self._score_line(), (x, PANEL.y + 250), text.BODY, palette.INK, width,
                    align="center").bottom + 20
        if self.level.summary is not None:
            y = tr.draw(surface, self.tr("results.learned"), (x, y), 30, palette.NIGHT_BLUE, width, bold=True).bottom
            tr.draw(surface, self.level.summary.get(self.app.lang), (x, y + 6), text.BODY, palette.INK, width)
