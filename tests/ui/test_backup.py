"""Backups of the children's progress: `backup` while the game runs, `restore` only of a checked file,
a daily backup kept for a week, and a damaged progress file replaced at start by the latest good
backup (or a fresh file), the damaged one kept aside and the leader told."""
from __future__ import annotations

import os
import sqlite3
from contextlib import closing
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from game.cli import main
from game.core.storage.sqlite_backup import BACKUP_DIR, backups, check_database, daily_backup, keep_aside, restore_database
from game.core.i18n import Translator
from game.core.storage.migrations import SCHEMA_VERSION
from game.core.storage import DB_NAME, AnswerRecord, SqliteStore
from game.core.storage.sqlite_recovery import prepare_progress_file

NOW = datetime(2026, 12, 3, 9, 30, 0)


def make_progress(folder: Path, *nicknames: str, text_scale: float = 1.5) -> Path:
    store = SqliteStore.in_folder(folder)
    for nickname in nicknames:
        profile = store.create_profile(nickname, "fox", "kk")
        attempt = store.start_attempt(profile.id, "karkaraly", "town-quiz", "quiz")
        store.record_answer(attempt, AnswerRecord("q1", "a", True, 900))
        store.finish_attempt(attempt, 1, 1, 3)
    store.save_settings(None, {"text_scale": text_scale})
    store.close()
    return folder / DB_NAME


def nicknames(path: Path) -> list[str]:
    with closing(sqlite3.connect(path)) as db:
        return [row[0] for row in db.execute("SELECT nickname FROM profiles ORDER BY id")]


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def scribble(path: Path) -> None:
    """Bytes over the second page and the start of the third, as a failing disk leaves them."""
    data = bytearray(path.read_bytes())
    data[4096:4096 + 5000] = bytes((n * 131 + 7) % 256 for n in range(5000))
    path.write_bytes(bytes(data))


def zero_table_page(path: Path, table: str) -> None:
    """Zero the root page of `table`: what issue 20's attack did to the settings and profiles pages."""
    with closing(sqlite3.connect(path)) as db:
        page_size = db.execute("PRAGMA page_size").fetchone()[0]
        root = db.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page_size)
        handle.write(bytes(page_size))


# -- backup ---------------------------------------------------------------------------------------

def test_backup_while_the_game_writes_is_one_consistent_file(tmp_path, capsys):
    make_progress(tmp_path, "Айгүл")
    store = SqliteStore.in_folder(tmp_path)  # the game is running, with answers in its -wal
    store.create_profile("Ерлан", "owl", "kk")
    out = tmp_path / "usb" / "progress-copy.sqlite3"
    assert main(["--data-dir", str(tmp_path), "backup", "--out", str(out), "--lang", "en"]) == 0
    assert str(out) in capsys.readouterr().out
    store.create_profile("Дана", "owl", "kk")
    store.close()
    assert check_database(out).ok
    assert nicknames(out) == ["Айгүл", "Ерлан"]
    assert sorted(p.name for p in out.parent.iterdir()) == ["progress-copy.sqlite3"]  # no -wal to lose
    with closing(sqlite3.connect(out)) as db:
        assert db.execute("PRAGMA journal_mode").fetchone() == ("delete",)


def test_backup_without_out_goes_to_the_backups_folder(tmp_path, capsys):
    make_progress(tmp_path, "Айгүл")
    assert main(["--data-dir", str(tmp_path), "backup"]) == 0
    [made] = backups(tmp_path / BACKUP_DIR)
    assert made.name.startswith("manual-") and nicknames(made) == ["Айгүл"]


def test_backup_of_a_damaged_file_is_refused(tmp_path, capsys):
    scribble(make_progress(tmp_path, "Айгүл"))
    assert main(["--data-dir", str(tmp_path), "backup", "--out", str(tmp_path / "b.sqlite3"), "--lang", "ru"]) == 1
    assert "повреждён" in capsys.readouterr().err
    assert not (tmp_path / "b.sqlite3").exists()


# -- restore --------------------------------------------------------------------------------------

def test_restore_puts_a_good_backup_back_and_keeps_the_current_file(tmp_path, capsys):
    database = make_progress(tmp_path / "data", "Айгүл")
    saved = tmp_path / "saved.sqlite3"
    assert main(["--data-dir", str(tmp_path / "data"), "backup", "--out", str(saved)]) == 0
    store = SqliteStore.in_folder(tmp_path / "data")
    store.create_profile("Ерлан", "owl", "kk")
    store.close()
    assert main(["--data-dir", str(tmp_path / "data"), "restore", str(saved), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert f"Progress restored from {saved}." in out
    assert nicknames(database) == ["Айгүл"]
    [aside] = [p for p in (tmp_path / "data").iterdir() if p.name.startswith("progress-before-restore-")]
    assert str(aside) in out and nicknames(aside) == ["Айгүл", "Ерлан"]  # kept, never deleted
    reopened = SqliteStore.in_folder(tmp_path / "data")
    assert [p.nickname for p in reopened.profiles()] == ["Айгүл"]
    reopened.close()


@pytest.mark.parametrize("damage", [truncate, scribble], ids=["truncated", "scribbled"])
def test_restore_refuses_a_damaged_backup_and_changes_nothing(tmp_path, capsys, damage):
    database = make_progress(tmp_path / "data", "Айгүл", "Ерлан")
    bad = tmp_path / "bad.sqlite3"
    make_progress(tmp_path / "other", "Дана")
    os.replace(tmp_path / "other" / DB_NAME, bad)
    damage(bad)
    before = database.read_bytes()
    assert main(["--data-dir", str(tmp_path / "data"), "restore", str(bad), "--lang", "en"]) == 1
    assert "is damaged" in capsys.readouterr().err
    assert database.read_bytes() == before
    assert sorted(p.name for p in (tmp_path / "data").iterdir()) == [DB_NAME]


def test_restore_refuses_a_backup_from_a_newer_game(tmp_path, capsys):
    database = make_progress(tmp_path / "data", "Айгүл")
    newer = make_progress(tmp_path / "newer", "Дана")
    with closing(sqlite3.connect(newer)) as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    assert main(["--data-dir", str(tmp_path / "data"), "restore", str(newer), "--lang", "en"]) == 1
    message = capsys.readouterr().err
    assert f"newer version of the game (progress format {SCHEMA_VERSION + 1}; this game reads up to " \
           f"{SCHEMA_VERSION})" in message
    assert nicknames(database) == ["Айгүл"]


def test_restore_while_the_game_is_open_is_refused(tmp_path):
    make_progress(tmp_path / "data", "Айгүл")
    saved = make_progress(tmp_path / "saved", "Дана")
    store = SqliteStore.in_folder(tmp_path / "data")
    try:
        with pytest.raises(Exception) as raised:
            restore_database(saved, tmp_path / "data" / DB_NAME, NOW)
        assert getattr(raised.value, "reason", None) == "in_use"
        assert [p.nickname for p in store.profiles()] == ["Айгүл"]
    finally:
        store.close()


# -- the daily backup -----------------------------------------------------------------------------

def test_one_backup_a_day_and_the_last_seven_are_kept(tmp_path):
    database = make_progress(tmp_path, "Айгүл")
    folder = tmp_path / BACKUP_DIR
    for day in range(10):
        made = daily_backup(database, folder, NOW + timedelta(days=day))
        assert made is not None and check_database(made).ok
        assert daily_backup(database, folder, NOW + timedelta(days=day, hours=5)) is None  # once a day
    kept = backups(folder)
    assert len(kept) == 7
    assert kept[0].name == "daily-2026-12-12-093000.sqlite3" and kept[-1].name.startswith("daily-2026-12-06-")


def test_the_game_takes_the_daily_backup_at_start(tmp_path):
    from game.testing import run_test
    make_progress(tmp_path, "Айгүл")
    with run_test(tmp_path, language="en"):
        pass
    [made] = backups(tmp_path / BACKUP_DIR)
    assert made.name.startswith("daily-") and nicknames(made) == ["Айгүл"]


# -- a damaged progress file at start --------------------------------------------------------------

@pytest.mark.parametrize("damage", [
    lambda path: zero_table_page(path, "settings"),
    lambda path: zero_table_page(path, "profiles"),
    lambda path: zero_table_page(path, "best_stars"),
    truncate, scribble,
    lambda path: path.write_bytes(b""),
], ids=["settings-page", "profiles-page", "best-stars-page", "truncated", "scribbled", "emptied"])
def test_a_damaged_file_is_kept_aside_and_the_latest_good_backup_opens(tmp_path, damage):
    database = make_progress(tmp_path, "Айгүл")
    prepare_progress_file(tmp_path, NOW - timedelta(days=1))  # yesterday's backup
    store = SqliteStore.in_folder(tmp_path)
    store.create_profile("Ерлан", "owl", "kk")  # played today, after the backup
    store.close()
    damaged_bytes = database.read_bytes()
    damage(database)
    damaged_bytes = database.read_bytes()
    report = prepare_progress_file(tmp_path, NOW)
    assert report.damaged and report.restored_from.name == "daily-2026-12-02-093000.sqlite3"
    assert report.kept_aside == tmp_path / "progress-damaged-2026-12-03-093000.sqlite3"
    assert report.kept_aside.read_bytes() == damaged_bytes
    assert nicknames(database) == ["Айгүл"]
    assert "2026-12-02 09:30" in report.notice(Translator("en"))
    assert report.backup_made is None


def test_the_damaged_files_wal_and_shm_go_aside_with_it(tmp_path):
    database = make_progress(tmp_path, "Айгүл")
    Path(f"{database}-wal").write_bytes(b"wal")
    Path(f"{database}-shm").write_bytes(b"shm")
    aside = keep_aside(database, "damaged", NOW)
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "progress-damaged-2026-12-03-093000.sqlite3", "progress-damaged-2026-12-03-093000.sqlite3-shm",
        "progress-damaged-2026-12-03-093000.sqlite3-wal"]
    assert Path(f"{aside}-wal").read_bytes() == b"wal"
    database.write_bytes(b"")  # a second damaged file the same second gets its own name
    assert keep_aside(database, "damaged", NOW).name == "progress-damaged-2026-12-03-093000-1.sqlite3"


def test_a_damaged_backup_is_passed_over_for_an_older_good_one(tmp_path):
    database = make_progress(tmp_path, "Айгүл")
    prepare_progress_file(tmp_path, NOW - timedelta(days=2))
    prepare_progress_file(tmp_path, NOW - timedelta(days=1))
    scribble(tmp_path / BACKUP_DIR / "daily-2026-12-02-093000.sqlite3")
    truncate(database)
    report = prepare_progress_file(tmp_path, NOW)
    assert report.restored_from.name == "daily-2026-12-01-093000.sqlite3"
    assert nicknames(database) == ["Айгүл"]


def test_without_a_good_backup_a_fresh_file_is_started(tmp_path):
    database = make_progress(tmp_path, "Айгүл")
    zero_table_page(database, "profiles")
    report = prepare_progress_file(tmp_path, NOW)
    assert report.damaged and report.restored_from is None and report.kept_aside.is_file()
    assert not database.exists()  # the store makes a new one
    assert "new, empty progress file" in report.notice(Translator("en"))


def test_a_sound_file_is_left_alone(tmp_path):
    database = make_progress(tmp_path, "Айгүл")
    before = database.read_bytes()
    report = prepare_progress_file(tmp_path, NOW)
    assert not report.damaged and report.notice(Translator("en")) is None
    assert database.read_bytes() == before and report.backup_made is not None


@pytest.mark.parametrize("table", ["settings", "profiles"])
def test_the_game_starts_with_the_backups_data_and_says_so(tmp_path, capsys, table):
    from game.testing import run_test
    from pilot_steps import tab_to
    make_progress(tmp_path, "Айгүл", text_scale=1.5)
    prepare_progress_file(tmp_path, NOW - timedelta(days=1))
    store = SqliteStore.in_folder(tmp_path)
    store.create_profile("Ерлан", "owl", "kk")
    store.save_settings(None, {"text_scale": 2.0})
    store.close()
    zero_table_page(tmp_path / DB_NAME, table)
    with run_test(tmp_path, language="en") as pilot:
        told = pilot.app.tr("recovery.restored", aside="progress-damaged-", date="")
        assert any(said.startswith(told.split("progress-damaged-")[0]) for said in pilot.spoken)
        assert "from the backup of 2026-12-02 09:30" in " ".join(pilot.spoken)
        assert pilot.app.settings.text_scale == 1.5  # the backup's computer defaults
        assert pilot.app.store.problem is None and not pilot.app.store.read_only
        pilot.press("return")
        assert pilot.scene.name == "profiles"
        assert [w for w in pilot.widget_ids() if w.startswith("profile_")] == ["profile_1"]
        tab_to(pilot, "profile_1")
        pilot.press("return")
        assert pilot.scene.name == "map"
    err = capsys.readouterr().err
    assert "The progress file was damaged. It is kept aside as progress-damaged-" in err
    assert [p.name for p in tmp_path.glob("progress-damaged-*.sqlite3")]
    assert nicknames(tmp_path / DB_NAME) == ["Айгүл"]


def test_a_stop_between_the_two_renames_is_finished_at_the_next_start(tmp_path):
    """replace_with stopped after the damaged file went aside, before its copy took the place."""
    import shutil
    from game.core.storage.sqlite_backup import staged
    database = make_progress(tmp_path, "Айгүл")
    prepare_progress_file(tmp_path, NOW - timedelta(days=1))
    zero_table_page(database, "profiles")
    shutil.copy(backups(tmp_path / BACKUP_DIR)[0], staged(database))
    keep_aside(database, "damaged", NOW)
    assert not database.exists()
    report = prepare_progress_file(tmp_path, NOW)
    assert report.resumed and "that is finished now" in report.notice(Translator("en"))
    assert nicknames(database) == ["Айгүл"] and not staged(database).exists()


def test_a_copy_cut_short_before_any_rename_is_thrown_away(tmp_path):
    from game.core.storage.sqlite_backup import staged
    database = make_progress(tmp_path, "Айгүл")
    staged(database).write_bytes(database.read_bytes()[:3000])
    before = database.read_bytes()
    report = prepare_progress_file(tmp_path, NOW)
    assert not report.damaged and not report.resumed
    assert database.read_bytes() == before and not staged(database).exists()


def test_a_backup_over_the_progress_file_itself_is_refused(tmp_path, capsys):
    database = make_progress(tmp_path, "Айгүл")
    before = database.read_bytes()
    assert main(["--data-dir", str(tmp_path), "backup", "--out", str(database), "--lang", "en"]) == 1
    assert "is the progress file itself" in capsys.readouterr().err
    assert database.read_bytes() == before


def test_every_zeroed_page_is_noticed_at_start(tmp_path):
    """Issue 20's attack zeroed each page in turn and most went unnoticed: quick_check sees them all."""
    store = SqliteStore.in_folder(tmp_path / "data")
    for n in range(30):
        profile = store.create_profile(f"Бала {n}", "fox", "kk")
        attempt = store.start_attempt(profile.id, "karkaraly", "town-quiz", "quiz")
        for q in range(8):
            store.record_answer(attempt, AnswerRecord(f"q{q}", "жауап" * 10, q % 2 == 0, 900))
        store.finish_attempt(attempt, 4, 8, 1)
        store.save_settings(profile.id, {"text_scale": 1.5})
    store.close()
    with closing(sqlite3.connect(tmp_path / "data" / DB_NAME)) as db:
        size = db.execute("PRAGMA page_size").fetchone()[0]
    sound = (tmp_path / "data" / DB_NAME).read_bytes()
    pages = len(sound) // size
    assert pages >= 20
    for page in range(pages):
        folder = tmp_path / f"page{page + 1}"
        folder.mkdir()
        (folder / DB_NAME).write_bytes(sound[:page * size] + bytes(size) + sound[(page + 1) * size:])
        report = prepare_progress_file(folder, NOW)
        assert report.damaged and report.kept_aside.is_file(), f"page {page + 1} of {pages}"


def test_restore_over_a_damaged_progress_file_keeps_the_damaged_one(tmp_path, capsys):
    database = make_progress(tmp_path / "data", "Айгүл")
    saved = tmp_path / "usb.sqlite3"
    assert main(["--data-dir", str(tmp_path / "data"), "backup", "--out", str(saved)]) == 0
    scribble(database)
    damaged = database.read_bytes()
    assert main(["--data-dir", str(tmp_path / "data"), "restore", str(saved)]) == 0
    assert nicknames(database) == ["Айгүл"]
    [aside] = (tmp_path / "data").glob("progress-before-restore-*.sqlite3")
    assert aside.read_bytes() == damaged
