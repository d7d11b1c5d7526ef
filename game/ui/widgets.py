"""Buttons: a pygame-gui UIButton for pointer input, states and theme colours, drawn by us (a rounded
body without pygame-gui's 4x supersampled shapes, which cost 20-50 MB and tens of ms each time a
screen is built), with our label and a focus entry."""
from __future__ import annotations

from typing import Any, Callable, Protocol

import pygame
import pygame_gui
from pygame_gui.core import ObjectID

from . import palette, text
from .focus import Focusable, FocusRing


class ButtonHost(Protocol):
    """The screen a button is on: its app (services), its focus ring and its list of widgets."""

    app: Any
    focus: FocusRing
    widgets: list

Painter = Callable[[pygame.Surface, pygame.Rect], None]
COLOUR_KEY = (255, 0, 254)  # a colour no theme uses: the clear pixels of a button's picture
PAINT_MARGIN = 24  # painters may reach a little past the button (a badge on its corner)


class Button:
    """A pressable thing. Mouse, touch and keyboard all end in `press()`, which calls `on_press`."""

    def __init__(self, scene: ButtonHost, widget_id: str, rect: pygame.Rect | tuple, label: str,
                 on_press: Callable[[], None], *, spoken: str | None = None, style: str = "@button",
                 size: int = text.BODY, enabled: bool = True, paint: Painter | None = None,
                 lang: str | None = None) -> None:
        self.scene = scene
        self.lang = lang  # the label's language when it is not the game's (a language's own name)
        self.id = widget_id
        self.label = label
        self.on_press = on_press
        self.size = size
        self.style = style
        self.paint = paint
        self._painted: tuple[pygame.Surface, tuple[int, int]] | None = None
        self._painted_key: tuple | None = None
        self.ui = pygame_gui.elements.UIButton(
            pygame.Rect(rect), "", manager=scene.app.ui,
            object_id=ObjectID(object_id=f"#{widget_id}", class_id=style), command=self._clicked)
        self.ui.drawn_by_game = True  # CanvasUIManager.draw_ui leaves it to `draw`
        self.focusable = scene.focus.add(Focusable(widget_id, self.ui.rect, lambda: spoken or label,
                                                   self.press, enabled))
        self.set_enabled(enabled)
        scene.widgets.append(self)

    @property
    def rect(self) -> pygame.Rect:
        return self.ui.rect

    @property
    def enabled(self) -> bool:
        return self.focusable.enabled

    def set_enabled(self, enabled: bool) -> None:
        self.focusable.enabled = enabled
        if enabled:
            self.ui.enable()
        else:
            self.ui.disable()

    def _clicked(self) -> None:
        self.scene.focus.visible = False  # a pointer user: no ring until a key is pressed
        self.scene.focus.focus(self.id, speak=False)
        self.press()

    def press(self) -> None:
        if self.enabled:
            self.scene.app.sounds.play("tap")
            self.on_press()

    def kill(self) -> None:
        self.ui.kill()

    def draw(self, surface: pygame.Surface) -> None:
        """The label or picture over pygame-gui's button, painted once into a surface of its own and
        kept until the label, the state, the theme or the text settings change (or the screen is rebuilt)."""
        if not self.ui.visible:
            return
        tr = self.scene.app.text
        key = (self.label, self.enabled, self.state(), palette.current, tr.scale, tr.spacing, tr.letter_spacing,
               tr.family, tr.shown(self.label, self.lang), self.rect.size, self.scene._builds)
        if key != self._painted_key:
            self._painted, self._painted_key = self._paint_alone(), key
        elif self.scene.app.verifying:
            fresh, offset = self._paint_alone()
            if offset != self._painted[1] or (
                    pygame.image.tobytes(fresh, "RGBA") != pygame.image.tobytes(self._painted[0], "RGBA")):
                raise AssertionError(f"button {self.id}: its kept picture is stale; rebuild the screen on change")
        picture, (dx, dy) = self._painted
        surface.blit(picture, (self.rect.x + dx, self.rect.y + dy))

    def forget_drawing(self) -> None:
        self._painted_key = None

    def _paint_alone(self) -> tuple[pygame.Surface, tuple[int, int]]:
        """The painting, cut to what was painted (blitting transparent pixels costs as much as any),
        and where it goes from the button's corner."""
        width, height = self.rect.size
        picture = pygame.Surface((width + 2 * PAINT_MARGIN, height + 2 * PAINT_MARGIN), pygame.SRCALPHA)
        local = pygame.Rect(PAINT_MARGIN, PAINT_MARGIN, width, height)
        self._draw_body(picture, local)
        if self.paint is not None:
            self.paint(picture, local)
        else:
            self._draw_label(picture, local)
        used = picture.get_bounding_rect()
        return _fast_to_blit(picture.subsurface(used)), (used.x - PAINT_MARGIN, used.y - PAINT_MARGIN)

    def state(self) -> str:
        """pygame-gui's state of the button, which picks its colours from the theme."""
        ui = self.ui
        if not ui.is_enabled:
            return "disabled"
        if ui.held:
            return "active"
        if ui.is_selected:
            return "selected"
        return "hovered" if ui.hovered else "normal"

    def _draw_body(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        colours, state = self.ui.colours, self.state()
        radius = self.ui.shape_corner_radius
        radius = radius[0] if isinstance(radius, (list, tuple)) else radius
        border = self.ui.border_width
        border = border["left"] if isinstance(border, dict) else border
        pygame.draw.rect(surface, colours[f"{state}_bg"], rect, border_radius=radius)
        if border:
            pygame.draw.rect(surface, colours[f"{state}_border"], rect, width=border, border_radius=radius)

    def _draw_label(self, surface: pygame.Surface, rect: pygame.Rect) -> None:
        color = palette.INK if self.enabled else palette.MUTED_INK
        tr = self.scene.app.text
        inner = rect.inflate(-24, -8)
        size = tr.fitting_size(self.label, self.size, inner.width, inner.height, bold=True, lang=self.lang)
        _, height = tr.measure(self.label, size, inner.width, bold=True, lang=self.lang)
        top = rect.centery - height // 2
        tr.draw(surface, self.label, (inner.x, top), size, color, inner.width, bold=True, align="center",
                lang=self.lang)


def _fast_to_blit(picture: pygame.Surface) -> pygame.Surface:
    """A picture whose pixels are all either clear or solid (a button body with text on it, and its
    square-cut corners) blits several times faster as an opaque surface with a colour key than with
    per-pixel alpha; one with soft edges (an SVG reaching past the body) keeps its alpha."""
    if pygame.mask.from_surface(picture, 0).count() != pygame.mask.from_surface(picture, 254).count():
        return picture.convert_alpha()
    keyed = pygame.Surface(picture.get_size())
    keyed.fill(COLOUR_KEY)
    keyed.blit(picture, (0, 0))
    keyed.set_colorkey(COLOUR_KEY, pygame.RLEACCEL)
    return keyed.convert()


def draw_star(surface: pygame.Surface, center: tuple[int, int], radius: int, filled: bool) -> None:
    """A five-pointed star: filled gold for a star won, an outline for one not yet won."""
    import math
    cx, cy = center
    points = []
    for i in range(10):
        r = radius if i % 2 == 0 else radius * 0.45
        angle = -math.pi / 2 + i * math.pi / 5
        points.append((cx + r * math.cos(angle), cy + r * math.sin(angle)))
    if filled:
        pygame.draw.polygon(surface, palette.SUN_GOLD, points)
        pygame.draw.polygon(surface, palette.INK, points, width=max(2, radius // 10))
    else:
        pygame.draw.polygon(surface, palette.GRANITE, points, width=max(2, radius // 10))


def draw_stars(surface: pygame.Surface, center: tuple[int, int], count: int, radius: int) -> None:
    gap = radius * 2 + radius // 2
    for i in range(3):
        draw_star(surface, (center[0] + (i - 1) * gap, center[1]), radius, i < count)


def panel(surface: pygame.Surface, rect: pygame.Rect, color=None, border=None) -> None:
    pygame.draw.rect(surface, color or palette.PAPER, rect, border_radius=18)
    pygame.draw.rect(surface, border or palette.INK, rect, width=3, border_radius=18)
