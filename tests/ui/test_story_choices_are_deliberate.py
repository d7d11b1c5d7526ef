"""#12 item 2: the key that goes on through a story's lines never answers or chooses by itself."""
from conftest import LEVELS
from game.testing import run_test
from pilot_steps import create_profile, open_level


def test_tapping_space_through_a_tale_never_chooses_or_answers(tmp_path):
    with run_test(tmp_path, language="en", level_dirs=[LEVELS]) as pilot:
        create_profile(pilot, "Tapper", "owl")
        open_level(pilot, "level_karkaraly_aldar-coat")
        story = pilot.scene
        runner = story.runner
        for _ in range(300):  # a child tapping Space, two taps a quarter of a second apart
            pilot.press("space")
            pilot.advance(15)
            if runner.choices or story.accepting_answers:
                break
        assert runner.choices or story.accepting_answers, "the tale never reached a choice or a question"
        for _ in range(10):
            pilot.press("space")
            pilot.advance(15)
        assert runner.choices_made == [] and runner.answers == []
        assert pilot.focused is None and pilot.spoken[-1] == pilot.app.tr("story.choose_how")
        pilot.press("down")  # a deliberate move, then Enter
        focused = pilot.focused
        assert focused is not None
        pilot.press("return")
        assert runner.choices_made or runner.answers or story.session.feedback is not None
