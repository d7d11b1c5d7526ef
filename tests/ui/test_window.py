"""The window opens sharp (1280x720, or a size the canvas scales to in whole-pixel steps) and F11
twice brings back the window as it was."""
import pytest

from game.testing import run_test
from game.ui.display import LOGICAL_SIZE, windowed_size


@pytest.mark.parametrize("desktop, expected", [
    ((1280, 800), (1280, 720)),   # was 1240x697, every letter resampled
    ((1920, 1080), (1280, 720)),
    ((1366, 768), (960, 540)),    # 1280x720 and its frame do not fit: three quarters
    ((1024, 768), (960, 540)),
    ((800, 600), (640, 360)),
    ((640, 480), (640, 360)),
])
def test_the_window_is_1280x720_when_it_fits_else_an_integer_friendly_size(desktop, expected):
    size = windowed_size(desktop)
    assert size == expected
    assert size[0] * LOGICAL_SIZE[1] == size[1] * LOGICAL_SIZE[0]
    assert (size[0] * 4) % LOGICAL_SIZE[0] == 0  # the scale is a whole number of quarters


def test_f11_twice_brings_back_the_previous_window_size(tmp_path):
    with run_test(tmp_path, window_size=(1000, 600)) as pilot:
        display = pilot.app.display
        pilot.press("f11")
        assert display.fullscreen and display.window.get_size() != (1000, 600)
        pilot.press("f11")
        assert not display.fullscreen and display.window.get_size() == (1000, 600)
        pilot.click("play")  # the pointer still lands where the canvas shows the button
        assert pilot.scene.name == "profiles"
