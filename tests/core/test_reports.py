"""Leader reports: per-level and per-child summaries, for everyone or for a group of children."""
from game.core.storage import ChildSummary, LevelSummary


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
