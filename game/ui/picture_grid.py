"""`run_game.py picture-grid`: a picture of a pack with a labelled grid of its own pixels over it, to read
off the [x, y] of a place for a hotspot region."""
from __future__ import annotations

import os
from pathlib import Path

LONGEST_SIDE = 1600                 # the picture is drawn this big (or as big as fits 1600×1000)
MOST_LINES = 16                     # grid lines across the longer side at most
STEPS = (5, 10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000, 5000)
MARGIN = 64                         # room for the numbers at the top and on the left
EDGE = 2                            # room for the last lines, at the right and bottom edges


def grid_step(width: float, height: float) -> int:
    """The smallest round step that draws at most MOST_LINES lines across the picture."""
    return next((step for step in STEPS if max(width, height) / step <= MOST_LINES), STEPS[-1])


def write_grid(picture: Path, out: Path, step: int | None = None) -> tuple[int, int, int]:
    """Writes the PNG; returns the picture's own width and height and the grid step. pygame.error or
    OSError when the picture cannot be read or the PNG written."""
    os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
    import pygame

    from . import palette
    from .text import FONT_FILES
    from ..core.pictures import picture_info
    pygame.font.init()
    own = picture_info(picture).size if picture.suffix.lower() == ".svg" else None
    loaded = None if own else pygame.image.load(str(picture))  # an SVG is drawn once, at the size shown
    width, height = (round(own[0]), round(own[1])) if own else loaded.get_size()  # as ImageCache.natural_size
    scale = min(LONGEST_SIDE / width, LONGEST_SIDE * 5 / 8 / height)
    shown = (max(1, round(width * scale)), max(1, round(height * scale)))
    if picture.suffix.lower() == ".svg":
        image = pygame.image.load_sized_svg(str(picture), shown)
    else:
        full = pygame.Surface(loaded.get_size(), pygame.SRCALPHA, 32)  # smoothscale needs 32 bits a pixel
        full.blit(loaded, (0, 0))
        image = pygame.transform.smoothscale(full, shown)
    step = step or grid_step(width, height)
    canvas = pygame.Surface((shown[0] + MARGIN + EDGE, shown[1] + MARGIN + EDGE))
    canvas.fill(palette.PAPER)
    canvas.blit(image, (MARGIN, MARGIN))
    font = pygame.font.Font(str(FONT_FILES["noto_sans"][True]), 18)
    for axis, length in ((0, width), (1, height)):
        value = 0
        while value <= length:
            at = MARGIN + round(value * scale)
            start, end = ((at, MARGIN), (at, MARGIN + shown[1])) if axis == 0 else ((MARGIN, at), (MARGIN + shown[0], at))
            pygame.draw.line(canvas, palette.PAPER, start, end, 3)  # a light edge, so that the line shows on
            pygame.draw.line(canvas, palette.INK, start, end, 1)    # dark and light parts of the picture
            label = font.render(str(value), True, palette.INK)
            if axis == 0:
                canvas.blit(label, (min(at - label.get_width() // 2, canvas.get_width() - label.get_width()), 8))
            else:
                canvas.blit(label, (MARGIN - 8 - label.get_width(), min(at - label.get_height() // 2,
                                                                       canvas.get_height() - label.get_height())))
            value += step
    out.parent.mkdir(parents=True, exist_ok=True)
    pygame.image.save(canvas, str(out))
    return width, height, step
