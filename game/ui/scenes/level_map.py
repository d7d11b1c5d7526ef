"""The level map: every pack with its levels and the child's best stars; broken levels say why.

Each card shows the level's age band and minutes when the level gives them. A level with
`unlock: {after: X}` is locked until the child has finished X (core/unlock.py): its card shows a padlock
and "opens after «X»", and pressing it only says so.
"""
from __future__ import annotations

import pygame

from ...core.club.today import todays_levels
from ...core.loader import LevelResult
from ...core.metadata import age_ranges
from ...core.model import Level
from ...core.plural import plural
from ...core.unlock import finished_level_ids, locked_levels
from ...paths import ASSETS
from .. import palette, text
from ..images import avatar_path
from ..text import fit_line
from ..icons import draw_child, draw_clock, draw_lock
from ..widgets import Button, draw_stars
from .base import MARGIN, Scene

CARD_W, CARD_H, GAP = 368, 184, 24
COLUMNS = 3
INFO_SIZE = 20  # the age and minutes line at the bottom of a card
VIEW_TOP, VIEW_BOTTOM = 130, 720 - MARGIN - 64 - 20  # the cards scroll between the heading and the buttons
CONTENT_W = 3 * CARD_W + 2 * GAP


class LevelMapScene(Scene):
    name = "map"

    def heading(self) -> str:
        return self.tr("map.heading", name=self.app.profile.nickname)

    scroll = 0  # how far the cards are scrolled up, in pixels

    def card_layout(self) -> tuple[int, int, int]:
        """Columns, card width and height for the reader's text size: larger text, fewer and taller cards."""
        scale = self.app.text.scale
        columns = COLUMNS if scale <= 1 else 2
        width = (CONTENT_W - (columns - 1) * GAP) // columns
        return columns, width, round(CARD_H * (1 + 0.6 * (scale - 1)))

    def build(self) -> None:
        self.stars = self.app.store.best_stars(self.app.profile.id)
        self.pack_titles: list[tuple[str, int]] = []
        columns, card_w, card_h = self.card_layout()
        y = VIEW_TOP + 10 - self.scroll
        any_level = False
        for title, levels, blockers in self._sections():
            if not levels:
                continue
            self.pack_titles.append((title, y))
            y += 52
            for i, level in enumerate(levels):
                any_level = True
                col = i % columns
                if i and col == 0:
                    y += card_h + GAP
                rect = pygame.Rect(64 + col * (card_w + GAP), y, card_w, card_h)
                card = self._card(level, rect, blockers.get(level.level_id))
                if rect.top < VIEW_TOP or rect.bottom > VIEW_BOTTOM:
                    card.ui.hide()  # scrolled out of view: Tab still reaches it, and then it scrolls in
            y += card_h + GAP + 8
        self.content_height = y + self.scroll - VIEW_TOP
        self.empty = not any_level
        self.button("back", (MARGIN, 720 - MARGIN - 64, 320, 64), self.tr("map.back"), self.back, size=text.SMALL + 2)
        self.button("settings", (MARGIN + 340, 720 - MARGIN - 64, 280, 64), self.tr("title.settings"),
                    self._settings, size=text.SMALL + 2)
        self.button("album", (MARGIN + 640, 720 - MARGIN - 64, 280, 64), self.tr("map.album"),
                    lambda: self.app.open("album"), size=text.SMALL + 2)

    def first_focus(self) -> str | None:
        """Coming back from a level: that level's card, scrolled into view."""
        if self.app.last_level is None:
            return None
        card = "level_{}_{}".format(*self.app.last_level)
        return card if any(item.id == card for item in self.focus.items) else None

    def enter(self) -> None:
        super().enter()
        if self.first_focus() is not None:
            self._scroll_to_focus()

    def _settings(self) -> None:
        self.app.open("settings")

    def _sections(self) -> list[tuple[str, list[LevelResult], dict[str, str]]]:
        """(title, levels, locked ones) a section: today's levels of the child's session first, in the
        leader's order (each shown there only), then every pack."""
        today = todays_levels(self.app.store, self.app.profile.id)
        self.today = {key: n for n, key in enumerate(today, 1)}
        packs = []
        for pack in self.app.catalog.packs:
            title = pack.pack.title.get(self.app.lang) if pack.pack else pack.folder.name
            packs.append((title, pack.levels, self._blockers(pack.levels)))
        found = {(lv.pack_id, lv.level_id): (lv, blockers) for _, levels, blockers in packs for lv in levels}
        first = [found[key] for key in today if key in found]
        return [(self.tr("map.today_heading"), [lv for lv, _ in first],
                 {lv.level_id: b[lv.level_id] for lv, b in first if lv.level_id in b})] + [
            (title, [lv for lv in levels if (lv.pack_id, lv.level_id) not in self.today], blockers)
            for title, levels, blockers in packs]

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

    def _card(self, level: LevelResult, rect: pygame.Rect, blocker: str | None = None) -> Button:
        widget_id = f"level_{level.pack_id}_{level.level_id}"
        if level.ok:
            stars = self.stars.get((level.pack_id, level.level_id), 0)
            title = level.level.title.get(self.app.lang)
            kind = self.tr(f"map.{level.level.kind}")
            shown, said = self._details(level.level)
            parts = [self.tr("map.spoken_level", kind=kind, title=title, stars=self.tr("map.stars", n=stars)), *said]
            today = self.today.get((level.pack_id, level.level_id))
            if today is not None:
                parts.insert(0, self.tr("map.today", n=today))
            if blocker is not None:
                parts.append(self.tr("map.spoken_locked", title=blocker))
            spoken = ". ".join(part.rstrip(".") for part in parts) + "."
            press = (lambda b=blocker: self._refuse(b)) if blocker is not None else (lambda lv=level: self._play(lv))
            return self.button(widget_id, rect, title, press, style="@card", spoken=spoken,
                               paint=lambda s, r, lv=level, st=stars, b=blocker, d=shown, n=today: self._paint_level(
                                   s, r, lv, st, b, d, n))
        error = level.problems[0].text(self.app.lang) if level.problems else ""  # in the player's language
        spoken = self.tr("map.spoken_broken", title=level.level_id, error=error)
        return self.button(widget_id, rect, level.level_id, lambda: None, style="@card", spoken=spoken,
                           paint=lambda s, r, lv=level, e=error: self._paint_broken(s, r, lv, e))

    # -- scrolling --------------------------------------------------------------------------
    def handle_key(self, event) -> bool:
        used = super().handle_key(event)
        if event.key != pygame.K_ESCAPE:  # Esc leaves the map (and forgets the player): nothing to scroll
            self._scroll_to_focus()
        return used

    def handle_event(self, event) -> bool:
        if event.type == pygame.MOUSEWHEEL:
            self._scroll_by(-event.y * (self.card_layout()[2] + GAP))
            return True
        return False

    def _scroll_to_focus(self) -> None:
        focused = self.focus.focused
        if focused is None or not focused.id.startswith("level_"):
            return
        rect = focused.rect
        if rect.top < VIEW_TOP:
            self._scroll_by(rect.top - VIEW_TOP - 62)  # with the pack's title above the first row
        elif rect.bottom > VIEW_BOTTOM:
            self._scroll_by(rect.bottom - VIEW_BOTTOM)

    def _scroll_by(self, pixels: int) -> None:
        most = max(0, self.content_height - (VIEW_BOTTOM - VIEW_TOP))
        scroll = min(most, max(0, self.scroll + pixels))
        if scroll != self.scroll:
            self.scroll = scroll
            self.rebuild()

    def _refuse(self, blocker: str) -> None:
        """A locked level was pressed: say (and show) which level opens it."""
        self.app.notice(self.tr("map.locked_notice", title=blocker), 4)

    def _play(self, level: LevelResult) -> None:
        self.app.play(level.level)

    def back(self) -> None:
        self.app.profile = None
        self.app.last_level = None
        self.app.load_settings(rebuild=False)
        self.app.show("profiles")

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
            if VIEW_TOP - 10 <= y and y + 46 <= VIEW_BOTTOM:
                tr.draw(surface, title, (64, y), tr.fitting_size(title, 32, 1100, 46, bold=True),
                        palette.NIGHT_BLUE, 1100, bold=True)
        self._draw_scrollbar(surface)
        if self.empty:
            tr.draw(surface, self.tr("map.no_levels"), (64, 200), text.BODY, palette.INK, 1000)

    def _draw_scrollbar(self, surface) -> None:
        """Where the view is in the list of levels, when they do not all fit (also a sign that there is more)."""
        view = VIEW_BOTTOM - VIEW_TOP
        if self.content_height <= view:
            return
        track = pygame.Rect(1280 - 40, VIEW_TOP, 14, view)
        pygame.draw.rect(surface, palette.PAPER, track, border_radius=7)
        pygame.draw.rect(surface, palette.INK, track, width=2, border_radius=7)
        length = max(40, view * view // self.content_height)
        top = VIEW_TOP + (view - length) * self.scroll // max(1, self.content_height - view)
        pygame.draw.rect(surface, palette.INK, (track.x, top, track.width, length), border_radius=7)

    def _paint_level(self, surface, rect, level: LevelResult, stars: int, blocker: str | None = None,
                     details: list[tuple[object, str]] = (), today: int | None = None) -> None:
        tr = self.app.text
        clip = surface.get_clip()
        surface.set_clip(rect.clip(clip) if clip else rect)  # large text stays inside its card
        if today is not None:  # one of today's levels: a gold frame and its number in the leader's order
            pygame.draw.rect(surface, palette.SUN_GOLD, rect.inflate(-4, -4), width=6, border_radius=14)
            centre = (rect.right - 156, rect.y + 31)
            pygame.draw.circle(surface, palette.SUN_GOLD, centre, 18)
            pygame.draw.circle(surface, palette.INK, centre, 18, width=2)
            number = tr.block(str(today), text.SMALL, palette.INK, 40, bold=True)[0]
            surface.blit(number, number.get_rect(center=centre))
        if blocker is not None:
            pygame.draw.rect(surface, palette.CARD_DISABLED, rect.inflate(-6, -6), border_radius=14)
        kind = self.tr(f"map.{level.level.kind}")
        badge_color = palette.STEPPE_BLUE if level.level.kind == "quiz" else palette.PINE_GREEN
        badge = tr.block(kind, tr.fitting_size(kind, text.SMALL, 220, 34, bold=True), palette.PAPER, 300,
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

