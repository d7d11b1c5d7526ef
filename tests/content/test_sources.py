"""Where a fact comes from: under story lines and quiz feedback at no less than the smallest text size,
labelled in the child's language, and hidden for the youngest by a setting (shown by default)."""
import dataclasses

from conftest import LEVELS
from game.core.settings import Settings
from game.testing import run_test
from game.ui import text
from pilot_steps import answer_current, create_profile, open_level, tab_to


def sizes_drawn(pilot) -> dict[str, float]:
    """{text: size} for every text of a frame painted afresh."""
    drawn = {}
    renderer = pilot.app.text
    original = renderer.draw

    def draw(surface, words, pos, size=text.BODY, *args, **kwargs):
        drawn[renderer.shown(words)] = size
        return original(surface, words, pos, size, *args, **kwargs)

    renderer.draw = draw
    try:
        pilot.app.scene.forget_drawings()
        pilot.app.invalidate()
        pilot.advance()
    finally:
        del renderer.draw
    return drawn


def sources(pilot, label: str) -> dict[str, float]:
    return {words: size for words, size in sizes_drawn(pilot).items() if words.startswith(label)}


def test_sources_are_readable_labelled_and_can_be_hidden(tmp_path):
    assert Settings().show_sources
    with run_test(tmp_path, level_dirs=[LEVELS], language="ru") as pilot:
        create_profile(pilot, "Читатель", "owl")
        label = pilot.app.tr("quiz.source", source="").strip()
        assert label == "Источник:"
        open_level(pilot, "level_karkaraly_journey-childhood")
        scene = pilot.scene
        while not scene.runner.current_line.source:
            pilot.press("space", "space")
        scene.letters = 10_000
        found = sources(pilot, label)
        assert found and all(size >= text.SMALL for size in found.values()), found
        pilot.press("escape")
        open_level(pilot, "level_karkaraly_explorer-quiz")
        answer_current(pilot)
        assert pilot.scene.session.feedback is not None
        if pilot.scene.session.question.source:
            found = sources(pilot, label)
            assert found and all(size >= text.SMALL for size in found.values()), found
        pilot.press("escape", "tab", "return")  # leave the quiz, when asked
        assert pilot.scene.name == "map"
        tab_to(pilot, "settings")
        pilot.press("return")
        tab_to(pilot, "show_sources")
        pilot.press("return")
        assert not pilot.app.settings.show_sources
        assert pilot.app.store.settings(pilot.app.profile.id)["show_sources"] is False  # kept for this child
        pilot.press("escape")
        open_level(pilot, "level_karkaraly_journey-childhood")
        scene = pilot.scene
        for _ in range(6):
            scene.letters = 10_000
            assert not sources(pilot, label)
            pilot.press("space")
        pilot.app.apply_settings(dataclasses.replace(pilot.app.settings, show_sources=True))
        while not scene.runner.current_line.source:
            pilot.press("space", "space")
        scene.letters = 10_000
        assert sources(pilot, label)
