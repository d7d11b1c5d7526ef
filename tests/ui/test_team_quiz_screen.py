"""A whole team quiz for three teams, played like a club meeting: set up at the leader's desk, the teams
answering in turn with their own keys and the mouse, the leader revealing, pausing, skipping and
ending from the keyboard; the results in the leader's report."""
import pygame
import pytest

from game.core.club.export import report_html
from game.core.club.report import build_report
from game.core.i18n import Translator
from game.core.leader import make_pin
from game.core.sessions.team_quiz import TeamPhase
from game.core.storage import ReportScope, SqliteStore
from game.paths import LEVELS
from game.testing import run_test
from game.ui import palette
from pilot_steps import fit_problems, tab_to

PIN = "2580"
KEYS = (("1", "2", "3", "4"), ("7", "8", "9", "0"), ("a", "s", "d", "f"))


def _club(tmp_path, settings=None):
    store = SqliteStore(tmp_path / "progress.sqlite3")
    store.save_leader_pin(make_pin(PIN))
    if settings:
        store.save_settings(None, settings)
    group = store.create_group("Ертекші")
    store.start_session(group.id, [("karkaraly", "town-quiz")])
    store.close()
    return group


def _go(pilot, widget_id, screen):
    tab_to(pilot, widget_id)
    pilot.press("return")
    assert pilot.scene.name == screen, pilot.scene.name


def open_team_setup(pilot, level="level_karkaraly_town-quiz"):
    tab_to(pilot, "desk")
    pilot.press("return")
    pilot.press(*PIN, "return")
    assert pilot.scene.name == "desk"
    _go(pilot, "team", "desk_team")
    _go(pilot, level, "desk_team")
    assert pilot.focused == "start"


def wrong(game):
    return next(i for i in range(game.option_count()) if i != game.right_option())


def test_a_whole_team_quiz_for_three_teams(tmp_path):
    group = _club(tmp_path)
    with run_test(tmp_path, language="en", level_dirs=[LEVELS]) as pilot:
        open_team_setup(pilot)
        setup = pilot.scene
        assert [t.name for t in setup.teams] == ["argali", "eagle", "stork"]
        _go(pilot, "name_1", "desk_team")  # team 2: the next name no other team has
        assert setup.teams[1].name == "marmot" and "Team 2's name: Marmot" in pilot.spoken[-1]
        _go(pilot, "colour_2", "desk_team")
        assert setup.teams[2].colour == "gold" and "Team 3's colour: yellow" in pilot.spoken[-1]
        _go(pilot, "talk", "desk_team")
        assert setup.talk == 45
        _go(pilot, "start", "team_quiz")
        game = pilot.scene.session
        assert len(game.teams) == 3 and game.talk_seconds == 45 and not game.speed_bonus
        assert game.question.prompt.get("en") in pilot.spoken[-2] or game.question.prompt.get("en") in " ".join(
            pilot.spoken[-3:]), "the question is read aloud"
        assert "Keys 7 8 9 0" in pilot.drawn_text() and "Keys A S D F" in pilot.drawn_text()

        # question 1: team 2 tries out of turn, then each in turn: keys, keys, the mouse
        pilot.press(KEYS[1][0])
        assert game.choices == {} and "Argali's turn" in pilot.spoken[-1]
        pilot.press(KEYS[0][game.right_option()])
        pilot.press(KEYS[1][wrong(game)])
        assert game.turn == 2
        pilot.click(f"option_{game.right_option()}")
        assert game.choices == {0: game.right_option(), 1: wrong(game), 2: game.right_option()}
        assert game.waiting_for_reveal
        pilot.press("r")
        assert game.phase is TeamPhase.REVEALED and [s.points for s in game.scores] == [1, 0, 1]
        shown = pilot.drawn_text()
        explanation = game.question.explanation.get("en")
        assert explanation in shown and "Right! +1" in shown
        assert game.question.source.split("; ")[0] in shown, "the source (its first citation on a projector)"
        pilot.press("return")
        assert game.phase is TeamPhase.SCOREBOARD and pilot.scene.grown < 1.0, "the bars grow"
        assert "In the lead: Argali, Black stork" in pilot.drawn_text()
        pilot.advance(60)
        assert pilot.scene.grown == 1.0
        pilot.press("return")
        assert game.phase is TeamPhase.ASKING and game.number == 2 and game.turn == 1, "the first turn moves on"

        # question 2: pause (nothing moves, no key is taken), go on, then the leader skips it
        pilot.press("p")
        assert game.paused and "Paused" in pilot.drawn_text()
        left = game.time_left
        pilot.advance(30)
        pilot.press(KEYS[1][0])
        assert game.time_left == left and game.choices == {}
        pilot.press("p")
        assert not game.paused
        pilot.press("n")
        assert game.number == 3 and game.skipped == 1 and game.phase is TeamPhase.ASKING

        # question 3: the talk time runs out before team 1 (on turn: team 3) has answered
        pilot.press(KEYS[2][game.right_option()])
        pilot.press(KEYS[0][game.right_option()])
        assert game.turn == 1
        for _ in range(46 * 60 // 30):
            pilot.advance(30)
        assert game.time_up and "Time is up" in pilot.spoken[-1]
        pilot.press(KEYS[1][game.right_option()])
        assert 1 not in game.choices
        pilot.press("r", "return", "return")
        assert [s.points for s in game.scores] == [2, 0, 2] and game.number == 4

        # the leader ends: asked first (Esc plays on), then E twice
        pilot.press("e")
        assert pilot.scene.confirming and pilot.focused == "play_on"
        pilot.press("escape")
        assert not pilot.scene.confirming and game.phase is TeamPhase.ASKING
        pilot.press("e", "e")
        assert game.phase is TeamPhase.OVER and "A tie: Argali, Black stork" in pilot.drawn_text()
        assert "The results are kept" in pilot.drawn_text()
        _go(pilot, "done", "desk_team")

        store, tr = pilot.app.store, Translator("en")
        session = store.active_session()
        [kept] = store.team_games(ReportScope(group_id=group.id))
        assert kept.finished and kept.played == 2 and kept.session_id == session.id
        assert [(t.name, t.colour, t.points) for t in kept.teams] == [
            ("argali", "red", 2), ("marmot", "blue", 0), ("stork", "gold", 2)]
        report = build_report(store, pilot.app.catalog, ReportScope(session_id=session.id), "en", ("yes", "no"))
        html = report_html(report, tr)
        assert "Team quizzes" in html and "Argali (red): 2" in html and "Marmot (blue): 0" in html
        assert "Town quiz" in html or report.team_games[0].title in html

        # and on the desk's own view of what the children learned
        pilot.press("escape", "escape")
        assert pilot.scene.name == "desk"
        _go(pilot, "learned", "desk_learned")
        _go(pilot, "view_teams", "desk_learned")
        assert "Argali" in pilot.drawn_text()


def test_less_movement_shows_the_scoreboard_at_once(tmp_path):
    _club(tmp_path, {"reduced_motion": True})
    with run_test(tmp_path, language="en", level_dirs=[LEVELS]) as pilot:
        open_team_setup(pilot)
        _go(pilot, "start", "team_quiz")
        game = pilot.scene.session
        pilot.press("1", "7")
        # team 3's A on a Kazakh keyboard layout: another letter, the same place
        pilot.app.step([pygame.event.Event(pygame.KEYDOWN, key=ord("ф"), mod=0, unicode="ф", scancode=pygame.KSCAN_A)],
                       1 / 60)
        assert game.choices == {0: 0, 1: 0, 2: 0}
        pilot.press("r", "return")
        assert game.phase is TeamPhase.SCOREBOARD and pilot.scene.grown == 1.0


@pytest.mark.parametrize("lang", ["kk", "ru", "en"])
def test_every_team_screen_fits_a_big_screen_on_a_1024x768_projector(tmp_path, lang):
    _club(tmp_path, {"big_screen": True})
    with run_test(tmp_path, language=lang, level_dirs=[LEVELS], window_size=(1024, 768)) as pilot:
        problems = []

        def look(name):
            fit_problems(pilot, name, problems)

        assert pilot.app.text.scale == 1.5, "a big screen: text at 150 % at least"
        ring = sum(width for _, width in palette.load("default")["focus_ring"])
        assert sum(width for _, width in palette.FOCUS_RING) == 2 * ring, "...and a focus ring twice as thick"
        open_team_setup(pilot)
        _go(pilot, "count", "desk_team")
        look("setup")
        _go(pilot, "start", "team_quiz")
        look("asking")
        game = pilot.scene.session
        for keys in KEYS + (("j", "k", "l", "semicolon"),):
            pilot.press(keys[wrong(game)])
        assert len(game.choices) == 4
        pilot.press("r")
        look("revealed")
        pilot.press("return")
        pilot.advance(60)
        look("scoreboard")
        pilot.press("return", "p")
        look("paused")
        pilot.press("e")
        look("confirm")
        pilot.press("e")
        pilot.advance(60)
        look("over")
        assert not problems, "\n".join(problems)
