"""Small icons drawn with shapes (no font has them all): a padlock, a clock, a child, a book.

Each fits a square of `size` pixels whose top-left corner is `pos`, and is drawn in one colour, so that
it follows the theme (and high contrast) like the text beside it.
"""
from __future__ import annotations

import pygame


def draw_lock(surface: pygame.Surface, pos: tuple[int, int], size: int, color) -> None:
    x, y = pos
    line = max(2, size // 8)
    body = pygame.Rect(x + size * 0.12, y + size * 0.45, size * 0.76, size * 0.55)
    shackle = pygame.Rect(x + size * 0.25, y, size * 0.5, size * 0.75)
    pygame.draw.arc(surface, color, shackle, 0, 3.1416, line)
    for side in (shackle.left, shackle.right - line):
        pygame.draw.rect(surface, color, (side, shackle.centery - 1, line, body.top - shackle.centery + 2))
    pygame.draw.rect(surface, color, body, border_radius=max(2, size // 10))
    hole = (int(body.centerx), int(body.centery - size * 0.04))
    pygame.draw.circle(surface, _cut(color), hole, max(2, size // 10))


def _cut(color) -> tuple[int, int, int]:
    """A keyhole colour that stands out from the body whether it is dark or light."""
    r, g, b = color[:3]
    return (255, 255, 255) if r + g + b < 384 else (0, 0, 0)


def draw_clock(surface: pygame.Surface, pos: tuple[int, int], size: int, color) -> None:
    x, y = pos
    line = max(2, size // 9)
    center = (x + size // 2, y + size // 2)
    radius = size // 2 - 1
    pygame.draw.circle(surface, color, center, radius, line)
    pygame.draw.line(surface, color, center, (center[0], y + size * 0.22), line)
    pygame.draw.line(surface, color, center, (x + size * 0.74, center[1]), line)


def draw_child(surface: pygame.Surface, pos: tuple[int, int], size: int, color) -> None:
    x, y = pos
    head = max(3, round(size * 0.21))
    pygame.draw.circle(surface, color, (x + size // 2, y + head + 1), head)
    body = pygame.Rect(0, 0, round(size * 0.64), round(size * 0.46))
    body.midbottom = (x + size // 2, y + size)
    pygame.draw.rect(surface, color, body, border_top_left_radius=size // 3, border_top_right_radius=size // 3)


def draw_book(surface: pygame.Surface, pos: tuple[int, int], size: int, color) -> None:
    x, y = pos
    line = max(2, size // 10)
    left = pygame.Rect(x, y + size * 0.15, size // 2, size * 0.7)
    right = pygame.Rect(x + size // 2, y + size * 0.15, size // 2, size * 0.7)
    pygame.draw.rect(surface, color, left, line, border_top_left_radius=size // 6)
    pygame.draw.rect(surface, color, right, line, border_top_right_radius=size // 6)


def draw_backspace(surface: pygame.Surface, rect: pygame.Rect, color) -> None:
    """The erase key: an arrow-shaped box with a cross (fonts seldom have ⌫)."""
    cx, cy = rect.center
    pygame.draw.polygon(surface, color, [(cx - 28, cy), (cx - 12, cy - 16), (cx + 26, cy - 16),
                                         (cx + 26, cy + 16), (cx - 12, cy + 16)], width=4)
    pygame.draw.line(surface, color, (cx - 4, cy - 7), (cx + 12, cy + 7), 4)
    pygame.draw.line(surface, color, (cx - 4, cy + 7), (cx + 12, cy - 7), 4)
