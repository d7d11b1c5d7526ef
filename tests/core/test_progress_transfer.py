"""Progress that moves: a child, a group or a whole computer exported to one file and imported on another
computer (two data folders here), merged once, whatever is imported twice; damaged and newer files refused
with nothing changed; nickname clashes resolved by the documented rule."""
from __future__ import annotations

import gzip
import json
import sqlite3
from contextlib import closing
from pathlib import Path

import pytest

from game.cli import main
from game.core.storage import DB_NAME, AnswerRecord, SqliteStore
from game.core.transfer import (FORMAT_VERSION, TransferError, export_progress, import_progress, plan_nicknames,
                                read_progress_file)

TABLES = ("profiles", "attempts", "answers", "best_stars", "saved_positions", "lines_read", "settings",
          "club_groups", "group_members")


def play_quiz(store, profile_id, stars, answers=(("q1", True), ("q2", False)), finish=True, level="town-quiz"):
    attempt = store.start_attempt(profile_id, "karkaraly", level, "quiz", seed=stars + 10)
    for question, right in answers:
        store.record_answer(attempt, AnswerRecord(question, "b" if right else "a", right, 1200))
    if finish:
        store.finish_attempt(attempt, sum(r for _, r in answers), len(answers), stars)
    return attempt


def first_computer(folder: Path) -> None:
    """Айгүл (fox) in «Ертекші» with two quizzes and a story half read; Ерлан (owl), alone."""
    store = SqliteStore.in_folder(folder)
    aigul = store.create_profile("Айгүл", "fox", "kk")
    erlan = store.create_profile("Ерлан", "owl", "ru")
    store.save_settings(aigul.id, {"text_scale": 2.0, "high_contrast": True})
    play_quiz(store, aigul.id, 2)
    play_quiz(store, aigul.id, 3)
    story = store.start_attempt(aigul.id, "karkaraly", "shaitankol-walk", "story", seed=5)
    store.save_position(aigul.id, "karkaraly", "shaitankol-walk", story, {"scene": "start", "line": 1},
                        ("start", 0))
    store.save_position(aigul.id, "karkaraly", "shaitankol-walk", story, {"scene": "start", "line": 2},
                        ("start", 1))
    play_quiz(store, erlan.id, 1)
    group = store.create_group("Ертекші")
    store.add_to_group(group.id, aigul.id)
    store.close()


def dump(folder: Path) -> dict:
    """Every row of every table a transfer touches, without the local ids."""
    with closing(sqlite3.connect(folder / DB_NAME)) as db:
        return {
            "profiles": sorted(db.execute("SELECT nickname, avatar, language, archived, created_at, last_played_at "
                                          "FROM profiles")),
            "attempts": sorted(db.execute(
                "SELECT profiles.nickname, pack_id, level_id, kind, seed, started_at, finished_at, correct, total, "
                "stars FROM attempts JOIN profiles ON profiles.id = attempts.profile_id")),
            "answers": sorted(db.execute(
                "SELECT attempts.started_at, question_id, answer, answers.correct, time_ms, attempt_number, answered_at "
                "FROM answers JOIN attempts ON attempts.id = answers.attempt_id")),
            "best_stars": sorted(db.execute("SELECT profiles.nickname, pack_id, level_id, stars FROM best_stars "
                                            "JOIN profiles ON profiles.id = best_stars.profile_id")),
            "saved_positions": sorted(db.execute(
                "SELECT profiles.nickname, saved_positions.level_id, attempts.started_at, state, saved_at "
                "FROM saved_positions JOIN profiles ON profiles.id = saved_positions.profile_id "
                "JOIN attempts ON attempts.id = saved_positions.attempt_id")),
            "lines_read": sorted(db.execute("SELECT profiles.nickname, level_id, scene, line_index FROM lines_read "
                                            "JOIN profiles ON profiles.id = lines_read.profile_id")),
            "settings": sorted(db.execute("SELECT profiles.nickname, data FROM settings "
                                          "JOIN profiles ON profiles.id = settings.profile_id")),
            "groups": sorted(db.execute("SELECT club_groups.name, profiles.nickname FROM group_members "
                                        "JOIN club_groups ON club_groups.id = group_members.group_id "
                                        "JOIN profiles ON profiles.id = group_members.profile_id")),
        }


def imported(folder: Path, file: Path):
    store = SqliteStore.in_folder(folder)
    try:
        return import_progress(store, file)
    finally:
        store.close()


def export_all(folder: Path, out: Path, *, child: str | None = None) -> None:
    selection = ["--child", child] if child else ["--all"]
    assert main(["--data-dir", str(folder), "export-progress", *selection, "--out", str(out), "--lang", "en"]) == 0


def test_a_round_trip_moves_everything_and_a_second_import_changes_nothing(tmp_path, capsys):
    one, two, moved = tmp_path / "one", tmp_path / "two", tmp_path / "club.olketanu.gz"
    first_computer(one)
    export_all(one, moved)
    SqliteStore.in_folder(two).close()

    assert main(["--data-dir", str(two), "import-progress", str(moved), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "2 new child(ren)" in out and "1 level(s) with a newer place" in out and "2 story line(s) newly read" in out
    assert dump(two) == dump(one)
    store = SqliteStore.in_folder(two)
    aigul = next(p for p in store.profiles() if p.nickname == "Айгүл")
    assert store.best_stars(aigul.id) == {("karkaraly", "town-quiz"): 3}
    assert store.settings(aigul.id) == {"text_scale": 2.0, "high_contrast": True}
    saved = store.load_position(aigul.id, "karkaraly", "shaitankol-walk")
    assert saved.state == {"scene": "start", "line": 2}
    assert store.lines_read(aigul.id, "karkaraly", "shaitankol-walk") == {("start", 0), ("start", 1)}
    assert [g.name for g in store.groups()] == ["Ертекші"] and store.groups()[0].member_ids == (aigul.id,)
    store.close()

    before = dump(two)
    assert main(["--data-dir", str(two), "import-progress", str(moved), "--lang", "en"]) == 0
    assert "nothing new" in capsys.readouterr().out
    assert dump(two) == before
    origin = dump(one)  # and taken back where it came from, it changes nothing there either
    assert main(["--data-dir", str(one), "import-progress", str(moved), "--lang", "en"]) == 0
    assert dump(one) == origin


def test_a_merge_keeps_every_answer_once_and_the_best_stars(tmp_path):
    """Айгүл played on both computers: after the import the second has the play of both, and the first
    computer's better stars; an unfinished attempt finished on the other computer is finished here."""
    one, two = tmp_path / "one", tmp_path / "two"
    first_computer(one)
    export_all(one, tmp_path / "first.gz")
    store = SqliteStore.in_folder(two)
    store.import_children(read_progress_file(tmp_path / "first.gz"))  # last week's visit
    aigul = next(p for p in store.profiles() if p.nickname == "Айгүл")
    play_quiz(store, aigul.id, 1, level="town-quiz")  # a worse try here
    play_quiz(store, aigul.id, 2, level="lakes-quiz")  # a level only played here
    store.close()

    store = SqliteStore.in_folder(one)  # she went on on the first computer: finished the story there
    aigul_one = next(p for p in store.profiles() if p.nickname == "Айгүл")
    story = store.load_position(aigul_one.id, "karkaraly", "shaitankol-walk").attempt_id
    store.record_answer(story, AnswerRecord("in-story", 1, True, 800))
    store.finish_attempt(story, 1, 1, 3)
    store.close()
    export_all(one, tmp_path / "second.gz", child="айгүл")

    store = SqliteStore.in_folder(two)
    report = import_progress(store, tmp_path / "second.gz")
    assert (report.new_children, report.same_children, report.attempts, report.answers) == (0, 1, 1, 1)
    assert store.best_stars(aigul.id) == {("karkaraly", "town-quiz"): 3, ("karkaraly", "lakes-quiz"): 2,
                                          ("karkaraly", "shaitankol-walk"): 3}
    assert store.load_position(aigul.id, "karkaraly", "shaitankol-walk") is None  # finished, so not resumed
    store.close()
    answers = dump(two)["answers"]
    # from the first file: Айгүл's two quizzes and Ерлан's one (two answers each); two quizzes played here; the story's one
    assert len(answers) == len(set(answers)) == 3 * 2 + 2 * 2 + 1
    assert not imported(two, tmp_path / "second.gz").changed


def test_a_nickname_clash_is_resolved_by_the_picture(tmp_path, capsys):
    one, two, moved = tmp_path / "one", tmp_path / "two", tmp_path / "club.gz"
    first_computer(one)
    export_all(one, moved)
    store = SqliteStore.in_folder(two)
    other_aigul = store.create_profile("АЙГҮЛ", "eagle", "kk")  # another child, another picture
    same_erlan = store.create_profile("Ерлан", "owl", "kk")  # the same child: same nickname, same picture
    store.close()

    assert main(["--data-dir", str(two), "import-progress", str(moved), "--lang", "en"]) == 0
    out = capsys.readouterr().out
    assert "Here «Айгүл» is another child (another picture), so the child from the file is «Айгүл (2)»" in out
    store = SqliteStore.in_folder(two)
    by_name = {p.nickname: p for p in store.profiles()}
    assert set(by_name) == {"АЙГҮЛ", "Айгүл (2)", "Ерлан"}
    assert by_name["Ерлан"].id == same_erlan.id and store.best_stars(same_erlan.id) == {("karkaraly", "town-quiz"): 1}
    assert store.best_stars(other_aigul.id) == {}
    assert store.best_stars(by_name["Айгүл (2)"].id) == {("karkaraly", "town-quiz"): 3}
    store.close()

    before = dump(two)  # the second import finds "Айгүл (2)" again instead of making "Айгүл (3)"
    assert main(["--data-dir", str(two), "import-progress", str(moved), "--lang", "en"]) == 0
    assert dump(two) == before


def test_the_nickname_rule_is_deterministic():
    here = {"айгүл": "eagle", "айгүл (2)": "owl"}
    assert plan_nicknames([("Айгүл", "fox"), ("Нұр", "fox")], here) == {"Айгүл": "Айгүл (3)", "Нұр": "Нұр"}
    assert plan_nicknames([("Айгүл", "owl")], here) == {"Айгүл": "Айгүл (2)"}
    assert plan_nicknames([("Абылайхан Нұрсұлтанұлы", "fox")][:1], {"абылайхан нұрсұлтанұлы": "owl"}) == \
        {"Абылайхан Нұрсұлтанұлы": "Абылайхан Нұрсұл (2)"}  # still at most 20 letters


def write_document(path: Path, document: dict) -> None:
    path.write_bytes(gzip.compress(json.dumps(document, ensure_ascii=False).encode()))


@pytest.mark.parametrize("lang, words", [("en", "damaged or cut short"), ("ru", "повреждён или обрезан"),
                                         ("kk", "зақымдалған немесе толық емес")])
def test_a_damaged_file_is_refused_with_nothing_changed(tmp_path, capsys, lang, words):
    one, two, moved = tmp_path / "one", tmp_path / "two", tmp_path / "club.gz"
    first_computer(one)
    export_all(one, moved)
    SqliteStore.in_folder(two).close()
    cut = tmp_path / "cut.gz"
    cut.write_bytes(moved.read_bytes()[: len(moved.read_bytes()) * 2 // 3])
    before = dump(two)
    assert main(["--data-dir", str(two), "import-progress", str(cut), "--lang", lang]) == 1
    err = capsys.readouterr().err
    assert words in err and "cut.gz" in err
    assert dump(two) == before


def test_a_scribbled_or_malformed_file_is_refused(tmp_path):
    one, moved = tmp_path / "one", tmp_path / "club.gz"
    first_computer(one)
    export_all(one, moved)
    raw = bytearray(moved.read_bytes())
    raw[len(raw) // 2] ^= 0xFF
    scribbled = tmp_path / "scribbled.gz"
    scribbled.write_bytes(bytes(raw))
    with pytest.raises(TransferError) as refused:
        read_progress_file(scribbled)
    assert refused.value.reason == "damaged"

    document = read_progress_file(moved)
    document["children"][0]["attempts"][0]["seed"] = "seven"
    write_document(tmp_path / "bad.gz", document)
    with pytest.raises(TransferError) as refused:
        read_progress_file(tmp_path / "bad.gz")
    assert (refused.value.reason, refused.value.detail) == ("damaged", "children[0].attempts[0].seed")

    (tmp_path / "plain.txt").write_text("hello")
    with pytest.raises(TransferError) as refused:
        read_progress_file(tmp_path / "plain.txt")
    assert refused.value.reason == "not_progress"


def test_a_newer_format_is_refused_with_nothing_changed(tmp_path, capsys):
    one, two, moved = tmp_path / "one", tmp_path / "two", tmp_path / "club.gz"
    first_computer(one)
    export_all(one, moved)
    document = read_progress_file(moved)
    document["format_version"] = FORMAT_VERSION + 1
    document["children"][0]["something_new"] = True  # a newer format may hold what this one does not know
    newer = tmp_path / "newer.gz"
    write_document(newer, document)
    SqliteStore.in_folder(two).close()
    before = dump(two)
    for lang, words in (("en", "newer version of the game"), ("ru", "более новой версией игры"),
                        ("kk", "жаңарақ нұсқасы")):
        assert main(["--data-dir", str(two), "import-progress", str(newer), "--lang", lang]) == 1
        err = capsys.readouterr().err
        assert words in err and f"{FORMAT_VERSION + 1}" in err
    assert dump(two) == before


def test_an_import_that_fails_half_way_keeps_nothing(tmp_path):
    one, two, moved = tmp_path / "one", tmp_path / "two", tmp_path / "club.gz"
    first_computer(one)
    export_all(one, moved)
    data = read_progress_file(moved)
    data["children"][1]["attempts"][0]["answers"][0]["time_ms"] = None  # NOT NULL: fails after the first child
    store = SqliteStore.in_folder(two)
    with pytest.raises(sqlite3.IntegrityError):
        store.import_children(data)
    assert store.profiles(include_archived=True) == []
    store.close()
    assert all(not rows for rows in dump(two).values())


def test_a_group_is_exported_with_its_children_only(tmp_path, capsys):
    one, moved = tmp_path / "one", tmp_path / "group.gz"
    first_computer(one)
    assert main(["--data-dir", str(one), "export-progress", "--group", "ертекші", "--out", str(moved),
                 "--lang", "en"]) == 0
    assert "1 child(ren)" in capsys.readouterr().out
    document = read_progress_file(moved)
    assert [c["nickname"] for c in document["children"]] == ["Айгүл"]
    assert document["groups"] == [{"name": "Ертекші", "created_at": document["groups"][0]["created_at"],
                                   "members": ["Айгүл"]}]
    assert document["format"] == "olketanu-progress" and document["format_version"] == FORMAT_VERSION
    assert main(["--data-dir", str(one), "export-progress", "--child", "Нет", "--out", str(moved),
                 "--lang", "ru"]) == 1
    assert "нет ребёнка по имени «Нет»" in capsys.readouterr().err


def test_a_file_to_an_unwritable_place_is_refused(tmp_path):
    one = tmp_path / "one"
    first_computer(one)
    store = SqliteStore.in_folder(one)
    with pytest.raises(TransferError) as refused:
        export_progress(store, tmp_path / "no such folder" / "club.gz")
    store.close()
    assert refused.value.reason == "unwritable" and not (tmp_path / "no such folder").exists()


def moved_part(document: dict) -> dict:
    """What a file moves: the children and the groups (no local ids are in it)."""
    return {"children": document["children"], "groups": document["groups"]}


def test_every_backend_takes_a_file_in_once_and_gives_the_same_back(tmp_path, store):
    """A computer's file into the room's server (or another computer), twice, and exported from there."""
    one, moved = tmp_path / "one", tmp_path / "club.gz"
    first_computer(one)
    export_all(one, moved)
    report = import_progress(store, moved)
    assert (report.new_children, report.attempts, report.answers, report.groups) == (2, 4, 6, 1)
    assert not import_progress(store, moved).changed
    assert store.export_children() == moved_part(read_progress_file(moved))
    aigul = next(p for p in store.profiles() if p.nickname == "Айгүл")
    assert store.best_stars(aigul.id) == {("karkaraly", "town-quiz"): 3}
    assert store.load_position(aigul.id, "karkaraly", "shaitankol-walk").state == {"scene": "start", "line": 2}
    assert [c["nickname"] for c in store.export_children([aigul.id])["children"]] == ["Айгүл"]
    assert store.export_children([]) == {"children": [], "groups": []}


def test_every_backend_keeps_nothing_of_an_import_that_fails_half_way(tmp_path, store):
    one, moved = tmp_path / "one", tmp_path / "club.gz"
    first_computer(one)
    export_all(one, moved)
    data = read_progress_file(moved)
    data["children"][1]["attempts"][0]["answers"][0]["time_ms"] = None  # NOT NULL: fails after the first child
    with pytest.raises(Exception, match="(?i)not.null"):
        store.import_children(data)
    assert store.profiles(include_archived=True) == [] and store.groups() == []


def test_a_story_read_further_elsewhere_goes_on_from_the_newer_place(tmp_path):
    one, two = tmp_path / "one", tmp_path / "two"
    first_computer(one)
    export_all(one, tmp_path / "first.gz")
    imported(two, tmp_path / "first.gz")
    store = SqliteStore.in_folder(one)
    aigul = next(p for p in store.profiles() if p.nickname == "Айгүл")
    story = store.load_position(aigul.id, "karkaraly", "shaitankol-walk").attempt_id
    store.save_position(aigul.id, "karkaraly", "shaitankol-walk", story, {"scene": "lake", "line": 0}, ("lake", 0))
    store.close()
    export_all(one, tmp_path / "second.gz", child="Айгүл")
    store = SqliteStore.in_folder(two)
    report = import_progress(store, tmp_path / "second.gz")
    assert (report.positions, report.lines_read, report.attempts, report.answers) == (1, 1, 0, 0) and report.changed
    aigul = next(p for p in store.profiles() if p.nickname == "Айгүл")
    assert store.load_position(aigul.id, "karkaraly", "shaitankol-walk").state == {"scene": "lake", "line": 0}
    store.close()
    before = dump(two)
    imported(two, tmp_path / "first.gz")  # an older file brings nothing older back
    assert dump(two) == before


def test_a_file_written_to_a_device_or_a_pipe_goes_into_it_and_leaves_it_one(tmp_path):
    """`--out /dev/null` once replaced the device itself with a plain file (the last step of writing a file
    whole is a rename): a target that is not a plain file is written into, and stays what it was."""
    import os
    import stat
    import threading
    one = tmp_path / "one"
    first_computer(one)
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received = []
    reader = threading.Thread(target=lambda: received.append(pipe.read_bytes()))
    reader.start()
    store = SqliteStore.in_folder(one)
    try:
        assert export_progress(store, pipe) == 2
    finally:
        store.close()
    reader.join(30)
    assert stat.S_ISFIFO(pipe.stat().st_mode) and received and gzip.decompress(received[0]).startswith(b"{")
    assert not list(tmp_path.glob("pipe.part"))
