"""Keyboard focus: an ordered ring of focusable things, a visible ring around the focused one, speech.

pygame-gui has no keyboard navigation of its own; every scene uses this instead.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Callable

import pygame

from . import palette



@dataclass
class Focusable:
    """Something the player can focus and activate: a button, a card, a text field."""

    id: str
    rect: pygame.Rect
    spoken: Callable[[], str]
    activate: Callable[[], None]
    enabled: bool = True
    takes_text: bool = False  # a text field: left/right arrows and typing stay with it
    types_into_field: bool = False  # beside a text field (its on-screen keys): letters typed go to the field
    on_focus: Callable[[bool], None] | None = field(default=None, repr=False)


DIRECTIONS = {pygame.K_LEFT: (-1, 0), pygame.K_RIGHT: (1, 0), pygame.K_UP: (0, -1), pygame.K_DOWN: (0, 1)}
SIDEWAYS_COST = 3  # a step off the line counts this many times a step along it


def nearest_in_direction(rects: list[pygame.Rect], start: pygame.Rect, direction: tuple[int, int]) -> int | None:
    """Which rect an arrow key goes to from `start`: of those lying that way (past start's middle), one in
    line with it (sharing its row or column) if any, else the nearest, where going sideways costs more
    than going straight; None when nothing lies that way."""
    dx, dy = direction
    best, best_cost = None, None
    for i, rect in enumerate(rects):
        along = (rect.centerx - start.centerx) * dx + (rect.centery - start.centery) * dy
        if along <= 0:
            continue
        if dx:  # how far apart they are across the movement, 0 when they share a row or column
            sideways = max(0, max(rect.top, start.top) - min(rect.bottom, start.bottom))
            gap = max(0, rect.left - start.right if dx > 0 else start.left - rect.right)
        else:
            sideways = max(0, max(rect.left, start.left) - min(rect.right, start.right))
            gap = max(0, rect.top - start.bottom if dy > 0 else start.top - rect.bottom)
        cost = (sideways > 0, gap + SIDEWAYS_COST * sideways, abs(along))
        if best_cost is None or cost < best_cost:
            best, best_cost = i, cost
    return best


class FocusRing:
    """Tab/Shift+Tab move focus in reading order, arrows to the nearest thing that way on screen,
    Enter/Space activate, each focus change is spoken."""
    ACTIVATE_KEYS = (pygame.K_RETURN, pygame.K_KP_ENTER, pygame.K_SPACE)

    def __init__(self, say: Callable[[str], None]) -> None:
        self._say = say
        self.items: list[Focusable] = []
        self.index: int | None = None
        self.visible = True

    @property
    def focused(self) -> Focusable | None:
        return self.items[self.index] if self.index is not None and self.index < len(self.items) else None

    def clear(self) -> None:
        self._notify(False)
        self.items = []
        self.index = None

    def add(self, item: Focusable) -> Focusable:
        self.items.append(item)
        return item

    def focus(self, item_id: str, speak: bool = True) -> None:
        for i, item in enumerate(self.items):
            if item.id == item_id:
                self._move_to(i, speak)
                return
        raise KeyError(item_id)

    def focus_first(self, speak: bool = True) -> None:
        for i, item in enumerate(self.items):
            if item.enabled:
                self._move_to(i, speak)
                return

    def move(self, step: int) -> None:
        enabled = [i for i, item in enumerate(self.items) if item.enabled]
        if not enabled:
            return
        if self.index not in enabled:
            self._move_to(enabled[0] if step > 0 else enabled[-1], True)
            return
        position = enabled.index(self.index)
        self._move_to(enabled[(position + step) % len(enabled)], True)

    def move_towards(self, direction: tuple[int, int]) -> None:
        """An arrow key: to the nearest enabled thing in that direction; with nothing focused yet, the first."""
        enabled = [i for i, item in enumerate(self.items) if item.enabled]
        if not enabled:
            return
        if self.index not in enabled:
            self._move_to(enabled[0], True)
            return
        found = nearest_in_direction([self.items[i].rect for i in enabled], self.focused.rect, direction)
        if found is not None:
            self._move_to(enabled[found], True)

    def speak_focused(self) -> None:
        if self.focused is not None:
            self._say(self.focused.spoken())

    def _move_to(self, index: int, speak: bool) -> None:
        if index != self.index:
            self._notify(False)
            self.index = index
            self._notify(True)
        if speak:
            self.speak_focused()

    def _notify(self, gained: bool) -> None:
        item = self.focused
        if item is not None and item.on_focus is not None:
            item.on_focus(gained)

    def handle_key(self, event: pygame.event.Event) -> bool:
        """Handles a KEYDOWN; returns True if it was used (keys are never eaten with nothing to focus)."""
        if not self.items:
            return False
        key, shift = event.key, bool(event.mod & pygame.KMOD_SHIFT)
        item = self.focused
        text_field = item is not None and item.takes_text
        if key == pygame.K_TAB:
            self.visible = True
            self.move(-1 if shift else 1)
            return True
        if key in DIRECTIONS:
            if text_field and key in (pygame.K_LEFT, pygame.K_RIGHT):
                return False
            self.visible = True
            self.move_towards(DIRECTIONS[key])
            return True
        if key in self.ACTIVATE_KEYS and item is None:
            self.visible = True  # nothing focused yet (a question that waits for the child): Enter focuses
            self.focus_first()
            return self.focused is not None
        if key in self.ACTIVATE_KEYS and item is not None and item.enabled:
            if text_field and key == pygame.K_SPACE:
                return False
            self.visible = True
            item.activate()
            return True
        return False

    def draw(self, surface: pygame.Surface) -> None:
        """The theme's bands round the focused thing, from the outside in, the innermost touching it."""
        item = self.focused
        if item is None or not self.visible:
            return
        outset = sum(width for _, width in palette.FOCUS_RING)
        for color, width in palette.FOCUS_RING:
            # one pixel wider than the band, under the next: no gaps where rounded corners meet
            band = item.rect.inflate(2 * outset, 2 * outset)
            pygame.draw.rect(surface, color, band, width=width + (outset > width), border_radius=16 + outset)
            outset -= width
