"""What only the PostgreSQL backend has: its schema version in a table, migrations under a lock."""
import pytest

from game.core.storage import NewerDatabaseError
from game.core.storage.migrations import SCHEMA_VERSION


def test_schema_version_reopening_and_newer_databases(postgres_url):
    import psycopg
    from game.core.storage.postgres import PostgresStore
    store = PostgresStore(postgres_url)
    assert store.schema_version == SCHEMA_VERSION
    child = store.create_profile("Айгүл", "fox", "kk")
    store.close()
    again = PostgresStore(postgres_url)  # nothing to migrate: nothing lost
    assert again.profile(child.id).nickname == "Айгүл"
    again.close()
    with psycopg.connect(postgres_url, autocommit=True) as db:
        db.execute("UPDATE schema_version SET version = %s", (SCHEMA_VERSION + 1,))
    with pytest.raises(NewerDatabaseError):
        PostgresStore(postgres_url)


def test_computers_starting_at_once_migrate_once(postgres_url):
    from concurrent.futures import ThreadPoolExecutor
    from game.core.storage.postgres import PostgresStore
    with ThreadPoolExecutor(6) as pool:
        stores = list(pool.map(lambda _: PostgresStore(postgres_url), range(6)))
    assert {store.schema_version for store in stores} == {SCHEMA_VERSION}
    for store in stores:
        store.close()


def test_an_unreachable_server_is_a_storage_error():
    pytest.importorskip("psycopg")
    from game.core.storage import StorageError
    from game.core.storage.postgres import PostgresStore
    import socket
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    with pytest.raises(StorageError) as raised:
        PostgresStore(f"postgresql://nobody@127.0.0.1:{port}/nothing")
    assert raised.value.reason == "unavailable"


def test_erasing_a_child_deletes_every_row_of_them(postgres_url):
    import psycopg
    from game.core.club.desk import ClubDesk
    from game.core.storage import AnswerRecord
    from game.core.storage.postgres import PostgresStore
    store = PostgresStore(postgres_url)
    keep = store.create_profile("Қалған", "owl", "kk")
    child = store.create_profile("Жасырынбақ", "fox", "kk")
    group = store.create_group("Ертекші")
    store.add_to_group(group.id, child.id)
    store.save_settings(child.id, {"secret": "Жасырынбақ"})
    for kid in (keep, child):
        attempt = store.start_attempt(kid.id, "karkaraly", "town-quiz", "quiz")
        store.record_answer(attempt, AnswerRecord("q1", "Жасырынбақ", False, 900))
        store.save_position(kid.id, "karkaraly", "town-quiz", attempt, {"who": kid.nickname}, ("start", 0))
        store.finish_attempt(attempt, 0, 1, 1)
    ClubDesk(store).erase_child(child.id)
    store.close()
    with psycopg.connect(postgres_url) as db:
        for table in ("profiles", "attempts", "best_stars", "saved_positions", "lines_read", "settings",
                      "group_members"):
            column = "id" if table == "profiles" else "profile_id"
            assert db.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = %s", (child.id,)).fetchone()[0] == 0
        assert db.execute("SELECT COUNT(*) FROM answers").fetchone()[0] == 1
        assert db.execute("SELECT COUNT(*) FROM profiles").fetchone()[0] == 1
