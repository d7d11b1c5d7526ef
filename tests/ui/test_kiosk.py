"""Kiosk mode: only the leader's PIN leaves the game; an idle game counts down gently, then goes back
to the profile screen for the next child, keeping every answer."""
import pygame

from game.core.club.kiosk import COUNTDOWN_SECONDS, IdleClock
from game.core.club.setup import ClubSetup, load_setup
from game.core.leader import make_pin
from game.core.storage import SqliteStore
from game.paths import LEVELS
from game.testing import run_test
from game.ui.kiosk import enable_kiosk
from pilot_steps import answer_current, open_level, tab_to

PIN = "1379"


def _kiosk_data(tmp_path, minutes=1):
    store = SqliteStore(tmp_path / "progress.sqlite3")
    store.save_leader_pin(make_pin(PIN))
    store.save_club_setup({"kiosk": True, "kiosk_idle_minutes": minutes, "library_name": "Қарқаралы кітапханасы"})
    child = store.create_profile("Айгүл", "fox", "kk")
    store.close()
    return child


def test_the_idle_clock_counts_down_before_it_expires():
    clock = IdleClock(1)
    clock.advance(60 - COUNTDOWN_SECONDS - 1)
    assert not clock.counting
    clock.advance(1.5)
    assert clock.counting and clock.seconds_left == COUNTDOWN_SECONDS
    clock.touched()
    assert not clock.counting and not clock.expired
    clock.advance(60)
    assert clock.expired


def test_club_setup_falls_back_on_bad_values():
    assert ClubSetup.from_dict({"kiosk": "yes", "kiosk_idle_minutes": -3, "library_name": 7}) == ClubSetup()


def test_leaving_a_kiosk_asks_for_the_pin(tmp_path):
    _kiosk_data(tmp_path)
    with run_test(tmp_path, language="en") as pilot:
        enable_kiosk(pilot.app, load_setup(pilot.app.store).kiosk_idle_minutes)
        assert pilot.app.display.fullscreen
        pilot.press("escape")  # Esc on the title
        assert pilot.scene.name == "leader_pin" and pilot.app.running
        pilot.press("escape")
        assert pilot.scene.name == "title" and pilot.app.running
        pilot._post(pygame.QUIT)  # the window's close button, Alt+F4
        assert pilot.scene.name == "leader_pin" and pilot.app.running
        pilot.press(*"0000", "return")
        assert pilot.scene.name == "leader_pin" and pilot.app.running
        pilot.press(*PIN, "return")
        pilot.advance()
        assert not pilot.app.running


def test_without_kiosk_the_window_closes_at_once(tmp_path):
    _kiosk_data(tmp_path)
    with run_test(tmp_path, language="en") as pilot:
        pilot._post(pygame.QUIT)
        assert not pilot.app.running


def test_an_idle_game_counts_down_then_returns_to_the_player_screen(tmp_path):
    child = _kiosk_data(tmp_path, minutes=1)
    with run_test(tmp_path, language="en", level_dirs=[LEVELS]) as pilot:
        enable_kiosk(pilot.app, 1)
        pilot.press("return")
        tab_to(pilot, f"profile_{child.id}")
        pilot.press("return")
        open_level(pilot, "level_karkaraly_town-quiz")
        answer_current(pilot)
        pilot.press("return")
        assert pilot.scene.name == "quiz"
        pilot.advance(60 * (60 - COUNTDOWN_SECONDS) + 30)
        assert pilot.spoken[-1].startswith("Nobody has played for a while. In 30 seconds")
        assert "In 30 seconds" in pilot.drawn_text()
        pilot.click_at((4, 4))  # a touch anywhere: the child is still there
        assert pilot.spoken[-1] == "Good, the game stays here." and pilot.scene.name == "quiz"
        assert "In 30 seconds" not in pilot.drawn_text()
        pilot.advance(60 * 61)
        assert pilot.scene.name == "profiles" and pilot.app.profile is None
        assert pilot.spoken[-3:-1] == ["The game is back at the player screen for the next child.", "Who is playing?"]
        assert len(pilot.app.scenes) == 1
        assert pilot.app.store.load_position(child.id, "karkaraly", "town-quiz") is not None  # resumes later
        pilot.advance(60 * 120)
        assert pilot.scene.name == "profiles"  # nothing counts down on the player screen


def test_the_desk_turns_kiosk_mode_on_and_names_the_library(tmp_path):
    store = SqliteStore(tmp_path / "progress.sqlite3")
    store.save_leader_pin(make_pin(PIN))
    store.close()
    with run_test(tmp_path, language="kk") as pilot:
        tab_to(pilot, "desk")
        pilot.press("return")
        pilot.press(*PIN, "return")
        tab_to(pilot, "club")
        pilot.press("return")
        assert pilot.scene.name == "desk_club"
        tab_to(pilot, "library_name")
        pilot.type("Қарқаралы кітапханасы")
        pilot.press("return")
        tab_to(pilot, "kiosk")
        pilot.press("return")
        assert pilot.spoken[-1] == "Киоск режимі: қосулы"
        tab_to(pilot, "idle")
        pilot.press("return")
        assert load_setup(pilot.app.store) == ClubSetup("Қарқаралы кітапханасы", True, 15)
        assert pilot.app.kiosk is not None and pilot.app.kiosk.clock.idle_minutes == 15
        tab_to(pilot, "kiosk")
        pilot.press("return")
        assert pilot.app.kiosk is None and not load_setup(pilot.app.store).kiosk
