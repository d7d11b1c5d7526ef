"""Keyboard alone with speech: every focus change and every line is spoken, in the right language;
settings (contrast, text size, second language) apply at once and follow the child."""
import pytest

from conftest import LEVELS
from game.testing import run_test
from game.ui import palette
from pilot_steps import create_profile, open_level, tab_to


class FocusSpeechWatcher:
    """After each key press: if the focus moved, the focused element's words were the last spoken."""

    def __init__(self, pilot):
        self.pilot, self.checked = pilot, 0

    def press(self, *keys):
        for key in keys:
            before = self.pilot.focused
            self.pilot.press(key)
            scene = self.pilot.scene
            item = scene.focus.focused
            if item is not None and self.pilot.focused != before and scene.name == getattr(self, "last_scene", scene.name):
                text, lang = self.pilot.speaker.said[-1]
                assert text == item.spoken() and lang == self.pilot.app.lang, (key, item.id, text)
                self.checked += 1
            self.last_scene = scene.name


@pytest.mark.parametrize("lang", ["kk", "ru"])
def test_a_quiz_and_a_story_by_keyboard_with_every_focus_change_spoken(tmp_path, lang):
    with run_test(tmp_path, level_dirs=[LEVELS], language=lang) as pilot:
        watcher = FocusSpeechWatcher(pilot)
        create_profile(pilot, "Нұрай", "hare")
        watcher.press("tab", "tab", "shift+tab")
        open_level(pilot, "level_karkaraly_town-quiz")
        while pilot.scene.name == "quiz":
            scene = pilot.scene
            question = scene.runner.current
            assert pilot.speaker.said[-2][0].endswith(question.prompt.get(lang) + "") or \
                question.prompt.get(lang) in pilot.speaker.said[-2][0]
            watcher.press("right", "left")  # along the first row of options and back
            pilot.press("return")
            assert question.explanation.get(lang) in pilot.speaker.said[-2][0]  # the feedback, then "next"
            pilot.press("return")
        assert pilot.scene.name == "results"
        assert pilot.scene.level.summary.get(lang) in pilot.speaker.said[-2][0]
        pilot.press("return")
        open_level(pilot, "level_karkaraly_shaitankol-walk")
        story = pilot.scene
        while pilot.scene.name == "story":
            line = story.runner.current_line
            question = story.runner.current_question
            if question is not None and not story.runner.question_answered:  # a question on the way
                assert question.prompt.get(lang) in " ".join(said for said, _ in pilot.speaker.said[-3:])
                pilot.answer()
                pilot.press("space")
            elif line is not None:
                text, said_lang = pilot.speaker.said[-2]
                assert text.endswith(line.text.get(lang)) and said_lang == lang
                pilot.press("space", "space")
            else:
                said = pilot.speaker.said[-1][0]
                assert story.runner.choices and said.startswith(pilot.app.tr("story.choose"))
                assert all(c.text.get(lang) in said for c in story.runner.choices)
                watcher.press("down")
                pilot.press("return")
        assert watcher.checked >= 3


def test_settings_by_keyboard_apply_at_once_and_follow_the_child(tmp_path):
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        create_profile(pilot, "Low vision", "owl")
        tab_to(pilot, "settings")
        pilot.press("return")
        assert pilot.scene.name == "settings" and pilot.spoken[-2] == "My settings"
        tab_to(pilot, "high_contrast")
        pilot.press("return")
        assert palette.current == "high_contrast" and palette.PAPER == (255, 255, 255)
        assert pilot.spoken[-1] == "High contrast: on"
        tab_to(pilot, "text_scale")
        pilot.press("return", "return")
        assert pilot.app.text.scale == 2.0 and pilot.spoken[-1] == "Text size: 200 %"
        tab_to(pilot, "second_language")
        pilot.press("return")
        assert pilot.app.settings.second_language == "kk"
        pilot.press("escape")
        assert pilot.scene.name == "map"
        pilot.press("escape")  # another child takes the computer
        create_profile(pilot, "Other", "fox")
        assert palette.current == "default" and pilot.app.text.scale == 1.0
        pilot.press("escape")
        tab_to(pilot, next(i for i in pilot.widget_ids() if i.startswith("profile_") and
                            "Low vision" in pilot.scene.focus.items[pilot.widget_ids().index(i)].spoken()))
        pilot.press("return")
        assert palette.current == "high_contrast" and pilot.app.text.scale == 2.0
        assert pilot.app.settings.second_language == "kk"
    palette.use("default")


def test_f1_help_is_spoken_and_returns_to_the_same_place(tmp_path):
    with run_test(tmp_path, level_dirs=[LEVELS], language="kk") as pilot:
        create_profile(pilot, "Ерболат", "wolf")
        open_level(pilot, "level_karkaraly_town-quiz")
        question = pilot.scene.runner.current
        pilot.press("f1")
        assert pilot.scene.name == "help" and pilot.spoken[-2].startswith("Пернелер")
        assert "F2" in pilot.spoken[-2]
        pilot.press("escape")
        assert pilot.scene.name == "quiz" and pilot.scene.runner.current is question


def test_language_can_change_mid_level(tmp_path):
    with run_test(tmp_path, level_dirs=[LEVELS], language="kk") as pilot:
        create_profile(pilot, "Ерболат", "wolf")
        open_level(pilot, "level_karkaraly_shaitankol-walk")
        line = pilot.scene.runner.current_line
        pilot.press("f3")
        assert pilot.spoken[-2].endswith(line.text.get("ru"))
        assert pilot.scene.runner.current_line is line


def test_high_contrast_menus_are_plain_paper_not_the_beige_map(tmp_path):
    import dataclasses
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        create_profile(pilot, "Low vision", "owl")
        screens = {}
        for high_contrast in (False, True):
            pilot.app.apply_settings(dataclasses.replace(pilot.app.settings, high_contrast=high_contrast))
            pilot.screenshot(tmp_path / "map.png")
            canvas = pilot.app.display.canvas
            screens[high_contrast] = {tuple(canvas.get_at((x, 700))[:3]) for x in range(0, 1280, 8)} | {
                tuple(canvas.get_at((1270, y))[:3]) for y in range(0, 720, 8)}
        assert len(screens[False]) > 3  # the drawn map, in many tones
        assert screens[True] <= {palette.PAPER, palette.INK}
    palette.use("default")


def test_the_focus_ring_is_drawn_with_the_theme_bands(tmp_path):
    import dataclasses
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        create_profile(pilot, "Low vision", "owl")
        for high_contrast in (False, True):
            pilot.app.apply_settings(dataclasses.replace(pilot.app.settings, high_contrast=high_contrast))
            tab_to(pilot, "settings")
            pilot.screenshot(tmp_path / "ring.png")
            rect = pilot.scene.focus.focused.rect
            canvas = pilot.app.display.canvas
            outset = sum(width for _, width in palette.FOCUS_RING)
            y = rect.centery
            for color, width in palette.FOCUS_RING:  # across the left side, from the outside in
                assert tuple(canvas.get_at((rect.x - outset + width // 2, y))[:3]) == color
                outset -= width
    palette.use("default")
