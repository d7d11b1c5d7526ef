"""The window: a 1280x720 logical canvas shown in a window of any size, F11 for fullscreen.

When the window is exactly 1280x720 the game draws straight into it; otherwise it draws into an
off-screen canvas that is scaled into the window on frames that changed. pygame.SCALED is avoided
because it costs ~7 ms a frame on computers without a GPU driver.
"""
from __future__ import annotations

import os

import pygame

LOGICAL_SIZE = (1280, 720)


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
        self.window = self._open(window_size or self._windowed_size())
        self._scale = 1.0
        self._offset = (0, 0)
        self.canvas = self.window
        self._fit()

    @staticmethod
    def _windowed_size() -> tuple[int, int]:
        try:
            desk_w, desk_h = pygame.display.get_desktop_sizes()[0]
        except (pygame.error, IndexError):
            return LOGICAL_SIZE
        if desk_w >= LOGICAL_SIZE[0] + 40 and desk_h >= LOGICAL_SIZE[1] + 80:
            return LOGICAL_SIZE
        scale = min((desk_w - 40) / LOGICAL_SIZE[0], (desk_h - 80) / LOGICAL_SIZE[1])
        return max(320, int(LOGICAL_SIZE[0] * scale)), max(180, int(LOGICAL_SIZE[1] * scale))

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
        self.fullscreen = not self.fullscreen
        self.window = self._open(LOGICAL_SIZE)
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
