"""Kept drawings (a screen's backdrop, a button's picture) are reused while nothing changes, and the
tests' check catches one kept past a change."""
import pytest

from game.testing import run_test
from pilot_steps import tab_to


def test_backdrop_is_painted_once_while_nothing_changes(tmp_path):
    with run_test(tmp_path) as pilot:
        pilot.app.verify_backdrops = False  # its fresh paintings would count too
        scene = pilot.app.scene
        painted = []
        draw = scene.draw
        scene.draw = lambda surface: (painted.append(1), draw(surface))
        scene._backdrop_key = None
        for _ in range(5):
            pilot.app.invalidate()
            pilot.advance()
        assert len(painted) == 1
        pilot.press("tab")  # the focus moved: painted again
        assert len(painted) == 2


def test_a_backdrop_kept_past_a_change_is_caught(tmp_path):
    with run_test(tmp_path) as pilot:
        assert pilot.app.verify_backdrops
        scene = pilot.app.scene
        scene.draw = lambda surface: surface.fill((1, 2, 3))  # a change that backdrop_key does not know
        with pytest.raises(AssertionError, match="stale"):
            pilot.press("f2")


def test_a_button_kept_past_a_change_is_caught(tmp_path):
    with run_test(tmp_path) as pilot:
        tab_to(pilot, "quit")
        button = next(w for w in pilot.app.scene.widgets if w.id == "quit")
        button.label = button.label  # same label: kept
        pilot.press("f2")
        button.paint = lambda surface, rect: surface.fill((9, 9, 9), rect)
        with pytest.raises(AssertionError, match="stale"):
            pilot.press("f2")
