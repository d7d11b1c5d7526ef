"""What every scene shares: its widgets, its focus ring, Esc for back, and rebuilding on change."""
from __future__ import annotations

from pathlib import Path

import pygame

from ...paths import ASSETS
from .. import palette
from ..display import LOGICAL_SIZE
from ..focus import FocusRing
from ..widgets import Button

WIDTH, HEIGHT = LOGICAL_SIZE
MARGIN = 48
DECORATIVE = ASSETS / "backgrounds"


class Scene:
    """Lifecycle: enter() builds the widgets, exit() removes them; rebuild() keeps the focus."""

    name = "scene"
    unsaved_mark: tuple[int, int] | None = None  # bottom left of "not saved yet" while answers wait, if shown here

    def __init__(self, app) -> None:
        self.app = app
        self.tr = app.tr
        self.focus = FocusRing(app.say)
        self.widgets: list[Button] = []
        self.ui_elements: list = []  # other pygame-gui elements to kill on exit
        self._builds = 0
        self._backdrop: pygame.Surface | None = None
        self._backdrop_key: tuple | None = None

    # -- lifecycle --------------------------------------------------------------------------
    def enter(self) -> None:
        self.build()
        first = self.first_focus()
        self.focus.focus(first, speak=False) if first else self.focus.focus_first(speak=False)
        self.announce()

    def first_focus(self) -> str | None:
        """The widget focused when the screen opens (None: the first in reading order)."""
        return None

    def exit(self) -> None:
        self.teardown()
        self._backdrop = None  # 3.5 MB: a screen not shown does not keep it

    def rebuild(self, announce: bool = False) -> None:
        """Builds the widgets again (after a change of language or state), keeping the focus."""
        focused = self.focus.focused.id if self.focus.focused else None
        self.teardown()
        self.build()
        try:
            self.focus.focus(focused, speak=False) if focused else self.focus.focus_first(speak=False)
        except KeyError:
            self.focus.focus_first(speak=False)
        if announce:
            self.announce()

    def refresh(self, focus_id: str | None = None) -> None:
        """Something on screen changed (an item picked up, a card turned): build again and say what has focus."""
        self.rebuild()
        if focus_id is not None:
            try:
                self.focus.focus(focus_id)
                return
            except KeyError:
                pass
        self.focus.speak_focused()

    def teardown(self) -> None:
        self._builds += 1
        for widget in self.widgets:
            widget.kill()
        for element in self.ui_elements:
            element.kill()
        self.widgets, self.ui_elements = [], []
        self.focus.clear()
        self.app.garbage_waiting = True

    def build(self) -> None:
        raise NotImplementedError

    def announce(self) -> None:
        """Say what the screen is about, then the focused element."""
        heading = self.heading()
        if heading:
            self.app.say(heading)
        self.focus.speak_focused()

    def heading(self) -> str:
        return ""

    # -- input ------------------------------------------------------------------------------
    def handle_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_ESCAPE:
            self.back()
            return True
        return self.focus.handle_key(event)

    def handle_event(self, event: pygame.event.Event) -> bool:
        return False

    def back(self) -> None:
        """Esc: go back one screen."""

    def update(self, dt: float) -> bool:
        """Advance animations; return True while something moves."""
        return False

    # -- drawing ----------------------------------------------------------------------------
    def paint(self, surface: pygame.Surface) -> None:
        """Draws the screen under pygame-gui's widgets. What `draw` paints is kept as a backdrop and
        only painted again when `backdrop_key` (or the widgets, the focus, the theme or the language)
        changes; what moves is painted every frame by `draw_live`."""
        key = self.backdrop_key()
        if key is None:
            self.draw(surface)
        else:
            focused = self.focus.focused
            key = (key, self._builds, focused.id if focused else None, self.focus.visible, palette.current,
                   self.app.lang)
            if self._backdrop is None or self._backdrop.get_size() != surface.get_size():
                self._backdrop, self._backdrop_key = pygame.Surface(surface.get_size()), None
            if key != self._backdrop_key:
                self.draw(self._backdrop)
                self._backdrop_key = key
            elif self.app.verifying:
                self._verify_backdrop()
            surface.blit(self._backdrop, (0, 0))
        self.draw_live(surface)

    def forget_drawings(self) -> None:
        """The next frame paints everything afresh: the backdrop and every button's picture."""
        self._backdrop_key = None
        for widget in self.widgets:
            widget.forget_drawing()

    def _verify_backdrop(self) -> None:
        """Tests: a kept backdrop must look exactly like one painted afresh, or a key is missing."""
        fresh = pygame.Surface(self._backdrop.get_size())
        self.draw(fresh)
        if pygame.image.tobytes(fresh, "RGB") != pygame.image.tobytes(self._backdrop, "RGB"):
            raise AssertionError(f"{type(self).__name__}: the kept backdrop is stale; backdrop_key() misses a change")

    def backdrop_key(self) -> tuple | None:
        """What the static part of the screen depends on beyond its widgets; None paints every frame."""
        return None

    def draw(self, surface: pygame.Surface) -> None:
        """The static part of the screen."""
        surface.fill(palette.PAPER)

    def draw_live(self, surface: pygame.Surface) -> None:
        """What moves (a timer bar, an animation): painted every frame over the backdrop."""

    def draw_overlay(self, surface: pygame.Surface) -> None:
        for widget in self.widgets:
            widget.draw(surface)
        self.focus.draw(surface)

    def draw_background(self, surface: pygame.Surface, path: Path | None, fallback=None) -> None:
        """A full-screen picture. The game's own decorative ones (the beige map, the title's hills) give
        way to the theme's plain colour in high contrast; a level's scenery stays."""
        if path is not None and palette.current == "high_contrast" and path.parent == DECORATIVE:
            path = None
        image = self.app.images.get(path, LOGICAL_SIZE, opaque=True) if path is not None else None
        if image is None:
            surface.fill(fallback or palette.STEPPE_BLUE)
        else:
            surface.blit(image, (0, 0))

    def button(self, widget_id: str, rect, label: str, on_press, **options) -> Button:
        return Button(self, widget_id, rect, label, on_press, **options)
