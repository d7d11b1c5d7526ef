"""Smaller crashes and hangs (issue 20, item 5): an unreadable data folder, a nickname made at the same
moment on another computer, a nickname of 10,000 letters or with NUL written into the file by something
else, SIGTERM at any time."""
from __future__ import annotations

import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

import game.core.storage.sqlite as progress
from conftest import ROOT
from game.core.storage import DB_NAME, SqliteStore
from game.paths import LEVELS
from game.testing import run_test
from pilot_steps import create_profile, tab_to


def lock(monkeypatch, folder: Path) -> None:
    """The folder as chmod 000 makes it for anyone but root (tests run as root): nothing in it opens."""
    def denied(*_):
        raise PermissionError(13, "Permission denied", str(folder))

    def connect(target, *args, **kwargs):
        if folder in Path(str(target).split("?")[0].removeprefix("file:")).parents:
            raise sqlite3.OperationalError("unable to open database file")
        return real_connect(target, *args, **kwargs)
    real_listdir, real_is_file, real_connect = os.listdir, Path.is_file, sqlite3.connect
    monkeypatch.setattr(progress.sqlite3, "connect", connect)
    monkeypatch.setattr(progress.os, "listdir", lambda p=".": denied() if Path(p) == folder else real_listdir(p))
    monkeypatch.setattr(Path, "is_file", lambda p: denied() if folder in p.parents else real_is_file(p))


def test_an_unreadable_data_folder_is_told_plainly_and_play_goes_on(tmp_path, monkeypatch, capsys):
    folder = tmp_path / "data"
    folder.mkdir()
    lock(monkeypatch, folder)
    with run_test(folder, level_dirs=[LEVELS], language="en") as pilot:
        assert pilot.app.store.problem.reason == "denied"
        assert pilot.app.tr("storage.denied") in pilot.spoken
        create_profile(pilot, "Dana", "owl")  # nothing is kept, but the child plays
    err = capsys.readouterr().err
    assert f"{folder}: the game is not allowed to open this folder" in err and "--data-dir" in err


def _setpriv() -> str | None:
    return shutil.which("setpriv") if hasattr(os, "geteuid") and os.geteuid() == 0 else None


@pytest.mark.skipif(_setpriv() is None, reason="needs root and setpriv to play as another account")
def test_a_real_chmod_000_folder_starts_the_game_with_the_message():
    """chmod 000 for real, with the game run as the `nobody` account (root ignores permissions)."""
    outer = Path(tempfile.mkdtemp())
    try:
        outer.chmod(0o755)
        folder = outer / "data"
        folder.mkdir(mode=0o000)
        folder.chmod(0o000)
        script = ("from pathlib import Path; from game.testing import run_test\n"
                  f"with run_test(Path({str(folder)!r}), language='en') as pilot:\n"
                  "    pilot.press('return'); print(pilot.scene.name, pilot.app.store.problem.reason)\n")
        command = [_setpriv(), "--reuid=65534", "--regid=65534", "--clear-groups", sys.executable, "-c", script]
        env = dict(os.environ, HOME=str(outer), PYTHONPATH=str(ROOT))
        probe = subprocess.run(command[:-2] + ["-c", "import game.testing"], env=env, capture_output=True, cwd=ROOT)
        if probe.returncode != 0:
            pytest.skip("the `nobody` account cannot read this checkout")
        done = subprocess.run(command, env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split()[-2:] == ["profiles", "denied"]
        assert "Traceback" not in done.stderr and "--data-dir" in done.stderr
    finally:
        (outer / "data").chmod(0o700)
        shutil.rmtree(outer)


def test_a_nickname_made_a_moment_ago_on_another_computer_is_taken(tmp_path, monkeypatch):
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        store = pilot.app.store
        pilot.press("return", "return")
        pilot.type("Айгүл")
        store.create_profile("Айгүл", "fox", "kk")  # the other computer, after this one looked
        monkeypatch.setattr(store, "nickname_taken", lambda nickname: False)
        tab_to(pilot, "done")
        pilot.press("return")
        assert pilot.scene.name == "create_profile"
        assert pilot.app.tr("create.taken") in pilot.spoken
        assert pilot.app.tr("create.taken") in pilot.drawn_text()
        assert [p.nickname for p in store.profiles()] == ["Айгүл"]


def test_a_nickname_of_10000_letters_or_with_nul_in_the_file_is_drawn_short(tmp_path):
    store = SqliteStore.in_folder(tmp_path)
    long, nul = store.create_profile("long", "fox", "kk"), store.create_profile("nul", "owl", "kk")
    store.close()
    with sqlite3.connect(tmp_path / DB_NAME) as db:  # written by something other than the game
        db.execute("UPDATE profiles SET nickname = ?, nickname_key = ? WHERE id = ?", ("Ж" * 10_000, "ж" * 10_000, long.id))
        db.execute("UPDATE profiles SET nickname = ?, nickname_key = ? WHERE id = ?", ("Ай\x00гүл\u202e", "x", nul.id))
    db.close()
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        pilot.press("return")  # one frame
        assert pilot.scene.name == "profiles"
        drawn = pilot.drawn_text()
        assert "Ж" * 20 in drawn.replace("\n", "") and "Ж" * 21 not in drawn.replace("\n", "")
        assert "Айгүл" in drawn and "\x00" not in drawn
        tab_to(pilot, f"profile_{long.id}")
        pilot.press("return")
        assert pilot.scene.name == "map" and pilot.app.profile.id == long.id


def test_a_word_of_10000_letters_is_wrapped_in_pieces_that_fit(tmp_path):
    with run_test(tmp_path, language="en") as pilot:
        renderer = pilot.app.text
        font = renderer.font(28)
        lines = renderer.wrap("Ж" * 10_000 + " ok", 28, 600)
        assert "".join(lines).replace(" ", "") == "Ж" * 10_000 + "ok"
        assert all(font.size(line)[0] <= 600 for line in lines)


def test_sigterm_is_the_games_own_from_the_start(tmp_path):
    """The handler is installed before pygame, so that SDL does not take SIGTERM for a quit event
    that a long frame would never read: the game always ends with 143 and its store closed."""
    data = tmp_path / "data"
    env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy")
    game = subprocess.Popen([sys.executable, str(ROOT / "run_game.py"), "--data-dir", str(data), "play"], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    for _ in range(600):  # the store exists once the game runs
        if (data / f"{DB_NAME}-wal").exists():
            break
        time.sleep(0.05)
    game.send_signal(signal.SIGTERM)
    _, err = game.communicate(timeout=60)
    assert game.returncode == 128 + signal.SIGTERM, err
    assert not (data / f"{DB_NAME}-wal").exists()
    with sqlite3.connect(data / DB_NAME) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    db.close()
