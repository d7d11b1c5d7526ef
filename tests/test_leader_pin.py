"""The club leader's PIN guards the leader's desk and this computer's settings: chosen once, asked every time, never spoken."""
import subprocess
import sys

import pytest

from game.core.leader import FREE_TRIES, TryLimit, make_pin, pin_matches, pin_problem
from game.core.storage import SqliteStore
from game.testing import run_test
from pilot_steps import tab_to

ROOT = __import__("pathlib").Path(__file__).resolve().parent.parent


def test_pin_rules():
    assert pin_problem("1234") is None and pin_problem("123456") is None
    assert pin_problem("123") == "leader.length" and pin_problem("1234567") == "leader.length"
    assert pin_problem("12a4") == "leader.only_digits" and pin_problem("١٢٣٤") == "leader.only_digits"
    stored = make_pin("4071")
    assert pin_matches("4071", stored) and not pin_matches("4072", stored)
    assert "4071" not in stored.digest + stored.salt
    assert make_pin("4071").salt != stored.salt  # salted: the same PIN never stores the same


def test_tries_are_limited_then_wait():
    limit = TryLimit()
    for _ in range(FREE_TRIES):
        assert limit.wait_left(0.0) == 0
        limit.record(False, 0.0)
    assert limit.wait_left(1.0) > 0
    assert limit.wait_left(100.0) == 0
    limit.record(True, 100.0)
    assert limit.wrong == 0


def test_store_keeps_and_forgets_the_pin(tmp_path):
    store = SqliteStore(tmp_path / "p.sqlite3")
    assert store.leader_pin() is None
    store.save_leader_pin(make_pin("2468"))
    store.close()
    store = SqliteStore(tmp_path / "p.sqlite3")
    assert pin_matches("2468", store.leader_pin())
    store.save_leader_pin(None)
    assert store.leader_pin() is None


def _open_computer_settings(pilot):
    tab_to(pilot, "desk")
    pilot.press("return")
    assert pilot.scene.name == "leader_pin"


def _type_pin(pilot, pin: str):
    pilot.press(*pin, "return")


def test_leader_chooses_a_pin_then_it_guards_the_settings(tmp_path):
    with run_test(tmp_path, language="en") as pilot:
        _open_computer_settings(pilot)
        assert pilot.scene.creating
        assert "Choose a leader PIN" in pilot.spoken[-2] + pilot.spoken[-1]
        _type_pin(pilot, "12")
        assert pilot.spoken[-1] == "A PIN has 4 to 6 digits."
        _type_pin(pilot, "5190")
        assert pilot.spoken[-1] == "Type the same PIN again and press Enter."
        _type_pin(pilot, "5191")
        assert pilot.spoken[-1] == "The two PINs were not the same. Start again."
        _type_pin(pilot, "5190")
        _type_pin(pilot, "5190")
        assert pilot.scene.name == "desk" and not pilot.app.profile
        assert not any("5190" in line or "5 1 9 0" in line for line in pilot.spoken)
        assert "Digits typed: 3" in pilot.spoken
        pilot.press("escape")
        assert pilot.scene.name == "title"

        _open_computer_settings(pilot)
        assert not pilot.scene.creating
        _type_pin(pilot, "0000")
        assert pilot.scene.name == "leader_pin" and pilot.spoken[-1] == "That PIN is not right. Try again."
        pilot.press("escape")
        assert pilot.scene.name == "title"
        _open_computer_settings(pilot)
        for digit in "5190":  # the on-screen pad works with the mouse too
            pilot.click(f"key_{digit}")
        pilot.click("key_ok")
        assert pilot.scene.name == "desk"
        tab_to(pilot, "computer")
        pilot.press("return")
        assert pilot.scene.name == "settings"
        pilot.press("escape")
        assert pilot.scene.name == "desk"


def test_pin_guessing_must_wait(tmp_path):
    store = SqliteStore(tmp_path / "progress.sqlite3")
    store.save_leader_pin(make_pin("8642"))
    store.close()
    with run_test(tmp_path, language="en") as pilot:
        _open_computer_settings(pilot)
        for _ in range(FREE_TRIES):
            _type_pin(pilot, "1111")
        _type_pin(pilot, "8642")  # even the right PIN waits now
        assert pilot.scene.name == "leader_pin"
        assert pilot.spoken[-1].startswith("Too many tries. Wait")
        pilot.advance(int(31 * 60))
        _type_pin(pilot, "8642")
        assert pilot.scene.name == "desk"


@pytest.mark.parametrize("lang, words", [("kk", "PIN коды өшірілді"), ("ru", "PIN-код руководителя удалён")])
def test_a_forgotten_pin_is_reset_from_the_command_line(tmp_path, lang, words):
    store = SqliteStore(tmp_path / "progress.sqlite3")
    store.save_leader_pin(make_pin("1357"))
    store.close()
    run = subprocess.run([sys.executable, "run_game.py", "--data-dir", str(tmp_path), "leader-pin", "--reset",
                          "--lang", lang], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert run.returncode == 0 and words in run.stdout
    assert SqliteStore(tmp_path / "progress.sqlite3").leader_pin() is None
