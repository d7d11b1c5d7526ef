"""Kiosk mode (`run_game.py play --kiosk`, or the computer setting): fullscreen; closing the window,
Alt+F4 and Esc on the title ask for the leader's PIN; after some idle minutes the game counts down
gently, then goes back to the profile screen for the next child (every answer is already kept)."""
from __future__ import annotations

import pygame

from ..core.club.kiosk import IdleClock
from . import palette

INPUT = (pygame.KEYDOWN, pygame.MOUSEBUTTONDOWN, pygame.MOUSEWHEEL, pygame.FINGERDOWN, pygame.TEXTINPUT)
STAYS = ("title", "profiles")  # the screens the idle return leads to anyway


class KioskGuard:
    def __init__(self, app, idle_minutes: int) -> None:
        self.app = app
        self.clock = IdleClock(idle_minutes)
        self._told = False  # the countdown was announced
        self._shown = -1  # the seconds drawn last

    def leave(self) -> None:
        """Quitting asks for the leader's PIN first (the PIN screen itself can be left with Esc)."""
        if self.app.scene is not None and self.app.scene.name == "leader_pin":
            return
        self.app.open("leader_pin", on_success=self._quit)

    def _quit(self) -> None:
        self.app.running = False

    def guard_quit(self) -> bool:
        """The window's close button or Alt+F4: True when the guard took it (the PIN is asked)."""
        self.leave()
        return True

    def tick(self, events: list, dt: float) -> None:
        if any(event.type in INPUT for event in events):
            if self._told:
                self.app.say(self.app.tr("kiosk.stay"))
            self.clock.touched()
            self._told = False
            return
        scene = self.app.scene
        if scene is None or scene.name in STAYS:
            self.clock.touched()
            return
        self.clock.advance(dt)
        if self.clock.expired:
            self._return()
        elif self.clock.counting:
            if not self._told:
                self._told = True
                self.app.say(self.app.tr("kiosk.countdown", seconds=self.clock.seconds_left))
            if self.clock.seconds_left != self._shown:
                self._shown = self.clock.seconds_left
                self.app.invalidate()

    def _return(self) -> None:
        """To the profile screen, with nobody chosen: the screens under this one are dropped."""
        self.clock.touched()
        self._told = False
        app = self.app
        del app.scenes[:-1]
        app.profile = None
        app.end_visit()
        app.show("profiles")
        app.say(app.tr("kiosk.returned"))

    def draw(self, canvas: pygame.Surface) -> None:
        if not self.clock.counting or not self._told:
            return
        tr = self.app.text
        message = self.app.tr("kiosk.countdown", seconds=self.clock.seconds_left)
        box = pygame.Rect(140, 250, 1000, 220)
        pygame.draw.rect(canvas, palette.PAPER, box, border_radius=20)
        pygame.draw.rect(canvas, palette.SUN_GOLD, box, width=6, border_radius=20)
        size = tr.fitting_size(message, 36, box.width - 80, box.height - 60, bold=True)
        _, height = tr.measure(message, size, box.width - 80, bold=True)
        tr.draw(canvas, message, (box.x + 40, box.centery - height // 2), size, palette.INK, box.width - 80,
                bold=True, align="center")


def enable_kiosk(app, idle_minutes: int) -> KioskGuard:
    app.kiosk = KioskGuard(app, idle_minutes)
    if not app.display.fullscreen:
        app.display.toggle_fullscreen()
    return app.kiosk
