"""The level map: every pack with its levels and the child's best stars; broken levels say why.

Each card shows the level's age band and minutes when the level gives them. A level with
`unlock: {after: X}` is locked until the child has finished X (core/unlock.py): its card shows a padlock
and "opens after «X»", and pressing it only says so.
"""
from __future__ import annotations

import pygame

from ...core.loader import LevelResult
from ...core.metadata import age_ranges
from ...core.model import Level
from ...core.plural import plural
from ...core.unlock import finished_level_ids, locked_levels
from ...paths import ASSETS
from .. import palette, text
from ..icons import draw_child, draw_clock, draw_lock
from ..widgets import draw_stars
from .base import MARGIN, Scene
from .profiles import avatar_path

CARD_W, CARD_H, GAP = 368, 184, 24
COLUMNS = 3
INFO_SIZE = 20  # the age and minutes line at the bottom of a card


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
            blockers = self._blockers(pack.levels)
            for i, level in enumerate(pack.levels):
                any_level = True
                col = i % COLUMNS
                if i and col == 0:
                    y += CARD_H + GAP
                rect = pygame.Rect(64 + col * (CARD_W + GAP), y, CARD_W, CARD_H)
                self._card(level, rect, blockers.get(level.level_id))
            y += CARD_H + GAP + 8
        self.empty = not any_level
        self.button("back", (MARGIN, 720 - MARGIN - 64, 320, 64), self.tr("map.back"), self.back, size=text.SMALL + 2)
        self.button("settings", (MARGIN + 340, 720 - MARGIN - 64, 280, 64), self.tr("title.settings"),
                    self._settings, size=text.SMALL + 2)

    def _settings(self) -> None:
        from .settings import SettingsScene
        self.app.push(SettingsScene(self.app))

    def _blockers(self, levels: list[LevelResult]) -> dict[str, str]:
        """{locked level id: the title of the level to finish first} for one pack."""
        if not levels:
            return {}
        finished = finished_level_ids(self.stars, levels[0].pack_id)
        locked = locked_levels([level.level for level in levels if level.ok], finished)
        titles = {level.level_id: level.level.title.get(self.app.lang) if level.level else level.level_id
                  for level in levels}
        return {level_id: titles.get(after, after) for level_id, after in locked.items()}

    def _details(self, level: Level) -> tuple[list[tuple[object, str]], list[str]]:
        """The age band and minutes of a level: as the card shows them (an icon and a label), and as
        they are spoken."""
        shown, spoken = [], []
        ranges = age_ranges(level.ages)
        if ranges:
            ages = ", ".join(f"{low}\u2013{high}" for low, high in ranges)
            shown.append((draw_child, self.tr("map.ages", ages=ages)))
            spoken.append(", ".join(self.tr("map.ages_spoken", low=low, high=high) for low, high in ranges))
        if level.minutes:
            shown.append((draw_clock, self.tr("map.minutes", n=level.minutes)))
            unit = plural(self.app.lang, level.minutes, self.tr("map.minute_forms"))
            spoken.append(self.tr("map.minutes_spoken", n=level.minutes, unit=unit))
        return shown, spoken

    def _card(self, level: LevelResult, rect: pygame.Rect, blocker: str | None = None) -> None:
        widget_id = f"level_{level.pack_id}_{level.level_id}"
        if level.ok:
            stars = self.stars.get((level.pack_id, level.level_id), 0)
            title = level.level.title.get(self.app.lang)
            kind = self.tr(f"map.{level.level.kind}")
            shown, said = self._details(level.level)
            parts = [self.tr("map.spoken_level", kind=kind, title=title, stars=self.tr("map.stars", n=stars)), *said]
            if blocker is not None:
                parts.append(self.tr("map.spoken_locked", title=blocker))
            spoken = ". ".join(part.rstrip(".") for part in parts) + "."
            press = (lambda b=blocker: self._refuse(b)) if blocker is not None else (lambda lv=level: self._play(lv))
            self.button(widget_id, rect, title, press, style="@card", spoken=spoken,
                        paint=lambda s, r, lv=level, st=stars, b=blocker, d=shown: self._paint_level(s, r, lv, st,
                                                                                                      b, d))
        else:
            error = level.problems[0].text(self.app.lang) if level.problems else ""  # in the player's language
            spoken = self.tr("map.spoken_broken", title=level.level_id, error=error)
            self.button(widget_id, rect, level.level_id, lambda: None, style="@card", spoken=spoken,
                        paint=lambda s, r, lv=level, e=error: self._paint_broken(s, r, lv, e))

    def _refuse(self, blocker: str) -> None:
        """A locked level was pressed: say (and show) which level opens it."""
        self.app.notice(self.tr("map.locked_notice", title=blocker), 4)

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

    def backdrop_key(self) -> tuple:
        return ()

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

    def _paint_level(self, surface, rect, level: LevelResult, stars: int, blocker: str | None = None,
                     details: list[tuple[object, str]] = ()) -> None:
        tr = self.app.text
        clip = surface.get_clip()
        surface.set_clip(rect.clip(clip) if clip else rect)  # large text stays inside its card
        if blocker is not None:
            pygame.draw.rect(surface, palette.CARD_DISABLED, rect.inflate(-6, -6), border_radius=14)
        kind = self.tr(f"map.{level.level.kind}")
        badge_color = palette.STEPPE_BLUE if level.level.kind == "quiz" else palette.PINE_GREEN
        badge = tr.block(kind, tr.fitting_size(kind, text.SMALL, 180, 30, bold=True), palette.PAPER, 300,
                         bold=True)[0]
        pygame.draw.rect(surface, badge_color, (rect.x + 16, rect.y + 14, badge.get_width() + 20, 34),
                         border_radius=10)
        surface.blit(badge, (rect.x + 26, rect.y + 31 - badge.get_height() // 2))
        title = level.level.title.get(self.app.lang)
        width = rect.width - 32
        info_size = self._details_size(details, width)
        info_top = rect.bottom - 10 - (tr.line_height(info_size) if details else 0)
        if blocker is None:
            area = pygame.Rect(rect.x, rect.y + 52, rect.width, info_top - rect.y - 52)
            size = tr.fitting_size(title, text.BODY, width, area.height - 4, bold=True)
            _clipped(surface, area, lambda: tr.draw(surface, title, (rect.x + 16, area.y + 4), size, palette.INK,
                                                    width, bold=True))
            draw_stars(surface, (rect.right - 72, rect.y + 31), stars, 16)
        else:
            draw_lock(surface, (rect.right - 50, rect.y + 14), 32, palette.INK)
            one_line = tr.line_height(text.BODY, bold=True)  # the title gives its room to why the level is locked
            size = tr.fitting_size(title, text.BODY, width, one_line, bold=True)
            tr.draw(surface, fit_line(tr, title, size, width, bold=True), (rect.x + 16, rect.y + 54), size,
                    palette.INK, width, bold=True)
            reason = self.tr("map.locked", title=blocker)
            top = rect.y + 54 + one_line
            size = tr.fitting_size(reason, INFO_SIZE, width, info_top - top, bold=True)
            if tr.measure(reason, size, width, bold=True)[1] > info_top - top:  # large text: the reason goes first
                details, info_top = [], rect.bottom - 10
            shown = max(1, (info_top - top) // tr.line_height(size, bold=True)) * tr.line_height(size, bold=True)
            _clipped(surface, pygame.Rect(rect.x, top, rect.width, shown),  # whole lines only
                     lambda: tr.draw(surface, reason, (rect.x + 16, top), size, palette.FELT_RED, width, bold=True))
        self._paint_details(surface, (rect.x + 16, info_top), details, info_size)
        surface.set_clip(clip)

    def _details_size(self, details: list[tuple[object, str]], width: int) -> float:
        """The text size at which the age and minutes line fits the card's width (large text included)."""
        tr = self.app.text
        size, floor = float(INFO_SIZE), INFO_SIZE / max(1.0, tr.scale)
        while size > floor and sum(30 + 20 + tr.font(size).size(label)[0] for _, label in details) > width:
            size = max(floor, size * 0.9)
        return size

    def _paint_details(self, surface, pos: tuple[int, int], details: list[tuple[object, str]],
                       size: float = INFO_SIZE) -> None:
        """The age band and the minutes, each after its icon, on one line."""
        tr = self.app.text
        x, y = pos
        icon = 22
        middle = y + tr.line_height(size) // 2
        for painter, label in details:
            painter(surface, (x, middle - icon // 2 - 2), icon, palette.NIGHT_BLUE)
            x += icon + 8
            x = tr.draw(surface, label, (x, y), size, palette.INK).right + 20

    def _paint_broken(self, surface, rect, level: LevelResult, error: str) -> None:
        tr = self.app.text
        pygame.draw.rect(surface, palette.CARD_DISABLED, rect.inflate(-6, -6), border_radius=14)
        tr.draw(surface, level.level_id, (rect.x + 16, rect.y + 12), text.BODY, palette.INK, rect.width - 32,
                bold=True)
        tr.draw(surface, self.tr("map.unavailable"), (rect.x + 16, rect.y + 52), text.SMALL, palette.FELT_RED,
                rect.width - 32, bold=True)
        tr.draw(surface, fit_line(tr, error, text.SMALL, rect.width - 32), (rect.x + 16, rect.y + 116), text.SMALL,
                palette.INK)


def _clipped(surface: pygame.Surface, area: pygame.Rect, draw) -> None:
    """Draws with nothing outside `area` (large text is cut rather than drawn over its neighbours)."""
    clip = surface.get_clip()
    surface.set_clip(area.clip(clip))
    try:
        draw()
    finally:
        surface.set_clip(clip)


def fit_line(tr, message: str, size: int, width: int, bold: bool = False) -> str:
    """The message cut with an ellipsis to fit one line of `width` pixels."""
    font = tr.font(size, bold)
    if font.size(message)[0] <= width:
        return message
    while message and font.size(message + "…")[0] > width:
        message = message[:-1]
    return message + "…"
