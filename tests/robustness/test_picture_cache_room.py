"""The picture cache never takes the room progress needs (#20 item 3): it is the first thing given up, and a
picture cut short by a full disk is never kept."""
from __future__ import annotations

import builtins
import errno
from collections import namedtuple

import pygame
import pytest

import game.ui.images as images
from game.paths import ASSETS, LEVELS
from game.ui.images import ImageCache

PICTURE = ASSETS / "backgrounds" / "title.svg"
Usage = namedtuple("Usage", "total used free")


@pytest.fixture
def pictures():
    pygame.init()
    yield
    pygame.quit()


def kept(folder):
    return sorted(p.name for p in folder.rglob("*")) if folder.exists() else []


def test_a_picture_is_kept_whole_when_there_is_room(tmp_path, pictures):
    cache = ImageCache(tmp_path / "cache")
    image = cache.get(PICTURE, (320, 180))
    files = kept(tmp_path / "cache")
    assert len(files) == 1 and files[0].endswith(".rgba") and ".part" not in files[0]
    again = ImageCache(tmp_path / "cache").get(PICTURE, (320, 180))
    assert again.get_size() == image.get_size() == (320, 180)


def test_a_disk_nearly_full_keeps_no_picture(tmp_path, pictures, monkeypatch):
    ImageCache(tmp_path / "cache").get(PICTURE, (160, 90))  # one kept from before
    monkeypatch.setattr(images.shutil, "disk_usage", lambda path: Usage(10**9, 10**9 - 2**20, 2**20))
    cache = ImageCache(tmp_path / "cache")
    assert cache.get(PICTURE, (320, 180)).get_size() == (320, 180)  # still drawn
    assert kept(tmp_path / "cache") == [] and cache.disk_cache is None  # given up, its files freed


def test_a_picture_cut_short_by_a_full_disk_is_not_kept(tmp_path, pictures, monkeypatch):
    real_open = builtins.open

    class Full:
        def __init__(self, file):
            self.file = file

        def write(self, data):
            self.file.write(data[: len(data) // 2])
            raise OSError(errno.ENOSPC, "No space left on device")

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.file.close()

    def opening(path, mode="r", *args, **kwargs):
        file = real_open(path, mode, *args, **kwargs)
        return Full(file) if "w" in mode and str(path).endswith(".part") else file
    monkeypatch.setattr(builtins, "open", opening)
    cache = ImageCache(tmp_path / "cache")
    assert cache.get(PICTURE, (320, 180)).get_size() == (320, 180)
    assert kept(tmp_path / "cache") == []  # neither the half picture nor its part file
    assert cache.disk_cache is None


def test_a_full_disk_for_progress_gives_the_picture_cache_up_first(tmp_path):
    from game.testing import run_test
    from pilot_steps import create_profile
    from test_storage_errors import FailingConnection
    with run_test(tmp_path / "data", language="en") as pilot:
        create_profile(pilot, "Dana", "owl")
        folder = tmp_path / "data" / "cache" / "pictures"
        assert kept(folder)  # the map's pictures were kept
        store = pilot.app.store
        store._db = FailingConnection(store._db)
        pilot.app.save(store.save_settings, None, {"speech_on": True})
        assert not folder.exists() and pilot.app.images.disk_cache is None


def test_a_kept_picture_is_read_back_not_drawn_again_whatever_its_proportions(tmp_path, pictures, monkeypatch):
    square = LEVELS / "karkaraly" / "assets" / "stork.svg"  # 1:1, asked for at 16:9
    first = ImageCache(tmp_path / "cache").get(square, (320, 180))
    monkeypatch.setattr(pygame.image, "load_sized_svg", lambda *a: pytest.fail("the kept picture was drawn again"))
    again = ImageCache(tmp_path / "cache").get(square, (320, 180))
    assert again.get_size() == (320, 180) and again.get_at((160, 90)) == first.get_at((160, 90))
