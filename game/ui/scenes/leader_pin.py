"""The club leader's PIN, asked before this computer's defaults can be changed. On a fresh install the
screen says plainly that the club leader chooses the first one (typed twice); where a PIN was lost or
damaged it opens nothing (the leader sets it with `leader-pin --set`, in the README). Digits come from
the keyboard or the on-screen pad; Enter tries the PIN."""
from __future__ import annotations

from typing import Callable

import pygame

from ...core.leader import LeaderLock, PinState
from ...paths import ASSETS
from .. import palette, text
from ..widgets import panel
from .base import Scene

BOX = pygame.Rect(80, 40, 1120, 640)
PAD_X, PAD_Y, KEY_W, KEY_H, GAP = 760, 130, 120, 96, 16
PAD = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "erase", "0", "ok")
DIGIT_KEYS = {getattr(pygame, f"K_{prefix}{d}"): str(d) for d in range(10) for prefix in ("", "KP_")}
MAX_TYPED = 6


class LeaderPinScene(Scene):
    name = "leader_pin"

    def __init__(self, app, on_success: Callable[[], None]) -> None:
        super().__init__(app)
        self.on_success = on_success
        self.lock = LeaderLock(app.store, app.leader_tries)
        self.digits = ""
        self.message = ""

    def heading(self) -> str:
        return f"{self.tr(self._title_key())}. {self.tr(self._explain_key())}"

    @property
    def creating(self) -> bool:
        return self.lock.creating

    @property
    def locked(self) -> bool:
        """No PIN can be typed here: only the leader's command sets one."""
        return self.lock.state is PinState.NEEDS_LEADER

    def _title_key(self) -> str:
        return "leader.heading_create" if self.creating else "leader.heading_check"

    def _explain_key(self) -> str:
        if self.creating:
            return "leader.again" if self.lock.first else "leader.explain_create"
        return "leader.explain_needs_leader" if self.locked else "leader.explain_check"

    def build(self) -> None:
        for i, name in enumerate(() if self.locked else PAD):
            col, row = i % 3, i // 3
            rect = (PAD_X + col * (KEY_W + GAP), PAD_Y + row * (KEY_H + GAP), KEY_W, KEY_H)
            label = self.tr(f"leader.{name}") if not name.isdigit() else name
            action = (self._erase if name == "erase" else self._submit if name == "ok"
                      else lambda d=name: self._type(d))
            self.button(f"key_{name}", rect, label, action, style="@primary" if name == "ok" else "@button",
                        size=text.HEADING - 8 if name.isdigit() else text.SMALL + 2)
        self.button("cancel", (BOX.x + 40, BOX.bottom - 104, 280, 72), self.tr("leader.cancel"), self.back)

    def first_focus(self) -> str | None:
        return "cancel" if self.locked else None

    # -- input ------------------------------------------------------------------------------
    def handle_key(self, event) -> bool:
        if self.locked:
            return super().handle_key(event)
        if event.key in DIGIT_KEYS:
            self._type(DIGIT_KEYS[event.key])
            return True
        if event.key == pygame.K_BACKSPACE:
            self._erase()
            return True
        if event.key in (pygame.K_RETURN, pygame.K_KP_ENTER):  # Enter always tries the PIN; Space presses keys
            self._submit()
            return True
        return super().handle_key(event)

    def _type(self, digit: str) -> None:
        if len(self.digits) < MAX_TYPED:
            self.digits += digit
        self.message = ""
        self.app.say(self.tr("leader.typed", count=len(self.digits)))  # never the digits themselves
        self.app.invalidate()

    def _erase(self) -> None:
        self.digits = self.digits[:-1]
        self.app.say(self.tr("leader.typed", count=len(self.digits)))
        self.app.invalidate()

    def _submit(self) -> None:
        typed, self.digits = self.digits, ""
        self.app.invalidate()
        verdict = self.app.save(self.lock.submit, typed, self.app.clock())
        if verdict is None:
            return  # the disk refused to keep a new PIN: the player has been told by app.save
        if verdict.message == "leader.again":  # the explanation now asks for it again: said, not repeated in red
            self.message = ""
            return self.app.say(self.tr("leader.again"))
        if not verdict.opened:
            return self._tell(verdict.message, **dict(verdict.values))
        if verdict.message:
            self.app.notice(self.tr(verdict.message))
        self._open()

    def _tell(self, key: str, **values) -> None:
        self.message = self.tr(key, **values)
        self.app.say(self.message)

    def _open(self) -> None:
        self.app.pop()
        self.on_success()

    def back(self) -> None:
        self.app.pop()

    # -- drawing ----------------------------------------------------------------------------
    def backdrop_key(self) -> tuple:
        return (self.lock.state, self.lock.first, len(self.digits), self.message)

    def draw(self, surface) -> None:
        self.draw_background(surface, ASSETS / "backgrounds" / "map.svg", palette.PAPER)
        panel(surface, BOX)
        tr = self.app.text
        left, width = BOX.x + 40, PAD_X - BOX.x - 80
        title = self.tr(self._title_key())
        y = tr.draw(surface, title, (left, BOX.y + 28), tr.fitting_size(title, 40, width, 120, bold=True),
                    palette.INK, width, bold=True).bottom + 16
        explain = self.tr(self._explain_key())
        room = BOX.bottom - 130 - y if self.locked else 170  # locked: no dots, no message under it
        y = tr.draw(surface, explain, (left, y), tr.fitting_size(explain, text.BODY, width, room), palette.INK,
                    width).bottom + 24
        if self.locked:
            return
        self._draw_dots(surface, pygame.Rect(left, y, width, 84))
        if self.message:
            tr.draw(surface, self.message, (left, y + 104), tr.fitting_size(self.message, text.BODY, width, 90,
                                                                            bold=True),
                    palette.FELT_RED, width, bold=True)

    def _draw_dots(self, surface, box: pygame.Rect) -> None:
        """One dot a digit typed, and empty places up to the longest PIN: never the digits."""
        pygame.draw.rect(surface, palette.PAPER, box, border_radius=14)
        pygame.draw.rect(surface, palette.INK, box, width=3, border_radius=14)
        step = (box.width - 40) // MAX_TYPED
        for i in range(MAX_TYPED):
            center = (box.x + 20 + step * i + step // 2, box.centery)
            if i < len(self.digits):
                pygame.draw.circle(surface, palette.INK, center, 16)
            else:
                pygame.draw.circle(surface, palette.MUTED_INK, center, 16, width=3)
