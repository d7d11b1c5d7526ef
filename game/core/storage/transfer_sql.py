"""Children's progress out of and into a store, for core/transfer.py (the file format and its rules are
documented there). Both stores run these on their own connection, through `Sql`: the export inside one read
transaction (a consistent snapshot while children play), the import inside one write transaction. The
statements are plain SQL that SQLite and PostgreSQL both take; `Sql` gives each its placeholders."""
from __future__ import annotations

import json
from typing import Any, Iterable

from .errors import NicknameTaken
from .records import ImportReport

_ATTEMPT = "pack_id, level_id, kind, seed, started_at, finished_at, correct, total, stars"
_ANSWER = ("question_id, answer, correct, time_ms, attempt_number, hint_used, right_parts, total_parts, "
           "answered_at")


class Sql:
    """A connection (sqlite3's or psycopg's) spoken to with `?` placeholders."""

    def __init__(self, connection: Any, dialect: str) -> None:
        self.connection = connection
        self.dialect = dialect

    def execute(self, query: str, args: tuple | list = ()) -> Any:
        if self.dialect == "postgresql":
            query = query.replace("?", "%s")
        return self.connection.execute(query, args)

    def insert(self, query: str, args: tuple | list) -> int:
        """The id of the one row `query` inserts (RETURNING is left out for SQLite older than 3.35)."""
        if self.dialect == "postgresql":
            return int(self.execute(f"{query} RETURNING id", args).fetchone()[0])
        return int(self.execute(query, args).lastrowid or 0)


def export_children(db: Sql, profile_ids: Iterable[int] | None) -> dict:
    ids = None if profile_ids is None else [int(i) for i in profile_ids]
    if ids == []:
        return {"children": [], "groups": []}
    where, args = ("", ()) if ids is None else (f"WHERE id IN ({', '.join('?' * len(ids))})", tuple(ids))
    children, nickname_of = [], {}
    for pid, nickname, avatar, language, archived, created_at, last_played_at in db.execute(
            "SELECT id, nickname, avatar, language, archived, created_at, last_played_at FROM profiles "
            f"{where} ORDER BY nickname_key, id", args).fetchall():
        nickname_of[pid] = nickname
        settings = db.execute("SELECT data FROM settings WHERE profile_id = ?", (pid,)).fetchone()
        children.append({
            "nickname": nickname, "avatar": avatar, "language": language, "archived": bool(archived),
            "created_at": created_at, "last_played_at": last_played_at,
            "settings": json.loads(settings[0]) if settings else None,
            "attempts": [_attempt(db, row) for row in db.execute(
                f"SELECT id, {_ATTEMPT} FROM attempts WHERE profile_id = ? ORDER BY started_at, id", (pid,))],
            "best_stars": [{"pack": pack, "level": level, "stars": stars} for pack, level, stars in db.execute(
                "SELECT pack_id, level_id, stars FROM best_stars WHERE profile_id = ? ORDER BY pack_id, level_id",
                (pid,))],
            "positions": [{"pack": pack, "level": level, "attempt_started_at": started, "attempt_seed": seed,
                           "state": json.loads(state), "saved_at": saved}
                          for pack, level, started, seed, state, saved in db.execute(
                              "SELECT saved_positions.pack_id, saved_positions.level_id, attempts.started_at, "
                              "attempts.seed, saved_positions.state, saved_positions.saved_at FROM saved_positions "
                              "JOIN attempts ON attempts.id = saved_positions.attempt_id "
                              "WHERE saved_positions.profile_id = ? ORDER BY 1, 2", (pid,))],
            "lines_read": [list(row) for row in db.execute(
                "SELECT pack_id, level_id, scene, line_index FROM lines_read WHERE profile_id = ? "
                "ORDER BY 1, 2, 3, 4", (pid,))],
        })
    groups = []
    for group_id, name, created_at in db.execute("SELECT id, name, created_at FROM club_groups ORDER BY name_key"
                                                 ).fetchall():
        members = sorted((nickname_of[pid] for (pid,) in db.execute(
            "SELECT profile_id FROM group_members WHERE group_id = ?", (group_id,)) if pid in nickname_of),
            key=str.casefold)
        if members:
            groups.append({"name": name, "created_at": created_at, "members": members})
    return {"children": children, "groups": groups}


def _attempt(db: Sql, row: tuple) -> dict:
    attempt_id, pack, level, kind, seed, started, finished, correct, total, stars = row
    answers = [{"question": q, "answer": json.loads(a), "correct": bool(c), "time_ms": t, "attempt_number": n,
                "hint_used": bool(h), "right_parts": rp, "total_parts": tp, "answered_at": at}
               for q, a, c, t, n, h, rp, tp, at in db.execute(
                   f"SELECT {_ANSWER} FROM answers WHERE attempt_id = ? ORDER BY id", (attempt_id,))]
    return {"pack": pack, "level": level, "kind": kind, "seed": seed, "started_at": started, "finished_at": finished,
            "correct": correct, "total": total, "stars": stars, "answers": answers}


def import_children(db: Sql, data: dict) -> ImportReport:
    """Runs inside the caller's transaction: an exception leaves everything as it was."""
    counts = dict.fromkeys(("new_children", "same_children", "attempts", "answers", "best_stars", "groups",
                            "group_members", "positions", "lines_read"), 0)
    ids: dict[str, int] = {}
    for child in data["children"]:
        pid = _profile(db, child, counts)
        ids[child["nickname"].casefold()] = pid
        attempt_ids = {}
        for attempt in child["attempts"]:
            attempt_ids[(attempt["pack"], attempt["level"], attempt["started_at"], attempt["seed"])] = \
                _import_attempt(db, pid, attempt, counts)
        for best in child["best_stars"]:
            counts["best_stars"] += db.execute(
                "INSERT INTO best_stars (profile_id, pack_id, level_id, stars) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (profile_id, pack_id, level_id) DO UPDATE SET stars = excluded.stars "
                "WHERE excluded.stars > best_stars.stars", (pid, best["pack"], best["level"], best["stars"])).rowcount
        for position in child["positions"]:
            attempt_id = attempt_ids.get((position["pack"], position["level"], position["attempt_started_at"],
                                          position["attempt_seed"]))
            finished = attempt_id is None or db.execute(
                "SELECT finished_at IS NOT NULL FROM attempts WHERE id = ?", (attempt_id,)).fetchone()[0]
            if not finished:  # the newer of two saved positions of a level is where the child left it
                counts["positions"] += db.execute(
                    "INSERT INTO saved_positions (profile_id, pack_id, level_id, attempt_id, state, saved_at) "
                    "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (profile_id, pack_id, level_id) DO UPDATE SET "
                    "attempt_id = excluded.attempt_id, state = excluded.state, saved_at = excluded.saved_at "
                    "WHERE excluded.saved_at > saved_positions.saved_at",
                    (pid, position["pack"], position["level"], attempt_id,
                     json.dumps(position["state"], ensure_ascii=False), position["saved_at"])).rowcount
        for line in child["lines_read"]:
            counts["lines_read"] += db.execute(
                "INSERT INTO lines_read (profile_id, pack_id, level_id, scene, line_index) VALUES (?, ?, ?, ?, ?) "
                "ON CONFLICT DO NOTHING", (pid, *line)).rowcount
    for group in data["groups"]:
        row = db.execute("SELECT id FROM club_groups WHERE name_key = ?", (group["name"].casefold(),)).fetchone()
        if row is None:
            row = (db.insert("INSERT INTO club_groups (name, name_key, created_at) VALUES (?, ?, ?)",
                             (group["name"], group["name"].casefold(), group["created_at"])),)
            counts["groups"] += 1
        for member in group["members"]:
            counts["group_members"] += db.execute(
                "INSERT INTO group_members (group_id, profile_id) VALUES (?, ?) "
                "ON CONFLICT (group_id, profile_id) DO NOTHING", (row[0], ids[member.casefold()])).rowcount
    return ImportReport(**counts)


def _profile(db: Sql, child: dict, counts: dict) -> int:
    """The child here with this nickname and picture, or a new profile with the file's settings."""
    row = db.execute("SELECT id, avatar FROM profiles WHERE nickname_key = ?", (child["nickname"].casefold(),)
                     ).fetchone()
    if row is None:
        pid = db.insert(
            "INSERT INTO profiles (nickname, nickname_key, avatar, language, archived, created_at, last_played_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            (child["nickname"], child["nickname"].casefold(), child["avatar"], child["language"],
             int(child["archived"]), child["created_at"], child["last_played_at"]))
        if child["settings"] is not None:
            db.execute("INSERT INTO settings (profile_id, data) VALUES (?, ?)", (pid, json.dumps(child["settings"])))
        counts["new_children"] += 1
        return pid
    if row[1] != child["avatar"]:
        raise NicknameTaken(child["nickname"])
    if child["last_played_at"] is not None:
        db.execute("UPDATE profiles SET last_played_at = ? WHERE id = ? AND "
                   "(last_played_at IS NULL OR last_played_at < ?)",
                   (child["last_played_at"], row[0], child["last_played_at"]))
    counts["same_children"] += 1
    return int(row[0])


def _import_attempt(db: Sql, pid: int, attempt: dict, counts: dict) -> int:
    """An attempt is the same one when its child, level, start and seed are; an answer within it when its
    question, its asking (first, or back at the end) and the moment it was given are."""
    row = db.execute("SELECT id, finished_at FROM attempts WHERE profile_id = ? AND pack_id = ? AND level_id = ? "
                     "AND started_at = ? AND seed = ?",
                     (pid, attempt["pack"], attempt["level"], attempt["started_at"], attempt["seed"])).fetchone()
    finish = (attempt["finished_at"], attempt["correct"], attempt["total"], attempt["stars"])
    if row is None:
        attempt_id = db.insert(
            f"INSERT INTO attempts (profile_id, {_ATTEMPT}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (pid, attempt["pack"], attempt["level"], attempt["kind"], attempt["seed"], attempt["started_at"],
             *finish))
        counts["attempts"] += 1
    else:
        attempt_id = int(row[0])
        if row[1] is None and attempt["finished_at"] is not None:  # finished on the other computer
            db.execute("UPDATE attempts SET finished_at = ?, correct = ?, total = ?, stars = ? WHERE id = ?",
                       (*finish, attempt_id))
            db.execute("DELETE FROM saved_positions WHERE attempt_id = ?", (attempt_id,))
            counts["attempts"] += 1
    for answer in attempt["answers"]:
        known = db.execute("SELECT 1 FROM answers WHERE attempt_id = ? AND question_id = ? AND attempt_number = ? "
                           "AND answered_at = ?", (attempt_id, answer["question"], answer["attempt_number"],
                                                   answer["answered_at"])).fetchone()
        if known is None:
            db.execute(f"INSERT INTO answers (attempt_id, {_ANSWER}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                       (attempt_id, answer["question"], json.dumps(answer["answer"], ensure_ascii=False),
                        int(answer["correct"]), answer["time_ms"], answer["attempt_number"],
                        int(answer["hint_used"]), answer["right_parts"], answer["total_parts"],
                        answer["answered_at"]))
            counts["answers"] += 1
    return attempt_id
