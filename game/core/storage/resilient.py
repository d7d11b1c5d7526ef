"""A room's PostgreSQL server, and play that goes on when the server cannot be reached.

ResilientStore is the store of `--database postgresql://…`. Each write goes to the server with an
idempotency key. When the server cannot be reached (or refuses), the write is kept instead in this
computer's outbox (`outbox.sqlite3` in the data folder, committed and fsynced before the method
returns, like any answer), and every later write queues behind it, so that order is kept. A sender
thread sends the outbox when the server is back: in order, in batches, each write exactly once (the
server keeps the keys it has applied, in the same transaction). An attempt started while the server
was away has a local id (< 0) until it is sent; the outbox keeps which server id it became.

Reads answer from the server while nothing is queued; otherwise from what this computer last read or
wrote (kept in the same file), so a child goes on playing: the map shows the stars just won, a level
left mid-way resumes. A new profile and a new leader PIN need the server (they must be the same in the
whole room): they raise StorageError while it is away, and so do the leader's desk changes (groups, a
child renamed, archived, merged or erased, play sessions, the club's setup): they go to the server once this
computer's outbox is sent, after every write queued before them.
"""
from __future__ import annotations

import json
import socket
import sqlite3
import threading
import uuid
from dataclasses import asdict, astuple
from pathlib import Path
from typing import Any, Callable, Iterable, Literal, Sequence

from ..leader import StoredPin
from .errors import NewerDatabaseError, StorageError, StorageTrouble
from .postgres import PostgresStore, QueuedWrite
from .records import (AnswerRecord, AnswerTotals, ChildSummary, Group, GroupTale, ImportReport, LevelSummary,
                      PlaySession, Profile, ProfilePage, ProgressTotals, ReportScope, SavedPosition, TeamGame,
                      TeamResult)
from .sqlite import storage_error as sqlite_storage_error

OUTBOX_NAME = "outbox.sqlite3"
RETRY_S = 3.0  # how often the sender tries the server again
BATCH = 500  # writes sent in one transaction

_OUTBOX_SCHEMA = """
CREATE TABLE IF NOT EXISTS outbox (
    seq INTEGER PRIMARY KEY AUTOINCREMENT,  -- never reused: an attempt's local id is -seq
    key TEXT NOT NULL UNIQUE,
    op TEXT NOT NULL,
    args TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS ids (local INTEGER PRIMARY KEY, remote INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS cache (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS rejected (seq INTEGER PRIMARY KEY, key TEXT, op TEXT, args TEXT, error TEXT)
"""


def _open_outbox(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(str(path), isolation_level=None, timeout=10, check_same_thread=False)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.executescript(_OUTBOX_SCHEMA)
    return db


def _key(name: str, *args: Any) -> str:
    """A read's entry in the cache: its method and arguments."""
    return json.dumps([name, *args], ensure_ascii=False)


class _Local:
    """BEGIN IMMEDIATE ... COMMIT on the outbox; a failure of this computer's disk becomes a StorageError."""

    def __init__(self, db: sqlite3.Connection) -> None:
        self.db = db

    def __enter__(self) -> sqlite3.Connection:
        try:
            self.db.execute("BEGIN IMMEDIATE")
        except sqlite3.Error as exc:
            raise sqlite_storage_error(exc) from exc
        return self.db

    def __exit__(self, exc_type, exc, tb) -> Literal[False]:
        if exc is None:
            try:
                self.db.execute("COMMIT")
                return False
            except sqlite3.Error as failure:
                exc = failure
        if self.db.in_transaction:
            try:
                self.db.execute("ROLLBACK")
            except sqlite3.Error:
                pass
        if isinstance(exc, (sqlite3.Error, OSError)):
            raise sqlite_storage_error(exc) from exc
        return False


class ResilientStore:
    """The storage port over a room's server, with this computer's outbox for when it is away."""

    def __init__(self, url: str, folder: Path, computer: str | None = None, retry_s: float = RETRY_S) -> None:
        self.url = url
        self.computer = computer or socket.gethostname()
        self.problem: StorageError | None = None
        self.on_offline: Callable[[], None] | None = None  # told (in the game's thread) when the server goes away
        self.retry_s = retry_s
        self.why_offline = ""  # the server's or the network's words, when it could not be reached at start
        folder.mkdir(parents=True, exist_ok=True)
        self._path = folder / OUTBOX_NAME
        self._local = _open_outbox(self._path)
        self._ids: dict[int, int] = dict(self._local.execute("SELECT local, remote FROM ids"))
        self._cache: dict[str, Any] = {k: json.loads(v) for k, v in self._local.execute("SELECT key, value FROM cache")}
        self._attempts: dict[int, tuple[int, str, str]] = {}  # attempt id -> its child, pack and level
        self._unkept: set[str] = set()  # cache entries changed since the file last had them
        self._told_offline = False
        try:
            self._server: PostgresStore | None = PostgresStore(url)
            self.online = True
        except NewerDatabaseError:
            raise
        except StorageError as error:
            self._server = None
            self.online = False
            self.why_offline = error.detail
        self._stop = threading.Event()
        self._wake = threading.Event()
        # True while the outbox holds something: set by the game's thread as it queues, cleared by the
        # sender when it finds the outbox empty, both under the lock (no write may pass a queued one)
        self._lock = threading.Lock()
        self._pending = self._queued()
        self._sender = threading.Thread(target=self._send_loop, name="olketanu-outbox", daemon=True)
        self._sender.start()
        if self._pending:
            self._wake.set()

    def close(self) -> None:
        """What is still queued stays in the outbox; it is sent the next time the game starts."""
        self._keep_cache()
        self._stop.set()
        self._wake.set()
        self._sender.join(timeout=30)
        if self._server is not None:
            self._server.close()
        self._local.close()

    # -- this computer's outbox ------------------------------------------------------------------
    def unsent_answers(self) -> int:
        """Answers kept on this computer that the server has not received yet."""
        return self._local.execute("SELECT COUNT(*) FROM outbox WHERE op = 'record_answer'").fetchone()[0]

    def send_now(self, timeout: float = 30.0) -> bool:
        """Asks the sender to try at once; waits until the outbox is empty (True) or `timeout` passed."""
        pause = threading.Event()
        for _ in range(int(timeout / 0.05)):
            if not self._pending and self.online:
                return True
            self._wake.set()
            pause.wait(0.05)
        return not self._queued()

    def _queued(self) -> bool:
        return self._local.execute("SELECT EXISTS (SELECT 1 FROM outbox)").fetchone()[0] == 1

    def _went_offline(self) -> None:
        self.online = False
        self._wake.set()
        self._keep_cache()
        if not self._told_offline:
            self._told_offline = True
            if self.on_offline is not None:
                self.on_offline()

    def _connected(self) -> PostgresStore:
        if self._server is None:
            self._server = PostgresStore(self.url)
        return self._server

    def _write(self, op: str, args: dict) -> int | None:
        """Straight to the server when nothing is queued; else (or when that fails) into the outbox."""
        key = uuid.uuid4().hex
        if self.online and not self._pending:
            write = QueuedWrite(key, op, args)
            stale = self._server is not None and self._server.connected
            try:
                try:
                    [result] = self._connected().apply_writes([write], self._ids, fresh=True)
                except StorageError:
                    if not stale:
                        raise
                    # the connection may only be older than a restart of the server: once more on a new
                    # one, asking the server whether the first try was applied after all
                    [result] = self._connected().apply_writes([write], self._ids)
                self._told_offline = False
                return result
            except StorageError:
                self._went_offline()  # perhaps applied, perhaps not: its key decides when it is sent again
        with self._lock, _Local(self._local) as db:
            seq = db.execute("INSERT INTO outbox (key, op, args) VALUES (?, ?, ?)",
                             (key, op, json.dumps(args, ensure_ascii=False))).lastrowid
            self._pending = True
        self._wake.set()
        return -int(seq or 0) if op == "start_attempt" else None

    def _on_server(self, call: Callable[[PostgresStore], Any]) -> Any:
        """A write that needs the server itself; raises StorageError (offline) while it is away, or while
        this computer's outbox still holds writes that must reach it first."""
        if not self.online:
            raise StorageError(StorageTrouble.OFFLINE, "the room's server cannot be reached")
        if self._pending:
            self._wake.set()
            raise StorageError(StorageTrouble.OFFLINE, "this computer's writes are still being sent to the server")
        try:
            return call(self._connected())
        except StorageError:
            self._went_offline()
            raise

    def _read(self, name: str, args: tuple, fetch: Callable[[], Any], encode: Callable[[Any], Any],
              decode: Callable[[Any], Any], default: Any) -> Any:
        key = _key(name, *args)
        if self.online and not self._pending:
            try:
                value = fetch()
                self._remember(key, encode(value))
                return value
            except StorageError:
                self._went_offline()
        kept = self._cache.get(key)
        return decode(kept) if kept is not None else default

    def _remember(self, key: str, value: Any) -> None:
        """In memory; in the file when the server goes away, when a write is queued, or at close (the
        file is only needed without the server, and an fsync per answer would double its cost)."""
        if self._cache.get(key) != value:
            self._cache[key] = value
            self._unkept.add(key)

    def _keep_cache_offline(self) -> None:
        if not self.online:
            self._keep_cache()

    def _keep_cache(self) -> None:
        keys, self._unkept = self._unkept, set()
        if not keys:
            return
        try:
            with _Local(self._local) as db:
                db.executemany("INSERT OR REPLACE INTO cache VALUES (?, ?)",
                               [(key, json.dumps(self._cache[key], ensure_ascii=False)) for key in keys])
        except StorageError:
            pass  # only a copy for when the server is away: the game goes on without it

    def _server_id(self, attempt_id: int) -> int | None:
        return self._ids.get(attempt_id) if attempt_id < 0 else attempt_id

    # -- profiles ----------------------------------------------------------------------------------
    def create_profile(self, nickname: str, avatar: str, language: str) -> Profile:
        """Needs the server: a nickname must be free in the whole room."""
        return self._on_server(lambda server: server.create_profile(nickname, avatar, language))

    def nickname_taken(self, nickname_key: str) -> bool:
        return self._read("nickname_taken", (nickname_key.casefold(),),
                          lambda: self._connected().nickname_taken(nickname_key), bool, bool, False)

    def profiles(self, include_archived: bool = False) -> list[Profile]:
        # the children not archived keep the cache key of the versions before archiving: kept lists still serve
        return self._read("profiles", (True,) if include_archived else (),
                          lambda: self._connected().profiles(include_archived),
                          lambda value: [astuple(p) for p in value], lambda kept: [Profile(*p) for p in kept], [])

    def profile_page(self, offset: int, limit: int, initials: Sequence[str] = (),
                     skip: Sequence[int] = ()) -> ProfilePage:
        return self._read("profile_page", (offset, limit, *sorted(initials), "|", *sorted(skip)),
                          lambda: self._connected().profile_page(offset, limit, initials, skip),
                          lambda page: [[astuple(p) for p in page.profiles], page.matching, page.initials],
                          lambda kept: ProfilePage([Profile(*p) for p in kept[0]], kept[1], kept[2]),
                          ProfilePage([], 0, {}))

    def profile(self, profile_id: int) -> Profile | None:
        return self._read("profile", (profile_id,), lambda: self._connected().profile(profile_id),
                          lambda value: astuple(value) if value else None, lambda kept: Profile(*kept), None)

    def touch_profile(self, profile_id: int, language: str) -> None:
        self._write("touch_profile", {"profile_id": profile_id, "language": language})

    # -- the leader's desk: changes need the server, reads answer from what was kept when it is away -----
    def rename_profile(self, profile_id: int, nickname: str) -> None:
        self._on_server(lambda server: server.rename_profile(profile_id, nickname))

    def set_avatar(self, profile_id: int, avatar: str) -> None:
        self._on_server(lambda server: server.set_avatar(profile_id, avatar))

    def set_archived(self, profile_id: int, archived: bool) -> None:
        self._on_server(lambda server: server.set_archived(profile_id, archived))

    def erase_profile(self, profile_id: int) -> None:
        """On the server, and in this computer's copy of what it read (it may hold the child's nickname)."""
        self._on_server(lambda server: server.erase_profile(profile_id))
        self._cache.clear()
        self._unkept.clear()
        with _Local(self._local) as db:
            db.execute("DELETE FROM cache")

    def merge_profiles(self, keep_id: int, drop_id: int) -> None:
        self._on_server(lambda server: server.merge_profiles(keep_id, drop_id))

    def create_group(self, name: str) -> Group:
        return self._on_server(lambda server: server.create_group(name))

    def rename_group(self, group_id: int, name: str) -> None:
        self._on_server(lambda server: server.rename_group(group_id, name))

    def delete_group(self, group_id: int) -> None:
        self._on_server(lambda server: server.delete_group(group_id))

    def groups(self) -> list[Group]:
        return self._read("groups", (), lambda: self._connected().groups(), lambda value: [astuple(g) for g in value],
                          lambda kept: [Group(i, name, tuple(members)) for i, name, members in kept], [])

    def add_to_group(self, group_id: int, profile_id: int) -> None:
        self._on_server(lambda server: server.add_to_group(group_id, profile_id))

    def remove_from_group(self, group_id: int, profile_id: int) -> None:
        self._on_server(lambda server: server.remove_from_group(group_id, profile_id))

    def start_session(self, group_id: int, levels: list[tuple[str, str]]) -> PlaySession:
        return self._on_server(lambda server: server.start_session(group_id, levels))

    def end_session(self, session_id: int) -> None:
        self._on_server(lambda server: server.end_session(session_id))

    def active_session(self) -> PlaySession | None:
        return self._read("active_session", (), lambda: self._connected().active_session(),
                          lambda value: astuple(value) if value else None, _play_session, None)

    def session(self, session_id: int) -> PlaySession | None:
        return self._read("session", (session_id,), lambda: self._connected().session(session_id),
                          lambda value: astuple(value) if value else None, _play_session, None)

    def sessions(self, group_id: int | None = None) -> list[PlaySession]:
        return self._read("sessions", (group_id,), lambda: self._connected().sessions(group_id),
                          lambda value: [astuple(s) for s in value], lambda kept: [_play_session(s) for s in kept], [])

    def session_players(self, session_id: int) -> list[int]:
        return self._read("session_players", (session_id,), lambda: self._connected().session_players(session_id),
                          list, list, [])

    def record_group_tale(self, session_id: int | None, pack_id: str, level_id: str, ending: str) -> None:
        self._on_server(lambda server: server.record_group_tale(session_id, pack_id, level_id, ending))

    def group_tales(self, session_id: int | None = None) -> list[GroupTale]:
        return self._read("group_tales", (session_id,), lambda: self._connected().group_tales(session_id),
                          lambda value: [astuple(t) for t in value], lambda kept: [GroupTale(*t) for t in kept], [])

    def club_setup(self) -> dict:
        return self._read("club_setup", (), lambda: self._connected().club_setup(), dict, dict, {})

    def save_club_setup(self, data: dict) -> None:
        self._on_server(lambda server: server.save_club_setup(data))

    # -- play ----------------------------------------------------------------------------------------
    def start_attempt(self, profile_id: int, pack_id: str, level_id: str, kind: str, seed: int = 0) -> int:
        attempt = self._write("start_attempt", {"profile_id": profile_id, "pack_id": pack_id, "level_id": level_id,
                                                "kind": kind, "seed": seed})
        assert attempt is not None
        self._attempts[attempt] = (profile_id, pack_id, level_id)
        return attempt

    def record_answer(self, attempt_id: int, answer: AnswerRecord) -> None:
        self._write("record_answer", {"attempt_id": attempt_id, "answer": asdict(answer)})

    def finish_attempt(self, attempt_id: int, correct: int, total: int, stars: int) -> None:
        self._write("finish_attempt", {"attempt_id": attempt_id, "correct": correct, "total": total,
                                       "stars": stars})
        if attempt_id in self._attempts:
            child, pack, level = self._attempts[attempt_id]
            key = _key("best_stars", child)
            best = {(p, lv): s for p, lv, s in self._cache.get(key, [])}
            best[(pack, level)] = max(stars, best.get((pack, level), 0))
            self._remember(key, [[p, lv, s] for (p, lv), s in best.items()])
            position = _key("load_position", child, pack, level)
            if (self._cache.get(position) or [None])[0] == attempt_id:
                self._remember(position, None)
        self._keep_cache_offline()

    def answers(self, attempt_id: int) -> list[AnswerRecord]:
        server_id = self._server_id(attempt_id)
        return self._read("answers", (attempt_id,),
                          lambda: self._connected().answers(server_id) if server_id is not None else [],
                          lambda value: [asdict(a) for a in value],
                          lambda kept: [AnswerRecord(**a) for a in kept], [])

    def best_stars(self, profile_id: int) -> dict[tuple[str, str], int]:
        return self._read("best_stars", (profile_id,), lambda: self._connected().best_stars(profile_id),
                          lambda value: [[p, lv, s] for (p, lv), s in value.items()],
                          lambda kept: {(p, lv): s for p, lv, s in kept}, {})

    # -- where a child left a level -------------------------------------------------------------------
    def save_position(self, profile_id: int, pack_id: str, level_id: str, attempt_id: int, state: dict,
                      line_read: tuple[str, int] | None = None) -> None:
        self._write("save_position", {"profile_id": profile_id, "pack_id": pack_id, "level_id": level_id,
                                      "attempt_id": attempt_id, "state": state,
                                      "line_read": list(line_read) if line_read else None})
        self._attempts[attempt_id] = (profile_id, pack_id, level_id)
        self._remember(_key("load_position", profile_id, pack_id, level_id),
                       [attempt_id, state])
        if line_read is not None:
            key = _key("lines_read", profile_id, pack_id, level_id)
            lines = self._cache.get(key, [])
            if list(line_read) not in lines:
                self._remember(key, lines + [list(line_read)])
        self._keep_cache_offline()

    def load_position(self, profile_id: int, pack_id: str, level_id: str) -> SavedPosition | None:
        position = self._read("load_position", (profile_id, pack_id, level_id),
                              lambda: self._connected().load_position(profile_id, pack_id, level_id),
                              lambda value: [value.attempt_id, value.state] if value else None,
                              lambda kept: SavedPosition(*kept), None)
        if position is not None:
            self._attempts[position.attempt_id] = (profile_id, pack_id, level_id)
        return position

    def lines_read(self, profile_id: int, pack_id: str, level_id: str) -> set[tuple[str, int]]:
        return self._read("lines_read", (profile_id, pack_id, level_id),
                          lambda: self._connected().lines_read(profile_id, pack_id, level_id),
                          lambda value: sorted([scene, index] for scene, index in value),
                          lambda kept: {(scene, index) for scene, index in kept}, set())

    # -- settings ---------------------------------------------------------------------------------------
    def settings(self, profile_id: int | None) -> dict | None:
        return self._read("settings", (profile_id,), lambda: self._connected().settings(profile_id),
                          lambda value: value, lambda kept: kept, None)

    def save_settings(self, profile_id: int | None, data: dict) -> None:
        self._write("save_settings", {"profile_id": profile_id, "data": data})
        self._remember(_key("settings", profile_id), data)
        self._keep_cache_offline()

    # -- the leader's PIN -----------------------------------------------------------------------------------
    def leader_pin(self) -> StoredPin | None:
        return self._read("leader_pin", (), lambda: self._connected().leader_pin(),
                          lambda value: [value.salt, value.digest] if value else None,
                          lambda kept: StoredPin(*kept), None)

    def save_leader_pin(self, pin: StoredPin | None) -> None:
        """Needs the server: the room has one PIN."""
        self._on_server(lambda server: server.save_leader_pin(pin))

    def leader_lock(self) -> dict:
        return self._read("leader_lock", (), lambda: self._connected().leader_lock(), dict, dict, {})

    def save_leader_lock(self, data: dict) -> None:
        """Needs the server: the room's tries are counted there (the game keeps this run's in memory)."""
        self._on_server(lambda server: server.save_leader_lock(data))

    # -- reports ---------------------------------------------------------------------------------------------
    def level_summaries(self, profile_ids: Iterable[int] | None = None) -> list[LevelSummary]:
        ids = None if profile_ids is None else sorted(int(i) for i in profile_ids)
        return self._read("level_summaries", (ids,), lambda: self._connected().level_summaries(ids),
                          lambda value: [astuple(s) for s in value], lambda kept: [LevelSummary(*s) for s in kept], [])

    def child_summaries(self, profile_ids: Iterable[int] | None = None) -> list[ChildSummary]:
        ids = None if profile_ids is None else sorted(int(i) for i in profile_ids)
        return self._read("child_summaries", (ids,), lambda: self._connected().child_summaries(ids),
                          lambda value: [astuple(s) for s in value], lambda kept: [ChildSummary(*s) for s in kept], [])

    def progress_totals(self, scope: ReportScope, by: str) -> list[ProgressTotals]:
        return self._read("progress_totals", (asdict(scope), by), lambda: self._connected().progress_totals(scope, by),
                          lambda value: [astuple(t) for t in value],
                          lambda kept: [ProgressTotals(tuple(key), *rest) for key, *rest in kept], [])

    def answer_totals(self, scope: ReportScope, by: str) -> list[AnswerTotals]:
        return self._read("answer_totals", (asdict(scope), by), lambda: self._connected().answer_totals(scope, by),
                          lambda value: [astuple(t) for t in value],
                          lambda kept: [AnswerTotals(tuple(key), *rest) for key, *rest in kept], [])

    def wrong_answers(self, scope: ReportScope) -> list[tuple[str, str, str, object, int]]:
        return self._read("wrong_answers", (asdict(scope),), lambda: self._connected().wrong_answers(scope),
                          lambda value: [list(row) for row in value], lambda kept: [tuple(row) for row in kept], [])

    def export_children(self, profile_ids: Iterable[int] | None = None) -> dict:
        """From the server, once this computer's outbox has reached it (else an answer could be missing)."""
        return self._on_server(lambda server: server.export_children(profile_ids))

    def import_children(self, data: dict) -> ImportReport:
        return self._on_server(lambda server: server.import_children(data))

    # -- team quizzes: a desk activity, so it needs the server (offline: StorageError, the game plays on unkept)
    def start_team_game(self, game: TeamGame) -> int:
        return self._on_server(lambda server: server.start_team_game(game))

    def save_team_game(self, game: TeamGame) -> None:
        self._on_server(lambda server: server.save_team_game(game))

    def team_games(self, scope: ReportScope) -> list[TeamGame]:
        return self._read("team_games", (asdict(scope),), lambda: self._connected().team_games(scope),
                          lambda value: [astuple(g) for g in value], lambda kept: [_team_game(g) for g in kept], [])

    def computers_with_unsent(self) -> dict[str, int]:
        """What the other computers of the room last told the server, and this computer's own outbox."""
        others = self._read("computers_with_unsent", (), lambda: self._connected().computers_with_unsent(),
                            lambda value: value, lambda kept: kept, {})
        others.pop(self.computer, None)
        mine = self.unsent_answers()
        return {**others, self.computer: mine} if mine else others

    # -- the sender (its own thread, its own connections) --------------------------------------------------
    def _send_loop(self) -> None:
        db = _open_outbox(self._path)
        server: PostgresStore | None = None
        try:
            while not self._stop.is_set():
                if self._pending or not self.online:  # else nothing to do: no connection of its own
                    try:
                        server = server or PostgresStore(self.url)
                        if self._pending:
                            self._send_queued(db, server)
                        else:
                            server.ping()
                        self.online = True
                    except StorageError:
                        if server is not None:
                            server.close()
                        server = None
                        self.online = False
                self._wake.wait(self.retry_s)
                self._wake.clear()
        finally:
            if server is not None:
                server.close()
            db.close()

    def _send_queued(self, db: sqlite3.Connection, server: PostgresStore) -> None:
        """Everything queued, in order, a batch per transaction; the computer's count told to the server."""
        server.report_unsent(self.computer, db.execute(
            "SELECT COUNT(*) FROM outbox WHERE op = 'record_answer'").fetchone()[0])
        while not self._stop.is_set():
            with self._lock:
                rows = db.execute("SELECT seq, key, op, args FROM outbox ORDER BY seq LIMIT ?", (BATCH,)).fetchall()
                if not rows:
                    self._pending = False
                    break
            self._send_batch(db, server, rows)
        server.report_unsent(self.computer, db.execute(
            "SELECT COUNT(*) FROM outbox WHERE op = 'record_answer'").fetchone()[0])

    def _send_batch(self, db: sqlite3.Connection, server: PostgresStore, rows: list[tuple]) -> None:
        writes = [QueuedWrite(key, op, json.loads(args), -seq if op == "start_attempt" else None)
                  for seq, key, op, args in rows]
        try:
            server.apply_writes(writes, self._ids)
        except StorageError:
            raise
        except Exception as error:  # a write the server cannot take (a bug, a deleted child): kept aside
            if len(rows) > 1:
                for row in rows:
                    self._send_batch(db, server, [row])
                return
            with _Local(db) as local:
                local.execute("INSERT INTO rejected SELECT seq, key, op, args, ? FROM outbox WHERE seq = ?",
                              (str(error), rows[0][0]))
                local.execute("DELETE FROM outbox WHERE seq = ?", (rows[0][0],))
            return
        with _Local(db) as local:
            local.executemany("INSERT OR REPLACE INTO ids VALUES (?, ?)",
                              [(w.local_id, self._ids[w.local_id]) for w in writes if w.local_id is not None])
            local.execute("DELETE FROM outbox WHERE seq <= ?", (rows[-1][0],))


def _play_session(kept: list) -> PlaySession:
    session_id, group_id, started_at, ended_at, levels = kept
    return PlaySession(session_id, group_id, started_at, ended_at, tuple(tuple(level) for level in levels))


def _team_game(kept: list) -> TeamGame:
    *fields, teams, started_at = kept
    return TeamGame(*fields, tuple(TeamResult(*team) for team in teams), started_at)
