"""Leader reports: per-level and per-child summaries, for everyone or for a group of children."""
from itertools import count

import pytest

from game.core.storage import ChildSummary, LevelSummary

SEEDS = count(1)  # each attempt its own shuffle, as in play: an attempt is known by its start and its seed


def _play(store, child, level, stars=None):
    attempt = store.start_attempt(child.id, "karkaraly", level, "quiz", seed=next(SEEDS))
    if stars is not None:
        store.finish_attempt(attempt, stars * 3, 9, stars)


def test_summaries_per_level_and_per_child(store):
    aigul = store.create_profile("Айгүл", "fox", "kk")
    erlan = store.create_profile("Ерлан", "eagle", "kk")
    dana = store.create_profile("Дана", "owl", "ru")
    _play(store, aigul, "town-quiz", 2)
    _play(store, aigul, "town-quiz", 3)
    _play(store, aigul, "shaitankol-walk", 3)
    _play(store, erlan, "town-quiz", 1)
    _play(store, erlan, "shaitankol-walk")  # started, not finished

    assert store.level_summaries() == [
        LevelSummary("karkaraly", "shaitankol-walk", children=1, average_stars=3.0, three_stars=1, attempts=2),
        LevelSummary("karkaraly", "town-quiz", children=2, average_stars=2.0, three_stars=1, attempts=3),
    ]
    children = store.child_summaries()
    assert [c.nickname for c in children] == ["Айгүл", "Дана", "Ерлан"]
    assert children[0] == ChildSummary(aigul.id, "Айгүл", levels_finished=2, stars=6, three_star_levels=2,
                                       attempts=3, last_played_at=children[0].last_played_at)
    assert children[0].last_played_at is not None and children[1].last_played_at is None  # Дана never played
    assert children[1].levels_finished == children[1].stars == children[1].attempts == 0
    assert (children[2].levels_finished, children[2].stars, children[2].attempts) == (1, 1, 2)

    group = [erlan.id, dana.id]
    assert [c.nickname for c in store.child_summaries(group)] == ["Дана", "Ерлан"]
    assert store.level_summaries(group) == [
        LevelSummary("karkaraly", "shaitankol-walk", children=0, average_stars=0.0, three_stars=0, attempts=1),
        LevelSummary("karkaraly", "town-quiz", children=1, average_stars=1.0, three_stars=0, attempts=1),
    ]
    assert store.level_summaries([]) == [] and store.child_summaries([]) == []


def _levels_agree(store, children) -> bool:
    """The kept totals over everyone say what the same report over every child as a group (read from
    best_stars and attempts themselves) says."""
    return store.level_summaries() == store.level_summaries([c.id for c in children])


def _children(store) -> list[tuple]:
    return [(c.nickname, c.levels_finished, c.stars, c.three_star_levels, c.attempts)
            for c in store.child_summaries()]


def test_the_totals_over_everyone_follow_every_kind_of_write(store):
    aigul = store.create_profile("Айгүл", "fox", "kk")
    erlan = store.create_profile("Ерлан", "eagle", "kk")
    dana = store.create_profile("Дана", "owl", "ru")
    _play(store, aigul, "town-quiz", 2)
    _play(store, aigul, "town-quiz", 3)
    _play(store, erlan, "town-quiz", 2)
    _play(store, erlan, "shaitankol-walk", 1)
    _play(store, dana, "shaitankol-walk")
    assert _levels_agree(store, [aigul, erlan, dana]) and store.level_summaries()[1].average_stars == 2.5
    assert _children(store) == [("Айгүл", 1, 3, 1, 2), ("Дана", 0, 0, 0, 1), ("Ерлан", 2, 3, 0, 2)]

    store.merge_profiles(aigul.id, erlan.id)  # attempts move, the best of both stays
    assert _children(store) == [("Айгүл", 2, 4, 1, 4), ("Дана", 0, 0, 0, 1)]
    assert _levels_agree(store, [aigul, dana])
    assert [(s.level_id, s.children, s.three_stars, s.attempts) for s in store.level_summaries()] \
        == [("shaitankol-walk", 1, 0, 2), ("town-quiz", 1, 1, 3)]

    kept = store.export_children([aigul.id])
    store.erase_profile(aigul.id)  # everything of hers goes, from the totals too
    assert [(s.level_id, s.children, s.attempts) for s in store.level_summaries()] == [("shaitankol-walk", 0, 1)]
    store.import_children(kept)  # and comes back
    back = next(p for p in store.profiles() if p.nickname == "Айгүл")
    assert _levels_agree(store, [back, dana])
    assert _children(store) == [("Айгүл", 2, 4, 1, 4), ("Дана", 0, 0, 0, 1)]


def _older_sqlite(path) -> None:
    """A progress file of the step before the kept totals, with a year of play in it."""
    import sqlite3
    from game.core.storage.migrations import MIGRATIONS, SCHEMA_VERSION, statements
    old = sqlite3.connect(path)
    for step in MIGRATIONS[:SCHEMA_VERSION - 1]:
        for statement in statements(step, "sqlite"):
            old.execute(statement)
    for pid, name in ((1, "Айгүл"), (2, "Ерлан")):
        old.execute("INSERT INTO profiles (id, nickname, nickname_key, avatar) VALUES (?, ?, ?, 'fox')",
                    (pid, name, name.casefold()))
    old.executemany("INSERT INTO attempts (profile_id, pack_id, level_id, kind, stars) VALUES (?, 'karkaraly', ?, "
                    "'quiz', ?)", [(1, "town-quiz", 3), (1, "town-quiz", None), (2, "town-quiz", 2),
                                   (2, "shaitankol-walk", None)])
    old.executemany("INSERT INTO best_stars VALUES (?, 'karkaraly', 'town-quiz', ?)", [(1, 3), (2, 2)])
    old.execute(f"PRAGMA user_version = {SCHEMA_VERSION - 1}")
    old.commit()
    old.close()


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"])
def test_the_totals_step_counts_what_an_older_database_holds(request, tmp_path, backend):
    if backend == "sqlite":
        from game.core.storage import SqliteStore
        _older_sqlite(tmp_path / "progress.sqlite3")
        store = SqliteStore.in_folder(tmp_path)
    else:
        import psycopg
        from game.core.storage.migrations import SCHEMA_VERSION
        from game.core.storage.postgres import PostgresStore
        url = request.getfixturevalue("postgres_url")
        store = PostgresStore(url)
        for name, level, stars in (("Айгүл", "town-quiz", 3), ("Айгүл", "town-quiz", None),
                                   ("Ерлан", "town-quiz", 2), ("Ерлан", "shaitankol-walk", None)):
            child = next((p for p in store.profiles() if p.nickname == name), None) \
                or store.create_profile(name, "fox", "kk")
            _play(store, child, level, stars)
        store.close()
        with psycopg.connect(url, autocommit=True) as db:  # back to the step before, the rows kept
            db.execute("DROP TABLE child_totals, level_totals")
            db.execute("DROP FUNCTION best_stars_totals, attempts_totals CASCADE")
            db.execute("UPDATE schema_version SET version = %s", (SCHEMA_VERSION - 1,))
        store = PostgresStore(url)
    assert [(c.nickname, c.levels_finished, c.stars, c.three_star_levels, c.attempts)
            for c in store.child_summaries()] == [("Айгүл", 1, 3, 1, 2), ("Ерлан", 1, 2, 0, 2)]
    assert [(s.level_id, s.children, s.average_stars, s.three_stars, s.attempts) for s in store.level_summaries()] \
        == [("shaitankol-walk", 0, 0.0, 0, 1), ("town-quiz", 2, 2.5, 1, 3)]
    store.close()
