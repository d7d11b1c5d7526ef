"""Loading pictures (SVG rendered once at the size needed, PNG, JPG) with a cache."""
from __future__ import annotations

import errno
import os
import shutil
import zlib
from pathlib import Path

import pygame

from ..paths import ASSETS
from .surface_cache import SurfaceLRU

PICTURE_BUDGET = 24 * 2**20  # a screen's pictures fit several times over; a whole tour of the levels does not
ROOM_FOR_PROGRESS = 64 * 2**20  # free bytes the picture cache never writes into: children's answers come first


def avatar_path(avatar: str) -> Path:
    return ASSETS / "avatars" / f"{avatar}.svg"


class ImageCache:
    """Pictures in memory; SVGs rendered at a size are also kept on disk (`disk_cache`), because
    rendering a full-screen SVG costs an old computer more than reading the finished picture."""

    def __init__(self, disk_cache: Path | None = None) -> None:
        self.disk_cache = disk_cache
        self._cache: SurfaceLRU[pygame.Surface | None] = SurfaceLRU(PICTURE_BUDGET)

    def flipped(self, path: Path, size: tuple[int, int]) -> pygame.Surface | None:
        """The picture mirrored left to right (a puppet turning to face the other way), cached."""
        key = (str(path) + "#flipped", size, False)
        if key not in self._cache:
            image = self.get(path, size)
            self._cache.put(key, pygame.transform.flip(image, True, False) if image is not None else None)
        return self._cache.get(key)

    def natural_size(self, path: Path) -> tuple[float, float] | None:
        """The picture's own size (an SVG's width and height), in which hotspot regions are given: read
        from the file's header, never by drawing it (an SVG may declare 20000×20000)."""
        from ..core.pictures import picture_info  # its patterns are compiled when a hotspot first needs them
        return picture_info(path).size

    def get(self, path: Path, size: tuple[int, int], opaque: bool = False) -> pygame.Surface | None:
        """The picture scaled to `size`, or None when it cannot be loaded (the caller draws a plain fill).
        `opaque` pictures (full-screen backgrounds) drop their alpha: blitting them costs half as much."""
        key = (str(path), size, opaque)
        if key not in self._cache:
            image = self._load(path, size)
            if opaque and image is not None and pygame.display.get_surface() is not None:
                image = image.convert()
            return self._cache.put(key, image)
        return self._cache.get(key)

    def _load(self, path: Path, size: tuple[int, int]) -> pygame.Surface | None:
        try:
            if path.suffix.lower() == ".svg":
                image = self._load_svg(path, size)
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

    def _load_svg(self, path: Path, size: tuple[int, int]) -> pygame.Surface:
        kept = self._kept_file(path, size)
        if kept is not None:
            try:  # its pixels as they are: reading them costs a start-up a tenth of decoding a TGA
                return pygame.image.frombytes(kept.read_bytes(), size, "RGBA")
            except (OSError, ValueError):
                pass  # not kept yet, or cut short by a power cut: render it again
        image = pygame.image.load_sized_svg(str(path), size)
        if image.get_size() != size:  # the SVG keeps its own proportions: kept at the size asked, as read back
            image = pygame.transform.smoothscale(image, size)
        if kept is not None:
            self._keep(image, kept)
        return image

    def _keep(self, image: pygame.Surface, kept: Path) -> None:
        """Written whole or not at all, and never into the room progress needs: on a disk nearly full, or
        after any failure to write, the cache is given up for this run (pictures are rendered again)."""
        data = pygame.image.tobytes(image, "RGBA")  # its pixels as they are (see _load_svg)
        part = kept.with_suffix(".part")
        try:
            kept.parent.mkdir(parents=True, exist_ok=True)
            if shutil.disk_usage(kept.parent).free - len(data) < ROOM_FOR_PROGRESS:
                self.give_up()
                return
            with open(part, "wb") as file:
                if file.write(data) != len(data):
                    raise OSError(errno.ENOSPC, "picture cut short")
            os.replace(part, kept)
        except OSError:
            part.unlink(missing_ok=True)
            self.give_up()

    def give_up(self) -> None:
        """No more pictures kept on disk in this run, and those kept are removed: progress needs the room
        more (the folder is documented as safe to delete)."""
        folder, self.disk_cache = self.disk_cache, None
        if folder is not None:
            shutil.rmtree(folder, ignore_errors=True)

    def _kept_file(self, path: Path, size: tuple[int, int]) -> Path | None:
        """Named after the file, its size and time of change and the size asked for: an edited SVG
        gets a new name, so a stale picture is never shown."""
        if self.disk_cache is None:
            return None
        try:
            stat = path.stat()
        except OSError:
            return None
        key = f"{path.resolve()}|{stat.st_mtime_ns}|{stat.st_size}|{size[0]}x{size[1]}"
        data = key.encode()  # two checksums, 64 bits: hashlib's OpenSSL costs the start-up a few ms
        return self.disk_cache / f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}.rgba"
