"""The leader's desk in storage: groups, children (rename, archive, erase, merge), play sessions."""
import pytest

from game.core.club.desk import DONE, ClubDesk
from game.core.club.today import profile_screen_page, todays_levels
from game.core.storage import AnswerRecord, DB_NAME, ReportScope, SqliteStore
from game.core.storage.migrations import SCHEMA_VERSION


def _play(store, child, level, right=(True, False), stars=2):
    attempt = store.start_attempt(child.id, "karkaraly", level, "quiz")
    for i, correct in enumerate(right):
        store.record_answer(attempt, AnswerRecord(f"q{i}", i, correct, 1000))
    store.finish_attempt(attempt, sum(right), len(right), stars)
    return attempt


def test_groups_are_made_renamed_and_hold_children(store):
    desk = ClubDesk(store)
    a, b = store.create_profile("Айгүл", "fox", "kk"), store.create_profile("Бек", "owl", "kk")
    assert desk.new_group("  Ертекші,   сейсенбі ") == DONE
    assert desk.new_group("ЕРТЕКШІ, СЕЙСЕНБІ") == "desk.group_taken"
    assert desk.new_group("   ") == "desk.group_empty"
    group = store.groups()[0]
    assert group.name == "Ертекші, сейсенбі" and group.member_ids == ()
    assert desk.toggle_member(group.id, b.id) and desk.toggle_member(group.id, a.id)
    assert store.groups()[0].member_ids == (a.id, b.id)  # by nickname
    assert not desk.toggle_member(group.id, b.id)
    assert store.groups()[0].member_ids == (a.id,)
    assert desk.name_group(group.id, "Ертекші, бейсенбі") == DONE
    assert store.groups()[0].name == "Ертекші, бейсенбі"
    store.delete_group(group.id)
    assert store.groups() == [] and store.profile(a.id) is not None


def test_a_child_is_renamed_given_an_avatar_and_archived(store):
    desk = ClubDesk(store)
    a, b = store.create_profile("Айгүл", "fox", "kk"), store.create_profile("Бек", "owl", "kk")
    assert desk.rename_child(a.id, "Бек") == "create.taken"
    assert desk.rename_child(a.id, "АЙГҮЛ") == DONE  # the same child, other letters' case
    assert desk.rename_child(a.id, "Айгүл Н.") == DONE
    desk.choose_avatar(a.id, "eagle")
    assert store.profile(a.id).nickname == "Айгүл Н." and store.profile(a.id).avatar == "eagle"
    _play(store, b, "town-quiz")
    assert desk.toggle_archived(b.id)
    assert [p.id for p in store.profiles()] == [a.id]
    assert {p.id for p in store.profiles(include_archived=True)} == {a.id, b.id}
    assert [c.nickname for c in store.child_summaries()] == ["Айгүл Н.", "Бек"]  # kept in reports
    assert sum(row.attempts for row in store.progress_totals(ReportScope(), "child")) == 1
    assert not desk.toggle_archived(b.id) and len(store.profiles()) == 2


def test_merging_two_profiles_keeps_every_answer_once_and_the_best_stars(store):
    keep, drop = store.create_profile("Дана", "fox", "kk"), store.create_profile("Дана2", "owl", "kk")
    group = store.create_group("Ертекші")
    store.add_to_group(group.id, drop.id)
    _play(store, keep, "town-quiz", stars=1)
    _play(store, drop, "town-quiz", stars=3)
    _play(store, keep, "explorer", stars=2)
    _play(store, drop, "explorer", stars=1)
    _play(store, drop, "tale", right=(True,), stars=3)
    answers_before = sum(t.first_tries for t in store.answer_totals(ReportScope(), "child"))
    ClubDesk(store).merge_children(keep.id, drop.id)
    assert store.profile(drop.id) is None
    assert store.best_stars(keep.id) == {("karkaraly", "town-quiz"): 3, ("karkaraly", "explorer"): 2,
                                         ("karkaraly", "tale"): 3}
    totals = store.answer_totals(ReportScope(), "child")
    assert [(t.key, t.first_tries) for t in totals] == [((keep.id,), 9)] and answers_before == 9
    assert {(row.key[1], row.levels, row.attempts, row.stars) for row in store.progress_totals(ReportScope(),
                                                                                                "level")} == {
        ("town-quiz", 1, 2, 3), ("explorer", 1, 2, 2), ("tale", 1, 1, 3)}
    assert [(row.key, row.levels, row.finished, row.stars, row.attempts)
            for row in store.progress_totals(ReportScope(), "child")] == [((keep.id, "Дана"), 3, 3, 8, 5)]
    assert store.groups()[0].member_ids == (keep.id,)
    with pytest.raises(ValueError):
        store.merge_profiles(keep.id, keep.id)


def test_a_session_tags_the_attempts_of_its_group_and_knows_who_played(store):
    desk = ClubDesk(store)
    kids = [store.create_profile(name, "fox", "kk") for name in ("Арман", "Бота", "Сәкен", "Дос")]
    outsider = kids.pop()
    group = store.create_group("Ертекші")
    for kid in kids:
        store.add_to_group(group.id, kid.id)
    before = _play(store, kids[0], "town-quiz")
    session = desk.begin_session(group.id, [("karkaraly", "explorer"), ("karkaraly", "town-quiz")])
    assert store.active_session() == session
    assert todays_levels(store, kids[1].id) == (("karkaraly", "explorer"), ("karkaraly", "town-quiz"))
    assert todays_levels(store, outsider.id) == ()
    found = profile_screen_page(store, 0, 11)
    assert found.session_ids == {k.id for k in kids} and [p.id for p in found.profiles] == sorted(
        (k.id for k in kids), key=lambda i: store.profile(i).nickname.casefold()) + [outsider.id]
    for kid in kids[:2] + [outsider]:
        _play(store, kid, "explorer")
    desk.finish_session()
    assert store.active_session() is None and todays_levels(store, kids[1].id) == ()
    after = _play(store, kids[2], "explorer")
    assert store.session_players(session.id) == [kids[0].id, kids[1].id]
    rows = store.progress_totals(ReportScope(session_id=session.id), "child")
    assert sorted((r.key[0], r.attempts) for r in rows) == [(kids[0].id, 1), (kids[1].id, 1)]
    assert before and after  # the attempts before and after the session are not in it
    ended = store.session(session.id)
    assert ended.ended_at is not None and ended.levels == session.levels
    assert store.sessions(group.id) == [ended]
    assert sum(r.attempts for r in store.progress_totals(ReportScope(group_id=group.id), "level")) == 4
    assert [(t.key, t.first_tries, t.first_right, t.time_ms) for t in store.answer_totals(
        ReportScope(session_id=session.id), "level")] == [(("karkaraly", "explorer"), 4, 2, 4000)]
    assert [t.key for t in store.answer_totals(ReportScope(session_id=session.id), "question")] == [
        ("karkaraly", "explorer", "q0"), ("karkaraly", "explorer", "q1")]
    assert store.wrong_answers(ReportScope(session_id=session.id)) == [("karkaraly", "explorer", "q1", 1, 2)]


def test_report_scopes_by_date(store):
    child = store.create_profile("Ерлан", "eagle", "kk")
    _play(store, child, "town-quiz")
    day = store.progress_totals(ReportScope(), "child")[0].last_started[:10]
    assert len(store.progress_totals(ReportScope(since=day, until=day), "child")) == 1
    assert store.answer_totals(ReportScope(since=day, until=day), "day")[0].key == (child.id, day)
    assert store.progress_totals(ReportScope(until="2000-01-01"), "level") == []
    assert store.progress_totals(ReportScope(since="2999-01-01"), "child") == []


def test_letters_follow_the_kazakh_alphabet(store):
    made = [store.create_profile(name, "fox", "kk") for name in ["Өмір", "Аня", "Әлия", "Zoe", "Бек", "ұлан", "Үміт"]]
    store.set_archived(made[-1].id, True)  # Үміт: not on the profile screen
    found = profile_screen_page(store, 0, 11)
    assert found.letters == ["А", "Ә", "Б", "Ө", "Ұ", "Z"] and found.everyone == 6
    assert [p.nickname for p in profile_screen_page(store, 0, 11, "Ұ").profiles] == ["ұлан"]


def test_erasing_a_child_leaves_no_byte_of_them_in_the_file(tmp_path):
    store = SqliteStore.in_folder(tmp_path)
    assert store.schema_version == SCHEMA_VERSION
    keep = store.create_profile("Қалған", "owl", "kk")
    child = store.create_profile("Жасырынбақ", "fox", "kk")
    group = store.create_group("Ертекші")
    store.add_to_group(group.id, child.id)
    store.save_settings(child.id, {"secret": "Жасырынбақ-settings"})
    for level in ("town-quiz", "explorer"):
        _play(store, child, level)
    attempt = store.start_attempt(child.id, "karkaraly", "tale", "story")
    store.save_position(child.id, "karkaraly", "tale", attempt, {"who": "Жасырынбақ"}, ("start", 0))
    _play(store, keep, "town-quiz")
    child_id = child.id
    ClubDesk(store).erase_child(child_id)
    assert store.profile(child_id) is None and store.best_stars(child_id) == {}
    assert store.settings(child_id) is None and store.progress_totals(ReportScope(), "child") != []
    store.close()
    data = b"".join(p.read_bytes() for p in tmp_path.iterdir() if p.name.startswith(DB_NAME))
    for needle in ("Жасырынбақ", "жасырынбақ"):
        assert needle.encode() not in data
    assert "Қалған".encode() in data
    store = SqliteStore.in_folder(tmp_path)
    tables = ("attempts", "best_stars", "saved_positions", "lines_read", "settings", "group_members")
    for table in tables:
        column = "profile_id"
        assert store._db.execute(f"SELECT COUNT(*) FROM {table} WHERE {column} = ?", (child_id,)).fetchone()[0] == 0
    store.close()


@pytest.mark.skipif(__import__("os").name != "posix", reason="POSIX permissions")
def test_the_data_folder_is_readable_only_by_its_user(tmp_path):
    folder = tmp_path / "data"
    SqliteStore.in_folder(folder).close()
    assert folder.stat().st_mode & 0o777 == 0o700
    assert (folder / DB_NAME).stat().st_mode & 0o777 == 0o600


def test_an_erased_child_is_in_no_read_of_any_backend(store):
    keep = store.create_profile("Қалған", "owl", "kk")
    child = store.create_profile("Жасырынбақ", "fox", "kk")
    group = store.create_group("Ертекші")
    for kid in (keep, child):
        store.add_to_group(group.id, kid.id)
    session = store.start_session(group.id, [("karkaraly", "tale")])
    store.save_settings(child.id, {"text_scale": 2})
    _play(store, child, "town-quiz")
    _play(store, keep, "town-quiz", right=(True, True))
    attempt = store.start_attempt(child.id, "karkaraly", "tale", "story")
    store.save_position(child.id, "karkaraly", "tale", attempt, {"line": 1}, ("start", 0))
    ClubDesk(store).erase_child(child.id)
    assert store.profile(child.id) is None and store.best_stars(child.id) == {}
    assert store.settings(child.id) is None and store.load_position(child.id, "karkaraly", "tale") is None
    assert store.lines_read(child.id, "karkaraly", "tale") == set()
    assert [p.id for p in store.profiles(include_archived=True)] == [keep.id]
    assert store.groups()[0].member_ids == (keep.id,) and store.session_players(session.id) == [keep.id]
    assert [row.key for row in store.progress_totals(ReportScope(), "child")] == [(keep.id, "Қалған")]
    assert [row.key for row in store.answer_totals(ReportScope(), "child")] == [(keep.id,)]
    assert store.wrong_answers(ReportScope()) == []
