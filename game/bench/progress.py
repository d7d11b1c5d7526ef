"""Progress: answer commit latency with durability on (WAL + synchronous=FULL, a file database)
against a bare sqlite3 insert + commit with the same settings, and the leader-report summaries over a
generated library of many children x many levels."""
from __future__ import annotations

import sqlite3
import tempfile
import time
from pathlib import Path

from .common import median, percentile, ratio, tmp_root

BARE_SCHEMA = ("CREATE TABLE answers (id INTEGER PRIMARY KEY, attempt_id INTEGER NOT NULL, question_id TEXT NOT NULL,"
               " answer TEXT NOT NULL, correct INTEGER NOT NULL, time_ms INTEGER NOT NULL)")
STARTED, FINISHED = "2025-09-01T10:00:00.000Z", "2025-09-01T10:04:00.000Z"


def _bare_db(path: Path) -> sqlite3.Connection:
    db = sqlite3.connect(str(path))
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    db.execute(BARE_SCHEMA)
    db.commit()
    return db


def bench_commits(count: int) -> dict:
    from ..core.storage import AnswerRecord, SqliteStore
    with tempfile.TemporaryDirectory(prefix="olketanu-commit-", dir=tmp_root()) as tmp:
        store = SqliteStore(Path(tmp) / "progress.sqlite3")
        bare = _bare_db(Path(tmp) / "bare.sqlite3")
        journal = store.pragma("journal_mode")
        synchronous = store.pragma("synchronous")
        child = store.create_profile("Айгүл", "fox", "kk")
        attempt = store.start_attempt(child.id, "karkaraly", "town-quiz", "quiz")
        clock = time.perf_counter_ns
        game_ns, bare_ns = [], []
        for n in range(count + 20):  # the first 20 of each warm up
            start = clock()
            store.record_answer(attempt, AnswerRecord(f"q{n}", n % 3, n % 2 == 0, 1500 + n))
            game_ns.append(clock() - start)
            start = clock()
            bare.execute("INSERT INTO answers (attempt_id, question_id, answer, correct, time_ms) "
                         "VALUES (?, ?, ?, ?, ?)", (attempt, f"q{n}", str(n % 3), n % 2, 1500 + n))
            bare.commit()
            bare_ns.append(clock() - start)
        store.close()
        bare.close()
    game_ns, bare_ns = game_ns[20:], bare_ns[20:]
    result = {"commits": count, "journal_mode": journal, "synchronous": {2: "FULL", 3: "EXTRA"}.get(synchronous,
                                                                                                   synchronous)}
    for name, values in (("game", game_ns), ("bare", bare_ns)):
        result[f"{name}_median_ms"] = median(values) / 1e6
        result[f"{name}_p99_ms"] = percentile(values, 0.99) / 1e6
    result["p99_ratio"] = ratio(result["game_p99_ms"], result["bare_p99_ms"])
    result["median_ratio"] = ratio(result["game_median_ms"], result["bare_median_ms"])
    return result


def populate(db: sqlite3.Connection, children: int, levels: int) -> None:
    """A library: every child has finished every level once (and started some a second time)."""
    level_ids = [f"level-{n:03d}" for n in range(levels)]
    db.execute("BEGIN")
    db.executemany("INSERT INTO profiles (id, nickname, nickname_key, avatar, language, last_played_at) "
                   "VALUES (?, ?, ?, 'fox', 'kk', ?)",
                   ((p, f"Бала {p:05d}", f"бала {p:05d}", FINISHED) for p in range(1, children + 1)))

    def attempts():
        for p in range(1, children + 1):
            for n, level in enumerate(level_ids):
                stars = (p * 7 + n * 3) % 4
                yield p, level, FINISHED, 10, stars * 3 + 1, stars
                if (p + n) % 10 == 0:
                    yield p, level, None, None, None, None
    db.executemany("INSERT INTO attempts (profile_id, pack_id, level_id, kind, started_at, finished_at, total, "
                   "correct, stars) VALUES (?, 'bench', ?, 'quiz', '" + STARTED + "', ?, ?, ?, ?)", attempts())
    db.executemany("INSERT INTO best_stars (profile_id, pack_id, level_id, stars) VALUES (?, 'bench', ?, ?)",
                   ((p, level, (p * 7 + n * 3) % 4) for p in range(1, children + 1)
                    for n, level in enumerate(level_ids)))
    db.execute("COMMIT")
    db.execute("ANALYZE")


def add_group_answers(db: sqlite3.Connection, group: list[int], per_attempt: int = 10) -> None:
    """A year of a club group's answers: every attempt of its children holds `per_attempt` answers."""
    db.execute("BEGIN")
    rows = db.execute(f"SELECT id FROM attempts WHERE profile_id IN ({','.join('?' * len(group))})", group).fetchall()
    db.executemany("INSERT INTO answers (attempt_id, question_id, answer, correct, time_ms, attempt_number) "
                   "VALUES (?, ?, ?, ?, ?, 1)",
                   ((attempt, f"q{n}", str(n % 3), int((attempt + n) % 3 != 0), 2000 + n)
                    for (attempt,) in rows for n in range(per_attempt)))
    db.execute("COMMIT")
    db.execute("ANALYZE")


def _timed(query, repeats: int) -> tuple[float, int]:
    runs, rows = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        rows = len(query())
        runs.append(time.perf_counter() - start)
    return median(runs) * 1000, rows


def _plan(db: sqlite3.Connection, store_path: Path, name: str) -> list[str]:
    """SQLite's plan for a report query (as the store runs it): the profile that explains its time."""
    from ..core.storage import SqliteStore
    statements: list[str] = []
    store = SqliteStore(store_path, trace=statements.append)
    statements.clear()
    (store.level_summaries if name.startswith("levels") else store.child_summaries)()
    store.close()
    report = next(sql for sql in statements if "SELECT" in sql)
    return [row[3] for row in db.execute("EXPLAIN QUERY PLAN " + report)]


LEADER_VIEW = "leader_view_group_of_30"  # what the desk's "What the children learned" builds when it opens


def bench_reports(children: int, levels: int, repeats: int) -> dict:
    from ..core.club.report import build_report
    from ..core.storage import ReportScope, SqliteStore
    with tempfile.TemporaryDirectory(prefix="olketanu-reports-", dir=tmp_root()) as tmp:
        path = Path(tmp) / "progress.sqlite3"
        SqliteStore(path).close()  # the game's schema, then the library's data written straight in
        db = sqlite3.connect(path, isolation_level=None)
        started = time.perf_counter()
        populate(db, children, levels)
        generate_s = time.perf_counter() - started
        size_mb = path.stat().st_size / 1e6
        group = list(range(1, children + 1, max(1, children // 30)))[:30]
        add_group_answers(db, group)
        store = SqliteStore(path)
        club = store.create_group("Ертекші")
        for child in group:
            store.add_to_group(club.id, child)
        queries = {
            "levels_all_children": lambda: store.level_summaries(),
            "children_all": lambda: store.child_summaries(),
            "levels_group_of_30": lambda: store.level_summaries(group),
            "children_group_of_30": lambda: store.child_summaries(group),
            LEADER_VIEW: lambda: build_report(store, None, ReportScope(group_id=club.id), "kk", ("иә", "жоқ")).children,
        }
        result = {"children": children, "levels": levels, "generate_s": generate_s, "db_mb": size_mb,
                  "attempt_rows": db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0],
                  "best_star_rows": db.execute("SELECT COUNT(*) FROM best_stars").fetchone()[0],
                  "group_answer_rows": db.execute("SELECT COUNT(*) FROM answers").fetchone()[0], "queries": {}}
        for name, query in queries.items():
            query()  # warm: the pages in the cache, as after the first report of a session
            ms, rows = _timed(query, repeats)
            result["queries"][name] = {"ms": ms, "rows": rows}
        result["plans"] = {name: _plan(db, path, name) for name in ("levels_all_children", "children_all")}
        store.close()
        db.close()
    result["slowest_ms"] = max(q["ms"] for q in result["queries"].values())
    return result
