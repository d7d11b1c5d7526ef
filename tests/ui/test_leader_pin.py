"""The club leader's PIN guards the leader's desk and this computer's settings: chosen once, asked every time, never spoken."""
import subprocess
import sys

import pytest

from game.core.leader import (FREE_TRIES, LONGEST_WAIT, WAIT_SECONDS, StoredPin, TryLimit, make_pin, pin_matches,
                               pin_problem)
from game.core.storage import SqliteStore
from game.testing import run_test
from pilot_steps import tab_to

ROOT = __import__("pathlib").Path(__file__).resolve().parents[2]


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
    waits = []
    for _ in range(12):  # every further wrong try waits twice as long, up to an hour
        limit.record(False, 100.0)
        waits.append(limit.wait_left(100.0))
    assert waits[:3] == [2 * WAIT_SECONDS, 4 * WAIT_SECONDS, 8 * WAIT_SECONDS] and waits[-1] == LONGEST_WAIT
    limit.record(True, 100.0)
    assert limit.wrong == 0
    assert TryLimit.from_dict("damaged", 50.0).wait_left(50.0) > 0  # a damaged record frees nothing


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
        assert "For the club leader only" in pilot.spoken[-2] + pilot.spoken[-1]  # says plainly who chooses it
        assert "leader-pin" not in pilot.drawn_text()
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
        now = [1_000_000.0]
        pilot.app.clock = lambda: now[0]
        _open_computer_settings(pilot)
        assert "leader-pin" not in pilot.drawn_text()  # the reset command is in the README, not for children
        for _ in range(FREE_TRIES):
            _type_pin(pilot, "1111")
        _type_pin(pilot, "8642")  # even the right PIN waits now
        assert pilot.scene.name == "leader_pin"
        assert pilot.spoken[-1].startswith("Too many tries. Wait")
        now[0] += 31
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


def _stored(tmp_path, pin="8642"):
    store = SqliteStore(tmp_path / "progress.sqlite3")
    if pin:
        store.save_leader_pin(make_pin(pin))
        store.save_leader_lock({"set_by_command": True})
    return store


def test_tries_and_waits_outlive_a_restart_and_grow(tmp_path):
    _stored(tmp_path).close()
    now = [2_000_000.0]
    with run_test(tmp_path, language="en") as pilot:
        pilot.app.clock = lambda: now[0]
        _open_computer_settings(pilot)
        for _ in range(FREE_TRIES):
            _type_pin(pilot, "1111")
    with run_test(tmp_path, language="en") as pilot:  # the game was restarted: the tries were kept
        pilot.app.clock = lambda: now[0]
        _open_computer_settings(pilot)
        _type_pin(pilot, "8642")
        assert pilot.scene.name == "leader_pin" and pilot.spoken[-1].startswith("Too many tries. Wait")
        now[0] += WAIT_SECONDS + 1
        _type_pin(pilot, "2222")  # one more wrong try: a longer wait
        now[0] += WAIT_SECONDS + 1
        _type_pin(pilot, "8642")
        assert pilot.scene.name == "leader_pin" and pilot.spoken[-1].startswith("Too many tries. Wait")
        now[0] += WAIT_SECONDS + 1
        _type_pin(pilot, "8642")
        assert pilot.scene.name == "desk"
    store = SqliteStore(tmp_path / "progress.sqlite3")
    assert store.leader_lock()["tries"]["wrong"] == 0  # the right PIN starts the count afresh
    store.close()


@pytest.mark.parametrize("damage", ["pin", "lock"])
def test_a_damaged_pin_or_lock_lets_nobody_choose_a_new_pin(tmp_path, damage):
    store = _stored(tmp_path)
    if damage == "pin":
        store.save_leader_pin(StoredPin("not hex", "0" * 64))
    else:
        store._db.execute("UPDATE settings SET data = '{\"tries\": ' WHERE profile_id = -2")
    store.close()
    with run_test(tmp_path, language="en") as pilot:
        pilot.app.clock = lambda: 3_000_000.0
        _open_computer_settings(pilot)
        assert not pilot.scene.creating
        if damage == "pin":
            assert pilot.scene.locked and "key_ok" not in pilot.widget_ids()
            assert "removed or could not be read" in " ".join(pilot.spoken[-2:])
            assert "leader-pin" not in pilot.drawn_text()
            _type_pin(pilot, "1234")
            assert pilot.scene.name == "title"  # the digits did nothing, Enter pressed Cancel: nothing chosen
        else:  # the tries count as used up: even the right PIN waits
            _type_pin(pilot, "8642")
            assert pilot.scene.name == "leader_pin" and pilot.spoken[-1].startswith("Too many tries. Wait")
    store = SqliteStore(tmp_path / "progress.sqlite3")
    assert damage == "lock" or store.leader_pin() == StoredPin("not hex", "0" * 64)
    store.close()


def test_the_leader_sets_the_pin_from_the_command_line_and_a_reset_leaves_the_screen_closed(tmp_path):
    def command(*args, typed=""):
        return subprocess.run([sys.executable, "run_game.py", "--data-dir", str(tmp_path), "leader-pin", *args,
                               "--lang", "en"], cwd=ROOT, capture_output=True, text=True, timeout=60, input=typed)
    assert command("--set", typed="4071\n4072\n").returncode == 1
    assert command("--set", typed="40\n40\n").returncode == 1
    done = command("--set", typed="4071\n4071\n")
    assert done.returncode == 0 and "4071" not in done.stdout
    store = SqliteStore(tmp_path / "progress.sqlite3")
    assert pin_matches("4071", store.leader_pin())
    store.close()
    assert command("--reset").returncode == 0
    with run_test(tmp_path, language="en") as pilot:
        _open_computer_settings(pilot)
        assert pilot.scene.locked and not pilot.scene.creating  # nobody at the keyboard chooses the next one


def test_a_progress_file_rebuilt_after_damage_does_not_ask_anyone_for_a_pin(tmp_path):
    from test_backup import zero_table_page
    store = _stored(tmp_path)
    store.create_profile("Айгүл", "fox", "kk")
    store.close()
    zero_table_page(tmp_path / "progress.sqlite3", "profiles")  # no backup: a fresh file replaces it
    with run_test(tmp_path, language="en") as pilot:
        _open_computer_settings(pilot)
        assert pilot.scene.locked and not pilot.scene.creating


def test_v_on_the_title_is_for_this_visit_never_every_childs_default(tmp_path):
    from game.core.settings import SettingsBook
    from pilot_steps import create_profile
    with run_test(tmp_path, language="en") as pilot:
        store = pilot.app.store
        before = SettingsBook(store).load(None)
        pilot.press("v")
        assert pilot.app.speech_on
        assert SettingsBook(store).load(None) == before  # the computer's defaults did not change
        create_profile(pilot, "Dana", "owl")  # a child made now keeps the speech asked for
        dana = pilot.app.profile
        assert pilot.app.speech_on and SettingsBook(store).load(dana.id).speech_on
        pilot.app.end_visit()  # the kiosk's next child
        pilot.app.profile = None
        pilot.app.end_visit()
        assert not pilot.app.speech_on
    with run_test(tmp_path, language="en") as pilot:
        assert not pilot.app.speech_on and not SettingsBook(pilot.app.store).load(None).speech_on


def test_a_backup_from_before_the_pin_does_not_open_the_first_pin_screen_after_a_restore(tmp_path):
    from game.cli import main
    from game.core.leader import PinState, pin_state
    old = SqliteStore(tmp_path / "old.sqlite3")  # made before any PIN was chosen
    old.create_profile("Айгүл", "fox", "kk")
    old.close()
    _stored(tmp_path).close()
    assert main(["--data-dir", str(tmp_path), "restore", str(tmp_path / "old.sqlite3"), "--lang", "en"]) == 0
    store = SqliteStore(tmp_path / "progress.sqlite3")
    assert [p.nickname for p in store.profiles()] == ["Айгүл"] and pin_state(store) is PinState.NEEDS_LEADER
    store.close()
