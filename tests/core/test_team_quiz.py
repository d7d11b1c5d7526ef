"""The team quiz's rules (game/core/sessions/team_quiz.py) and what storage keeps of it, on every backend."""
import pytest

from game.core.club.export import report_csv
from game.core.club.report import build_report
from game.core.i18n import Translator
from game.core.sessions.team_quiz import Team, TeamPhase, TeamQuizSession, default_teams, next_free, TEAM_NAMES
from game.core.storage import ReportScope

THREE = [Team("argali", "red"), Team("eagle", "blue"), Team("kent", "green")]


def wrong_option(game):
    return next(i for i in range(game.option_count()) if i != game.right_option())


def test_teams_answer_in_turn_and_the_first_turn_moves_on(store, quiz_level):
    game = TeamQuizSession(store, quiz_level, THREE, seed=3)
    assert game.turn_order() == [0, 1, 2] and game.turn == 0
    assert not game.answer(1, 0), "team 2 waits for team 1"
    assert game.answer(0, game.right_option())
    assert not game.answer(0, 0), "a team answers once"
    assert game.answer_for_turn(wrong_option(game)) and game.choices[1] == wrong_option(game)
    assert game.turn == 2 and game.answer(2, game.right_option())
    assert game.turn is None and game.waiting_for_reveal
    assert game.reveal() and game.phase is TeamPhase.REVEALED
    assert [s.points for s in game.scores] == [1, 0, 1] and game.gained == {0: 1, 2: 1}
    assert game.go_on() and game.phase is TeamPhase.SCOREBOARD
    assert game.go_on() and game.phase is TeamPhase.ASKING and game.number == 2
    assert game.turn_order() == [1, 2, 0] and game.turn == 1


def test_the_talk_time_runs_out_pauses_and_gives_a_bonus_only_when_asked(store, quiz_level):
    game = TeamQuizSession(store, quiz_level, THREE[:2], talk_seconds=30, speed_bonus=True, seed=1)
    game.answer(0, game.right_option())  # at once: within the first half
    game.toggle_pause()
    game.tick(100)
    assert game.time_left == 30 and not game.answer(1, 0), "nothing moves while paused"
    game.toggle_pause()
    game.tick(31)
    assert game.time_up and game.turn is None and not game.answer(1, game.right_option())
    game.reveal()
    assert [s.points for s in game.scores] == [2, 0] and [s.answered for s in game.scores] == [1, 0]
    plain = TeamQuizSession(store, quiz_level, THREE[:2], seed=1)
    plain.answer(0, plain.right_option())
    plain.reveal()
    assert plain.scores[0].points == 1, "no speed bonus unless the leader turns it on"


def test_skip_and_end_keep_the_game_for_the_report(store, quiz_level):
    store.create_group("Ертекші")
    group = store.groups()[0]
    store.start_session(group.id, [(quiz_level.pack_id, quiz_level.id)])
    game = TeamQuizSession(store, quiz_level, THREE, seed=5)
    assert game.total == len(quiz_level.questions)
    for team in game.turn_order():
        game.answer(team, game.right_option() if team == 0 else wrong_option(game))
    game.reveal()
    game.go_on(), game.go_on()
    assert game.skip() and game.number == 3 and game.skipped == 1
    kept = store.team_games(ReportScope(group_id=group.id))
    assert len(kept) == 1 and kept[0].played == 1 and not kept[0].finished
    assert [(t.name, t.colour, t.points, t.right, t.answered) for t in kept[0].teams] == [
        ("argali", "red", 1, 1, 1), ("eagle", "blue", 0, 0, 1), ("kent", "green", 0, 0, 1)]
    assert game.end() and game.phase is TeamPhase.OVER and game.leaders() == [0]
    session = store.active_session()
    [kept] = store.team_games(ReportScope(session_id=session.id))
    assert kept.finished and kept.session_id == session.id and kept.group_id == group.id
    assert store.team_games(ReportScope(profile_id=1)) == []
    assert store.team_games(ReportScope(since="2000-01-01", until="2000-12-31")) == []
    report = build_report(store, None, ReportScope(session_id=session.id), "kk", ("иә", "жоқ"))
    [shown] = report.team_games
    assert shown.title == quiz_level.id and shown.winners == ("argali",)
    table = report_csv(report, Translator("en"))
    assert "Team quizzes" in table and "Argali (red): 1, Golden eagle (blue): 0, Kent (green): 0;Argali" in table


def test_team_names_and_colours_are_never_shared(store, quiz_level):
    with pytest.raises(ValueError):
        TeamQuizSession(store, quiz_level, [Team("argali", "red"), Team("argali", "blue")])
    with pytest.raises(ValueError):
        TeamQuizSession(store, quiz_level, default_teams(1))
    assert next_free(TEAM_NAMES, "argali", {"eagle"}) == "stork"


def test_a_level_with_other_kinds_plays_only_the_one_key_questions(store, shipped_catalog):
    level = shipped_catalog.find("explorer-quiz").level
    game = TeamQuizSession(store, level, THREE[:2], seed=2)
    assert game.total == 4 and game.left_out == 8
    while game.phase is not TeamPhase.OVER:
        game.reveal()
        game.go_on(), game.go_on()
    assert store.team_games(ReportScope())[0].finished
