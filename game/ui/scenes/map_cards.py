"""Painting the map's level cards: a level's kind, title, stars, ages and minutes, a lock, or why it is broken."""
from __future__ import annotations

import pygame

from ...core.level_index import LevelEntry
from .. import palette, text
from ..icons import draw_lock
from ..text import fit_line
from ..widgets import Button, draw_stars

INFO_SIZE = 20  # the age and minutes line at the bottom of a card


class CardSlot(Button):
    """One of the map's fixed pool of card buttons, given to whichever level is in view: scrolling
    moves the slots and gives them other levels, so that a thousand levels cost what a screenful does."""

    def __init__(self, scene, number: int, rect: pygame.Rect) -> None:
        super().__init__(scene, f"slot_{number}", rect, "", lambda: None, style="@card")
        self.free_id = self.id
        self.entry: int | None = None  # the index of the level it shows, in the map's order
        self.said = ""
        self.focusable.spoken = lambda: self.said
        self.ui.hide()

    def bind(self, entry: int, widget_id: str, label: str, said: str, on_press, paint) -> None:
        self.entry = entry
        self.id = self.focusable.id = widget_id
        self.label, self.said, self.on_press, self.paint = label, said, on_press, paint
        self.forget_drawing()

    def unbind(self) -> None:
        self.entry = None
        self.id = self.focusable.id = self.free_id
        self.show(False)

    def move_to(self, pos: tuple[int, int], shown: bool) -> None:
        """A card only partly in view is hidden (and takes no clicks); Tab still reaches it, and then it scrolls in."""
        if self.rect.topleft != pos:
            self.ui.set_relative_position(pos)
        self.show(shown)

    def show(self, shown: bool) -> None:
        if shown != self.ui.visible:
            self.ui.show() if shown else self.ui.hide()


def paint_level(scene, surface, rect, level: LevelEntry, stars: int, blocker: str | None = None,
                details: list[tuple[object, str]] = (), today: int | None = None) -> None:
    tr = scene.app.text
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
    kind = scene.tr(f"map.{level.kind}")
    badge_color = palette.STEPPE_BLUE if level.kind == "quiz" else palette.PINE_GREEN
    badge = tr.block(kind, tr.fitting_size(kind, text.SMALL, 220, 34, bold=True), palette.PAPER, 300,
                     bold=True)[0]
    pygame.draw.rect(surface, badge_color, (rect.x + 16, rect.y + 14, badge.get_width() + 20, 34),
                     border_radius=10)
    surface.blit(badge, (rect.x + 26, rect.y + 31 - badge.get_height() // 2))
    title = level.title.get(scene.app.lang)
    width = rect.width - 32
    info_size = _details_size(scene, details, width)
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
        reason = scene.tr("map.locked", title=blocker)
        top = rect.y + 54 + one_line
        size = tr.fitting_size(reason, INFO_SIZE, width, info_top - top, bold=True)
        if tr.measure(reason, size, width, bold=True)[1] > info_top - top:  # large text: the reason goes first
            details, info_top = [], rect.bottom - 10
        shown = max(1, (info_top - top) // tr.line_height(size, bold=True)) * tr.line_height(size, bold=True)
        _clipped(surface, pygame.Rect(rect.x, top, rect.width, shown),  # whole lines only
                 lambda: tr.draw(surface, reason, (rect.x + 16, top), size, palette.FELT_RED, width, bold=True))
    _paint_details(scene, surface, (rect.x + 16, info_top), details, info_size)
    surface.set_clip(clip)


def _details_size(scene, details: list[tuple[object, str]], width: int) -> float:
    """The text size at which the age and minutes line fits the card's width (large text included)."""
    tr = scene.app.text
    size, floor = float(INFO_SIZE), INFO_SIZE / max(1.0, tr.scale)
    while size > floor and sum(30 + 20 + tr.font(size).size(label)[0] for _, label in details) > width:
        size = max(floor, size * 0.9)
    return size


def _paint_details(scene, surface, pos: tuple[int, int], details: list[tuple[object, str]],
                   size: float = INFO_SIZE) -> None:
    """The age band and the minutes, each after its icon, on one line."""
    tr = scene.app.text
    x, y = pos
    icon = 22
    middle = y + tr.line_height(size) // 2
    for painter, label in details:
        painter(surface, (x, middle - icon // 2 - 2), icon, palette.NIGHT_BLUE)
        x += icon + 8
        x = tr.draw(surface, label, (x, y), size, palette.INK).right + 20


def paint_broken(scene, surface, rect, level: LevelEntry, error: str) -> None:
    tr = scene.app.text
    pygame.draw.rect(surface, palette.CARD_DISABLED, rect.inflate(-6, -6), border_radius=14)
    tr.draw(surface, level.level_id, (rect.x + 16, rect.y + 12), text.BODY, palette.INK, rect.width - 32,
            bold=True)
    tr.draw(surface, scene.tr("map.unavailable"), (rect.x + 16, rect.y + 52), text.SMALL, palette.FELT_RED,
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

