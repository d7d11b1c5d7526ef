"""Every question type played through the real scenes: by keyboard alone, and by pointer alone."""
import pytest

from conftest import ROOT
from game.testing import run_test
from pilot_steps import answer_current, create_profile, open_level, tab_to

PACKS = ROOT / "tests" / "packs"
from game.core.questions import KINDS


@pytest.mark.parametrize("way", ["keyboard", "mouse", "touch"])
def test_every_type_answered_right_gives_three_stars(tmp_path, way):
    with run_test(tmp_path, level_dirs=[PACKS], language="en") as pilot:
        create_profile(pilot, "Tester", "owl")
        open_level(pilot, "level_types_all-types")
        attempt = pilot.scene.session.attempt_id
        seen = []
        while pilot.scene.name == "quiz":
            runner = pilot.scene.runner
            seen.append(runner.current.kind)
            answer_current(pilot, mouse=way == "mouse", touch=way == "touch")
            assert runner.phase.value == "feedback", runner.current.kind
            assert runner.last_answer.correct, (runner.current.kind, runner.last_answer)
            assert pilot.spoken[-2].startswith("Right!")
            pilot.press("return")
        assert sorted(seen) == sorted(KINDS)
        assert pilot.scene.name == "results" and pilot.scene.stars == 3
        rows = pilot.app.store.answers(attempt)
        assert len(rows) == len(KINDS) and all(row.correct and row.attempt_number == 1 for row in rows)


def start_at(pilot, kind):
    create_profile(pilot, "Tester", "owl")
    open_level(pilot, "level_types_all-types")
    while pilot.scene.runner.current.kind != kind:
        answer_current(pilot)
        pilot.press("return")
    return pilot.scene


def test_a_click_just_outside_the_region_is_not_yet_right(tmp_path):
    with run_test(tmp_path, level_dirs=[PACKS], language="en") as pilot:
        scene = start_at(pilot, "hotspot")
        pilot.click_at(scene.view.to_screen((150, 100)))  # the lake's circle ends at x=140
        answered = scene.runner.last_answer
        assert not answered.correct and answered.answer[0] > 140
        assert "The right answer: Lake" in pilot.spoken[-2]


def test_keyboard_ordering_speaks_and_moves_items(tmp_path):
    with run_test(tmp_path, level_dirs=[PACKS], language="en") as pilot:
        scene = start_at(pilot, "order")
        view = scene.view
        before = list(view.current)
        tab_to(pilot, "item_1")
        pilot.press("space")
        assert view.held == 1 and pilot.spoken[-1].endswith("picked up, move it with the arrows")
        pilot.press("up")
        assert view.current == [before[1], before[0]] + before[2:] and view.held == 0
        assert pilot.focused == "item_0"
        pilot.press("space")
        assert view.held is None
        tab_to(pilot, "check")
        pilot.press("return")
        answered = scene.runner.last_answer
        assert answered.answer == view.current and answered.total_parts == 4


def test_multiple_with_nothing_selected_is_not_graded_but_asks_to_choose(tmp_path):
    with run_test(tmp_path, level_dirs=[PACKS], language="en") as pilot:
        scene = start_at(pilot, "multiple")
        assert "Choose every answer that is right, then press Check." in pilot.drawn_text()
        tab_to(pilot, "check")
        pilot.press("return")
        assert scene.runner.phase.value == "asking" and len(scene.runner.answers) == 1  # the question before
        assert pilot.spoken[-1] == "Choose at least one answer first, then press Check."
        one = scene.view.order.index(scene.runner.current.correct_answer()[0])
        tab_to(pilot, f"option_{one}")
        pilot.press("space")
        tab_to(pilot, "check")
        pilot.press("return")
        answered = scene.runner.last_answer
        assert answered.answer == [scene.view.order[one]] and not answered.correct
        assert "2 of 3 are right." in pilot.spoken[-2]


def test_chosen_options_look_unlike_the_main_button_and_the_focus_ring(tmp_path):
    from game.ui import palette
    with run_test(tmp_path, level_dirs=[PACKS], language="en") as pilot:
        scene = start_at(pilot, "multiple")
        for high_contrast in (False, True):
            import dataclasses
            pilot.app.apply_settings(dataclasses.replace(pilot.app.settings, high_contrast=high_contrast))
            tab_to(pilot, "option_0")
            if not scene.view.chosen:
                pilot.press("space")
            pilot.advance()
            canvas = pilot.app.display.canvas
            option = next(w for w in scene.widgets if w.id == "option_0")
            check = next(w for w in scene.widgets if w.id == "check")
            chosen_face = canvas.get_at((option.rect.right - 40, option.rect.bottom - 12))[:3]
            primary_face = canvas.get_at((check.rect.right - 20, check.rect.bottom - 12))[:3]
            assert chosen_face == palette.CHOSEN
            assert chosen_face not in (primary_face, palette.FOCUS_BAND, palette.FOCUS_EDGE)



def test_fill_with_the_on_screen_kazakh_keyboard(tmp_path):
    with run_test(tmp_path, level_dirs=[PACKS], language="kk") as pilot:
        scene = start_at(pilot, "fill")
        tab_to(pilot, "key_0")  # Ә
        pilot.press("return")
        assert scene.view.entry.get_text() == "Ә" and pilot.spoken[-1] == "Ә"
        tab_to(pilot, "key_back")
        pilot.press("return")
        assert scene.view.entry.get_text() == ""
        tab_to(pilot, "answer")
        pilot.type("  комсомол ")
        pilot.press("return")
        assert scene.runner.last_answer.correct


def test_hint_is_spoken_and_costs_the_first_try(tmp_path):
    with run_test(tmp_path, level_dirs=[PACKS], language="en") as pilot:
        scene = start_at(pilot, "true_false")
        tab_to(pilot, "hint")
        pilot.press("return")
        assert "A hint" in pilot.spoken
        answer_current(pilot)
        assert scene.runner.last_answer.correct and scene.runner.last_answer.hint_used


def test_missed_questions_come_back_before_the_results(tmp_path):
    with run_test(tmp_path, level_dirs=[PACKS], language="en") as pilot:
        create_profile(pilot, "Tester", "owl")
        open_level(pilot, "level_types_all-types")
        scene = pilot.scene
        first = scene.runner.current
        wrong = next(i for i in range(len(scene.view.order)) if scene.view.order[i] != first.correct_answer())
        tab_to(pilot, f"option_{wrong}")
        pilot.press("return", "return")
        while scene.runner.attempt == 1:
            answer_current(pilot)
            pilot.press("return")
        assert scene.runner.current.id == first.id
        assert any(text.startswith("Let's try again!") for text in pilot.spoken[-3:])
        answer_current(pilot)
        assert scene.runner.last_answer.attempt == 2
        pilot.press("return")
        assert pilot.scene.name == "results" and pilot.scene.correct == len(KINDS) - 1 and pilot.scene.stars == 2


def test_a_timer_runs_out_kindly_and_never_runs_with_speech(tmp_path):
    import dataclasses
    with run_test(tmp_path, level_dirs=[PACKS], language="en") as pilot:
        create_profile(pilot, "Tester", "owl")
        catalog_entry = pilot.app.catalog.find("all-types")
        timed = dataclasses.replace(catalog_entry.level, time_limit=2)
        pilot.app.show("quiz", level=timed, seed=1)
        pilot.advance()
        scene = pilot.scene
        assert 1.9 < scene.session.time_left <= 2
        pilot.advance(60)
        assert scene.runner.phase.value == "asking" and 0.9 < scene.session.time_left < 1.1
        pilot.advance(70)
        answered = scene.runner.last_answer
        assert answered is not None and answered.answer is None and not answered.correct
        assert pilot.spoken[-2].startswith("Not quite")
        pilot.app.speech_on = True
        pilot.app.show("quiz", level=timed, seed=1)
        pilot.advance()
        assert pilot.scene.session.time_left is None


def test_fill_typing_and_backspace_reach_the_field_after_an_on_screen_key(tmp_path):
    with run_test(tmp_path, level_dirs=[PACKS], language="kk") as pilot:
        scene = start_at(pilot, "fill")
        entry = scene.view.entry
        pilot.click("key_2")  # Қ by mouse: the field has the focus again, with its cursor
        assert entry.get_text() == "Қ" and pilot.focused == "answer" and pilot.app.ui.get_focus_set() == {entry}
        pilot.type("арқара")
        pilot.press("backspace")
        assert entry.get_text() == "Қарқар"
        tab_to(pilot, "key_8")  # І by keyboard: the focus stays on the key, typing still reaches the field
        pilot.press("return")
        assert entry.get_text() == "Қарқарі" and pilot.focused == "key_8"
        pilot.press("backspace", "v")  # V is a letter here, not "speech on"
        pilot.type("ы")
        assert entry.get_text() == "Қарқары" and not pilot.app.speech_on
        assert pilot.focused == "answer"


def test_arrows_move_by_the_layout_and_tab_by_the_reading_order(tmp_path):
    with run_test(tmp_path, level_dirs=[PACKS], language="en") as pilot:
        scene = start_at(pilot, "multiple")  # three options in two columns: 0 1 / 2
        tab_to(pilot, "option_0")
        pilot.press("down")
        assert pilot.focused == "option_2"
        pilot.press("right")
        assert pilot.focused == "option_1"  # nothing right of 2 on its row: the nearest that way, one row up
        pilot.press("left", "tab")
        assert pilot.focused == "option_1"
        pilot.press("down")
        assert pilot.focused == "check"  # below the second column: the Check button
        pilot.press("up")
        assert pilot.focused == "option_1"
        pilot.press("up")
        assert pilot.focused == "menu"  # above the prompt, in the same column
        while scene.runner.current.kind != "match":
            answer_current(pilot)
            pilot.press("return")
        tab_to(pilot, "left_0")
        pilot.press("right")
        assert pilot.focused == "right_0"  # matching: Right goes across, not down
        pilot.press("down")
        assert pilot.focused == "right_1"
        pilot.press("left")
        assert pilot.focused == "left_1"


def test_the_nearest_in_a_direction_prefers_the_same_row():
    import pygame
    from game.ui.focus import nearest_in_direction
    grid = [pygame.Rect(x, y, 100, 50) for y in (0, 70) for x in (0, 120)]
    assert nearest_in_direction(grid, grid[0], (0, 1)) == 2
    assert nearest_in_direction(grid, grid[0], (1, 0)) == 1
    assert nearest_in_direction(grid, grid[3], (-1, 0)) == 2
    assert nearest_in_direction(grid, grid[0], (-1, 0)) is None


def test_map_question_by_keyboard_uses_neutral_numbered_places_and_names_them_after(tmp_path):
    with run_test(tmp_path, level_dirs=[PACKS], language="en") as pilot:
        scene = start_at(pilot, "hotspot")
        assert pilot.focused is None and "Lake" not in pilot.drawn_text()
        pilot.press("return")  # nothing focused yet: Enter focuses the first place, it does not answer
        assert pilot.focused == "region_lake" and scene.runner.phase.value == "asking"
        assert pilot.spoken[-1] == "Place 1 of 2"
        shown = pilot.drawn_text()
        assert "Place 1 of 2" in shown and "Lake" not in shown and "Forest" not in shown
        pilot.press("right")  # the forest lies right of the lake
        assert pilot.focused == "region_forest" and pilot.spoken[-1] == "Place 2 of 2"
        pilot.press("left", "space")
        assert scene.runner.last_answer.correct
        assert "Lake" in pilot.drawn_text()  # answered: the place has its name
