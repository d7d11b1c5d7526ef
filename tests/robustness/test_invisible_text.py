"""Invisible characters (a zero-width space, ZWNJ, a BOM, a right-to-left override, NUL) typed, pasted or
kept in a file never reach a font: pygame refuses to draw a text made only of them ("Text has zero
width") and any text holding NUL. One guard (game/core/visible.py) takes them out of every text drawn
and every text box."""
import pygame
import pytest

from game.core.profiles import normalise_nickname
from game.core.visible import visible, visible_lines
from game.paths import LEVELS
from game.testing import run_test
from pilot_steps import tab_to

INVISIBLE = ["\u200b", "\u200c", "\ufeff", "\u202e", "\u2060\u00ad\ufe0f", "\u200b\u200c\ufeff\u202e"]


def to_nickname_box(pilot):
    pilot.press("return", "return")  # title -> players -> a new player
    assert pilot.scene.name == "create_profile" and pilot.focused == "nickname"


def test_the_guard_keeps_what_a_font_shows():
    assert visible("Ай\u200bгүл\u202e") == "Айгүл"
    assert visible("\ufeff\u200c") == ""
    assert visible("a\tb\x00") == "a b"
    assert visible("1824\u00a0ж.") == "1824\u00a0ж."  # a no-break space is kept for wrapping
    assert visible_lines("бір\u200b\nекі") == "бір\nекі"
    assert normalise_nickname("\u200bДана\u2060 \ufe0f") == "Дана"


@pytest.mark.parametrize("typed", INVISIBLE)
def test_a_nickname_of_invisible_characters_is_refused_kindly(tmp_path, typed):
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        to_nickname_box(pilot)
        pilot.type(typed)
        pilot.advance(3)
        assert pilot.scene.entry.get_text() == ""
        tab_to(pilot, "done")
        pilot.press("return")
        assert pilot.scene.name == "create_profile"
        assert "Type a nickname first." in pilot.spoken
        assert pilot.app.store.profiles() == []


def test_a_letter_and_a_joiner_then_backspace(tmp_path):
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        to_nickname_box(pilot)
        pilot.type("a\u200c")
        pilot.press("backspace")
        pilot.advance(3)
        assert pilot.scene.entry.get_text() == ""
        pilot.type("Dana")
        tab_to(pilot, "done")
        pilot.press("return")
        assert pilot.scene.name == "map"
        assert [p.nickname for p in pilot.app.store.profiles()] == ["Dana"]


def test_a_paste_of_invisible_characters(tmp_path):
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        to_nickname_box(pilot)
        pygame.scrap.put_text("\u200b\u202e\ufeff")
        pilot.press("ctrl+v")
        pilot.advance(3)
        assert pilot.scene.entry.get_text() == ""
        pygame.scrap.put_text("\ufeffАйгүл\u200b")
        pilot.press("ctrl+v")
        assert pilot.scene.entry.get_text() == "Айгүл"
        pygame.scrap.put_text("x" * 100)  # typed letter by letter: cut at the length limit
        pilot.press("ctrl+v")
        assert len(pilot.scene.entry.get_text()) == 20


@pytest.mark.parametrize("words", ["\u200b", "\x00", "\ufe0f", "\u034f", "\u200b\n\u202e"])
def test_the_text_renderer_draws_invisible_text_as_nothing(tmp_path, words):
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        canvas = pygame.Surface((400, 200))
        assert pilot.app.text.draw(canvas, words, (10, 10)).width == 0
        assert pilot.app.text.measure(words, 28, 400)[0] == 0


def test_the_text_renderer_draws_the_visible_rest(tmp_path):
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        renderer, canvas = pilot.app.text, pygame.Surface((400, 200))
        assert renderer.draw(canvas, "a\x00b\u200b", (10, 10)).width == renderer.draw(canvas, "ab", (10, 10)).width > 0
