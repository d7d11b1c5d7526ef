"""The window: a 1280x720 logical canvas shown in a window of any size, F11 for fullscreen.

When the window is exactly 1280x720 the game draws straight into it; otherwise it draws into an
off-screen canvas that is scaled into the window on frames that changed. pygame.SCALED is avoided
because it costs ~7 ms a frame on computers without a GPU driver.
"""
from __future__ import annotations

import os

import pygame

LOGICAL_SIZE = (1280, 720)
# window sizes that map canvas pixels to whole window pixels in short repeats (1:1, 4:3, 2:1), so that text
# stays sharp; the window's frame and a task bar take up to this much of the screen's height
WINDOW_SCALES = (1.0, 0.75, 0.5)
FRAME_ROOM = (0, 60)


def windowed_size(desktop: tuple[int, int]) -> tuple[int, int]:
    """The window for a screen of this size: 1280x720 when it fits with its frame, else the largest
    integer-friendly smaller size (a 1280x800 screen gets 1280x720, not a resampled 1240x697)."""
    room_w, room_h = desktop[0] - FRAME_ROOM[0], desktop[1] - FRAME_ROOM[1]
    for scale in WINDOW_SCALES:
        size = (int(LOGICAL_SIZE[0] * scale), int(LOGICAL_SIZE[1] * scale))
        if size[0] <= room_w and size[1] <= room_h:
            return size
    return int(LOGICAL_SIZE[0] * WINDOW_SCALES[-1]), int(LOGICAL_SIZE[1] * WINDOW_SCALES[-1])


def prepare_environment() -> None:
    """Before pygame.display starts: take SDL's fast software path (0.6 ms a flip instead of 6 ms
    under software OpenGL). OLKETANU_GPU=1 keeps SDL's default."""
    if os.environ.get("OLKETANU_GPU") != "1":
        os.environ.setdefault("SDL_FRAMEBUFFER_ACCELERATION", "0")


class Display:
    def __init__(self, fullscreen: bool = False, window_size: tuple[int, int] | None = None) -> None:
        prepare_environment()
        pygame.display.init()
        pygame.display.set_caption("Ölketanu")
        self.fullscreen = fullscreen
        self._windowed = window_size or self._windowed_size()  # the size F11 comes back to
        self.window = self._open(self._windowed)
        self._scale = 1.0
        self._offset = (0, 0)
        self.canvas = self.window
        self._fit()

    @staticmethod
    def _windowed_size() -> tuple[int, int]:
        try:
            desktop = pygame.display.get_desktop_sizes()[0]
        except (pygame.error, IndexError):
            return LOGICAL_SIZE
        return windowed_size(desktop)

    def _open(self, size: tuple[int, int]) -> pygame.Surface:
        if self.fullscreen:
            return pygame.display.set_mode((0, 0), pygame.FULLSCREEN)
        return pygame.display.set_mode(size, pygame.RESIZABLE)

    def _fit(self) -> None:
        size = self.window.get_size()
        if size == LOGICAL_SIZE:
            self.canvas = self.window
            self._scale, self._offset = 1.0, (0, 0)
            return
        if self.canvas is self.window:
            self.canvas = pygame.Surface(LOGICAL_SIZE).convert()
        self._scale = min(size[0] / LOGICAL_SIZE[0], size[1] / LOGICAL_SIZE[1])
        shown = (int(LOGICAL_SIZE[0] * self._scale), int(LOGICAL_SIZE[1] * self._scale))
        self._offset = ((size[0] - shown[0]) // 2, (size[1] - shown[1]) // 2)

    def toggle_fullscreen(self) -> None:
        """F11: fullscreen, and back to the window's size before it."""
        if not self.fullscreen:
            self._windowed = self.window.get_size()
        self.fullscreen = not self.fullscreen
        self.window = self._open(self._windowed)
        self._fit()

    def resized(self, size: tuple[int, int]) -> None:
        if not self.fullscreen:
            self.window = pygame.display.get_surface() or self._open(size)
            self._fit()

    def to_canvas(self, pos: tuple[int, int]) -> tuple[int, int]:
        return (int((pos[0] - self._offset[0]) / self._scale), int((pos[1] - self._offset[1]) / self._scale))

    def to_window(self, pos: tuple[int, int]) -> tuple[int, int]:
        return (int(pos[0] * self._scale + self._offset[0]), int(pos[1] * self._scale + self._offset[1]))

    def present(self) -> None:
        if self.canvas is not self.window:
            shown = (int(LOGICAL_SIZE[0] * self._scale), int(LOGICAL_SIZE[1] * self._scale))
            self.window.fill((0, 0, 0))
            pygame.transform.scale(self.canvas, shown, self.window.subsurface((*self._offset, *shown)))
        pygame.display.flip()
