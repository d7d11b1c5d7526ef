"""The level map: every pack with its levels and the child's best stars; broken levels say why."""
from __future__ import annotations

import pygame

from ...core.loader import LevelResult
from ...paths import ASSETS
from .. import palette, text
from ..widgets import draw_stars
from .base import MARGIN, Scene
from .profiles import avatar_path

CARD_W, CARD_H, GAP = 368, 168, 24
COLUMNS = 3


class LevelMapScene(Scene):
    name = "map"

    def heading(self) -> str:
        return self.tr("map.heading", name=self.app.profile.nickname)

    def build(self) -> None:
        self.stars = self.app.store.best_stars(self.app.profile.id)
        self.pack_titles: list[tuple[str, int]] = []
        y = 140
        any_level = False
        for pack in self.app.catalog.packs:
            title = pack.pack.title.get(self.app.lang) if pack.pack else pack.folder.name
            self.pack_titles.append((title, y))
            y += 52
            for i, level in enumerate(pack.levels):
                any_level = True
                col = i % COLUMNS
                if i and col == 0:
                    y += CARD_H + GAP
                rect = pygame.Rect(64 + col * (CARD_W + GAP), y, CARD_W, CARD_H)
                self._card(level, rect)
            y += CARD_H + GAP + 8
        self.empty = not any_level
        self.button("back", (MARGIN, 720 - MARGIN - 64, 320, 64), self.tr("map.back"), self.back, size=text.SMALL + 2)
        self.button("settings", (MARGIN + 340, 720 - MARGIN - 64, 280, 64), self.tr("title.settings"),
                    self._settings, size=text.SMALL + 2)

    def _settings(self) -> None:
        from .settings import SettingsScene
        self.app.push(SettingsScene(self.app))

    def _card(self, level: LevelResult, rect: pygame.Rect) -> None:
        widget_id = f"level_{level.pack_id}_{level.level_id}"
        if level.ok:
            stars = self.stars.get((level.pack_id, level.level_id), 0)
            title = level.level.title.get(self.app.lang)
            kind = self.tr(f"map.{level.level.kind}")
            spoken = self.tr("map.spoken_level", kind=kind, title=title,
                             stars=self.tr("map.stars", n=stars))
            self.button(widget_id, rect, title, lambda lv=level: self._play(lv), style="@card", spoken=spoken,
                        paint=lambda s, r, lv=level, st=stars: self._paint_level(s, r, lv, st))
        else:
            error = level.problems[0].message if level.problems else ""
            spoken = self.tr("map.spoken_broken", title=level.level_id, error=error)
            self.button(widget_id, rect, level.level_id, lambda: None, style="@card", spoken=spoken,
                        paint=lambda s, r, lv=level, e=error: self._paint_broken(s, r, lv, e))

    def _play(self, level: LevelResult) -> None:
        from .quiz import QuizScene
        from .story import StoryScene
        scene = QuizScene if level.level.kind == "quiz" else StoryScene
        self.app.switch(scene(self.app, level.level))

    def back(self) -> None:
        from .profiles import ProfilesScene
        self.app.profile = None
        self.app.load_settings(rebuild=False)
        self.app.switch(ProfilesScene(self.app))

    def draw(self, surface) -> None:
        self.draw_background(surface, ASSETS / "backgrounds" / "map.svg", palette.PAPER)
        tr = self.app.text
        image = self.app.images.get(avatar_path(self.app.profile.avatar), (72, 72))
        if image is not None:
            surface.blit(image, (64, 36))
        heading = self.heading()
        tr.draw(surface, heading, (152, 48), tr.fitting_size(heading, 40, 1060, 64, bold=True), palette.INK,
                width=1060, bold=True)
        for title, y in self.pack_titles:
            tr.draw(surface, title, (64, y), tr.fitting_size(title, 32, 1100, 46, bold=True), palette.NIGHT_BLUE,
                    1100, bold=True)
        if self.empty:
            tr.draw(surface, self.tr("map.no_levels"), (64, 200), text.BODY, palette.INK, 1000)

    def _paint_level(self, surface, rect, level: LevelResult, stars: int) -> None:
        tr = self.app.text
        kind = self.tr(f"map.{level.level.kind}")
        badge_color = palette.STEPPE_BLUE if level.level.kind == "quiz" else palette.PINE_GREEN
        badge = tr.block(kind, tr.fitting_size(kind, text.SMALL, 180, 30, bold=True), palette.PAPER, 300,
                         bold=True)[0]
        pygame.draw.rect(surface, badge_color, (rect.x + 16, rect.y + 14, badge.get_width() + 20, 34),
                         border_radius=10)
        surface.blit(badge, (rect.x + 26, rect.y + 31 - badge.get_height() // 2))
        title = level.level.title.get(self.app.lang)
        tr.draw(surface, title, (rect.x + 16, rect.y + 56),
                tr.fitting_size(title, text.BODY, rect.width - 32, rect.height - 64, bold=True), palette.INK,
                rect.width - 32, bold=True)
        draw_stars(surface, (rect.right - 72, rect.y + 31), stars, 16)

    def _paint_broken(self, surface, rect, level: LevelResult, error: str) -> None:
        tr = self.app.text
        pygame.draw.rect(surface, palette.CARD_DISABLED, rect.inflate(-6, -6), border_radius=14)
        tr.draw(surface, level.level_id, (rect.x + 16, rect.y + 12), text.BODY, palette.INK, rect.width - 32,
                bold=True)
        tr.draw(surface, self.tr("map.unavailable"), (rect.x + 16, rect.y + 52), text.SMALL, palette.FELT_RED,
                rect.width - 32, bold=True)
        tr.draw(surface, fit_line(tr, error, text.SMALL, rect.width - 32), (rect.x + 16, rect.y + 116), text.SMALL,
                palette.INK)


def fit_line(tr, message: str, size: int, width: int) -> str:
    """The message cut with an ellipsis to fit one line of `width` pixels."""
    font = tr.font(size)
    if font.size(message)[0] <= width:
        return message
    while message and font.size(message + "…")[0] > width:
        message = message[:-1]
    return message + "…"
