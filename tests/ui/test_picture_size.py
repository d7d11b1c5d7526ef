"""A picture is drawn at the size it is shown, whatever size its file declares."""
import os

os.environ.setdefault("SDL_VIDEODRIVER", "dummy")
import pygame
import pytest

from game.ui.images import ImageCache
from game.ui.picture_grid import MARGIN, write_grid

HUGE = ('<svg xmlns="http://www.w3.org/2000/svg" width="20000" height="10000">'
        '<rect width="20000" height="10000" fill="#c00000"/><rect width="10000" height="10000" fill="#0000c0"/></svg>')


@pytest.fixture
def drawn_sizes(monkeypatch):
    """Every size an SVG is drawn at; an SVG loaded without a size would be drawn at its own."""
    sizes = []
    sized, plain = pygame.image.load_sized_svg, pygame.image.load

    def load_sized_svg(path, size):
        sizes.append(tuple(size))
        return sized(path, size)

    def load(path, *args):
        if str(path).endswith(".svg"):
            sizes.append("its own size")
        return plain(path, *args)
    monkeypatch.setattr(pygame.image, "load_sized_svg", load_sized_svg)
    monkeypatch.setattr(pygame.image, "load", load)
    return sizes


def test_a_huge_svg_is_drawn_only_at_the_size_shown(tmp_path, drawn_sizes):
    pygame.display.init()
    pygame.display.set_mode((64, 64))
    path = tmp_path / "huge.svg"
    path.write_text(HUGE, encoding="utf-8")
    images = ImageCache(tmp_path / "cache")
    assert images.natural_size(path) == (20000, 10000)  # hotspot regions are given in these pixels
    picture = images.get(path, (620, 310))
    assert picture.get_size() == (620, 310)
    assert picture.get_at((100, 150))[:3] == (0, 0, 0xC0) and picture.get_at((520, 150))[:3] == (0xC0, 0, 0)
    assert drawn_sizes == [(620, 310)]


def test_the_picture_grid_of_a_huge_svg_draws_it_at_the_grids_size(tmp_path, drawn_sizes):
    path = tmp_path / "huge.svg"
    path.write_text(HUGE, encoding="utf-8")
    width, height, step = write_grid(path, tmp_path / "grid.png")
    assert (width, height, step) == (20000, 10000, 2000)
    grid = pygame.image.load(str(tmp_path / "grid.png"))
    assert drawn_sizes == [(1600, 800)]
    assert grid.get_at((MARGIN + 500, MARGIN + 130))[:3] == (0, 0, 0xC0)
    assert grid.get_at((MARGIN + 1300, MARGIN + 130))[:3] == (0xC0, 0, 0)
