"""A library's whole catalogue on the map: the map makes as many widgets for 1,000 levels as for 100,
Tab and the jump keys still reach every level, filters find levels by keyboard, and a level file broken
after the map was built is seen when it is pressed."""
import pygame

from game.core.storage import SqliteStore
from game.testing import run_test
from pilot_steps import tab_to

QUIZ = """\
format: 1
id: {id}
type: quiz
title: {{kk: "{title} (kk)", ru: "{title} (ru)", en: "{title}"}}
{extra}questions:
  - {{id: q, type: true_false, prompt: {{kk: а, ru: б, en: Is it so?}}, answer: true,
     explanation: {{kk: а, ru: б, en: It is.}}, source: "a book, p. 3"}}
"""
STORY = """\
format: 1
id: {id}
type: story
title: {{kk: Ертегі, ru: Сказка, en: "{title}"}}
{extra}scenes:
  s1:
    lines:
      - text: {{kk: Бір бар екен, ru: Жили-были, en: Once upon a time}}
"""


def write_pack(root, pack_id, title, levels):
    """levels: [(level id, QUIZ or STORY, title, extra lines)]"""
    folder = root / pack_id
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text(f"format: 1\nid: {pack_id}\ntitle: {{kk: {title}, ru: {title}, en: {title}}}\n"
                                      f"levels: [{', '.join(level[0] for level in levels)}]\n", encoding="utf-8")
    for level_id, template, level_title, extra in levels:
        (folder / f"{level_id}.yaml").write_text(template.format(id=level_id, title=level_title, extra=extra),
                                                 encoding="utf-8")
    return folder


def to_the_map(pilot):
    """The title, then the child who played last, by keyboard."""
    pilot.press("return")
    assert pilot.scene.name == "profiles"
    pilot.press("return")
    assert pilot.scene.name == "map"


def with_a_child(data):
    data.mkdir()
    store = SqliteStore(data / "progress.sqlite3")
    child = store.create_profile("Айгүл", "fox", "en")
    store.close()
    return child


def map_widgets(tmp_path, count):
    """The map's widgets with `count` levels in one pack, and (for the larger one) what Tab and the
    jump keys reach."""
    levels = [(f"level-{n}", QUIZ, f"Level {n}", "") for n in range(1, count + 1)]
    write_pack(tmp_path / "levels", "club", "Club", levels)
    with_a_child(tmp_path / "data")
    with run_test(tmp_path / "data", level_dirs=[tmp_path / "levels"], language="en") as pilot:
        to_the_map(pilot)
        counted = (len(pilot.scene.widgets), len(pilot.app.ui.get_sprite_group().sprites()))
        assert pilot.focused == "level_club_level-1" and len(pilot.scene.entries) == count
        pilot.press("end")
        assert pilot.focused == f"level_club_level-{count}" and pilot.spoken[-1].startswith(f"Quiz: Level {count}.")
        assert f"Level {count}" in pilot.drawn_text()  # scrolled into view
        pilot.press("tab")
        assert pilot.focused == "back"
        pilot.press("shift+tab", "shift+tab")
        assert pilot.focused == f"level_club_level-{count - 1}"
        pilot.press("home", "pagedown")
        assert pilot.focused == "level_club_level-7"  # three cards a row, two rows a page
        assert (len(pilot.scene.widgets), len(pilot.app.ui.get_sprite_group().sprites())) == counted
        pilot.press("return")
        assert pilot.scene.name == "quiz" and pilot.scene.level.id == "level-7"
    return counted


def test_the_map_makes_as_many_widgets_for_1000_levels_as_for_100(tmp_path):
    hundred = map_widgets(tmp_path / "a", 100)
    thousand = map_widgets(tmp_path / "b", 1000)
    assert hundred == thousand
    assert hundred[0] < 30  # a screenful of cards, the filters and two buttons


def shown(pilot) -> list[str]:
    return [entry.level_id for entry, _, _ in pilot.scene.entries]


def test_filters_find_levels_by_keyboard_and_say_how_many(tmp_path):
    write_pack(tmp_path / "levels", "club", "Club", [
        ("level-1", QUIZ, "Young quiz", "age: 6-8\n"), ("level-2", QUIZ, "Older quiz", "age: 12-14\n"),
        ("level-3", QUIZ, "Quiz for all", "")])
    write_pack(tmp_path / "levels", "tales", "Tales", [("tale", STORY, "A tale", "age: 6-8\n")])
    child = with_a_child(tmp_path / "data")
    store = SqliteStore(tmp_path / "data" / "progress.sqlite3")
    store.finish_attempt(store.start_attempt(child.id, "club", "level-1", "quiz"), 1, 1, 3)
    store.close()
    with run_test(tmp_path / "data", level_dirs=[tmp_path / "levels"], language="en") as pilot:
        to_the_map(pilot)
        assert shown(pilot) == ["level-1", "level-2", "level-3", "tale"]
        pilot.press("shift+tab")  # from the first card back to the filters above it
        assert pilot.focused == "filter_new"
        pilot.press("shift+tab", "shift+tab", "shift+tab")
        assert pilot.focused == "filter_pack"
        pilot.press("return")
        assert pilot.spoken[-1] == "Pack: Club. Enter changes the filter. Levels shown: 3."
        pilot.press("return")
        assert shown(pilot) == ["tale"] and pilot.spoken[-1].endswith("Levels shown: 1.")
        pilot.press("return")  # round to every pack
        assert pilot.focused == "filter_pack" and len(shown(pilot)) == 4
        pilot.press("tab", "return")
        assert pilot.spoken[-1].startswith("Age: 6\u20138.")
        assert shown(pilot) == ["level-1", "level-3", "tale"]  # a level that gives no ages is for every age
        pilot.press("tab", "return")
        assert pilot.spoken[-1].startswith("Kind: Quiz.") and shown(pilot) == ["level-1", "level-3"]
        pilot.press("return")
        assert shown(pilot) == ["tale"]
        pilot.press("return", "tab", "return")
        assert pilot.spoken[-1] == "Show: not finished yet. Enter changes the filter. Levels shown: 2."
        assert shown(pilot) == ["level-3", "tale"]
        assert "Quiz for all" in pilot.drawn_text() and "Young quiz" not in pilot.drawn_text()
        pilot.press("tab")  # on to the first level found
        assert pilot.focused == "level_club_level-3" and pilot.spoken[-1].startswith("Quiz: Quiz for all.")
        pilot.press("return")
        assert pilot.scene.name == "quiz" and pilot.scene.level.id == "level-3"
        pilot.press("escape")
        pilot.press("tab", "return") if pilot.scene.name == "quiz" else None  # "leave?" asks first
        assert pilot.scene.name == "map" and shown(pilot) == ["level-3", "tale"]  # the filters stay


def test_nothing_found_says_so(tmp_path):
    write_pack(tmp_path / "levels", "club", "Club", [("level-1", QUIZ, "Young quiz", "age: 6-8\n")])
    with_a_child(tmp_path / "data")
    store = SqliteStore(tmp_path / "data" / "progress.sqlite3")
    other = store.create_profile("Бекзат", "hare", "en")
    store.close()
    with run_test(tmp_path / "data", level_dirs=[tmp_path / "levels"], language="en") as pilot:
        to_the_map(pilot)
        tab_to(pilot, "filter_kind")
        pilot.press("return", "return")
        assert pilot.spoken[-1].endswith("Levels shown: 0.") and shown(pilot) == []
        assert "No level matches these filters" in pilot.drawn_text()
        pilot.press("tab")  # with no cards, Tab goes from the filters to the buttons
        assert pilot.focused == "filter_new"
        pilot.press("tab")
        assert pilot.focused == "back"
        pilot.press("return")  # another child comes to the computer: the filters are not theirs
        tab_to(pilot, f"profile_{other.id}")
        pilot.press("return")
        assert pilot.scene.name == "map" and shown(pilot) == ["level-1"] and pilot.focused == "level_club_level-1"


def test_a_level_broken_after_the_map_was_built_is_seen_when_pressed(tmp_path):
    folder = write_pack(tmp_path / "levels", "club", "Club", [("level-1", QUIZ, "First", ""),
                                                              ("level-2", QUIZ, "Second", "")])
    with_a_child(tmp_path / "data")
    with run_test(tmp_path / "data", level_dirs=[tmp_path / "levels"], language="en") as pilot:
        to_the_map(pilot)
        (folder / "level-1.yaml").write_text("format: 1\nid: level-1\ntype: quiz\ntitle: [unclosed\n",
                                             encoding="utf-8")
        pilot.press("return")
        assert pilot.scene.name == "map" and pilot.focused == "level_club_level-1"
        assert "level-1. This level cannot be played yet" in pilot.spoken[-1]
        assert not pilot.scene.entries[0][0].ok
        pilot.app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False)], 1 / 60)
        assert pilot.scene.name == "map"
