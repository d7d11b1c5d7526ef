"""Each child's progress in SQLite: every answer is committed durably before it is shown as recorded."""
from __future__ import annotations

import errno
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from .leader import StoredPin
from .migrations import MIGRATIONS, SCHEMA_VERSION

DB_NAME = "progress.sqlite3"


class NewerDatabaseError(RuntimeError):
    """The database was written by a newer version of the game."""


class StorageError(RuntimeError):
    """Progress could not be saved: the disk is full, the data folder is read-only, or it is gone.

    Raised by every method that writes, instead of sqlite3's errors. The write was rolled back:
    what was saved before is intact, the store stays usable, and a later write may succeed (after
    space was freed). `reason` is one of REASONS, for the player's message."""

    REASONS = ("full", "read_only", "busy", "unavailable", "damaged")

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(f"progress not saved ({reason}): {detail}" if detail else f"progress not saved ({reason})")
        self.reason = reason
        self.detail = detail

    @classmethod
    def from_exception(cls, exc: BaseException) -> "StorageError":
        if isinstance(exc, StorageError):
            return exc
        if isinstance(exc, sqlite3.Error):
            code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
            reason = {13: "full", 8: "read_only", 3: "read_only", 23: "read_only", 5: "busy", 6: "busy",
                      14: "unavailable", 11: "damaged", 26: "damaged"}.get(code)
            if reason is None:
                text = str(exc).lower()
                reason = ("full" if "full" in text else "read_only" if "readonly" in text or "read-only" in text
                          else "busy" if "locked" in text or "busy" in text else "unavailable")
            return cls(reason, str(exc))
        if isinstance(exc, OSError):
            reason = {errno.ENOSPC: "full", errno.EDQUOT: "full", errno.EROFS: "read_only",
                      errno.EACCES: "read_only", errno.EPERM: "read_only"}.get(exc.errno, "unavailable")
            return cls(reason, str(exc))
        return cls("unavailable", str(exc))


def _is_storage_failure(exc: BaseException | None) -> bool:
    """sqlite3 errors that come from the disk, not from a mistake in a query or a broken constraint."""
    return isinstance(exc, sqlite3.OperationalError) or type(exc) is sqlite3.DatabaseError


@dataclass(frozen=True)
class Profile:
    id: int
    nickname: str
    avatar: str
    language: str


class ProgressStore:
    """Profiles, attempts, answers and best stars. WAL + synchronous=FULL: survives a power cut."""

    def __init__(self, path: Path | str, read_only: bool = False) -> None:
        self.path = path
        self.read_only = read_only
        # None, or why this store cannot save (in_folder fell back): for the UI to tell the player
        self.problem: StorageError | None = None
        if read_only:
            self.db = self._open_read_only(Path(path))
            if self.schema_version != SCHEMA_VERSION:
                self.db.close()
                raise StorageError("read_only", "the saved progress needs an update that cannot be written")
            return
        self.db = sqlite3.connect(str(path), isolation_level=None, timeout=5)
        self.db.execute("PRAGMA foreign_keys = ON")
        if str(path) != ":memory:":
            self.db.execute("PRAGMA journal_mode = WAL")
        self.db.execute("PRAGMA synchronous = FULL")
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
    def in_folder(cls, folder: Path) -> "ProgressStore":
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
            problem = StorageError.from_exception(exc)
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
        self.db.close()

    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise NewerDatabaseError(f"progress database has schema {version}; this game knows {SCHEMA_VERSION}")
        for number in range(version, SCHEMA_VERSION):
            with self._transaction():
                for statement in MIGRATIONS[number].split(";"):
                    if statement.strip():
                        self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version = {number + 1}")

    def _transaction(self):
        return _Transaction(self.db)

    # -- profiles -------------------------------------------------------------------------
    def create_profile(self, nickname: str, avatar: str, language: str) -> Profile:
        nickname = " ".join(nickname.split())
        if not nickname:
            raise ValueError("empty nickname")
        with self._transaction():
            cursor = self.db.execute("INSERT INTO profiles (nickname, nickname_key, avatar, language) "
                                     "VALUES (?, ?, ?, ?)", (nickname, nickname.casefold(), avatar, language))
        return Profile(cursor.lastrowid, nickname, avatar, language)

    def nickname_taken(self, nickname: str) -> bool:
        row = self.db.execute("SELECT 1 FROM profiles WHERE nickname_key = ?",
                              (" ".join(nickname.split()).casefold(),))
        return row.fetchone() is not None

    def profiles(self) -> list[Profile]:
        rows = self.db.execute("SELECT id, nickname, avatar, language FROM profiles "
                               "ORDER BY last_played_at IS NULL, last_played_at DESC, id")
        return [Profile(*row) for row in rows]

    def profile(self, profile_id: int) -> Profile | None:
        row = self.db.execute("SELECT id, nickname, avatar, language FROM profiles WHERE id = ?",
                              (profile_id,)).fetchone()
        return Profile(*row) if row else None

    def touch_profile(self, profile_id: int, language: str) -> None:
        with self._transaction():
            self.db.execute("UPDATE profiles SET last_played_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                            "language = ? WHERE id = ?", (language, profile_id))

    # -- play -----------------------------------------------------------------------------
    def start_attempt(self, profile_id: int, pack_id: str, level_id: str, kind: str, seed: int = 0) -> int:
        with self._transaction():
            cursor = self.db.execute("INSERT INTO attempts (profile_id, pack_id, level_id, kind, seed) "
                                     "VALUES (?, ?, ?, ?, ?)", (profile_id, pack_id, level_id, kind, seed))
        return cursor.lastrowid

    def record_answer(self, attempt_id: int, question_id: str, answer: object, correct: bool,
                      time_ms: int, attempt_number: int = 1, hint_used: bool = False,
                      right_parts: int = 0, total_parts: int = 1) -> None:
        """Committed (and fsynced) when this returns: only then may the game show it as recorded."""
        with self._transaction():
            self.db.execute(
                "INSERT INTO answers (attempt_id, question_id, answer, correct, time_ms, attempt_number, "
                "hint_used, right_parts, total_parts) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (attempt_id, question_id, json.dumps(answer, ensure_ascii=False), int(correct), int(time_ms),
                 attempt_number, int(hint_used), right_parts, total_parts))

    def finish_attempt(self, attempt_id: int, correct: int, total: int, stars: int) -> None:
        with self._transaction():
            self.db.execute("UPDATE attempts SET finished_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), "
                            "correct = ?, total = ?, stars = ? WHERE id = ?", (correct, total, stars, attempt_id))
            self.db.execute(
                "INSERT INTO best_stars (profile_id, pack_id, level_id, stars) "
                "SELECT profile_id, pack_id, level_id, ? FROM attempts WHERE id = ? "
                "ON CONFLICT (profile_id, pack_id, level_id) DO UPDATE SET stars = max(stars, excluded.stars)",
                (stars, attempt_id))

    # -- settings ---------------------------------------------------------------------------
    COMPUTER = 0  # the row that holds the computer's defaults

    def settings(self, profile_id: int | None) -> dict | None:
        """A profile's settings, else the computer's defaults, else None."""
        for owner in ((profile_id,) if profile_id is not None else ()) + (self.COMPUTER,):
            row = self.db.execute("SELECT data FROM settings WHERE profile_id = ?", (owner,)).fetchone()
            if row:
                return json.loads(row[0])
        return None

    def save_settings(self, profile_id: int | None, data: dict) -> None:
        """`profile_id` None saves the computer's defaults."""
        owner = self.COMPUTER if profile_id is None else profile_id
        with self._transaction():
            self.db.execute("INSERT INTO settings VALUES (?, ?) ON CONFLICT (profile_id) DO UPDATE SET "
                            "data = excluded.data", (owner, json.dumps(data)))

    # -- the leader's PIN -------------------------------------------------------------------
    def leader_pin(self) -> StoredPin | None:
        row = self.db.execute("SELECT salt, digest FROM leader_pin WHERE id = 1").fetchone()
        return StoredPin(*row) if row else None

    def save_leader_pin(self, pin: StoredPin | None) -> bool:
        """None removes it (`run_game.py leader-pin --reset`, for a forgotten PIN). True once saved."""
        with self._transaction():
            self.db.execute("DELETE FROM leader_pin")
            if pin is not None:
                self.db.execute("INSERT INTO leader_pin (id, salt, digest) VALUES (1, ?, ?)", (pin.salt, pin.digest))
        return True

    # -- stories ----------------------------------------------------------------------------
    def save_story(self, profile_id: int, pack_id: str, level_id: str, attempt_id: int, state: dict,
                   line: tuple[str, int] | None) -> None:
        """After every line: where the child is, and that this line has been read."""
        with self._transaction():
            self.db.execute("INSERT INTO story_saves (profile_id, pack_id, level_id, attempt_id, state) "
                            "VALUES (?, ?, ?, ?, ?) ON CONFLICT (profile_id, pack_id, level_id) DO UPDATE SET "
                            "attempt_id = excluded.attempt_id, state = excluded.state, saved_at = excluded.saved_at",
                            (profile_id, pack_id, level_id, attempt_id, json.dumps(state, ensure_ascii=False)))
            if line is not None:
                self.db.execute("INSERT OR IGNORE INTO lines_read VALUES (?, ?, ?, ?, ?)",
                                (profile_id, pack_id, level_id, line[0], line[1]))

    def load_story(self, profile_id: int, pack_id: str, level_id: str) -> tuple[int, dict] | None:
        row = self.db.execute("SELECT attempt_id, state FROM story_saves WHERE profile_id = ? AND pack_id = ? "
                              "AND level_id = ?", (profile_id, pack_id, level_id)).fetchone()
        return (row[0], json.loads(row[1])) if row else None

    def clear_story(self, profile_id: int, pack_id: str, level_id: str) -> None:
        with self._transaction():
            self.db.execute("DELETE FROM story_saves WHERE profile_id = ? AND pack_id = ? AND level_id = ?",
                            (profile_id, pack_id, level_id))

    def lines_read(self, profile_id: int, pack_id: str, level_id: str) -> set[tuple[str, int]]:
        rows = self.db.execute("SELECT scene, line_index FROM lines_read WHERE profile_id = ? AND pack_id = ? "
                               "AND level_id = ?", (profile_id, pack_id, level_id))
        return {(scene, index) for scene, index in rows}

    def best_stars(self, profile_id: int) -> dict[tuple[str, str], int]:
        rows = self.db.execute("SELECT pack_id, level_id, stars FROM best_stars WHERE profile_id = ?",
                               (profile_id,))
        return {(pack, level): stars for pack, level, stars in rows}

    def answers(self, attempt_id: int) -> list[tuple[str, object, bool, int]]:
        rows = self.db.execute("SELECT question_id, answer, correct, time_ms FROM answers "
                               "WHERE attempt_id = ? ORDER BY id", (attempt_id,))
        return [(q, json.loads(a), bool(c), t) for q, a, c, t in rows]


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
                raise StorageError.from_exception(exc) from exc
            raise

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            try:
                self.db.execute("COMMIT")
                return False
            except sqlite3.Error as failure:
                self._rollback()
                if _is_storage_failure(failure):
                    raise StorageError.from_exception(failure) from failure
                raise
        self._rollback()
        if _is_storage_failure(exc):
            raise StorageError.from_exception(exc) from exc
        return False

    def _rollback(self) -> None:
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass  # the connection is closed or broken: the original error says why
