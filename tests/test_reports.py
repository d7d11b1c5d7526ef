"""Leader reports: per-level and per-child summaries, for everyone or for a group of children."""
import pytest

from game.core.progress import ProgressStore
from game.core.reports import ChildSummary, LevelSummary, child_summaries, level_summaries


@pytest.fixture
def store(tmp_path):
    store = ProgressStore.in_folder(tmp_path)
    yield store
    store.close()


def _play(store, child, level, stars=None):
    attempt = store.start_attempt(child.id, "karkaraly", level, "quiz")
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

    assert level_summaries(store.db) == [
        LevelSummary("karkaraly", "shaitankol-walk", children=1, average_stars=3.0, three_stars=1, attempts=2),
        LevelSummary("karkaraly", "town-quiz", children=2, average_stars=2.0, three_stars=1, attempts=3),
    ]
    children = child_summaries(store.db)
    assert [c.nickname for c in children] == ["Айгүл", "Дана", "Ерлан"]
    assert children[0] == ChildSummary(aigul.id, "Айгүл", levels_finished=2, stars=6, three_star_levels=2,
                                       attempts=3, last_played_at=None)
    assert children[1].levels_finished == children[1].stars == children[1].attempts == 0
    assert (children[2].levels_finished, children[2].stars, children[2].attempts) == (1, 1, 2)

    group = [erlan.id, dana.id]
    assert [c.nickname for c in child_summaries(store.db, group)] == ["Дана", "Ерлан"]
    assert level_summaries(store.db, group) == [
        LevelSummary("karkaraly", "shaitankol-walk", children=0, average_stars=0.0, three_stars=0, attempts=1),
        LevelSummary("karkaraly", "town-quiz", children=1, average_stars=1.0, three_stars=0, attempts=1),
    ]
    assert level_summaries(store.db, []) == [] and child_summaries(store.db, []) == []
