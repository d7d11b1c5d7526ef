"""A child plays the quiz and the story by keyboard alone, quits, comes back: all is still there."""
import pytest

from conftest import LEVELS
from game.testing import OutOfBounds, run_test
from pilot_steps import create_profile, play_quiz_right, play_story, tab_to


def test_keyboard_only_play_and_progress_survives_a_restart(room):
    with room.play(level_dirs=[LEVELS]) as pilot:
        create_profile(pilot, "Айгүл", "fox")
        assert pilot.focused == "level_karkaraly_town-quiz"
        pilot.press("return")
        assert pilot.scene.name == "quiz"
        play_quiz_right(pilot, wrong={0})
        assert pilot.scene.name == "results"
        assert pilot.scene.correct == pilot.scene.total - 1 >= 9
        assert pilot.scene.stars == 3
        assert pilot.focused == "map"
        pilot.press("return")
        assert pilot.scene.name == "map"
        tab_to(pilot, "level_karkaraly_shaitankol-walk")
        pilot.press("return")
        lines = play_story(pilot, choice=1)
        assert len(lines) >= 5
        assert pilot.scene.name == "results" and pilot.scene.stars == 3
        pilot.press("escape")
        assert pilot.scene.name == "map"
        pilot.press("escape", "escape")
        assert pilot.scene.name == "title"
        pilot.press("escape")
        assert not pilot.app.running

    with room.play(level_dirs=[LEVELS]) as pilot:
        pilot.press("return")
        assert pilot.scene.name == "profiles"
        profile_card = pilot.widget_ids()[1]
        assert profile_card.startswith("profile_")
        tab_to(pilot, profile_card)
        assert "Айгүл" in pilot.spoken[-1]
        pilot.press("return")
        assert pilot.scene.name == "map"
        assert pilot.scene.stars == {("karkaraly", "town-quiz"): 3, ("karkaraly", "shaitankol-walk"): 3}
        assert "3" in pilot.spoken[-1]  # the focused card says its stars


def test_every_answer_is_in_the_database_before_its_feedback(room):
    with room.play(level_dirs=[LEVELS]) as pilot:
        create_profile(pilot, "Ерлан", "eagle")
        pilot.press("return")
        scene = pilot.scene
        pilot.press("right", "return")  # the second option stands right of the first
        assert scene.runner.phase.value == "feedback"
        rows = pilot.app.store.answers(scene.session.attempt_id)
        shown_second = scene.runner.order(scene.runner.current)[1]  # options are shown shuffled
        assert len(rows) == 1 and rows[0].question_id == scene.runner.current.id and rows[0].answer == shown_second


def test_feedback_is_spoken_and_teaches(tmp_path):
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        create_profile(pilot, "Dana", "owl")
        pilot.press("return")
        question = pilot.scene.runner.current
        assert pilot.spoken[-2] == f"Question 1 of {pilot.scene.runner.total} {question.prompt.get('en')}"
        wrong = 1 if pilot.scene.runner.order(question).index(question.correct_answer()) == 0 else 0
        for _ in range(wrong):
            pilot.press("right")
        pilot.press("return")
        said = pilot.spoken[-2]
        assert said.startswith("Not quite The right answer: ")
        assert question.explanation.get("en") in said
        assert pilot.spoken[-1] == "Next question"
        assert "not_yet" in pilot.app.sounds.played


def test_mouse_play_and_language_switch(tmp_path):
    with run_test(tmp_path, level_dirs=[LEVELS]) as pilot:
        pilot.click("lang_ru")
        assert pilot.app.lang == "ru" and pilot.spoken[-2].startswith("Өлкетану. Узнай")
        pilot.click("play")
        pilot.click("new")
        pilot.click("nickname")
        pilot.type("Мирас")
        pilot.click("avatar_wolf")
        assert pilot.scene.avatar == "wolf"
        pilot.click("done")
        assert pilot.scene.name == "map" and pilot.app.profile.avatar == "wolf"
        pilot.click("level_karkaraly_shaitankol-walk")
        assert pilot.scene.name == "story"
        first = pilot.scene.runner.current_line
        assert pilot.scene.letters < len(first.text.get("ru"))  # the line appears letter by letter
        pilot.click_at((400, 600))  # a click on the text panel first shows the whole line
        assert pilot.scene.runner.current_line is first and pilot.scene.letters >= len(first.text.get("ru"))
        pilot.click_at((400, 600))  # then goes on
        assert pilot.scene.runner.current_line is not first
        with pytest.raises(OutOfBounds):
            pilot.click("no_such_widget")


def test_empty_nickname_is_refused_kindly(tmp_path):
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        pilot.press("return", "return")
        tab_to(pilot, "done")
        pilot.press("return")
        assert pilot.scene.name == "create_profile"
        assert "Type a nickname first." in pilot.spoken
        assert pilot.focused == "nickname"


BROKEN_PACK = """format: 1
id: mixed
title: {kk: Аралас, ru: Смешанный, en: Mixed}
levels: [good, broken]
"""
GOOD = """format: 1
id: good
type: quiz
title: {kk: Жақсы, ru: Хороший, en: Good}
questions:
  - id: q1
    type: true_false
    prompt: {kk: Иә ма?, ru: Да?, en: Yes?}
    answer: true
    explanation: {kk: Иә., ru: Да., en: Yes.}
    source: test
"""


def test_a_broken_level_is_shown_unavailable_and_never_crashes(tmp_path):
    pack = tmp_path / "levels" / "mixed"
    pack.mkdir(parents=True)
    (pack / "pack.yaml").write_text(BROKEN_PACK, encoding="utf-8")
    (pack / "good.yaml").write_text(GOOD, encoding="utf-8")
    (pack / "broken.yaml").write_text("format: 1\nid: broken\ntype: quiz\ntitle: {kk: 'x\n", encoding="utf-8")
    with run_test(tmp_path / "data", level_dirs=[tmp_path / "levels"], language="en") as pilot:
        create_profile(pilot, "Test", "hare")
        tab_to(pilot, "level_mixed_broken")
        assert "cannot be played yet" in pilot.spoken[-1]
        pilot.press("return")
        assert pilot.scene.name == "map"
        tab_to(pilot, "level_mixed_good")
        pilot.press("return")
        assert pilot.scene.name == "quiz"


def test_a_small_letterboxed_window_still_takes_clicks_where_they_land(tmp_path):
    with run_test(tmp_path, level_dirs=[LEVELS], window_size=(800, 600)) as pilot:
        assert pilot.app.display.to_canvas(pilot.app.display.to_window((640, 360))) == (640, 360)
        pilot.click("play")
        assert pilot.scene.name == "profiles"
        pilot.press("f11", "f11")
        pilot.click("new")
        assert pilot.scene.name == "create_profile"


def test_v_toggles_speech_with_a_visible_notice_and_f2_repeats(tmp_path):
    from game.core.speech import RecordingSpeaker
    made = []

    def factory(on):
        made.append(on)
        return RecordingSpeaker()

    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        pilot.app.services.speaker_factory = factory
        pilot.press("v")
        assert pilot.app.speech_on and made == [True]
        speaker = pilot.app.services.speaker
        assert speaker.texts[0] == "Speech is on. Press V to turn it off." and speaker.texts[-1] == "Play"
        pilot.press("f2")
        assert speaker.texts[-1] == "Play" and len(speaker.texts) == 3
        pilot.press("return", "return")
        assert pilot.focused == "nickname"
        pilot.type("v")
        pilot.press("v")  # typing in a text field: V is a letter, not the speech key
        assert pilot.app.speech_on and made == [True]
