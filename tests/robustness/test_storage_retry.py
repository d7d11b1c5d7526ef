"""Storage trouble never passes as saved (#20 item 3): an answer the disk refused (full, locked by another
program, read-only) is shown as "not saved yet", kept and tried again in order until it is committed
once; the leader is told on stderr and at the desk; the message names the trouble rightly the first time."""
from __future__ import annotations

import sqlite3
from contextlib import closing

import pytest

import game.core.storage.sqlite as progress
from game.core.sessions import Recorder
from game.core.storage import DB_NAME, StorageError
from test_storage_errors import FailingConnection, make_pack

TROUBLES = [("database or disk is full", "full"), ("database is locked", "busy"),
            ("attempt to write a readonly database", "read_only")]


def test_the_recorder_keeps_a_refused_write_and_tries_again_in_order():
    done, refusing = [], [True]

    def write(name):
        def action():
            if refusing[0]:
                raise StorageError("full")
            done.append(name)
            return name
        return action
    told = []
    recorder = Recorder(told.append)
    assert recorder.write(write("a"), answer=True) == (False, None)
    assert recorder.write(write("p1"), key="position") == (False, None)
    assert recorder.write(write("b"), answer=True) == (False, None)
    assert recorder.write(write("p2"), key="position") == (False, None)  # the newer position replaces p1
    assert recorder.waiting == 3 and recorder.answers_waiting == 2
    refusing[0] = False
    assert not recorder.retry(0.1)  # not yet: the next try comes a little later
    assert done == []
    assert recorder.retry(10.0)
    assert done == ["a", "b", "p2"] and recorder.waiting == 0
    assert recorder.write(write("c")) == (True, "c")  # nothing waits: written at once
    trouble = recorder.troubles[-1]
    assert trouble.reason == "full" and trouble.answers == 2 and trouble.ended
    assert told and all(error.reason == "full" for error in told)


def test_the_tries_come_further_apart_while_the_trouble_lasts():
    def refuse():
        raise StorageError("busy")
    recorder = Recorder()
    recorder.write(refuse)
    tries, now = [], 0.0
    while now < 120:
        now += 0.25
        before = len(recorder.troubles), recorder._next_try
        recorder.retry(now)
        if recorder._next_try != before[1]:
            tries.append(now)
    gaps = [b - a for a, b in zip(tries, tries[1:])]
    assert gaps == sorted(gaps) and max(gaps) <= 30.25 and len(tries) < 12


def start_quiz(pilot):
    from pilot_steps import create_profile, tab_to
    create_profile(pilot, "Dana", "owl")
    tab_to(pilot, "level_disk_quiz")
    pilot.press("return")
    assert pilot.scene.name == "quiz"
    return pilot.scene


@pytest.mark.parametrize("message, reason", TROUBLES)
def test_a_refused_answer_is_never_shown_as_kept_and_is_committed_once_later(tmp_path, capsys, message, reason):
    from game.testing import run_test
    levels = make_pack(tmp_path)
    with run_test(tmp_path / "data", language="en", level_dirs=[levels]) as pilot:
        scene = start_quiz(pilot)
        store, tr = pilot.app.store, pilot.app.tr
        real = store._db
        store._db = FailingConnection(real, message)
        pilot.press("return")  # the answer: refused
        attempt = scene.session.attempt_id
        assert scene.runner.phase.value == "feedback" and not scene.session.feedback.saved
        assert tr(f"storage.{reason}") in pilot.spoken  # rightly named, the first time
        assert any(tr("storage.not_saved") in words for words in pilot.spoken)  # with the feedback, spoken
        assert tr("storage.not_saved") in pilot.drawn_text()
        assert store.answers(attempt) == []
        pilot.advance(120)  # tries while the trouble lasts: still nothing claims it was kept
        assert tr("storage.not_saved") in pilot.drawn_text() and tr("storage.saved_again") not in pilot.spoken
        store._db = real  # the trouble clears
        pilot.advance(30 * 60)
        assert [a.question_id for a in store.answers(attempt)] == ["q0"]  # once
        assert tr("storage.saved_again") in pilot.spoken
        assert tr("storage.not_saved") not in pilot.drawn_text()
        pilot.press("return")
        pilot.press("return")  # the next answer is committed at once again
        assert [a.question_id for a in store.answers(attempt)] == ["q0", "q1"]
        pilot.app.show("desk")  # what the leader sees
        pilot.advance()
        why = tr(f"storage.why_{reason}")
        assert why in pilot.drawn_text()
    err = capsys.readouterr().err
    assert why in err and "progress is saved again; the answers that had waited (1) are kept" in err


def test_a_file_locked_by_another_program_does_not_freeze_and_the_answer_waits(tmp_path):
    """A real lock: another connection holds the write lock. The game waits at most a moment for it."""
    from game.testing import run_test
    levels = make_pack(tmp_path)
    with run_test(tmp_path / "data", language="en", level_dirs=[levels]) as pilot:
        scene = start_quiz(pilot)
        store = pilot.app.store
        assert store._db.execute("PRAGMA busy_timeout").fetchone()[0] <= 500
        with closing(sqlite3.connect(tmp_path / "data" / DB_NAME, isolation_level=None)) as other:
            other.execute("BEGIN IMMEDIATE")
            pilot.press("return")
            attempt = scene.session.attempt_id
            assert not scene.session.feedback.saved
            assert pilot.app.tr("storage.busy") in pilot.spoken
            pilot.advance(90)
            assert store.answers(attempt) == []
            other.execute("COMMIT")
        pilot.advance(30 * 60)
        assert [a.question_id for a in store.answers(attempt)] == ["q0"]


def test_a_level_whose_start_was_refused_keeps_its_answers_once_the_disk_has_room(tmp_path):
    from game.testing import run_test
    from pilot_steps import create_profile, tab_to
    levels = make_pack(tmp_path)
    with run_test(tmp_path / "data", language="en", level_dirs=[levels]) as pilot:
        create_profile(pilot, "Dana", "owl")
        store = pilot.app.store
        real = store._db
        store._db = FailingConnection(real)
        tab_to(pilot, "level_disk_quiz")
        pilot.press("return")
        scene = pilot.scene
        assert scene.session.attempt_id is None  # its start waits
        pilot.press("return")
        pilot.press("return")
        pilot.press("return")
        assert not scene.session.feedback.saved
        store._db = real
        pilot.advance(30 * 60)
        attempt = scene.session.attempt_id
        assert attempt is not None
        assert [a.question_id for a in store.answers(attempt)] == ["q0", "q1"]


def test_an_io_error_on_a_full_disk_is_told_as_full_the_first_time(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    store = progress.SqliteStore.in_folder(folder)
    profile = store.create_profile("Dana", "owl", "en")
    real = store._db
    store._db = FailingConnection(real, "disk I/O error")
    monkeypatch.setattr(progress.shutil, "disk_usage", lambda path: type("U", (), {"free": 4096})())
    with pytest.raises(StorageError) as refused:
        store.start_attempt(profile.id, "disk", "quiz", "quiz")
    assert refused.value.reason == "full"
    monkeypatch.undo()
    with pytest.raises(StorageError) as refused:
        store.start_attempt(profile.id, "disk", "quiz", "quiz")
    assert refused.value.reason in ("unavailable", "read_only")  # room enough: not called full
    store._db = real
    store.close()


def test_a_level_finished_while_the_disk_is_full_says_its_stars_are_not_kept_yet(tmp_path):
    from game.testing import run_test
    levels = make_pack(tmp_path)
    with run_test(tmp_path / "data", language="en", level_dirs=[levels]) as pilot:
        scene = start_quiz(pilot)
        store = pilot.app.store
        real = store._db
        store._db = FailingConnection(real)
        for _ in range(4):
            pilot.press("return", "return")  # each answer, then on
        assert pilot.scene.name == "results" and pilot.scene is not scene
        words = pilot.app.tr("storage.not_saved")
        assert words in pilot.scene.heading() and words in pilot.drawn_text()
        assert store.best_stars(pilot.app.profile.id) == {}
        store._db = real
        pilot.advance(30 * 60)
        assert store.best_stars(pilot.app.profile.id) == {("disk", "quiz"): 3}
        assert words not in pilot.drawn_text()
