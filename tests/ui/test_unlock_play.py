"""Playing with the level metadata: the map says the ages and minutes, a locked level cannot be started
until its prerequisite is finished, and the results screen shows (and says) the books to read next."""
from game.testing import run_test
from pilot_steps import create_profile, play_quiz_right, tab_to

PACK = """\
format: 1
id: club
title: {kk: Үйірме, ru: Кружок, en: Club}
levels: [first, second]
"""
QUIZ = """\
format: 1
id: {id}
type: quiz
title: {{kk: "{title} (kk)", ru: "{title} (ru)", en: "{title}"}}
{extra}questions:
  - {{id: q, type: true_false, prompt: {{kk: а, ru: б, en: Is it so?}}, answer: true,
     explanation: {{kk: а, ru: б, en: It is.}}, source: "a book, p. 3"}}
"""
BOOKS = """\
read_more:
  - title: {kk: «Балалық шаққа саяхат», ru: «Путешествие в детство», en: «Journey to Childhood»}
    author: {kk: Бердібек Соқпақбаев, ru: Бердибек Сокпакбаев, en: Berdibek Sokpakbayev}
    call_number: "84(5Каз)-44"
    library: {kk: Біздің кітапхана, ru: Наша библиотека, en: Our library}
  - title: {kk: «Менің атым Қожа», ru: «Меня зовут Кожа», en: «My Name Is Kozha»}
    author: Бердібек Соқпақбаев
"""


def make_pack(root):
    folder = root / "club"
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(PACK, encoding="utf-8")
    (folder / "first.yaml").write_text(QUIZ.format(id="first", title="The first", extra=(
        "age: [6-8, 9-11]\nminutes: 1\n" + BOOKS)), encoding="utf-8")
    (folder / "second.yaml").write_text(QUIZ.format(id="second", title="The second", extra=(
        "age: 12-14\nminutes: 5\nunlock: {after: first}\n")), encoding="utf-8")
    return root


def test_a_locked_level_cannot_be_opened_until_its_prerequisite_is_finished(tmp_path):
    levels = make_pack(tmp_path / "levels")
    with run_test(tmp_path / "data", level_dirs=[levels], language="en") as pilot:
        create_profile(pilot, "Test", "hare")
        assert pilot.focused == "level_club_first"
        assert pilot.spoken[-1] == "Quiz: The first. 0 of 3 stars. For ages 6 to 11. About 1 minute."
        tab_to(pilot, "level_club_second")  # a locked level is still reached by the keyboard
        assert pilot.spoken[-1] == ("Quiz: The second. 0 of 3 stars. For ages 12 to 14. About 5 minutes. "
                                    "Locked. It opens when you finish «The first».")
        pilot.press("return")
        assert pilot.scene.name == "map"
        assert pilot.spoken[-1] == "This level opens when you finish «The first». Play that one first!"
        pilot.click("level_club_second")  # nor by the mouse
        assert pilot.scene.name == "map"

        tab_to(pilot, "level_club_first")
        pilot.press("return")
        assert pilot.scene.name == "quiz"
        play_quiz_right(pilot, wrong={0})  # any finished attempt counts, whatever the stars
        assert pilot.scene.name == "results"
        pilot.press("escape")
        assert pilot.scene.name == "map"

        tab_to(pilot, "level_club_second")
        assert "Locked" not in pilot.spoken[-1]
        pilot.press("return")
        assert pilot.scene.name == "quiz" and pilot.scene.level.id == "second"


def test_the_lock_belongs_to_each_child(tmp_path):
    levels = make_pack(tmp_path / "levels")
    with run_test(tmp_path / "data", level_dirs=[levels], language="en") as pilot:
        create_profile(pilot, "First child", "hare")
        pilot.press("return")
        play_quiz_right(pilot)
        pilot.press("escape", "escape")
        assert pilot.scene.name == "profiles"
        create_profile(pilot, "Second child", "fox")
        tab_to(pilot, "level_club_second")
        pilot.press("return")
        assert pilot.scene.name == "map" and "Locked" in pilot.spoken[-2]


def test_the_map_shows_ages_minutes_and_the_lock_in_kazakh(tmp_path):
    levels = make_pack(tmp_path / "levels")
    with run_test(tmp_path / "data", level_dirs=[levels], language="kk") as pilot:
        create_profile(pilot, "Айгүл", "fox")
        drawn = record_drawn_text(pilot)
        assert "6–11 жас" in drawn and "1 мин" in drawn and "12–14 жас" in drawn and "5 мин" in drawn
        assert "«The first (kk)» деңгейінен кейін ашылады" in drawn
        card = pilot.scene.focus.items[1].rect
        assert pilot.app.display.canvas.get_rect().contains(card)


def test_the_results_screen_shows_and_says_the_books_to_read(tmp_path):
    levels = make_pack(tmp_path / "levels")
    with run_test(tmp_path / "data", level_dirs=[levels], language="en") as pilot:
        create_profile(pilot, "Test", "hare")
        pilot.press("return")
        play_quiz_right(pilot)
        assert pilot.scene.name == "results"
        said = pilot.spoken[-2]  # the heading, then the focused button
        assert said.endswith("Read more. «Journey to Childhood» — Berdibek Sokpakbayev, Call number: 84(5Каз)-44 · "
                             "Library: Our library. «My Name Is Kozha» — Бердібек Соқпақбаев.")
        drawn = record_drawn_text(pilot)
        assert "Read more" in drawn
        assert "«Journey to Childhood» — Berdibek Sokpakbayev" in drawn
        assert "Call number: 84(5Каз)-44 · Library: Our library" in drawn
        assert "«My Name Is Kozha» — Бердібек Соқпақбаев" in drawn
        pilot.press("f3")  # another language: the books follow
        heading = {"kk": "Тағы оқып көр", "ru": "Почитай ещё"}[pilot.app.lang]
        title = {"kk": "«Балалық шаққа саяхат»", "ru": "«Путешествие в детство»"}[pilot.app.lang]
        drawn = record_drawn_text(pilot)
        assert heading in drawn and title in drawn


def test_a_level_without_books_shows_no_read_more(tmp_path):
    levels = make_pack(tmp_path / "levels")
    with run_test(tmp_path / "data", level_dirs=[levels], language="en") as pilot:
        create_profile(pilot, "Test", "hare")
        pilot.press("return")
        play_quiz_right(pilot)
        pilot.press("escape")
        tab_to(pilot, "level_club_second")
        pilot.press("return")
        play_quiz_right(pilot)
        assert pilot.scene.name == "results"
        assert "Read more" not in pilot.spoken[-2] and "Read more" not in record_drawn_text(pilot)


def record_drawn_text(pilot) -> str:
    return pilot.drawn_text()


def test_the_pack_files_of_these_tests_are_valid(tmp_path):
    from game.core.catalog import validate_paths
    problems, count = validate_paths([make_pack(tmp_path / "levels") / "club"])
    assert [p.format() for p in problems] == [] and count == 2
