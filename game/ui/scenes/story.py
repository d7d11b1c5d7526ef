"""A story level: a background, a speaker's name plate, the line, and choices when they come."""
from __future__ import annotations

import pygame

from ...core.model import StoryLevel
from ...core.story import StoryRunner
from .. import palette, text
from ..widgets import panel
from .base import MARGIN, Scene

LINE_PANEL = pygame.Rect(MARGIN, 470, 1280 - 2 * MARGIN, 210)
CHOICE_H, CHOICE_GAP = 72, 14


class StoryScene(Scene):
    name = "story"

    def __init__(self, app, level: StoryLevel) -> None:
        super().__init__(app)
        self.level = level
        self.runner = StoryRunner(level)
        self.attempt_id = app.store.start_attempt(app.profile.id, level.pack_id, level.id, "story")

    def heading(self) -> str:
        line = self.runner.current_line
        if line is not None:
            return f"{self._speaker_name(line)}: {line.text.get(self.app.lang)}"
        if self.runner.choices:
            return self.tr("story.choose")
        return ""

    def _speaker_name(self, line) -> str:
        character = self.level.character(line.speaker) if line.speaker else None
        return character.name.get(self.app.lang) if character else self.tr("story.narrator")

    def _choice_panel(self) -> pygame.Rect:
        count = len(self.runner.choices)
        height = 80 + count * (CHOICE_H + CHOICE_GAP)
        return pygame.Rect(MARGIN, 720 - 24 - height, 1280 - 2 * MARGIN, height)

    def build(self) -> None:
        if self.runner.choices:
            area = self._choice_panel()
            for i, choice in enumerate(self.runner.choices):
                rect = (area.x + 32, area.y + 68 + i * (CHOICE_H + CHOICE_GAP), area.width - 64, CHOICE_H)
                self.button(f"choice_{i}", rect, choice.text.get(self.app.lang), lambda i=i: self.choose(i),
                            style="@card")
        else:
            self.button("continue", (LINE_PANEL.right - 300, LINE_PANEL.bottom - 76, 276, 64),
                        self.tr("story.continue") + "  ›", self.advance, style="@primary",
                        spoken=self.tr("story.continue"))
        self.button("menu", (1280 - MARGIN - 160, 14, 160, 56), self.tr("story.menu"), self.back, size=text.SMALL)

    def advance(self) -> None:
        self.runner.advance()
        self._after_move()

    def choose(self, number: int) -> None:
        self.runner.choose(number)
        self._after_move()

    def _after_move(self) -> None:
        if self.runner.finished:
            self.app.store.finish_attempt(self.attempt_id, 0, 0, 3)
            from .results import ResultsScene
            ending = self.runner.scene.ending
            self.app.switch(ResultsScene(self.app, self.level, 3, ending=ending))
            return
        self.teardown()
        self.build()
        self.focus.focus_first(speak=False)
        self.announce()

    def handle_event(self, event) -> bool:
        if event.type == pygame.MOUSEBUTTONDOWN and event.button == 1 and self.runner.current_line is not None:
            if LINE_PANEL.collidepoint(event.pos) and not any(w.rect.collidepoint(event.pos) for w in self.widgets):
                self.advance()
                return True
        return False

    def back(self) -> None:
        from .level_map import LevelMapScene
        self.app.switch(LevelMapScene(self.app))

    def draw(self, surface) -> None:
        scene = self.runner.scene
        background = self.level.path.parent / scene.background if scene.background else None
        self.draw_background(surface, background)
        tr = self.app.text
        line = self.runner.current_line
        if line is not None:
            panel(surface, LINE_PANEL)
            name = self._speaker_name(line)
            character = self.level.character(line.speaker) if line.speaker else None
            color = palette.hex_color(character.color) if character else palette.NIGHT_BLUE
            plate = tr.block(name, text.BODY, palette.PAPER, 600, bold=True)[0]
            plate_rect = pygame.Rect(LINE_PANEL.x + 24, LINE_PANEL.y - 30, plate.get_width() + 40, 52)
            pygame.draw.rect(surface, color, plate_rect, border_radius=14)
            pygame.draw.rect(surface, palette.INK, plate_rect, width=3, border_radius=14)
            surface.blit(plate, (plate_rect.x + 20, plate_rect.y + 5))
            tr.draw(surface, line.text.get(self.app.lang), (LINE_PANEL.x + 32, LINE_PANEL.y + 36), 30, palette.INK,
                    LINE_PANEL.width - 64)
        elif self.runner.choices:
            area = self._choice_panel()
            panel(surface, area)
            tr.draw(surface, self.tr("story.choose"), (area.x + 32, area.y + 16), 32, palette.INK, area.width - 64,
                    bold=True)
