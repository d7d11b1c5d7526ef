"""What the game says fits what happened: praise in steps, no sentence said twice, no pointless choice."""
from conftest import LEVELS
from game.testing import run_test
from pilot_steps import create_profile, tab_to


def test_the_pin_confirmation_is_asked_once_not_repeated_in_red(tmp_path):
    with run_test(tmp_path, language="en") as pilot:
        tab_to(pilot, "desk")  # the leader's desk is behind the PIN, chosen the first time
        pilot.press("return", *"5190", "return")
        assert pilot.spoken[-1] == "Type the same PIN again and press Enter."
        assert pilot.drawn_text().count("Type the same PIN again") == 1


def test_the_second_language_never_offers_the_one_already_shown(tmp_path):
    with run_test(tmp_path, level_dirs=[LEVELS], language="ru") as pilot:
        create_profile(pilot, "Dana", "owl")
        tab_to(pilot, "settings")
        pilot.press("return")
        tab_to(pilot, "second_language")
        offered = []
        for _ in range(4):
            pilot.press("return")
            offered.append(pilot.app.settings.second_language)
        assert offered == ["kk", "en", None, "kk"]


def test_praise_goes_in_steps_with_the_stars(tmp_path):
    from game.core.sessions import Outcome
    with run_test(tmp_path, level_dirs=[LEVELS], language="en") as pilot:
        create_profile(pilot, "Dana", "owl")
        level = pilot.app.catalog.find("town-quiz").level
        said = []
        for stars in range(4):
            pilot.app.show("results", level=level, outcome=Outcome(stars, stars * 3, 10))
            pilot.advance()
            said.append(pilot.drawn_text().splitlines()[0])
        assert said == ["Keep going, you will get there!", "A good start!", "Well done!", "Excellent!"]
