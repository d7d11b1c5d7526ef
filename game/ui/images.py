"""Loading pictures (SVG rendered once at the size needed, PNG, JPG) with a cache."""
from __future__ import annotations

from pathlib import Path

import pygame


class ImageCache:
    def __init__(self) -> None:
        self._cache: dict[tuple[str, tuple[int, int]], pygame.Surface | None] = {}
        self._natural: dict[str, tuple[int, int] | None] = {}

    def flipped(self, path: Path, size: tuple[int, int]) -> pygame.Surface | None:
        """The picture mirrored left to right (a puppet turning to face the other way), cached."""
        key = (str(path) + "#flipped", size, False)
        if key not in self._cache:
            image = self.get(path, size)
            self._cache[key] = pygame.transform.flip(image, True, False) if image is not None else None
        return self._cache[key]

    def natural_size(self, path: Path) -> tuple[int, int] | None:
        """The picture's own size (an SVG's width and height), in which hotspot regions are given."""
        key = str(path)
        if key not in self._natural:
            try:
                self._natural[key] = pygame.image.load(key).get_size()
            except (pygame.error, OSError, FileNotFoundError):
                self._natural[key] = None
        return self._natural[key]

    def get(self, path: Path, size: tuple[int, int], opaque: bool = False) -> pygame.Surface | None:
        """The picture scaled to `size`, or None when it cannot be loaded (the caller draws a plain fill).
        `opaque` pictures (full-screen backgrounds) drop their alpha: blitting them costs half as much."""
        key = (str(path), size, opaque)
        if key not in self._cache:
            image = self._load(path, size)
            if opaque and image is not None and pygame.display.get_surface() is not None:
                image = image.convert()
            self._cache[key] = image
        return self._cache[key]

    @staticmethod
    def _load(path: Path, size: tuple[int, int]) -> pygame.Surface | None:
        try:
            if path.suffix.lower() == ".svg":
                image = pygame.image.load_sized_svg(str(path), size)
            else:
                image = pygame.image.load(str(path))
        except (pygame.error, OSError, FileNotFoundError):
            return None
        if image.get_size() != size:
            image = pygame.transform.smoothscale(image.convert_alpha() if pygame.display.get_surface() else image,
                                                 size)
        if pygame.display.get_surface() is not None:
            image = image.convert_alpha()
        return image
