"""What every backend of the storage port must do (the `store` fixture runs each test once per backend)."""
import time

import pytest

from game.core.leader import lock_data, make_pin, pin_matches
from game.core.storage import AnswerRecord, NicknameTaken


def test_profiles_answers_and_best_stars(store):
    child = store.create_profile("Айгүл", "fox", "kk")
    assert store.profile(child.id) == child and store.profile(child.id + 999) is None
    first = store.start_attempt(child.id, "karkaraly", "town-quiz", "quiz", seed=7)
    store.record_answer(first, AnswerRecord("q1", [2, 0], True, 1500, 1, False, 2, 2))
    store.record_answer(first, AnswerRecord("q2", None, False, 900, 2, True, 0, 1))
    store.finish_attempt(first, 1, 2, 2)
    second = store.start_attempt(child.id, "karkaraly", "town-quiz", "quiz")
    store.finish_attempt(second, 0, 2, 1)  # a worse try keeps the best stars
    assert store.best_stars(child.id) == {("karkaraly", "town-quiz"): 2}
    assert store.answers(first) == [AnswerRecord("q1", [2, 0], True, 1500, 1, False, 2, 2),
                                    AnswerRecord("q2", None, False, 900, 2, True, 0, 1)]
    assert store.answers(second) == []


def test_nicknames_are_unique_ignoring_case(store):
    store.create_profile("Нұр", "owl", "kk")
    assert store.nickname_taken("НҰР") and not store.nickname_taken("Нұрлан")
    with pytest.raises(NicknameTaken):
        store.create_profile("нұр", "eagle", "kk")
    assert [p.nickname for p in store.profiles()] == ["Нұр"]


def test_the_child_who_played_last_comes_first(store):
    first = store.create_profile("Бірінші", "owl", "kk")
    second = store.create_profile("Екінші", "fox", "kk")
    store.start_attempt(first.id, "p", "l", "quiz")  # playing counts as playing: last_played_at is set
    assert [p.id for p in store.profiles()] == [first.id, second.id]
    time.sleep(0.002)  # times are kept to the millisecond: the second plays in a later one
    store.touch_profile(second.id, "ru")
    assert [p.id for p in store.profiles()] == [second.id, first.id]
    assert store.profile(second.id).language == "ru"


def test_a_saved_position_is_kept_until_its_attempt_is_finished(store):
    child = store.create_profile("Дана", "owl", "kk")
    attempt = store.start_attempt(child.id, "p", "tale", "story")
    store.save_position(child.id, "p", "tale", attempt, {"at": 1}, ("start", 0))
    store.save_position(child.id, "p", "tale", attempt, {"at": 2}, ("start", 1))
    store.save_position(child.id, "p", "tale", attempt, {"at": 3})
    saved = store.load_position(child.id, "p", "tale")
    assert (saved.attempt_id, saved.state) == (attempt, {"at": 3})
    assert store.lines_read(child.id, "p", "tale") == {("start", 0), ("start", 1)}
    assert store.load_position(child.id, "p", "other") is None
    store.finish_attempt(attempt, 0, 0, 3)
    assert store.load_position(child.id, "p", "tale") is None
    assert store.lines_read(child.id, "p", "tale") == {("start", 0), ("start", 1)}  # read stays read


def test_settings_of_a_child_fall_back_to_the_computer(store):
    child = store.create_profile("Ерлан", "eagle", "kk")
    assert store.settings(None) is None and store.settings(child.id) is None
    store.save_settings(None, {"text_scale": 2.0})
    assert store.settings(child.id) == {"text_scale": 2.0}
    store.save_settings(child.id, {"text_scale": 1.5})
    assert store.settings(child.id) == {"text_scale": 1.5} and store.settings(None) == {"text_scale": 2.0}


def test_the_leader_pin(store):
    assert store.leader_pin() is None
    store.save_leader_pin(make_pin("2468"))
    assert pin_matches("2468", store.leader_pin())
    store.save_leader_pin(None)
    assert store.leader_pin() is None


def test_the_profile_screen_asks_for_one_page(store):
    kids = [store.create_profile(name, "fox", "kk") for name in ("Арман", "әлия", "Әсел", "Бота", "Zoe", "Дос")]
    for kid in kids:  # who played last comes first: Дос, Zoe, Бота, Әсел, әлия, Арман
        time.sleep(0.002)  # times are kept to the millisecond: no two children played in the same one
        store.touch_profile(kid.id, "kk")
    store.set_archived(kids[3].id, True)  # Бота
    page = store.profile_page(1, 2)
    assert [p.nickname for p in page.profiles] == ["Zoe", "Әсел"] and page.matching == 5
    assert page.initials == {"Z": 1, "А": 1, "Д": 1, "Ә": 1, "ә": 1}
    page = store.profile_page(0, 10, ["Ә", "ә"], skip=[kids[2].id])
    assert [p.nickname for p in page.profiles] == ["әлия"] and page.matching == 1
    assert store.profile_page(4, 10).profiles == [kids[0]] and store.profile_page(5, 10).profiles == []


def test_the_leader_lock_keeps_tries_and_says_a_damaged_record_frees_nothing(store):
    assert store.leader_lock() == {}
    store.save_leader_lock({"tries": {"wrong": 5, "blocked_until": 1e9}, "set_by_command": True})
    assert store.leader_lock() == {"tries": {"wrong": 5, "blocked_until": 1e9}, "set_by_command": True}
    assert store.settings(None) is None  # not one of the settings rows
    assert lock_data("{not json") == {"set_by_command": True, "tries": "damaged"}
