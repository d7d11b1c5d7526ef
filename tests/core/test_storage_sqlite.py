import sqlite3

import pytest

from game.core.storage import AnswerRecord, NewerDatabaseError, NicknameTaken, SqliteStore
from game.core.storage.migrations import SCHEMA_VERSION


@pytest.fixture
def store(tmp_path):
    store = SqliteStore.in_folder(tmp_path)
    yield store
    store.close()


def test_durability_settings(store):
    assert store.pragma("journal_mode") == "wal"
    assert store.pragma("synchronous") == 2  # FULL


def test_profiles_answers_and_best_stars_survive_reopening(tmp_path):
    store = SqliteStore.in_folder(tmp_path)
    child = store.create_profile("Айгүл", "fox", "kk")
    assert store.nickname_taken("АЙГҮЛ")
    first = store.start_attempt(child.id, "karkaraly", "town-quiz", "quiz")
    store.record_answer(first, AnswerRecord("q1", 2, True, 1500))
    store.record_answer(first, AnswerRecord("q2", False, False, 900))
    store.finish_attempt(first, 1, 2, 2)
    second = store.start_attempt(child.id, "karkaraly", "town-quiz", "quiz")
    store.finish_attempt(second, 0, 2, 1)  # a worse try keeps the best stars
    store.close()
    reopened = SqliteStore.in_folder(tmp_path)
    assert [p.nickname for p in reopened.profiles()] == ["Айгүл"]
    assert reopened.best_stars(child.id) == {("karkaraly", "town-quiz"): 2}
    assert reopened.answers(first) == [AnswerRecord("q1", 2, True, 1500), AnswerRecord("q2", False, False, 900)]
    reopened.close()


def test_an_answer_is_committed_when_record_answer_returns(tmp_path):
    store = SqliteStore.in_folder(tmp_path)
    child = store.create_profile("Ерлан", "eagle", "kk")
    attempt = store.start_attempt(child.id, "p", "l", "quiz")
    store.record_answer(attempt, AnswerRecord("q1", 0, True, 10))
    other = sqlite3.connect(tmp_path / "progress.sqlite3")  # another connection sees it at once
    assert other.execute("SELECT question_id FROM answers").fetchall() == [("q1",)]
    other.close()
    store.close()


def test_nicknames_are_unique_ignoring_case(store):
    store.create_profile("Нұр", "owl", "kk")
    assert store.nickname_taken("НҰР") and store.nickname_taken("нұр")
    assert not store.nickname_taken("Нұрлан")
    with pytest.raises(NicknameTaken):
        store.create_profile("нұр", "owl", "kk")


def test_schema_version_and_newer_databases(tmp_path):
    store = SqliteStore.in_folder(tmp_path)
    assert store.schema_version == SCHEMA_VERSION
    store.close()
    with sqlite3.connect(tmp_path / "progress.sqlite3") as db:
        db.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(NewerDatabaseError):
        SqliteStore.in_folder(tmp_path)


def test_migrations_run_from_an_empty_database_once(tmp_path):
    SqliteStore.in_folder(tmp_path).close()
    store = SqliteStore.in_folder(tmp_path)  # second open: nothing to migrate, no error
    assert store.schema_version == SCHEMA_VERSION
    store.close()


@pytest.mark.parametrize("version", range(1, SCHEMA_VERSION))
def test_a_database_of_every_older_version_still_upgrades(tmp_path, version):
    from game.core.storage.migrations import MIGRATIONS, statements
    old = sqlite3.connect(tmp_path / "progress.sqlite3")
    for step in MIGRATIONS[:version]:
        for statement in statements(step, "sqlite"):
            old.execute(statement)
    old.execute("INSERT INTO profiles (nickname, nickname_key, avatar) VALUES ('Әлия', 'әлия', 'fox')")
    old.execute(f"PRAGMA user_version = {version}")
    old.commit()
    old.close()
    store = SqliteStore.in_folder(tmp_path)
    assert store.schema_version == SCHEMA_VERSION
    assert [p.nickname for p in store.profiles()] == ["Әлия"]
    store.close()
