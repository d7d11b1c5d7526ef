"""The progress port in PostgreSQL: one database for every computer of a reading room.

The same schema and migrations as SQLite (migrations.py, in the PostgreSQL dialect), counted in the
`schema_version` table. Every write is its own transaction, committed when the method returns
(PostgreSQL's default synchronous_commit: the server has flushed its WAL). A failure of the server or
of the network becomes a StorageError; the next call connects again. Needs psycopg 3 (the
`postgresql` extra); nothing outside this module touches the connection.
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Iterable, Literal, Sequence

import psycopg
from psycopg import errors as pg_errors

from ..leader import StoredPin, lock_data
from .errors import GroupNameTaken, NewerDatabaseError, NicknameTaken, StorageError, StorageTrouble
from .migrations import MIGRATIONS, PG_NOW, SCHEMA_VERSION, statements
from .records import (AnswerRecord, AnswerTotals, ChildSummary, Group, GroupTale, ImportReport, LevelSummary,
                      PlaySession, Profile, ProfilePage, ProgressTotals, ReportScope, SavedPosition, TeamGame)
from .profile_page import as_page, page_queries
from .report_sql import scope_where, TOTALS_BY
from . import team_sql, transfer_sql

COMPUTER = 0  # the settings row that holds the computer's defaults (as in SQLite)
CLUB = -1  # the settings row of the club leader's own choices (library name, kiosk), as in SQLite
LOCK = -2  # the settings row of the leader's lock, as in SQLite
MIGRATION_LOCK = 0x6F6C6B  # an advisory lock: computers starting at once migrate one after another
CONNECT_TIMEOUT_S = 5
# A pulled cable must not freeze a child's answer for the minutes TCP would wait: unacknowledged data
# fails after 5 s, an idle connection is probed every few seconds
NETWORK_OPTIONS = {"tcp_user_timeout": 5000, "keepalives": 1, "keepalives_idle": 5, "keepalives_interval": 2,
                   "keepalives_count": 2}

# SQLSTATE classes and codes, in the game's words
_TROUBLE_BY_CODE = {"53100": StorageTrouble.FULL, "53200": StorageTrouble.FULL, "25006": StorageTrouble.READ_ONLY,
                    "40001": StorageTrouble.BUSY, "40P01": StorageTrouble.BUSY, "55P03": StorageTrouble.BUSY,
                    "57014": StorageTrouble.BUSY, "XX001": StorageTrouble.DAMAGED, "XX002": StorageTrouble.DAMAGED}
_TROUBLE_BY_CLASS = {"08": StorageTrouble.UNAVAILABLE, "53": StorageTrouble.FULL, "57": StorageTrouble.UNAVAILABLE,
                     "58": StorageTrouble.UNAVAILABLE, "XX": StorageTrouble.DAMAGED, "42": StorageTrouble.READ_ONLY}


def storage_error(exc: BaseException) -> StorageError:
    """The StorageError that says, in the game's words, why the server or the network refused."""
    if isinstance(exc, StorageError):
        return exc
    code = getattr(exc, "sqlstate", None) or ""
    reason = _TROUBLE_BY_CODE.get(code) or _TROUBLE_BY_CLASS.get(code[:2]) or StorageTrouble.UNAVAILABLE
    return StorageError(reason, str(exc).strip())


def _is_storage_failure(exc: BaseException | None) -> bool:
    """Errors of the server, the network or the disk, not a mistake in a query or a broken constraint."""
    if not isinstance(exc, psycopg.Error):
        return False
    return not isinstance(exc, (psycopg.ProgrammingError, psycopg.IntegrityError, psycopg.DataError))


class PostgresStore:
    """Profiles, attempts, answers, best stars, saved positions, settings and the leader's PIN."""

    def __init__(self, url: str) -> None:
        """`url`: a libpq connection string or URL (postgresql://user@host/database). Raises
        StorageError (unavailable) when the server cannot be reached."""
        self.url = url
        self.problem: StorageError | None = None
        self._db: psycopg.Connection | None = None
        self._connection()
        self.migrate()

    def _connection(self) -> psycopg.Connection:
        if self._db is None or self._db.closed or self._db.broken:
            if self._db is not None:
                self._db.close()
            try:
                self._db = psycopg.connect(self.url, autocommit=True, connect_timeout=CONNECT_TIMEOUT_S,
                                           application_name="olketanu", **NETWORK_OPTIONS)
            except psycopg.Error as exc:
                self._db = None
                raise storage_error(exc) from exc
        return self._db

    def close(self) -> None:
        if self._db is not None:
            self._db.close()

    def _transaction(self) -> "_Transaction":
        return _Transaction(self)

    @property
    def connected(self) -> bool:
        """A connection is open (the server may have gone since: only using it tells)."""
        return self._db is not None and not self._db.closed and not self._db.broken

    def _read(self, query: str, args: tuple | list = (), in_order: bool = False) -> list[tuple]:
        """A read; a lost server becomes a StorageError. A connection found broken (the server restarted
        since it was last used) is made again once: reading twice is harmless. `in_order`: see reports."""
        for last_try in ((False, True) if self.connected else (True,)):
            try:
                db = self._connection()
                if not in_order:
                    return db.execute(query, args).fetchall()
                with db.transaction():
                    db.execute("SET LOCAL enable_hashagg = off")
                    return db.execute(query, args).fetchall()
            except psycopg.Error as exc:
                if not _is_storage_failure(exc):
                    raise
                if last_try or self.connected:
                    raise storage_error(exc) from exc
        raise AssertionError("unreachable")

    def ping(self) -> None:
        """Raises StorageError when the server cannot be reached."""
        self._read("SELECT 1")

    @property
    def schema_version(self) -> int:
        if not self._read("SELECT to_regclass('schema_version') IS NOT NULL")[0][0]:
            return 0
        rows = self._read("SELECT version FROM schema_version")
        return rows[0][0] if rows else 0

    def migrate(self) -> None:
        """Every missing step, in one transaction, under a lock that other computers wait for."""
        with self._transaction() as db:
            db.execute("SELECT pg_advisory_xact_lock(%s)", (MIGRATION_LOCK,))
            db.execute("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)")
            row = db.execute("SELECT version FROM schema_version").fetchone()
            if row is None:
                db.execute("INSERT INTO schema_version VALUES (0)")
            version = row[0] if row else 0
            if version > SCHEMA_VERSION:
                raise NewerDatabaseError(f"progress database has schema {version}; "
                                         f"this game knows {SCHEMA_VERSION}")
            for number in range(version, SCHEMA_VERSION):
                for statement in statements(MIGRATIONS[number], "postgresql"):
                    db.execute(statement)
                db.execute("UPDATE schema_version SET version = %s", (number + 1,))

    # -- profiles -------------------------------------------------------------------------
    def create_profile(self, nickname: str, avatar: str, language: str) -> Profile:
        if not nickname:
            raise ValueError("empty nickname")
        try:
            with self._transaction() as db:
                row = db.execute("INSERT INTO profiles (nickname, nickname_key, avatar, language) "
                                 "VALUES (%s, %s, %s, %s) RETURNING id",
                                 (nickname, nickname.casefold(), avatar, language)).fetchone()
        except pg_errors.UniqueViolation as exc:
            raise NicknameTaken(nickname) from exc
        return Profile(int(row[0]), nickname, avatar, language)

    def nickname_taken(self, nickname: str) -> bool:
        return bool(self._read("SELECT 1 FROM profiles WHERE nickname_key = %s", (nickname.casefold(),)))

    def profiles(self, include_archived: bool = False) -> list[Profile]:
        where = "" if include_archived else "WHERE archived = 0 "
        rows = self._read(f"SELECT {_PROFILE} FROM profiles {where}"
                          'ORDER BY last_played_at IS NULL, last_played_at COLLATE "C" DESC, id')
        return [_profile(row) for row in rows]

    def profile_page(self, offset: int, limit: int, initials: Sequence[str] = (),
                     skip: Sequence[int] = ()) -> ProfilePage:
        rows, count, firsts = page_queries("%s", offset, limit, initials, skip,
                                           'last_played_at IS NULL, last_played_at COLLATE "C" DESC, id')
        return as_page(self._read(*rows), self._read(*count)[0][0], self._read(*firsts))

    def profile(self, profile_id: int) -> Profile | None:
        rows = self._read(f"SELECT {_PROFILE} FROM profiles WHERE id = %s", (profile_id,))
        return _profile(rows[0]) if rows else None

    def touch_profile(self, profile_id: int, language: str) -> None:
        with self._transaction() as db:
            self._touch_profile(db, profile_id, language)

    @staticmethod
    def _touch_profile(db: psycopg.Connection, profile_id: int, language: str) -> None:
        db.execute(f"UPDATE profiles SET last_played_at = {PG_NOW}, language = %s WHERE id = %s",
                   (language, profile_id))

    def rename_profile(self, profile_id: int, nickname: str) -> None:
        if not nickname:
            raise ValueError("empty nickname")
        try:
            with self._transaction() as db:
                db.execute("UPDATE profiles SET nickname = %s, nickname_key = %s WHERE id = %s",
                           (nickname, nickname.casefold(), profile_id))
        except pg_errors.UniqueViolation as exc:
            raise NicknameTaken(nickname) from exc

    def set_avatar(self, profile_id: int, avatar: str) -> None:
        with self._transaction() as db:
            db.execute("UPDATE profiles SET avatar = %s WHERE id = %s", (avatar, profile_id))

    def set_archived(self, profile_id: int, archived: bool) -> None:
        with self._transaction() as db:
            db.execute("UPDATE profiles SET archived = %s WHERE id = %s", (int(archived), profile_id))

    def erase_profile(self, profile_id: int) -> None:
        """Every row of this child is deleted. No VACUUM: PostgreSQL's autovacuum removes the dead rows
        in time; the room's IT person runs VACUUM FULL to remove their last traces at once (README)."""
        with self._transaction() as db:
            db.execute("DELETE FROM settings WHERE profile_id = %s", (profile_id,))
            db.execute("DELETE FROM profiles WHERE id = %s", (profile_id,))  # the rest cascades

    def merge_profiles(self, keep_id: int, drop_id: int) -> None:
        """Two profiles of one child become `keep_id`: every attempt (and so every answer) moves once,
        the best stars of each level stay, and the other profile is gone."""
        if keep_id == drop_id:
            raise ValueError("a profile cannot be merged into itself")
        with self._transaction() as db:
            db.execute("UPDATE attempts SET profile_id = %s WHERE profile_id = %s", (keep_id, drop_id))
            db.execute("INSERT INTO best_stars (profile_id, pack_id, level_id, stars) "
                       "SELECT %s, pack_id, level_id, stars FROM best_stars WHERE profile_id = %s "
                       "ON CONFLICT (profile_id, pack_id, level_id) "
                       "DO UPDATE SET stars = GREATEST(best_stars.stars, excluded.stars)", (keep_id, drop_id))
            db.execute("INSERT INTO saved_positions (profile_id, pack_id, level_id, attempt_id, state, saved_at) "
                       "SELECT %s, pack_id, level_id, attempt_id, state, saved_at FROM saved_positions "
                       "WHERE profile_id = %s ON CONFLICT (profile_id, pack_id, level_id) DO NOTHING",
                       (keep_id, drop_id))
            db.execute("INSERT INTO lines_read (profile_id, pack_id, level_id, scene, line_index) "
                       "SELECT %s, pack_id, level_id, scene, line_index FROM lines_read WHERE profile_id = %s "
                       "ON CONFLICT DO NOTHING", (keep_id, drop_id))
            db.execute("INSERT INTO group_members (group_id, profile_id) "
                       "SELECT group_id, %s FROM group_members WHERE profile_id = %s ON CONFLICT DO NOTHING",
                       (keep_id, drop_id))
            db.execute("UPDATE profiles SET last_played_at = (SELECT MAX(last_played_at COLLATE \"C\") "
                       "FROM profiles WHERE id IN (%s, %s)) WHERE id = %s", (keep_id, drop_id, keep_id))
            db.execute("DELETE FROM settings WHERE profile_id = %s", (drop_id,))
            db.execute("DELETE FROM profiles WHERE id = %s", (drop_id,))

    # -- groups ---------------------------------------------------------------------------
    def create_group(self, name: str) -> Group:
        try:
            with self._transaction() as db:
                row = db.execute(f"INSERT INTO club_groups (name, name_key, created_at) VALUES (%s, %s, {PG_NOW}) "
                                 "RETURNING id", (name, name.casefold())).fetchone()
        except pg_errors.UniqueViolation as exc:
            raise GroupNameTaken(name) from exc
        return Group(int(row[0]), name, ())

    def rename_group(self, group_id: int, name: str) -> None:
        try:
            with self._transaction() as db:
                db.execute("UPDATE club_groups SET name = %s, name_key = %s WHERE id = %s",
                           (name, name.casefold(), group_id))
        except pg_errors.UniqueViolation as exc:
            raise GroupNameTaken(name) from exc

    def delete_group(self, group_id: int) -> None:
        """The group goes; its children and their answers stay."""
        with self._transaction() as db:
            db.execute("DELETE FROM club_groups WHERE id = %s", (group_id,))

    def groups(self) -> list[Group]:
        members: dict[int, list[int]] = {}
        for group_id, profile_id in self._read(
                "SELECT group_members.group_id, group_members.profile_id FROM group_members "
                'JOIN profiles ON profiles.id = group_members.profile_id ORDER BY profiles.nickname_key COLLATE "C"'):
            members.setdefault(group_id, []).append(profile_id)
        rows = self._read('SELECT id, name FROM club_groups ORDER BY name_key COLLATE "C"')
        return [Group(group_id, name, tuple(members.get(group_id, ()))) for group_id, name in rows]

    def add_to_group(self, group_id: int, profile_id: int) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO group_members (group_id, profile_id) VALUES (%s, %s) ON CONFLICT DO NOTHING",
                       (group_id, profile_id))

    def remove_from_group(self, group_id: int, profile_id: int) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM group_members WHERE group_id = %s AND profile_id = %s", (group_id, profile_id))

    # -- play sessions (their times are the server's clock, the same for every computer of the room) ---------
    def start_session(self, group_id: int, levels: list[tuple[str, str]]) -> PlaySession:
        """A session of the group with today's levels in order; one session is on at a time in the room,
        so one still on is ended first."""
        with self._transaction() as db:
            db.execute(f"UPDATE play_sessions SET ended_at = {PG_NOW} WHERE ended_at IS NULL")
            session_id, started_at = db.execute(
                f"INSERT INTO play_sessions (group_id, started_at) VALUES (%s, {PG_NOW}) RETURNING id, started_at",
                (group_id,)).fetchone()
            with db.cursor() as cursor:
                cursor.executemany("INSERT INTO session_levels (session_id, position, pack_id, level_id) "
                                   "VALUES (%s, %s, %s, %s)",
                                   [(session_id, i, pack, level) for i, (pack, level) in enumerate(levels)])
        return PlaySession(session_id, group_id, started_at, None, tuple(levels))

    def end_session(self, session_id: int) -> None:
        with self._transaction() as db:
            db.execute(f"UPDATE play_sessions SET ended_at = {PG_NOW} WHERE id = %s AND ended_at IS NULL",
                       (session_id,))

    def active_session(self) -> PlaySession | None:
        found = self._sessions("WHERE ended_at IS NULL", ())
        return found[0] if found else None

    def session(self, session_id: int) -> PlaySession | None:
        found = self._sessions("WHERE id = %s", (session_id,))
        return found[0] if found else None

    def sessions(self, group_id: int | None = None) -> list[PlaySession]:
        """Newest first."""
        return self._sessions("WHERE group_id = %s", (group_id,)) if group_id is not None else self._sessions("", ())

    def _sessions(self, where: str, args: tuple) -> list[PlaySession]:
        """The sessions `where` picks, newest first, each with its levels in order (one query)."""
        rows = self._read(
            "SELECT play_sessions.id, group_id, started_at, ended_at, "
            "COALESCE(array_agg(ARRAY[pack_id, level_id] ORDER BY position) FILTER (WHERE position IS NOT NULL), "
            "'{}') FROM play_sessions LEFT JOIN session_levels ON session_levels.session_id = play_sessions.id "
            f"{where} GROUP BY play_sessions.id ORDER BY play_sessions.id DESC", args)
        return [PlaySession(session_id, group_id, started, ended, tuple((pack, level) for pack, level in levels))
                for session_id, group_id, started, ended, levels in rows]

    def session_players(self, session_id: int) -> list[int]:
        """Who played in the session (made at least one attempt), by nickname."""
        rows = self._read("SELECT profiles.id FROM profiles WHERE profiles.id IN "
                          "(SELECT profile_id FROM attempts WHERE session_id = %s) "
                          'ORDER BY profiles.nickname_key COLLATE "C"', (session_id,))
        return [profile_id for (profile_id,) in rows]

    # -- team quizzes (the server's clock, as for sessions) ----------------------------------
    def start_team_game(self, game: TeamGame) -> int:
        with self._transaction() as db:
            now = db.execute(f"SELECT {PG_NOW}").fetchone()[0]
            sql, args = team_sql.insert_game(game, "%s", now)
            game_id = int(db.execute(sql + " RETURNING id", args).fetchone()[0])
            team_sql.write_teams(db.execute, game_id, game, "%s", now)
        return game_id

    def save_team_game(self, game: TeamGame) -> None:
        with self._transaction() as db:
            now = db.execute(f"SELECT {PG_NOW}").fetchone()[0]
            team_sql.write_teams(db.execute, game.id, game, "%s", now)

    def team_games(self, scope: ReportScope) -> list[TeamGame]:
        query = team_sql.games_query(scope, "%s", collate=_BY_CODE_POINT)
        if query is None:
            return []
        games, teams, args = query
        return team_sql.games_from_rows(self._read(games, args), self._read(teams, args))

    def record_group_tale(self, session_id: int | None, pack_id: str, level_id: str, ending: str) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO group_tales (session_id, pack_id, level_id, ending, seen_at) "
                       f"VALUES (%s, %s, %s, %s, {PG_NOW})", (session_id, pack_id, level_id, ending))

    def group_tales(self, session_id: int | None = None) -> list[GroupTale]:
        where, args = ("WHERE session_id = %s", (session_id,)) if session_id is not None else ("", ())
        rows = self._read(
            "SELECT session_id, play_sessions.group_id, pack_id, level_id, ending, seen_at FROM group_tales "
            f"LEFT JOIN play_sessions ON play_sessions.id = group_tales.session_id {where} "
            "ORDER BY group_tales.id DESC", args)
        return [GroupTale(*row) for row in rows]

    # -- what the children did, for the leader's reports -----------------------------------
    # The same aggregates as SQLite's; rows in the order of their keys, text by code point as SQLite's.
    def progress_totals(self, scope: ReportScope, by: str) -> list[ProgressTotals]:
        where, args = scope_where(scope, "%s", collate=_BY_CODE_POINT)
        if by == "child":
            keys = ("per_level.profile_id", "profiles.nickname")
            join = "JOIN profiles ON profiles.id = per_level.profile_id"
            order = "per_level.profile_id"
        else:
            keys, join = ("per_level.pack_id", "per_level.level_id"), ""
            order = _in_order(keys)
        rows = self._read(
            f"SELECT {', '.join(keys)}, COUNT(*), COUNT(*) FILTER (WHERE per_level.finished > 0), "
            "SUM(COALESCE(per_level.best, 0))::bigint, SUM(per_level.tries)::bigint, "
            'MAX(per_level.last_started COLLATE "C") FROM ('
            "SELECT attempts.profile_id AS profile_id, attempts.pack_id AS pack_id, attempts.level_id AS level_id, "
            "COUNT(*) AS tries, COUNT(attempts.finished_at) AS finished, "
            "MAX(attempts.stars) FILTER (WHERE attempts.finished_at IS NOT NULL) AS best, "
            f'MAX(attempts.started_at COLLATE "C") AS last_started FROM attempts {where} '
            "GROUP BY attempts.profile_id, attempts.pack_id, attempts.level_id"
            f") AS per_level {join} GROUP BY {', '.join(keys)} ORDER BY {order}", args)
        return [ProgressTotals(tuple(row[:2]), *row[2:]) for row in rows]

    def answer_totals(self, scope: ReportScope, by: str) -> list[AnswerTotals]:
        width, keys = len(TOTALS_BY[by]), ", ".join(TOTALS_BY[by])
        where, args = scope_where(scope, "%s", collate=_BY_CODE_POINT)
        rows = self._read(
            f"SELECT {keys}, COUNT(*) FILTER (WHERE answers.attempt_number = 1), "
            "COUNT(*) FILTER (WHERE answers.attempt_number = 1 AND answers.correct = 1), "
            "SUM(answers.time_ms)::bigint, SUM(answers.hint_used)::bigint "
            f"FROM attempts JOIN answers ON answers.attempt_id = attempts.id {where} "
            f"GROUP BY {keys} ORDER BY {_in_order(TOTALS_BY[by])}", args)
        return [AnswerTotals(tuple(row[:width]), *row[width:]) for row in rows]

    def wrong_answers(self, scope: ReportScope) -> list[tuple[str, str, str, object, int]]:
        where, args = scope_where(scope, "%s", "answers.attempt_number = 1", "answers.correct = 0",
                                 collate=_BY_CODE_POINT)
        keys = ("attempts.pack_id", "attempts.level_id", "answers.question_id", "answers.answer")
        rows = self._read(
            f"SELECT {', '.join(keys)}, COUNT(*) FROM attempts JOIN answers ON answers.attempt_id = attempts.id "
            f"{where} GROUP BY {', '.join(keys)} ORDER BY {_in_order(keys)}", args)
        return [(pack, level, question, json.loads(answer), n) for pack, level, question, answer, n in rows]

    # -- play -----------------------------------------------------------------------------
    def start_attempt(self, profile_id: int, pack_id: str, level_id: str, kind: str, seed: int = 0) -> int:
        with self._transaction() as db:
            return self._start_attempt(db, profile_id, pack_id, level_id, kind, seed)

    @staticmethod
    def _start_attempt(db: psycopg.Connection, profile_id: int, pack_id: str, level_id: str, kind: str,
                       seed: int) -> int:
        """A child of the group whose session is on plays in that session: the attempt says so."""
        row = db.execute("INSERT INTO attempts (profile_id, pack_id, level_id, kind, seed, session_id) "
                         "VALUES (%s, %s, %s, %s, %s, (SELECT MAX(play_sessions.id) FROM play_sessions "
                         "JOIN group_members ON group_members.group_id = play_sessions.group_id "
                         "WHERE play_sessions.ended_at IS NULL AND group_members.profile_id = %s)) RETURNING id",
                         (profile_id, pack_id, level_id, kind, seed, profile_id)).fetchone()
        db.execute(f"UPDATE profiles SET last_played_at = {PG_NOW} WHERE id = %s", (profile_id,))
        return int(row[0])

    def record_answer(self, attempt_id: int, answer: AnswerRecord) -> None:
        """Committed when this returns: only then may the game show it as recorded."""
        with self._transaction() as db:
            self._record_answer(db, attempt_id, answer)

    @staticmethod
    def _record_answer(db: psycopg.Connection, attempt_id: int, answer: AnswerRecord) -> None:
        db.execute("INSERT INTO answers (attempt_id, question_id, answer, correct, time_ms, attempt_number, "
                   "hint_used, right_parts, total_parts) VALUES (%s, %s, %s, %s, %s, %s, %s, %s, %s)",
                   (attempt_id, answer.question_id, json.dumps(answer.answer, ensure_ascii=False),
                    int(answer.correct), int(answer.time_ms), answer.attempt_number, int(answer.hint_used),
                    answer.right_parts, answer.total_parts))

    def finish_attempt(self, attempt_id: int, correct: int, total: int, stars: int) -> None:
        with self._transaction() as db:
            self._finish_attempt(db, attempt_id, correct, total, stars)

    @staticmethod
    def _finish_attempt(db: psycopg.Connection, attempt_id: int, correct: int, total: int, stars: int) -> None:
        db.execute(f"UPDATE attempts SET finished_at = {PG_NOW}, correct = %s, total = %s, stars = %s "
                   "WHERE id = %s", (correct, total, stars, attempt_id))
        # ON CONFLICT DO UPDATE is atomic against a concurrent insert of the same key: two computers
        # finishing the same child's level at once keep the greater of their stars
        db.execute("INSERT INTO best_stars (profile_id, pack_id, level_id, stars) "
                   "SELECT profile_id, pack_id, level_id, %s FROM attempts WHERE id = %s "
                   "ON CONFLICT (profile_id, pack_id, level_id) "
                   "DO UPDATE SET stars = GREATEST(best_stars.stars, excluded.stars)", (stars, attempt_id))
        db.execute("DELETE FROM saved_positions WHERE attempt_id = %s", (attempt_id,))

    def answers(self, attempt_id: int) -> list[AnswerRecord]:
        rows = self._read("SELECT question_id, answer, correct, time_ms, attempt_number, hint_used, "
                          "right_parts, total_parts FROM answers WHERE attempt_id = %s ORDER BY id", (attempt_id,))
        return [AnswerRecord(q, json.loads(a), bool(c), t, n, bool(h), rp, tp)
                for q, a, c, t, n, h, rp, tp in rows]

    def best_stars(self, profile_id: int) -> dict[tuple[str, str], int]:
        rows = self._read("SELECT pack_id, level_id, stars FROM best_stars WHERE profile_id = %s", (profile_id,))
        return {(pack, level): stars for pack, level, stars in rows}

    # -- where a child left a level -----------------------------------------------------------
    def save_position(self, profile_id: int, pack_id: str, level_id: str, attempt_id: int, state: dict,
                      line_read: tuple[str, int] | None = None) -> None:
        with self._transaction() as db:
            self._save_position(db, profile_id, pack_id, level_id, attempt_id, state, line_read)

    @staticmethod
    def _save_position(db: psycopg.Connection, profile_id: int, pack_id: str, level_id: str, attempt_id: int,
                       state: dict, line_read: tuple[str, int] | None) -> None:
        db.execute("INSERT INTO saved_positions (profile_id, pack_id, level_id, attempt_id, state) "
                   "VALUES (%s, %s, %s, %s, %s) ON CONFLICT (profile_id, pack_id, level_id) DO UPDATE SET "
                   f"attempt_id = excluded.attempt_id, state = excluded.state, saved_at = {PG_NOW}",
                   (profile_id, pack_id, level_id, attempt_id, json.dumps(state, ensure_ascii=False)))
        if line_read is not None:
            db.execute("INSERT INTO lines_read VALUES (%s, %s, %s, %s, %s) ON CONFLICT DO NOTHING",
                       (profile_id, pack_id, level_id, line_read[0], line_read[1]))

    def load_position(self, profile_id: int, pack_id: str, level_id: str) -> SavedPosition | None:
        rows = self._read("SELECT attempt_id, state FROM saved_positions WHERE profile_id = %s AND pack_id = %s "
                          "AND level_id = %s", (profile_id, pack_id, level_id))
        return SavedPosition(rows[0][0], json.loads(rows[0][1])) if rows else None

    def lines_read(self, profile_id: int, pack_id: str, level_id: str) -> set[tuple[str, int]]:
        rows = self._read("SELECT scene, line_index FROM lines_read WHERE profile_id = %s AND pack_id = %s "
                          "AND level_id = %s", (profile_id, pack_id, level_id))
        return {(scene, index) for scene, index in rows}

    # -- settings -------------------------------------------------------------------------------
    def settings(self, profile_id: int | None) -> dict | None:
        """A profile's settings, else the computer's defaults, else None."""
        for owner in ((profile_id,) if profile_id is not None else ()) + (COMPUTER,):
            rows = self._read("SELECT data FROM settings WHERE profile_id = %s", (owner,))
            if rows:
                return json.loads(rows[0][0])
        return None

    def save_settings(self, profile_id: int | None, data: dict) -> None:
        with self._transaction() as db:
            self._save_settings(db, profile_id, data)

    @staticmethod
    def _save_settings(db: psycopg.Connection, profile_id: int | None, data: dict) -> None:
        owner = COMPUTER if profile_id is None else profile_id
        db.execute("INSERT INTO settings VALUES (%s, %s) ON CONFLICT (profile_id) DO UPDATE SET "
                   "data = excluded.data", (owner, json.dumps(data)))

    def club_setup(self) -> dict:
        rows = self._read("SELECT data FROM settings WHERE profile_id = %s", (CLUB,))
        return json.loads(rows[0][0]) if rows else {}

    def save_club_setup(self, data: dict) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO settings VALUES (%s, %s) ON CONFLICT (profile_id) DO UPDATE SET "
                       "data = excluded.data", (CLUB, json.dumps(data, ensure_ascii=False)))

    # -- the leader's PIN -----------------------------------------------------------------------
    def leader_pin(self) -> StoredPin | None:
        rows = self._read("SELECT salt, digest FROM leader_pin WHERE id = 1")
        return StoredPin(*rows[0]) if rows else None

    def save_leader_pin(self, pin: StoredPin | None) -> None:
        with self._transaction() as db:
            db.execute("DELETE FROM leader_pin")
            if pin is not None:
                db.execute("INSERT INTO leader_pin (id, salt, digest) VALUES (1, %s, %s)", (pin.salt, pin.digest))

    def leader_lock(self) -> dict:
        rows = self._read("SELECT data FROM settings WHERE profile_id = %s", (LOCK,))
        return lock_data(rows[0][0]) if rows else {}

    def save_leader_lock(self, data: dict) -> None:
        with self._transaction() as db:
            db.execute("INSERT INTO settings VALUES (%s, %s) ON CONFLICT (profile_id) DO UPDATE SET "
                       "data = excluded.data", (LOCK, json.dumps(data)))

    # -- writes a computer kept while the server was out of reach (storage/resilient.py) -------------
    def apply_writes(self, writes: list[QueuedWrite], ids: dict[int, int], fresh: bool = False) -> list[int | None]:
        """`writes` in order, in one transaction, each at most once ever (its key is kept with its result).

        An attempt started while the server was out of reach has a local id (< 0): `ids` maps local ids
        to the server's, and gains the ids of the attempts started here. Returns what each write returned.
        `fresh`: keys never sent before (a write made just now), so nothing to look up first.

        Pipelined: the statements and the COMMIT go out without waiting for each other's answers."""
        results: list[int | None] = []
        learned = dict(ids)  # `ids` gains the new ones only once they are committed
        try:
            with self._connection().pipeline(), self._transaction() as db:
                claims = [None if fresh else db.execute(
                    "INSERT INTO sent_writes (key) VALUES (%s) ON CONFLICT DO NOTHING RETURNING key", (write.key,))
                    for write in writes]
                for write, claim in zip(writes, claims):
                    if claim is not None and claim.fetchone() is None:  # sent before, its acknowledgement lost
                        result = db.execute("SELECT result FROM sent_writes WHERE key = %s",
                                            (write.key,)).fetchone()[0]
                    else:
                        result = self._apply(db, write.op, _resolve(write.args, learned))
                        if claim is None:
                            db.execute("INSERT INTO sent_writes (key, result) VALUES (%s, %s)", (write.key, result))
                        elif result is not None:
                            db.execute("UPDATE sent_writes SET result = %s WHERE key = %s", (result, write.key))
                    if write.local_id is not None:
                        learned[write.local_id] = int(result)
                    results.append(result)
        except psycopg.Error as exc:  # the pipeline's last answers (the COMMIT's) come after the transaction
            if _is_storage_failure(exc):
                raise storage_error(exc) from exc
            raise
        ids.update(learned)
        return results

    def _apply(self, db: psycopg.Connection, op: str, args: dict) -> int | None:
        if op == "start_attempt":
            return self._start_attempt(db, args["profile_id"], args["pack_id"], args["level_id"], args["kind"],
                                       args["seed"])
        if op == "record_answer":
            self._record_answer(db, args["attempt_id"], AnswerRecord(**args["answer"]))
        elif op == "finish_attempt":
            self._finish_attempt(db, args["attempt_id"], args["correct"], args["total"], args["stars"])
        elif op == "save_position":
            line = args["line_read"]
            self._save_position(db, args["profile_id"], args["pack_id"], args["level_id"], args["attempt_id"],
                                args["state"], tuple(line) if line is not None else None)
        elif op == "touch_profile":
            self._touch_profile(db, args["profile_id"], args["language"])
        elif op == "save_settings":
            self._save_settings(db, args["profile_id"], args["data"])
        else:
            raise ValueError(op)
        return None

    def report_unsent(self, computer: str, unsent: int) -> None:
        with self._transaction() as db:
            db.execute(f"INSERT INTO computers VALUES (%s, %s, {PG_NOW}) ON CONFLICT (name) DO UPDATE SET "
                       "unsent = excluded.unsent, reported_at = excluded.reported_at", (computer, unsent))

    def export_children(self, profile_ids: Iterable[int] | None = None) -> dict:
        """One repeatable-read transaction: a snapshot that answers committed meanwhile cannot tear."""
        with self._transaction() as db:
            db.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            return transfer_sql.export_children(transfer_sql.Sql(db, "postgresql"), profile_ids)

    def import_children(self, data: dict) -> ImportReport:
        with self._transaction() as db:
            return transfer_sql.import_children(transfer_sql.Sql(db, "postgresql"), data)

    def computers_with_unsent(self) -> dict[str, int]:
        """Computers that last said they hold answers not yet sent here, and how many."""
        return dict(self._read('SELECT name, unsent FROM computers WHERE unsent > 0 ORDER BY name COLLATE "C"'))

    # -- reports ----------------------------------------------------------------------------------
    # The same queries as SQLite's: over every child, from level_totals and child_totals (kept by triggers,
    # migration 12). A group is one array parameter (= ANY), names sort by code point (COLLATE "C") as
    # SQLite does, whatever the server's locale. A group's rows are already in order in the indexes
    # (migration 5), but the planner prefers hashing them, which measured slower, so the reports turn
    # hashing off for their own transaction.

    def level_summaries(self, profile_ids: Iterable[int] | None = None) -> list[LevelSummary]:
        if profile_ids is None:
            rows = self._read("""
                SELECT pack_id, level_id, children,
                       CASE WHEN children > 0 THEN stars::float8 / children ELSE 0.0 END, three, attempts
                FROM level_totals WHERE attempts > 0 ORDER BY pack_id COLLATE "C", level_id COLLATE "C" """)
            return [LevelSummary(*row) for row in rows]
        where, args = _group(profile_ids, "profile_id")
        rows = self._read(f"""
            WITH stars AS (
                SELECT pack_id, level_id, COUNT(*) AS children, AVG(stars)::float8 AS average,
                       COUNT(*) FILTER (WHERE stars = 3) AS three
                FROM best_stars {where} GROUP BY pack_id, level_id),
            tries AS (
                SELECT pack_id, level_id, COUNT(*) AS attempts
                FROM attempts {where} GROUP BY pack_id, level_id)
            SELECT tries.pack_id, tries.level_id, COALESCE(stars.children, 0), COALESCE(stars.average, 0.0),
                   COALESCE(stars.three, 0), tries.attempts
            FROM tries LEFT JOIN stars USING (pack_id, level_id)
            ORDER BY tries.pack_id COLLATE "C", tries.level_id COLLATE "C" """, args + args, in_order=True)
        return [LevelSummary(*row) for row in rows]

    def child_summaries(self, profile_ids: Iterable[int] | None = None) -> list[ChildSummary]:
        where, args = _group(profile_ids, "profiles.id")
        rows = self._read(f"""
            SELECT profiles.id, profiles.nickname, COALESCE(totals.levels, 0), COALESCE(totals.stars, 0),
                   COALESCE(totals.three, 0), COALESCE(totals.attempts, 0), profiles.last_played_at
            FROM profiles LEFT JOIN child_totals AS totals ON totals.profile_id = profiles.id
            {where}
            ORDER BY profiles.nickname_key COLLATE "C", profiles.id""", args)
        return [ChildSummary(*row) for row in rows]


@dataclass(frozen=True)
class QueuedWrite:
    """One write of the port, as kept in a computer's outbox: its method's name and arguments (JSON)."""

    key: str  # the idempotency key: the server applies a write of a given key once
    op: str
    args: dict
    local_id: int | None = None  # start_attempt: the id the game was given while the server was away


def _resolve(args: dict, ids: dict[int, int]) -> dict:
    attempt = args.get("attempt_id")
    if attempt is not None and attempt < 0:
        return {**args, "attempt_id": ids[attempt]}
    return args


_PROFILE = "id, nickname, avatar, language, archived"


def _profile(row: tuple) -> Profile:
    profile_id, nickname, avatar, language, archived = row
    return Profile(profile_id, nickname, avatar, language, bool(archived))


_BY_CODE_POINT = ' COLLATE "C"'  # text compared as SQLite compares it, whatever the server's locale


def _in_order(keys: Iterable[str]) -> str:
    """ORDER BY the keys, their text by code point (as SQLite sorts it)."""
    return ", ".join(key if key == "attempts.profile_id" else key + _BY_CODE_POINT for key in keys)


def _group(profile_ids: Iterable[int] | None, column: str) -> tuple[str, list[Any]]:
    """A WHERE clause for a group of children (one array parameter: any size, one statement)."""
    if profile_ids is None:
        return "", []
    return f"WHERE {column} = ANY(%s)", [[int(i) for i in profile_ids]]


class _Transaction:
    """BEGIN ... COMMIT on the store's connection (made again if the last one was lost), or ROLLBACK on
    an exception. A failure of the server or the network becomes a StorageError."""

    def __init__(self, store: PostgresStore) -> None:
        self.store = store
        self.inner: Any = None

    def __enter__(self) -> psycopg.Connection:
        db = self.store._connection()
        self.inner = db.transaction()
        try:
            self.inner.__enter__()
        except psycopg.Error as exc:
            raise storage_error(exc) from exc
        return db

    def __exit__(self, exc_type, exc, tb) -> Literal[False]:
        try:
            self.inner.__exit__(exc_type, exc, tb)
        except psycopg.Error as failure:  # the COMMIT (or the ROLLBACK) itself failed
            if exc is None and not _is_storage_failure(failure):
                raise
            raise storage_error(failure if exc is None else exc) from (exc or failure)
        if _is_storage_failure(exc):
            raise storage_error(exc) from exc
        return False
