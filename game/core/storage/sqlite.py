"""The progress port in SQLite: one file per computer, WAL + synchronous=FULL (survives a power cut).

Every write is its own transaction, committed (and fsynced) when the method returns; a failure of
the disk becomes a StorageError and the store stays usable. Nothing outside this module touches
the connection.
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import sqlite3
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable, Iterable, Literal, Sequence

from ..leader import StoredPin, lock_data
from .errors import GroupNameTaken, NewerDatabaseError, NicknameTaken, StorageError, StorageTrouble
from .migrations import MIGRATIONS, SCHEMA_VERSION, statements
from .records import (AnswerRecord, AnswerTotals, ChildSummary, Group, GroupTale, ImportReport, LevelSummary,
                      PlaySession, Profile, ProfilePage, ProgressTotals, ReportScope, SavedPosition, TeamGame)
from . import transfer_sql
from .profile_page import as_page, page_queries
from .report_sql import TOTALS_BY, scope_where
from . import team_sql

DB_NAME = "progress.sqlite3"
COMPUTER = 0  # the settings row that holds the computer's defaults
CLUB = -1  # the settings row of the club leader's own choices for this computer (library name, kiosk)
LOCK = -2  # the settings row of the leader's lock: wrong tries and waits, whether only the command sets a PIN
NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

_SQLITE_TROUBLE = {13: StorageTrouble.FULL, 8: StorageTrouble.READ_ONLY, 3: StorageTrouble.READ_ONLY,
                   23: StorageTrouble.READ_ONLY, 5: StorageTrouble.BUSY, 6: StorageTrouble.BUSY,
                   14: StorageTrouble.UNAVAILABLE, 11: StorageTrouble.DAMAGED, 26: StorageTrouble.DAMAGED}
_OS_TROUBLE = {errno.ENOSPC: StorageTrouble.FULL, errno.EDQUOT: StorageTrouble.FULL,
               errno.EROFS: StorageTrouble.READ_ONLY, errno.EACCES: StorageTrouble.READ_ONLY,
               errno.EPERM: StorageTrouble.READ_ONLY}


def storage_error(exc: BaseException, folder: Path | None = None) -> StorageError:
    """The StorageError that says, in the game's words, why sqlite3 or the disk refused. A vague error
    (SQLite's "disk I/O error", which a full disk often gives while writing the WAL) is told by what the
    `folder` of the file shows: no room left, or no right to write."""
    if isinstance(exc, StorageError):
        return exc
    if isinstance(exc, sqlite3.Error):
        code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
        reason = _SQLITE_TROUBLE.get(code)
        if reason is None:
            text = str(exc).lower()
            reason = (StorageTrouble.FULL if "full" in text
                      else StorageTrouble.READ_ONLY if "readonly" in text or "read-only" in text
                      else StorageTrouble.BUSY if "locked" in text or "busy" in text
                      else StorageTrouble.UNAVAILABLE)
    elif isinstance(exc, OSError):
        reason = _OS_TROUBLE.get(exc.errno or 0, StorageTrouble.UNAVAILABLE)
    else:
        reason = StorageTrouble.UNAVAILABLE
    if reason is StorageTrouble.UNAVAILABLE and folder is not None:
        reason = _folder_trouble(folder) or reason
    return StorageError(reason, str(exc))


ROOM_NEEDED = 1 << 20  # bytes: with less free, a write of a few pages and the WAL's growth fail


def _folder_trouble(folder: Path) -> StorageTrouble | None:
    try:
        if shutil.disk_usage(folder).free < ROOM_NEEDED:
            return StorageTrouble.FULL
        if not os.access(folder, os.W_OK):
            return StorageTrouble.READ_ONLY
    except OSError:
        return None
    return None


def _is_storage_failure(exc: BaseException | None) -> bool:
    """sqlite3 errors that come from the disk, not from a mistake in a query or a broken constraint."""
    return isinstance(exc, sqlite3.OperationalError) or type(exc) is sqlite3.DatabaseError


class SqliteStore:
    """Profiles, attempts, answers, best stars, saved positions, settings and the leader's PIN."""

    def __init__(self, path: Path | str, read_only: bool = False,
                 trace: Callable[[str], None] | None = None) -> None:
        """`trace` sees every statement run (the bench explains the reports' query plans with it)."""
        self.path = path
        self.read_only = read_only
        self.problem: StorageError | None = None
        if read_only:
            self._db = self._open_read_only(Path(path))
            if self.schema_version != SCHEMA_VERSION:
                self._db.close()
                raise StorageError(StorageTrouble.READ_ONLY,
                                   "the saved progress needs an update that cannot be written")
            return
        self._db = sqlite3.connect(str(path), isolation_level=None, timeout=5)
        self._db.set_trace_callback(trace)
        self._db.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            self._db.execute("PRAGMA journal_mode = WAL")
        self._db.execute("PRAGMA synchronous = FULL")
        self.migrate()

    @staticmethod
    def _open_read_only(path: Path) -> sqlite3.Connection:
        """mode=ro reads a WAL database when its -shm can be made; on read-only media it cannot,
        and immutable=1 (no locks, no -shm) is the only way in: nobody can write there anyway."""
        uri = path.resolve().as_uri()
        for options in ("mode=ro", "mode=ro&immutable=1"):
            db = sqlite3.connect(f"{uri}?{options}", uri=True, isolation_level=None, timeout=5)
            try:
                db.execute("PRAGMA user_version").fetchone()
                return db
            except sqlite3.OperationalError:
                db.close()
                if "immutable" in options:
                    raise
        raise AssertionError("unreachable")

    @classmethod
    def in_folder(cls, folder: Path) -> "SqliteStore":
        """The store in `folder`. The game starts even when the folder cannot be written (read-only,
        full, missing drive): with the saved progress opened read-only when there is some, else with
        an empty store in memory. `problem` then says why nothing new will be saved."""
        path = folder / DB_NAME
        try:
            folder.mkdir(parents=True, exist_ok=True)
            store = cls(path)
            _only_for_its_user(folder, path)
            return store
        except NewerDatabaseError:
            raise
        except (OSError, sqlite3.Error, StorageError) as exc:
            problem = _denied(folder) or storage_error(exc)
        kept: SqliteStore | None = None
        try:  # an unreadable folder (chmod 000) raises even here
            if path.is_file():
                kept = cls(path, read_only=True)
        except (OSError, sqlite3.Error, StorageError):
            kept = None
        store = kept or cls(":memory:")
        store.problem = problem
        return store

    def wait_when_busy(self, seconds: float) -> None:
        """How long a write waits for another program's lock before it is refused as BUSY (5 s by default).
        The game waits briefly and tries again later: a frame must not freeze for seconds."""
        self._db.execute(f"PRAGMA busy_timeout = {int(seconds * 1000)}")

    def close(self) -> None:
        """The last connection's close checkpoints the WAL into the main file and removes it."""
        try:
            if not self.read_only:
                self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error:
            pass  # closing still checkpoints what it can; nothing committed is lost either way
        self._db.close()

    @property
    def schema_version(self) -> int:
        return self._db.execute("PRAGMA user_version").fetchone()[0]

    def pragma(self, name: str) -> object:
        """A read-only look at one of SQLite's settings (journal_mode, synchronous), for tests and bench."""
        if not name.isidentifier():
            raise ValueError(name)
        return self._db.execute(f"PRAGMA {name}").fetchone()[0]

    def migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise NewerDatabaseError(f"progress database has schema {version}; this game knows {SCHEMA_VERSION}")
        # a new file gets its whole schema in one commit (one sync of the disk, not one a step: a first
        # start on an old computer waited ~80 ms for them); an old file, step by step as always
        batches = [range(0, SCHEMA_VERSION)] if version == 0 else [[n] for n in range(version, SCHEMA_VERSION)]
        for batch in batches:
            with self._transaction():
                for number in batch:
                    for statement in statements(MIGRATIONS[number], "sqlite"):
                        self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {batch[-1] + 1}")

    def _transaction(self) -> "_Transaction":
        return _Transaction(self._db, None if str(self.path) == ":memory:" else Path(self.path).parent)

    # -- profiles -------------------------------------------------------------------------
    def create_profile(self, nickname: str, avatar: str, language: str) -> Profile:
        """`nickname` as core.profiles made it; the key is its case-folded form (Айгүл = АЙГҮЛ)."""
        if not nickname:
            raise ValueError("empty nickname")
        try:
            with self._transaction():
                cursor = self._db.execute(
                    "INSERT INTO profiles (nickname, nickname_key, avatar, language) VALUES (?, ?, ?, ?)",
                    (nickname, nickname.casefold(), avatar, language))
        except sqlite3.IntegrityError as exc:
            raise NicknameTaken(nickname) from exc
        return Profile(int(cursor.lastrowid or 0), nickname, avatar, language)

    def nickname_taken(self, nickname: str) -> bool:
        row = self._db.execute("SELECT 1 FROM profiles WHERE nickname_key = ?", (nickname.casefold(),))
        return row.fetchone() is not None

    def profiles(self, include_archived: bool = False) -> list[Profile]:
        """The children who played last come first; archived ones only when asked (the leader's desk)."""
        where = "" if include_archived else "WHERE archived = 0 "
        rows = self._db.execute(f"SELECT {_PROFILE} FROM profiles {where}"
                                "ORDER BY last_played_at IS NULL, last_played_at DESC, id")
        return [_profile(row) for row in rows]

    def profile_page(self, offset: int, limit: int, initials: Sequence[str] = (),
                     skip: Sequence[int] = ()) -> ProfilePage:
        rows, count, firsts = page_queries("?", offset, limit, initials, skip,
                                           "last_played_at IS NULL, last_played_at DESC, id")
        read = [self._db.execute(sql, args).fetchall() for sql, args in (rows, count, firsts)]
        return as_page(read[0], read[1][0][0], read[2])

    def profile(self, profile_id: int) -> Profile | None:
        row = self._db.execute(f"SELECT {_PROFILE} FROM profiles WHERE id = ?", (profile_id,)).fetchone()
        return _profile(row) if row else None

    def touch_profile(self, profile_id: int, language: str) -> None:
        with self._transaction():
            self._db.execute(f"UPDATE profiles SET last_played_at = {NOW}, language = ? WHERE id = ?",
                             (language, profile_id))

    def rename_profile(self, profile_id: int, nickname: str) -> None:
        if not nickname:
            raise ValueError("empty nickname")
        try:
            with self._transaction():
                self._db.execute("UPDATE profiles SET nickname = ?, nickname_key = ? WHERE id = ?",
                                 (nickname, nickname.casefold(), profile_id))
        except sqlite3.IntegrityError as exc:
            raise NicknameTaken(nickname) from exc

    def set_avatar(self, profile_id: int, avatar: str) -> None:
        with self._transaction():
            self._db.execute("UPDATE profiles SET avatar = ? WHERE id = ?", (avatar, profile_id))

    def set_archived(self, profile_id: int, archived: bool) -> None:
        with self._transaction():
            self._db.execute("UPDATE profiles SET archived = ? WHERE id = ?", (int(archived), profile_id))

    def erase_profile(self, profile_id: int) -> None:
        """Everything of this child is gone, also from the file's free pages and its journal."""
        with self._transaction():
            self._db.execute("DELETE FROM settings WHERE profile_id = ?", (profile_id,))
            self._db.execute("DELETE FROM profiles WHERE id = ?", (profile_id,))  # the rest cascades
        self._compact()

    def _compact(self) -> None:
        """VACUUM rewrites the file without the free pages; the checkpoint empties the WAL."""
        if str(self.path) == ":memory:":
            return
        try:
            self._db.execute("VACUUM")
            self._db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        except sqlite3.Error as exc:
            raise storage_error(exc) from exc

    def merge_profiles(self, keep_id: int, drop_id: int) -> None:
        """Two profiles of one child become `keep_id`: every attempt (and so every answer) moves once,
        the best stars of each level stay, and the other profile is gone."""
        if keep_id == drop_id:
            raise ValueError("a profile cannot be merged into itself")
        with self._transaction():
            self._db.execute("UPDATE attempts SET profile_id = ? WHERE profile_id = ?", (keep_id, drop_id))
            self._db.execute(
                "INSERT INTO best_stars (profile_id, pack_id, level_id, stars) "
                "SELECT ?, pack_id, level_id, stars FROM best_stars WHERE profile_id = ? "
                "ON CONFLICT (profile_id, pack_id, level_id) DO UPDATE SET stars = "
                "CASE WHEN excluded.stars > best_stars.stars THEN excluded.stars ELSE best_stars.stars END",
                (keep_id, drop_id))
            self._db.execute(
                "INSERT INTO saved_positions (profile_id, pack_id, level_id, attempt_id, state, saved_at) "
                "SELECT ?, pack_id, level_id, attempt_id, state, saved_at FROM saved_positions WHERE profile_id = ? "
                "ON CONFLICT (profile_id, pack_id, level_id) DO NOTHING", (keep_id, drop_id))
            self._db.execute(
                "INSERT INTO lines_read (profile_id, pack_id, level_id, scene, line_index) "
                "SELECT ?, pack_id, level_id, scene, line_index FROM lines_read WHERE profile_id = ? "
                "ON CONFLICT (profile_id, pack_id, level_id, scene, line_index) DO NOTHING", (keep_id, drop_id))
            self._db.execute(
                "INSERT INTO group_members (group_id, profile_id) "
                "SELECT group_id, ? FROM group_members WHERE profile_id = ? "
                "ON CONFLICT (group_id, profile_id) DO NOTHING", (keep_id, drop_id))
            self._db.execute(
                "UPDATE profiles SET last_played_at = (SELECT MAX(last_played_at) FROM profiles WHERE id IN (?, ?)) "
                "WHERE id = ?", (keep_id, drop_id, keep_id))
            self._db.execute("DELETE FROM settings WHERE profile_id = ?", (drop_id,))
            self._db.execute("DELETE FROM profiles WHERE id = ?", (drop_id,))

    # -- groups ---------------------------------------------------------------------------
    def create_group(self, name: str) -> Group:
        try:
            with self._transaction():
                cursor = self._db.execute("INSERT INTO club_groups (name, name_key, created_at) VALUES (?, ?, ?)",
                                          (name, name.casefold(), _now()))
        except sqlite3.IntegrityError as exc:
            raise GroupNameTaken(name) from exc
        return Group(int(cursor.lastrowid or 0), name, ())

    def rename_group(self, group_id: int, name: str) -> None:
        try:
            with self._transaction():
                self._db.execute("UPDATE club_groups SET name = ?, name_key = ? WHERE id = ?",
                                 (name, name.casefold(), group_id))
        except sqlite3.IntegrityError as exc:
            raise GroupNameTaken(name) from exc

    def delete_group(self, group_id: int) -> None:
        """The group goes; its children and their answers stay."""
        with self._transaction():
            self._db.execute("DELETE FROM club_groups WHERE id = ?", (group_id,))

    def groups(self) -> list[Group]:
        members: dict[int, list[int]] = {}
        for group_id, profile_id in self._db.execute(
                "SELECT group_members.group_id, group_members.profile_id FROM group_members "
                "JOIN profiles ON profiles.id = group_members.profile_id ORDER BY profiles.nickname_key"):
            members.setdefault(group_id, []).append(profile_id)
        rows = self._db.execute("SELECT id, name FROM club_groups ORDER BY name_key")
        return [Group(group_id, name, tuple(members.get(group_id, ()))) for group_id, name in rows]

    def add_to_group(self, group_id: int, profile_id: int) -> None:
        with self._transaction():
            self._db.execute("INSERT INTO group_members (group_id, profile_id) VALUES (?, ?) "
                             "ON CONFLICT (group_id, profile_id) DO NOTHING", (group_id, profile_id))

    def remove_from_group(self, group_id: int, profile_id: int) -> None:
        with self._transaction():
            self._db.execute("DELETE FROM group_members WHERE group_id = ? AND profile_id = ?",
                             (group_id, profile_id))

    # -- play sessions --------------------------------------------------------------------
    def start_session(self, group_id: int, levels: list[tuple[str, str]]) -> PlaySession:
        """A session of the group with today's levels in order; one session is on at a time, so
        one still on is ended first."""
        now = _now()
        with self._transaction():
            self._db.execute("UPDATE play_sessions SET ended_at = ? WHERE ended_at IS NULL", (now,))
            cursor = self._db.execute("INSERT INTO play_sessions (group_id, started_at) VALUES (?, ?)",
                                      (group_id, now))
            session_id = int(cursor.lastrowid or 0)
            self._db.executemany("INSERT INTO session_levels (session_id, position, pack_id, level_id) "
                                 "VALUES (?, ?, ?, ?)",
                                 [(session_id, i, pack, level) for i, (pack, level) in enumerate(levels)])
        return PlaySession(session_id, group_id, now, None, tuple(levels))

    def end_session(self, session_id: int) -> None:
        with self._transaction():
            self._db.execute("UPDATE play_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL",
                             (_now(), session_id))

    def active_session(self) -> PlaySession | None:
        row = self._db.execute("SELECT id FROM play_sessions WHERE ended_at IS NULL ORDER BY id DESC").fetchone()
        return self.session(row[0]) if row else None

    def session(self, session_id: int) -> PlaySession | None:
        row = self._db.execute("SELECT id, group_id, started_at, ended_at FROM play_sessions WHERE id = ?",
                               (session_id,)).fetchone()
        if row is None:
            return None
        levels = self._db.execute("SELECT pack_id, level_id FROM session_levels WHERE session_id = ? "
                                  "ORDER BY position", (session_id,)).fetchall()
        return PlaySession(*row, tuple((pack, level) for pack, level in levels))

    def sessions(self, group_id: int | None = None) -> list[PlaySession]:
        """Newest first."""
        where, args = ("WHERE group_id = ?", (group_id,)) if group_id is not None else ("", ())
        ids = self._db.execute(f"SELECT id FROM play_sessions {where} ORDER BY id DESC", args).fetchall()
        return [session for (session_id,) in ids if (session := self.session(session_id)) is not None]

    def session_players(self, session_id: int) -> list[int]:
        """Who played in the session (made at least one attempt), by nickname."""
        rows = self._db.execute(
            "SELECT profiles.id FROM profiles WHERE profiles.id IN "
            "(SELECT profile_id FROM attempts WHERE session_id = ?) ORDER BY profiles.nickname_key",
            (session_id,))
        return [profile_id for (profile_id,) in rows]

    # -- team quizzes --------------------------------------------------------------------
    def start_team_game(self, game: TeamGame) -> int:
        now = _now()
        with self._transaction():
            cursor = self._db.execute(*team_sql.insert_game(game, "?", now))
            game_id = int(cursor.lastrowid or 0)
            team_sql.write_teams(self._db.execute, game_id, game, "?", now)
        return game_id

    def save_team_game(self, game: TeamGame) -> None:
        with self._transaction():
            team_sql.write_teams(self._db.execute, game.id, game, "?", _now())

    def team_games(self, scope: ReportScope) -> list[TeamGame]:
        query = team_sql.games_query(scope, "?")
        if query is None:
            return []
        games, teams, args = query
        return team_sql.games_from_rows(self._db.execute(games, args).fetchall(),
                                        self._db.execute(teams, args).fetchall())

    def record_group_tale(self, session_id: int | None, pack_id: str, level_id: str, ending: str) -> None:
        with self._transaction():
            self._db.execute("INSERT INTO group_tales (session_id, pack_id, level_id, ending, seen_at) "
                             "VALUES (?, ?, ?, ?, ?)", (session_id, pack_id, level_id, ending, _now()))

    def group_tales(self, session_id: int | None = None) -> list[GroupTale]:
        where, args = ("WHERE session_id = ?", (session_id,)) if session_id is not None else ("", ())
        rows = self._db.execute(
            "SELECT session_id, play_sessions.group_id, pack_id, level_id, ending, seen_at FROM group_tales "
            f"LEFT JOIN play_sessions ON play_sessions.id = group_tales.session_id {where} "
            "ORDER BY group_tales.id DESC", args).fetchall()
        return [GroupTale(*row) for row in rows]

    # -- what the children did, for the leader's reports -----------------------------------
    # Each is one aggregate query: the rows of a year of a group's play are summed by SQLite, and only
    # the sums come to Python (the leader's view opens within a frame; bench: leader_view_group_of_30).
    def progress_totals(self, scope: ReportScope, by: str) -> list[ProgressTotals]:
        where, args = scope_where(scope, "?")
        keys, join = (("per_level.profile_id", "profiles.nickname"), "JOIN profiles ON profiles.id = per_level.profile_id") \
            if by == "child" else (("per_level.pack_id", "per_level.level_id"), "")
        rows = self._db.execute(
            f"SELECT {', '.join(keys)}, COUNT(*), SUM(CASE WHEN per_level.finished > 0 THEN 1 ELSE 0 END), "
            "SUM(COALESCE(per_level.best, 0)), SUM(per_level.tries), MAX(per_level.last_started) FROM ("
            "SELECT attempts.profile_id AS profile_id, attempts.pack_id AS pack_id, attempts.level_id AS level_id, "
            "COUNT(*) AS tries, COUNT(attempts.finished_at) AS finished, "
            "MAX(CASE WHEN attempts.finished_at IS NOT NULL THEN attempts.stars END) AS best, "
            f"MAX(attempts.started_at) AS last_started FROM attempts {where} "
            "GROUP BY attempts.profile_id, attempts.pack_id, attempts.level_id"
            f") AS per_level {join} GROUP BY {', '.join(keys)}", args)
        return [ProgressTotals(tuple(row[:2]), *row[2:]) for row in rows]

    def answer_totals(self, scope: ReportScope, by: str) -> list[AnswerTotals]:
        # "attempts CROSS JOIN answers" keeps the attempts first in SQLite's plan: the scope picks a group's few
        # attempts by index, then their answers by index (never a scan of every child's answers)
        width, keys = len(TOTALS_BY[by]), ", ".join(TOTALS_BY[by])
        where, args = scope_where(scope, "?", "answers.attempt_id = attempts.id")
        rows = self._db.execute(
            f"SELECT {keys}, SUM(CASE WHEN answers.attempt_number = 1 THEN 1 ELSE 0 END), "
            "SUM(CASE WHEN answers.attempt_number = 1 AND answers.correct = 1 THEN 1 ELSE 0 END), "
            f"SUM(answers.time_ms), SUM(answers.hint_used) FROM attempts CROSS JOIN answers {where} GROUP BY {keys}",
            args)
        return [AnswerTotals(tuple(row[:width]), *row[width:]) for row in rows]

    def wrong_answers(self, scope: ReportScope) -> list[tuple[str, str, str, object, int]]:
        where, args = scope_where(scope, "?", "answers.attempt_id = attempts.id", "answers.attempt_number = 1",
                                  "answers.correct = 0")
        rows = self._db.execute(
            "SELECT attempts.pack_id, attempts.level_id, answers.question_id, answers.answer, COUNT(*) "
            f"FROM attempts CROSS JOIN answers {where} "
            "GROUP BY attempts.pack_id, attempts.level_id, answers.question_id, answers.answer", args)
        return [(pack, level, question, json.loads(answer), n) for pack, level, question, answer, n in rows]

    # -- play -----------------------------------------------------------------------------
    def start_attempt(self, profile_id: int, pack_id: str, level_id: str, kind: str, seed: int = 0) -> int:
        """A child of the group whose session is on plays in that session: the attempt says so."""
        with self._transaction():
            cursor = self._db.execute(
                "INSERT INTO attempts (profile_id, pack_id, level_id, kind, seed, session_id) VALUES (?, ?, ?, ?, ?, "
                "(SELECT MAX(play_sessions.id) FROM play_sessions JOIN group_members "
                "ON group_members.group_id = play_sessions.group_id "
                "WHERE play_sessions.ended_at IS NULL AND group_members.profile_id = ?))",
                (profile_id, pack_id, level_id, kind, seed, profile_id))
            self._db.execute(f"UPDATE profiles SET last_played_at = {NOW} WHERE id = ?", (profile_id,))
        return int(cursor.lastrowid or 0)

    def record_answer(self, attempt_id: int, answer: AnswerRecord) -> None:
        """Committed (and fsynced) when this returns: only then may the game show it as recorded."""
        with self._transaction():
            self._db.execute(
                "INSERT INTO answers (attempt_id, question_id, answer, correct, time_ms, attempt_number, "
                "hint_used, right_parts, total_parts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (attempt_id, answer.question_id, json.dumps(answer.answer, ensure_ascii=False),
                 int(answer.correct), int(answer.time_ms), answer.attempt_number, int(answer.hint_used),
                 answer.right_parts, answer.total_parts))

    def finish_attempt(self, attempt_id: int, correct: int, total: int, stars: int) -> None:
        with self._transaction():
            self._db.execute(f"UPDATE attempts SET finished_at = {NOW}, correct = ?, total = ?, stars = ? "
                             "WHERE id = ?", (correct, total, stars, attempt_id))
            self._db.execute(
                "INSERT INTO best_stars (profile_id, pack_id, level_id, stars) "
                "SELECT profile_id, pack_id, level_id, ? FROM attempts WHERE id = ? "
                "ON CONFLICT (profile_id, pack_id, level_id) DO UPDATE SET stars = max(stars, excluded.stars)",
                (stars, attempt_id))
            self._db.execute("DELETE FROM saved_positions WHERE attempt_id = ?", (attempt_id,))

    def answers(self, attempt_id: int) -> list[AnswerRecord]:
        rows = self._db.execute("SELECT question_id, answer, correct, time_ms, attempt_number, hint_used, "
                                "right_parts, total_parts FROM answers WHERE attempt_id = ? ORDER BY id",
                                (attempt_id,))
        return [AnswerRecord(q, json.loads(a), bool(c), t, n, bool(h), rp, tp)
                for q, a, c, t, n, h, rp, tp in rows]

    def best_stars(self, profile_id: int) -> dict[tuple[str, str], int]:
        rows = self._db.execute("SELECT pack_id, level_id, stars FROM best_stars WHERE profile_id = ?",
                                (profile_id,))
        return {(pack, level): stars for pack, level, stars in rows}

    # -- where a child left a level -----------------------------------------------------------
    def save_position(self, profile_id: int, pack_id: str, level_id: str, attempt_id: int, state: dict,
                      line_read: tuple[str, int] | None = None) -> None:
        """After every answer and every story line: where the child is (and that this line was read)."""
        with self._transaction():
            self._db.execute(
                f"INSERT INTO saved_positions (profile_id, pack_id, level_id, attempt_id, state) "
                f"VALUES (?, ?, ?, ?, ?) ON CONFLICT (profile_id, pack_id, level_id) DO UPDATE SET "
                f"attempt_id = excluded.attempt_id, state = excluded.state, saved_at = {NOW}",
                (profile_id, pack_id, level_id, attempt_id, json.dumps(state, ensure_ascii=False)))
            if line_read is not None:
                self._db.execute("INSERT OR IGNORE INTO lines_read VALUES (?, ?, ?, ?, ?)",
                                 (profile_id, pack_id, level_id, line_read[0], line_read[1]))

    def load_position(self, profile_id: int, pack_id: str, level_id: str) -> SavedPosition | None:
        row = self._db.execute("SELECT attempt_id, state FROM saved_positions WHERE profile_id = ? AND "
                               "pack_id = ? AND level_id = ?", (profile_id, pack_id, level_id)).fetchone()
        return SavedPosition(row[0], json.loads(row[1])) if row else None

    def lines_read(self, profile_id: int, pack_id: str, level_id: str) -> set[tuple[str, int]]:
        rows = self._db.execute("SELECT scene, line_index FROM lines_read WHERE profile_id = ? AND pack_id = ? "
                                "AND level_id = ?", (profile_id, pack_id, level_id))
        return {(scene, index) for scene, index in rows}

    # -- settings -------------------------------------------------------------------------------
    def settings(self, profile_id: int | None) -> dict | None:
        """A profile's settings, else the computer's defaults, else None."""
        for owner in ((profile_id,) if profile_id is not None else ()) + (COMPUTER,):
            row = self._db.execute("SELECT data FROM settings WHERE profile_id = ?", (owner,)).fetchone()
            if row:
                return json.loads(row[0])
        return None

    def save_settings(self, profile_id: int | None, data: dict) -> None:
        """`profile_id` None saves the computer's defaults."""
        owner = COMPUTER if profile_id is None else profile_id
        with self._transaction():
            self._db.execute("INSERT INTO settings VALUES (?, ?) ON CONFLICT (profile_id) DO UPDATE SET "
                             "data = excluded.data", (owner, json.dumps(data)))

    def club_setup(self) -> dict:
        row = self._db.execute("SELECT data FROM settings WHERE profile_id = ?", (CLUB,)).fetchone()
        return json.loads(row[0]) if row else {}

    def save_club_setup(self, data: dict) -> None:
        with self._transaction():
            self._db.execute("INSERT INTO settings VALUES (?, ?) ON CONFLICT (profile_id) DO UPDATE SET "
                             "data = excluded.data", (CLUB, json.dumps(data, ensure_ascii=False)))

    # -- the leader's PIN -----------------------------------------------------------------------
    def leader_pin(self) -> StoredPin | None:
        row = self._db.execute("SELECT salt, digest FROM leader_pin WHERE id = 1").fetchone()
        return StoredPin(*row) if row else None

    def save_leader_pin(self, pin: StoredPin | None) -> None:
        """None removes it (`run_game.py leader-pin --reset`, for a forgotten PIN)."""
        with self._transaction():
            self._db.execute("DELETE FROM leader_pin")
            if pin is not None:
                self._db.execute("INSERT INTO leader_pin (id, salt, digest) VALUES (1, ?, ?)", (pin.salt, pin.digest))

    def leader_lock(self) -> dict:
        row = self._db.execute("SELECT data FROM settings WHERE profile_id = ?", (LOCK,)).fetchone()
        return lock_data(row[0]) if row else {}

    def save_leader_lock(self, data: dict) -> None:
        with self._transaction():
            self._db.execute("INSERT INTO settings VALUES (?, ?) ON CONFLICT (profile_id) DO UPDATE SET "
                             "data = excluded.data", (LOCK, json.dumps(data)))

    # -- progress that moves between computers ----------------------------------------------------
    def export_children(self, profile_ids: Iterable[int] | None = None) -> dict:
        """One read transaction: a snapshot that answers committed meanwhile cannot tear."""
        self._db.execute("BEGIN")
        try:
            return transfer_sql.export_children(transfer_sql.Sql(self._db, "sqlite"), profile_ids)
        finally:
            self._db.execute("ROLLBACK")

    def import_children(self, data: dict) -> ImportReport:
        with self._transaction():
            return transfer_sql.import_children(transfer_sql.Sql(self._db, "sqlite"), data)

    def computers_with_unsent(self) -> dict[str, int]:
        """Empty on one computer alone: its own answers are never waiting to be sent anywhere."""
        return dict(self._db.execute("SELECT name, unsent FROM computers WHERE unsent > 0 ORDER BY name"))

    # -- reports ----------------------------------------------------------------------------------
    # Over every child, each level's and each child's sums come from level_totals and child_totals (kept by
    # triggers, migration 12): 100 and 10,000 rows, not the million of best_stars and attempts that a
    # library of 10,000 children x 100 levels holds. A group's sums come from the tables' own keys.
    def level_summaries(self, profile_ids: Iterable[int] | None = None) -> list[LevelSummary]:
        """One row per level that anyone (of the group) has started, ordered by pack and level."""
        if profile_ids is None:
            rows = self._db.execute(
                "SELECT pack_id, level_id, children, CASE WHEN children > 0 THEN stars * 1.0 / children ELSE 0.0 END, "
                "three, attempts FROM level_totals WHERE attempts > 0 ORDER BY pack_id, level_id")
            return [LevelSummary(*row) for row in rows]
        ids = list(profile_ids)
        stars_where, stars_args = _group(ids, "profile_id")
        tries_where, tries_args = _group(ids, "profile_id")
        rows = self._db.execute(f"""
            WITH stars AS (
                SELECT pack_id, level_id, COUNT(*) AS children, AVG(stars) AS average, SUM(stars = 3) AS three
                FROM best_stars {stars_where} GROUP BY pack_id, level_id),
            tries AS (
                SELECT pack_id, level_id, COUNT(*) AS attempts
                FROM attempts {tries_where} GROUP BY pack_id, level_id)
            SELECT tries.pack_id, tries.level_id, COALESCE(stars.children, 0), COALESCE(stars.average, 0.0),
                   COALESCE(stars.three, 0), tries.attempts
            FROM tries LEFT JOIN stars USING (pack_id, level_id)
            ORDER BY tries.pack_id, tries.level_id""", stars_args + tries_args)
        return [LevelSummary(*row) for row in rows]

    def child_summaries(self, profile_ids: Iterable[int] | None = None) -> list[ChildSummary]:
        """One row per child (of the group), ordered by nickname."""
        where, args = _group(profile_ids, "profiles.id")
        rows = self._db.execute(f"""
            SELECT profiles.id, profiles.nickname, COALESCE(totals.levels, 0), COALESCE(totals.stars, 0),
                   COALESCE(totals.three, 0), COALESCE(totals.attempts, 0), profiles.last_played_at
            FROM profiles LEFT JOIN child_totals AS totals ON totals.profile_id = profiles.id
            {where}
            ORDER BY profiles.nickname_key, profiles.id""", args)
        return [ChildSummary(*row) for row in rows]


def _denied(folder: Path) -> StorageError | None:
    """A folder the game may not open at all (chmod 000, another account's), told as such with its
    path: sqlite3 says only "unable to open database file"."""
    try:
        os.listdir(folder)
    except PermissionError:
        return StorageError(StorageTrouble.DENIED, str(folder))
    except OSError:
        pass
    return None


def _only_for_its_user(folder: Path, path: Path) -> None:
    """Children's progress is readable by the computer account that plays, not by its other users
    (POSIX permissions; on Windows the per-user data folder is private already)."""
    if os.name != "posix":
        return
    for target, mode in ((folder, 0o700), (path, 0o600)):
        try:
            os.chmod(target, mode)
        except OSError:
            pass  # a folder the leader chose on a shared or read-only drive: its owner decides


_PROFILE = "id, nickname, avatar, language, archived"


def _profile(row: tuple) -> Profile:
    profile_id, nickname, avatar, language, archived = row
    return Profile(profile_id, nickname, avatar, language, bool(archived))


def _now() -> str:
    """The same form as the oldest tables' SQL default: 2026-12-03T14:05:09.123Z."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def _group(profile_ids: Iterable[int] | None, column: str) -> tuple[str, tuple]:
    """A WHERE clause for a group of children (a JSON array parameter: any size, one statement)."""
    if profile_ids is None:
        return "", ()
    return f"WHERE {column} IN (SELECT value FROM json_each(?))", (json.dumps([int(i) for i in profile_ids]),)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on an exception. A failure of the disk (full,
    read-only, I/O) becomes a StorageError, and the connection is always left outside a transaction:
    SQLite rolls some failures back by itself, and a second ROLLBACK must not hide the first error."""

    def __init__(self, db: sqlite3.Connection, folder: Path | None = None) -> None:
        self.db = db
        self.folder = folder  # where the file is: what it shows tells a vague I/O error apart

    def __enter__(self) -> None:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            if _is_storage_failure(exc):
                raise storage_error(exc, self.folder) from exc
            raise

    def __exit__(self, exc_type, exc, tb) -> Literal[False]:
        if exc_type is None:
            try:
                self.db.execute("COMMIT")
                return False
            except sqlite3.Error as failure:
                self._rollback()
                if _is_storage_failure(failure):
                    raise storage_error(failure, self.folder) from failure
                raise
        self._rollback()
        if _is_storage_failure(exc):
            raise storage_error(exc, self.folder) from exc
        return False

    def _rollback(self) -> None:
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the connection is closed or broken: the original error says why
