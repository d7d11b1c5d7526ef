"""What the leader's desk screens share: a heading, a message line, a text field and a paged grid of
cards. Not a screen itself: the desk's screens import it."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pygame
from pygame_gui.core import ObjectID

from ...core.storage import ReportScope
from ...paths import ASSETS
from .. import palette, text
from ..focus import Focusable
from ..text_entry import TextEntry
from .base import MARGIN, Scene

BOTTOM_ROW = 720 - MARGIN - 64  # the top of the buttons along the bottom


@dataclass(frozen=True)
class Card:
    widget_id: str
    label: str
    on_press: Callable[[], None]
    spoken: str | None = None
    chosen: bool = False


def backdrop(scene, surface, heading: str, message: str = "", top: int = 28, heading_height: int = 56) -> int:
    """The desk's paper, its heading and a message under it; returns where the content may start."""
    if palette.current == "default":
        scene.draw_background(surface, ASSETS / "backgrounds" / "map.svg", palette.PAPER)
    else:
        surface.fill(palette.PAPER)
    tr = scene.app.text
    size = tr.fitting_size(heading, 40, 1280 - 2 * MARGIN, heading_height, bold=True)
    bottom = tr.draw(surface, heading, (MARGIN, top), size, palette.INK, 1280 - 2 * MARGIN, bold=True).bottom
    if message:
        size = tr.fitting_size(message, text.SMALL + 2, 1280 - 2 * MARGIN, 40, bold=True)
        bottom = tr.draw(surface, message, (MARGIN, bottom + 4), size, palette.PINE_GREEN, 1280 - 2 * MARGIN,
                         bold=True).bottom
    return bottom


def report_scopes(scene) -> list[tuple[str, ReportScope]]:
    """Whose play a report or a chart covers: everyone, each group, the last session."""
    store, tr = scene.app.store, scene.tr
    scopes = [(tr("desk.report_everyone"), ReportScope())]
    scopes += [(tr("desk.report_group", name=g.name), ReportScope(group_id=g.id)) for g in store.groups()]
    last = store.sessions()
    if last:
        scopes.append((tr("desk.report_last_session", day=last[0].started_at[:10]), ReportScope(session_id=last[0].id)))
    return scopes


def card_grid(scene, cards: list[Card], page: int, top: int, bottom: int, columns: int = 4,
              card_h: int = 72, on_page: Callable[[int], None] | None = None) -> int:
    """The cards of one page in a grid between `top` and `bottom`, and a "more" card when there are
    more pages; returns the page shown (kept in range)."""
    gap = 14
    width = (1280 - 2 * MARGIN - (columns - 1) * gap) // columns
    rows = max(1, (bottom - top + gap) // (card_h + gap))
    per_page = columns * rows - (1 if len(cards) > columns * rows else 0)
    pages = max(1, -(-len(cards) // per_page))
    page = min(max(page, 0), pages - 1)
    shown = cards[page * per_page:(page + 1) * per_page]
    for i, card in enumerate(shown):
        col, row = i % columns, i // columns
        rect = (MARGIN + col * (width + gap), top + row * (card_h + gap), width, card_h)
        scene.button(card.widget_id, rect, card.label, card.on_press, spoken=card.spoken,
                     style="@chosen" if card.chosen else "@card", size=text.SMALL + 2)
    if pages > 1 and on_page is not None:
        i = len(shown)
        col, row = i % columns, i // columns
        rect = (MARGIN + col * (width + gap), top + row * (card_h + gap), width, card_h)
        label = scene.tr("desk.page", page=page + 1, pages=pages)
        scene.button("more", rect, f"{label}  ›", lambda: on_page(page + 1 if page + 1 < pages else 0),
                     spoken=scene.tr("desk.more_spoken", page=page + 1, pages=pages), size=text.SMALL + 2)
    return page


class TextField:
    """A one-line text field in the focus ring: typing goes in it, Enter does `on_enter`."""

    def __init__(self, scene, widget_id: str, rect, value: str, limit: int, spoken: Callable[[str], str],
                 on_enter: Callable[[], None]) -> None:
        self.scene = scene
        self.entry = TextEntry(
            pygame.Rect(rect), manager=scene.app.ui, object_id=ObjectID(object_id=f"#{widget_id}", class_id="@entry"))
        self.entry.set_text_length_limit(limit)
        self.entry.set_text(value)
        scene.ui_elements.append(self.entry)
        self.id = widget_id
        self._cursor_shown = False
        scene.focus.add(Focusable(widget_id, self.entry.rect, lambda: spoken(self.entry.get_text()), on_enter,
                                  takes_text=True, on_focus=self._focus))

    @property
    def value(self) -> str:
        return self.entry.get_text()

    def _focus(self, gained: bool) -> None:
        self.scene.app.ui.set_focus_set(self.entry if gained else None)

    def clicked(self, event) -> bool:
        """A click in the field focuses it (pygame-gui alone would not move the focus ring)."""
        if event.type == pygame.MOUSEBUTTONDOWN and self.entry.rect.collidepoint(event.pos):
            self.scene.focus.visible = False
            self.scene.focus.focus(self.id)
            return True
        return False

    def cursor_changed(self) -> bool:
        """True when the text cursor blinked on or off (the screen redraws only then)."""
        shown = bool(getattr(self.entry, "cursor_on", False)) and self.entry.is_focused
        changed, self._cursor_shown = shown != self._cursor_shown, shown
        return changed


class DeskForm(Scene):
    """A desk screen with a text field and a message line under its heading; Esc goes back to the
    screen it was opened from."""

    field: TextField
    message = ""

    def _tell(self, message: str) -> None:
        self.message = message
        if message:
            self.app.say(message)

    def handle_event(self, event) -> bool:
        return self.field.clicked(event)

    def update(self, dt: float) -> bool:
        return self.field.cursor_changed()

    def back(self) -> None:
        self.app.pop()
