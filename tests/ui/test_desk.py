"""The club leader's desk, driven by the keyboard alone: groups, children (rename, archive, erase,
merge), a session from start to end with three children playing, and what the children see of it."""
import pytest

from conftest import Room
from game.core.leader import make_pin
from game.core.storage import ReportScope, SqliteStore
from game.paths import LEVELS
from pilot_steps import fit_problems, play_quiz_right, tab_to

PIN = "2580"
NAMES = ["Айгүл", "Бекзат", "Дана", "Ерлан", "Жанар"]


def _club(room, names=NAMES, scale=1.0):
    store = room.open_store()
    store.save_leader_pin(make_pin(PIN))
    if scale != 1.0:
        store.save_settings(None, {"text_scale": scale})
    kids = {name: store.create_profile(name, "fox", "kk").id for name in names}
    store.close()
    return kids


def _open_desk(pilot):
    assert pilot.scene.name == "title"
    tab_to(pilot, "desk")
    pilot.press("return")
    assert pilot.scene.name == "leader_pin"
    pilot.press(*PIN, "return")
    assert pilot.scene.name == "desk"


def _go(pilot, widget_id, screen):
    tab_to(pilot, widget_id)
    pilot.press("return")
    assert pilot.scene.name == screen, pilot.scene.name


def test_groups_by_keyboard(room):
    kids = _club(room)
    with room.play(language="en") as pilot:
        _open_desk(pilot)
        _go(pilot, "groups", "desk_groups")
        tab_to(pilot, "group_name")
        pilot.type("Ертекші, Tuesday")
        pilot.press("return")
        assert pilot.spoken[-1] == "The group is made."
        store = pilot.app.store
        group = store.groups()[0]
        assert group.name == "Ертекші, Tuesday"
        pilot.type("ертекші, tuesday")
        pilot.press("return")
        assert pilot.spoken[-1] == "There is already a group with that name."
        _go(pilot, f"group_{group.id}", "desk_group")
        for name in ("Айгүл", "Дана", "Жанар"):
            tab_to(pilot, f"child_{kids[name]}")
            pilot.press("return")
            assert pilot.spoken[-1] == f"{name}: in the group"
        pilot.press("space")
        assert pilot.spoken[-1] == "Жанар: not in the group"
        assert set(store.groups()[0].member_ids) == {kids["Айгүл"], kids["Дана"]}
        tab_to(pilot, "group_name")
        for _ in range(len("Tuesday")):
            pilot.press("backspace")
        pilot.type("Friday")
        pilot.press("return")
        assert store.groups()[0].name == "Ертекші, Friday" and pilot.spoken[-1] == "Saved."
        tab_to(pilot, "delete")
        pilot.press("return")
        assert "Its children and their answers stay" in pilot.spoken[-2] and pilot.focused == "cancel"
        pilot.press("return")
        assert store.groups() and pilot.focused == "delete"
        pilot.press("return")
        tab_to(pilot, "delete_yes")
        pilot.press("return")
        pilot.advance()
        assert pilot.scene.name == "desk_groups" and store.groups() == []
        assert len(store.profiles()) == len(NAMES)


def test_children_rename_archive_merge_and_erase_by_keyboard(room):
    kids = _club(room, NAMES + ["Дана2"])
    store = room.open_store()
    for name, stars in (("Дана", 1), ("Дана2", 3)):
        attempt = store.start_attempt(kids[name], "karkaraly", "town-quiz", "quiz")
        store.finish_attempt(attempt, 1, 3, stars)
    store.close()
    with room.play(language="en") as pilot:
        store = pilot.app.store
        _open_desk(pilot)
        _go(pilot, "children", "desk_children")
        _go(pilot, f"child_{kids['Бекзат']}", "desk_child")
        tab_to(pilot, "nickname")
        pilot.press(*["backspace"] * 6)
        pilot.type("Бек")
        pilot.press("return")
        assert store.profile(kids["Бекзат"]).nickname == "Бек" and pilot.spoken[-1] == "Saved."
        _go(pilot, "avatar", "desk_child")
        assert store.profile(kids["Бекзат"]).avatar != "fox"
        tab_to(pilot, "archive")
        pilot.press("return")
        assert "Бек is archived" in pilot.spoken[-2] and store.profile(kids["Бекзат"]).archived
        assert kids["Бекзат"] not in {p.id for p in store.profiles()}
        pilot.press("escape")
        assert pilot.scene.name == "desk_children"

        _go(pilot, f"child_{kids['Дана']}", "desk_child")
        tab_to(pilot, "merge")
        pilot.press("return")
        assert pilot.spoken[-2] == "Which profile is also Дана?"
        tab_to(pilot, f"other_{kids['Дана2']}")
        pilot.press("return")
        assert pilot.spoken[-2].startswith("Merge Дана2 into Дана?") and pilot.focused == "cancel"
        tab_to(pilot, "merge_yes")
        pilot.press("return")
        assert store.profile(kids["Дана2"]) is None
        assert store.best_stars(kids["Дана"]) == {("karkaraly", "town-quiz"): 3}
        assert [r.attempts for r in store.progress_totals(ReportScope(profile_id=kids["Дана"]), "child")] == [2]

        tab_to(pilot, "erase")
        pilot.press("return")
        assert pilot.spoken[-2].startswith("Erase Дана? Everything of this child goes: 0 answer(s)")
        pilot.press("return")  # the focus is on Cancel: nothing goes
        assert store.profile(kids["Дана"]) is not None
        tab_to(pilot, "erase")
        pilot.press("return")
        tab_to(pilot, "erase_yes")
        pilot.press("return")
        pilot.advance()
        assert store.profile(kids["Дана"]) is None and pilot.scene.name == "desk_children"
        assert "Дана is erased." in pilot.spoken


def test_a_session_from_start_to_end_with_three_children_playing(room):
    kids = _club(room)
    store = room.open_store()
    group = store.create_group("Ертекші")
    for name in ("Айгүл", "Дана", "Ерлан", "Жанар"):
        store.add_to_group(group.id, kids[name])
    store.close()
    with room.play(language="en", level_dirs=[LEVELS]) as pilot:
        store = pilot.app.store
        _open_desk(pilot)
        _go(pilot, "session", "desk_session")
        _go(pilot, f"group_{group.id}", "desk_session")
        for level in ("town-quiz", "old-town"):
            tab_to(pilot, f"level_karkaraly_{level}")
            pilot.press("return")
        assert pilot.spoken[-1] == "The mosque and the fair: number 2 today"
        tab_to(pilot, "start")
        pilot.press("return")
        session = store.active_session()
        assert session.levels == (("karkaraly", "town-quiz"), ("karkaraly", "old-town"))
        assert pilot.focused == "end"
        pilot.press("escape", "escape")
        assert pilot.scene.name == "title"

        for name in ("Дана", "Жанар", "Бекзат"):  # Бекзат is not in the group: not in the session
            pilot.press("return")
            assert pilot.scene.name == "profiles"
            if name != "Бекзат":
                group_first = [i for i in pilot.widget_ids() if i.startswith("profile_")][:4]
                assert {int(i.split("_")[1]) for i in group_first} == set(store.groups()[0].member_ids)
            _go(pilot, f"profile_{kids[name]}", "map")
            levels = [i for i in pilot.widget_ids() if i.startswith("level_")]
            if name != "Бекзат":
                assert levels[:2] == ["level_karkaraly_town-quiz", "level_karkaraly_old-town"]
                tab_to(pilot, levels[0])
                assert pilot.spoken[-1].startswith("Today, number 1. Quiz: Do you know Karkaraly?")
            _go(pilot, "level_karkaraly_town-quiz", "quiz")
            play_quiz_right(pilot, wrong={0})
            assert pilot.scene.name == "results"
            pilot.press("escape")
            pilot.press("escape")  # the map: change player
            pilot.press("escape")  # the profiles: the title
            assert pilot.scene.name == "title"

        _open_desk(pilot)
        assert "Session on: Ертекші" in pilot.drawn_text()
        _go(pilot, "session", "desk_session")
        assert "Played so far: Дана, Жанар" in pilot.drawn_text()
        pilot.press("return")  # End the session
        assert "The session has ended. Played: Дана, Жанар" in pilot.spoken
        assert store.active_session() is None
        assert store.session_players(session.id) == [kids["Дана"], kids["Жанар"]]
        assert sum(r.attempts for r in store.progress_totals(ReportScope(session_id=session.id), "child")) == 2


def test_the_profile_screen_copes_with_forty_children(room):
    names = [f"{letter}{i}" for i, letter in enumerate("АӘБВГДЕЖЗИКҚЛМНОӨПРС" * 2)]
    kids = _club(room, names)
    with room.play(language="kk") as pilot:
        pilot.press("return")
        assert pilot.scene.name == "profiles"
        assert pilot.focused.startswith("profile_") and "more" in pilot.widget_ids()
        tab_to(pilot, "letter_Қ")
        pilot.press("return")
        assert pilot.spoken[-1] == "Қ әрпінен басталатын лақап аттар"
        shown = [i for i in pilot.widget_ids() if i.startswith("profile_")]
        assert shown == [f"profile_{kids['Қ11']}", f"profile_{kids['Қ31']}"]
        assert "more" not in pilot.widget_ids()
        tab_to(pilot, f"profile_{kids['Қ31']}")
        pilot.press("return")
        assert pilot.scene.name == "map" and pilot.app.profile.nickname == "Қ31"


def test_the_profile_screen_reads_one_page_of_a_thousand_children(tmp_path, monkeypatch):
    store = SqliteStore(tmp_path / "progress.sqlite3")
    with store._db:  # a library's thousand children, written straight in
        store._db.executemany("INSERT INTO profiles (nickname, nickname_key, avatar, language, last_played_at) "
                              "VALUES (?, ?, 'fox', 'kk', ?)", ((f"Бала{n:04d}", f"бала{n:04d}",
                                                                f"2025-09-01T10:{n // 60 % 60:02d}:{n % 60:02d}.000Z")
                                                               for n in range(1000)))
    store.close()
    asked = []
    page = SqliteStore.profile_page
    monkeypatch.setattr(SqliteStore, "profile_page", lambda self, *a, **k: asked.append(a) or page(self, *a, **k))
    monkeypatch.setattr(SqliteStore, "profiles", lambda *a, **k: pytest.fail("every profile was read"))
    with Room(tmp_path).play(language="kk") as pilot:
        pilot.press("return")
        assert pilot.scene.name == "profiles" and asked == [(0, 11, (), [])]
        shown = [pilot.app.store.profile(int(i.split("_")[1])).nickname for i in pilot.widget_ids()
                 if i.startswith("profile_")]
        assert shown == [f"Бала{n:04d}" for n in range(999, 988, -1)]  # who played last first
        assert "Бала0999" in pilot.spoken[-1] and "letter_Б" in pilot.widget_ids()
        tab_to(pilot, "more")
        pilot.press("return")
        assert asked[-1] == (11, 11, (), []) and "2 / 91" in pilot.drawn_text()


@pytest.mark.parametrize("scale, lang", [(1.0, "en"), (2.0, "kk"), (2.0, "ru")])
def test_the_desk_fits_at_every_text_size(tmp_path, scale, lang):
    room = Room(tmp_path)  # how it looks does not depend on the backend
    kids, group = _played(room, scale)
    with room.play(language=lang, level_dirs=[LEVELS]) as pilot:
        problems = []

        def look(name):
            fit_problems(pilot, name, problems)

        _open_desk(pilot)
        look("desk")
        _go(pilot, "groups", "desk_groups")
        look("groups")
        _go(pilot, f"group_{group.id}", "desk_group")
        look("group")
        tab_to(pilot, "delete")
        pilot.press("return")
        look("group_delete")
        pilot.press("return")
        _go(pilot, "session", "desk_session")
        look("session_levels")
        _go(pilot, "level_karkaraly_town-quiz", "desk_session")
        _go(pilot, "start", "desk_session")
        look("session_on")
        pilot.press("escape", "escape", "escape")
        _go(pilot, "children", "desk_children")
        look("children")
        _go(pilot, f"child_{kids['Дана']}", "desk_child")
        look("child")
        for action in ("erase", "merge"):
            tab_to(pilot, action)
            pilot.press("return")
            look(f"child_{action}")
            pilot.press("escape")
        pilot.press("escape", "escape")
        _go(pilot, "learned", "desk_learned")
        for view in ("children", "levels", "questions"):
            _go(pilot, f"view_{view}", "desk_learned")
            look(f"learned_{view}")
        _go(pilot, "view_children", "desk_learned")
        _go(pilot, f"child_{kids['Дана']}", "desk_learned")
        look("learned_weeks")
        pilot.press("escape", "escape")
        _go(pilot, "reports", "desk_reports")
        _go(pilot, "save_html", "desk_reports")
        look("reports")
        pilot.press("escape")
        _go(pilot, "club", "desk_club")
        _go(pilot, "save_name", "desk_club")
        look("club")
        pilot.press("escape")
        _go(pilot, "certificates", "desk_certificates")
        look("certificates")
        _go(pilot, f"child_{kids['Дана']}", "desk_certificates")
        look("certificates_none")
        pilot.press("escape", "escape", "escape")
        assert pilot.scene.name == "title"
        pilot.press("return")
        look("profiles")
        assert not problems, "\n".join(problems)


def test_reports_are_saved_from_the_desk(room):
    import csv
    kids = _club(room)
    store = room.open_store()
    group = store.create_group("Ертекші")
    store.add_to_group(group.id, kids["Айгүл"])
    attempt = store.start_attempt(kids["Айгүл"], "karkaraly", "town-quiz", "quiz")
    store.finish_attempt(attempt, 3, 3, 3)
    store.close()
    with room.play(language="kk", level_dirs=[LEVELS]) as pilot:
        _open_desk(pilot)
        _go(pilot, "reports", "desk_reports")
        assert pilot.widget_ids()[:2] == ["scope_0", "scope_1"]
        tab_to(pilot, "scope_1")
        pilot.press("return")
        assert pilot.spoken[-1] == "«Ертекші» тобы: таңдалды"
        tab_to(pilot, "save_csv")
        pilot.press("return")
        saved = sorted((room.folder / "reports").iterdir())
        assert [p.suffix for p in saved] == [".csv"] and saved[0].name.endswith(f"-group-{group.id}.csv")
        assert pilot.spoken[-1] == f"Сақталды: {saved[0]}"
        rows = list(csv.reader(saved[0].read_text(encoding="utf-8-sig").splitlines(), delimiter=";"))
        assert rows[2][:4] == ["Айгүл", "1", "1", "3"] and rows[3] == []
        tab_to(pilot, "save_html")
        pilot.press("return")
        assert any(p.suffix == ".html" for p in (room.folder / "reports").iterdir())


def _played(room, scale=1.0):
    """Three children of a group played the town quiz; 'founded' (right: 1924) was the hardest."""
    kids = _club(room, NAMES, scale)
    from game.core.storage import AnswerRecord
    store = room.open_store()
    group = store.create_group("Ертекші")
    plans = {"Айгүл": {"founded": 0}, "Дана": {"founded": 0, "oldest": False}, "Ерлан": {"founded": 2}}
    for name, wrong in plans.items():
        store.add_to_group(group.id, kids[name])
        attempt = store.start_attempt(kids[name], "karkaraly", "town-quiz", "quiz")
        for question, right in (("name", 1), ("founded", 1), ("oldest", True)):  # as in town-quiz.yaml
            answer = wrong.get(question, right)
            store.record_answer(attempt, AnswerRecord(question, answer, answer == right, 4000))
        store.finish_attempt(attempt, 1, 3, 1)
    store.close()
    return kids, group


def test_what_the_children_learned_by_keyboard_and_speech(room):
    kids, group = _played(room)
    with room.play(language="en", level_dirs=[LEVELS]) as pilot:
        _open_desk(pilot)
        _go(pilot, "learned", "desk_learned")
        assert pilot.focused == "scope"
        pilot.press("return")
        assert pilot.spoken[-1] == "Whose play: Group «Ертекші». Press for the next"
        bars = [i for i in pilot.widget_ids() if i.startswith("child_")]
        assert bars == [f"child_{kids[n]}" for n in ("Айгүл", "Дана", "Ерлан")]
        tab_to(pilot, f"child_{kids['Дана']}")
        assert pilot.spoken[-1].startswith("Дана: 33 % right at first try. 1 level(s) finished, 1 star(s)")
        pilot.press("return")
        assert pilot.spoken[-2] == "Дана, week by week"
        assert pilot.focused.startswith("week_") and "33 % right at first try, of 3" in pilot.spoken[-1]
        pilot.press("escape")
        assert pilot.scene.name == "desk_learned" and pilot.scene.child is None
        _go(pilot, "view_questions", "desk_learned")
        questions = [i for i in pilot.widget_ids() if i.startswith("question_")]
        assert questions[0] == "question_town-quiz_founded"
        pilot.press("tab")
        assert pilot.focused == "question_town-quiz_founded"
        assert pilot.spoken[-1] == ("In which year was Karkaraly founded? 0 % right at first try. "
                                    "Wrong answers chosen most: 1924 (2), 1724 (1)")
        _go(pilot, "view_levels", "desk_learned")
        tab_to(pilot, "level_karkaraly_town-quiz")
        assert pilot.spoken[-1] == "Do you know Karkaraly?: 56 % right at first try. Played by 3, finished by 3"


def test_a_certificate_from_the_desk(room):
    kids = _club(room)
    store = room.open_store()
    from game.core.catalog import Catalog
    pack = next(p for p in Catalog.load([LEVELS]).packs if p.pack.id == "karkaraly")
    for level in pack.pack.level_ids:  # Дана finished the whole pack
        store.finish_attempt(store.start_attempt(kids["Дана"], "karkaraly", level, "quiz"), 1, 1, 1)
    store.close()
    with room.play(language="kk", level_dirs=[LEVELS]) as pilot:
        _open_desk(pilot)
        _go(pilot, "certificates", "desk_certificates")
        _go(pilot, f"child_{kids['Ерлан']}", "desk_certificates")
        assert pilot.spoken[-1].startswith("Ерлан әзірге мақтау қағазын алған жоқ")
        pilot.press("escape")
        _go(pilot, f"child_{kids['Дана']}", "desk_certificates")
        tab_to(pilot, "cert_pack-karkaraly")
        assert pilot.spoken[-1] == "«Қарқаралы» жинағының барлық деңгейін өткені үшін"
        pilot.press("return")
        pdf = room.folder / "reports" / f"olketanu-certificate-{kids['Дана']}-pack-karkaraly.pdf"
        assert pdf.is_file() and pdf.with_suffix(".png").is_file()
        assert pilot.spoken[-1].startswith(f"Сақталды: {pdf.name}")
