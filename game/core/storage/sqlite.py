"""The progress port in SQLite: one file per computer, WAL + synchronous=FULL (survives a power cut).

Every write is its own transaction, committed (and fsynced) when the method returns; a failure of
the disk becomes a StorageError and the store stays usable. Nothing outside this module touches
the connection.
"""
from __future__ import annotations

import errno
import json
import sqlite3
from pathlib import Path
from typing import Callable, Iterable

from ..leader import StoredPin
from .errors import NewerDatabaseError, NicknameTaken, StorageError, StorageTrouble
from .migrations import MIGRATIONS, SCHEMA_VERSION, statements
from .records import AnswerRecord, ChildSummary, LevelSummary, Profile, SavedPosition

DB_NAME = "progress.sqlite3"
COMPUTER = 0  # the settings row that holds the computer's defaults
NOW = "strftime('%Y-%m-%dT%H:%M:%fZ', 'now')"

_SQLITE_TROUBLE = {13: StorageTrouble.FULL, 8: StorageTrouble.READ_ONLY, 3: StorageTrouble.READ_ONLY,
                   23: StorageTrouble.READ_ONLY, 5: StorageTrouble.BUSY, 6: StorageTrouble.BUSY,
                   14: StorageTrouble.UNAVAILABLE, 11: StorageTrouble.DAMAGED, 26: StorageTrouble.DAMAGED}
_OS_TROUBLE = {errno.ENOSPC: StorageTrouble.FULL, errno.EDQUOT: StorageTrouble.FULL,
               errno.EROFS: StorageTrouble.READ_ONLY, errno.EACCES: StorageTrouble.READ_ONLY,
               errno.EPERM: StorageTrouble.READ_ONLY}


def storage_error(exc: BaseException) -> StorageError:
    """The StorageError that says, in the game's words, why sqlite3 or the disk refused."""
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
        return StorageError(reason, str(exc))
    if isinstance(exc, OSError):
        return StorageError(_OS_TROUBLE.get(exc.errno or 0, StorageTrouble.UNAVAILABLE), str(exc))
    return StorageError(StorageTrouble.UNAVAILABLE, str(exc))


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
            return cls(path)
        except NewerDatabaseError:
            raise
        except (OSError, sqlite3.Error, StorageError) as exc:
            problem = storage_error(exc)
        store = None
        if path.is_file():
            try:
                store = cls(path, read_only=True)
            except (OSError, sqlite3.Error, StorageError):
                store = None
        if store is None:
            store = cls(":memory:")
        store.problem = problem
        return store

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
        for number in range(version, SCHEMA_VERSION):
            with self._transaction():
                for statement in statements(MIGRATIONS[number], "sqlite"):
                    self._db.execute(statement)
                self._db.execute(f"PRAGMA user_version = {number + 1}")

    def _transaction(self) -> "_Transaction":
        return _Transaction(self._db)

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

    def profiles(self) -> list[Profile]:
        rows = self._db.execute("SELECT id, nickname, avatar, language FROM profiles "
                                "ORDER BY last_played_at IS NULL, last_played_at DESC, id")
        return [Profile(*row) for row in rows]

    def profile(self, profile_id: int) -> Profile | None:
        row = self._db.execute("SELECT id, nickname, avatar, language FROM profiles WHERE id = ?",
                               (profile_id,)).fetchone()
        return Profile(*row) if row else None

    def touch_profile(self, profile_id: int, language: str) -> None:
        with self._transaction():
            self._db.execute(f"UPDATE profiles SET last_played_at = {NOW}, language = ? WHERE id = ?",
                             (language, profile_id))

    # -- play -----------------------------------------------------------------------------
    def start_attempt(self, profile_id: int, pack_id: str, level_id: str, kind: str, seed: int = 0) -> int:
        with self._transaction():
            cursor = self._db.execute("INSERT INTO attempts (profile_id, pack_id, level_id, kind, seed) "
                                      "VALUES (?, ?, ?, ?, ?)", (profile_id, pack_id, level_id, kind, seed))
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

    def computers_with_unsent(self) -> dict[str, int]:
        """Empty on one computer alone: its own answers are never waiting to be sent anywhere."""
        return dict(self._db.execute("SELECT name, unsent FROM computers WHERE unsent > 0 ORDER BY name"))

    # -- reports ----------------------------------------------------------------------------------
    # Each summary is one query that SQLite answers from the tables' own keys: best_stars is keyed by
    # (profile, pack, level) and attempts are indexed by (profile, pack, level), so that a report over
    # a whole library (10,000 children x 100 levels) stays well under half a second.
    def level_summaries(self, profile_ids: Iterable[int] | None = None) -> list[LevelSummary]:
        """One row per level that anyone (of the group) has started, ordered by pack and level."""
        ids = None if profile_ids is None else list(profile_ids)
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
            SELECT profiles.id, profiles.nickname, COUNT(best_stars.stars), COALESCE(SUM(best_stars.stars), 0),
                   COALESCE(SUM(best_stars.stars = 3), 0),
                   (SELECT COUNT(*) FROM attempts WHERE attempts.profile_id = profiles.id),
                   profiles.last_played_at
            FROM profiles LEFT JOIN best_stars ON best_stars.profile_id = profiles.id
            {where}
            GROUP BY profiles.id
            ORDER BY profiles.nickname_key, profiles.id""", args)
        return [ChildSummary(*row) for row in rows]


def _group(profile_ids: Iterable[int] | None, column: str) -> tuple[str, tuple]:
    """A WHERE clause for a group of children (a JSON array parameter: any size, one statement)."""
    if profile_ids is None:
        return "", ()
    return f"WHERE {column} IN (SELECT value FROM json_each(?))", (json.dumps([int(i) for i in profile_ids]),)


class _Transaction:
    """BEGIN IMMEDIATE ... COMMIT, or ROLLBACK on an exception. A failure of the disk (full,
    read-only, I/O) becomes a StorageError, and the connection is always left outside a transaction:
    SQLite rolls some failures back by itself, and a second ROLLBACK must not hide the first error."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> None:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            if _is_storage_failure(exc):
                raise storage_error(exc) from exc
            raise

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            try:
                self.db.execute("COMMIT")
                return False
            except sqlite3.Error as failure:
                self._rollback()
                if _is_storage_failure(failure):
                    raise storage_error(failure) from failure
                raise
        self._rollback()
        if _is_storage_failure(exc):
            raise storage_error(exc) from exc
        return False

    def _rollback(self) -> None:
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the connection is closed or broken: the original error says why
