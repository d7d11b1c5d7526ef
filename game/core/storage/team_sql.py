"""Team quizzes in SQL that SQLite and PostgreSQL share: keeping a game as it goes, and reading the games a
report's scope covers. `mark` is the driver's placeholder; `execute(sql, args)` runs in the caller's
transaction and returns its cursor."""
from __future__ import annotations

from typing import Callable

from .records import ReportScope, TeamGame, TeamResult

Execute = Callable[[str, tuple], object]
GAME_COLUMNS = ("id, session_id, group_id, pack_id, level_id, talk_seconds, speed_bonus, questions, played, finished, "
                "started_at")


def insert_game(game: TeamGame, mark: str, now: str) -> tuple[str, tuple]:
    """The INSERT of a new game (PostgreSQL adds RETURNING id; SQLite reads lastrowid)."""
    marks = ", ".join([mark] * 10)
    return (f"INSERT INTO team_games (session_id, group_id, pack_id, level_id, talk_seconds, speed_bonus, questions, "
            f"played, finished, started_at) VALUES ({marks})",
            (game.session_id, game.group_id, game.pack_id, game.level_id, game.talk_seconds, int(game.speed_bonus),
             game.questions, game.played, int(game.finished), now))


def write_teams(execute: Execute, game_id: int, game: TeamGame, mark: str, now: str) -> None:
    """The game's progress and every team's score, in the caller's transaction."""
    execute(f"UPDATE team_games SET played = {mark}, finished = {mark}, ended_at = {mark} WHERE id = {mark}",
            (game.played, int(game.finished), now if game.finished else None, game_id))
    execute(f"DELETE FROM team_results WHERE game_id = {mark}", (game_id,))
    for position, team in enumerate(game.teams):
        execute(f"INSERT INTO team_results (game_id, position, team, colour, points, right_answers, answered) "
                f"VALUES ({', '.join([mark] * 7)})",
                (game_id, position, team.name, team.colour, team.points, team.right, team.answered))


def games_query(scope: ReportScope, mark: str, collate: str = "") -> tuple[str, str, list] | None:
    """(the games' SELECT, the teams' SELECT, args) for a scope; None for one child's report (no child
    is recorded in a team quiz)."""
    if scope.profile_id is not None:
        return None
    until = None if scope.until is None else scope.until + "T99"
    clauses, args = [], []
    for value, clause in ((scope.group_id, f"group_id = {mark}"), (scope.session_id, f"session_id = {mark}"),
                          (scope.since, f"started_at >= {mark}{collate}"),
                          (until, f"started_at < {mark}{collate}")):
        if value is not None:
            clauses.append(clause)
            args.append(value)
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    games = f"SELECT {GAME_COLUMNS} FROM team_games {where} ORDER BY id"
    teams = (f"SELECT game_id, team, colour, points, right_answers, answered FROM team_results WHERE game_id IN "
             f"(SELECT id FROM team_games {where}) ORDER BY game_id, position")
    return games, teams, args


def games_from_rows(games: list[tuple], teams: list[tuple]) -> list[TeamGame]:
    by_game: dict[int, list[TeamResult]] = {}
    for game_id, name, colour, points, right, answered in teams:
        by_game.setdefault(game_id, []).append(TeamResult(name, colour, points, right, answered))
    return [TeamGame(game_id, session_id, group_id, pack, level, talk, bool(bonus), questions, played, bool(finished),
                     tuple(by_game.get(game_id, ())), started)
            for game_id, session_id, group_id, pack, level, talk, bonus, questions, played, finished, started in games]
