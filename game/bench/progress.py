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
    from ..core.progress import ProgressStore
    with tempfile.TemporaryDirectory(prefix="olketanu-commit-", dir=tmp_root()) as tmp:
        store = ProgressStore(Path(tmp) / "progress.sqlite3")
        bare = _bare_db(Path(tmp) / "bare.sqlite3")
        journal = store.db.execute("PRAGMA journal_mode").fetchone()[0]
        synchronous = store.db.execute("PRAGMA synchronous").fetchone()[0]
        child = store.create_profile("Айгүл", "fox", "kk")
        attempt = store.start_attempt(child.id, "karkaraly", "town-quiz", "quiz")
        clock = time.perf_counter_ns
        game_ns, bare_ns = [], []
        for n in range(count + 20):  # the first 20 of each warm up
            start = clock()
            store.record_answer(attempt, f"q{n}", n % 3, n % 2 == 0, 1500 + n)
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


def _timed(query, repeats: int) -> tuple[float, int]:
    runs, rows = [], 0
    for _ in range(repeats):
        start = time.perf_counter()
        rows = len(query())
        runs.append(time.perf_counter() - start)
    return median(runs) * 1000, rows


def _plan(db: sqlite3.Connection, name: str) -> list[str]:
    """SQLite's plan for a report query: the profile that explains its time."""
    from ..core import reports
    captured: list[str] = []

    class Tracer:
        def execute(self, sql, args=()):
            captured.extend(row[3] for row in db.execute("EXPLAIN QUERY PLAN " + sql, args))
            return []
    (reports.level_summaries if name.startswith("levels") else reports.child_summaries)(Tracer())
    return captured


def bench_reports(children: int, levels: int, repeats: int) -> dict:
    from ..core.progress import ProgressStore
    from ..core.reports import child_summaries, level_summaries
    with tempfile.TemporaryDirectory(prefix="olketanu-reports-", dir=tmp_root()) as tmp:
        store = ProgressStore(Path(tmp) / "progress.sqlite3")
        started = time.perf_counter()
        populate(store.db, children, levels)
        generate_s = time.perf_counter() - started
        size_mb = (Path(tmp) / "progress.sqlite3").stat().st_size / 1e6
        db = store.db
        group = list(range(1, children + 1, max(1, children // 30)))[:30]
        queries = {
            "levels_all_children": lambda: level_summaries(db),
            "children_all": lambda: child_summaries(db),
            "levels_group_of_30": lambda: level_summaries(db, group),
            "children_group_of_30": lambda: child_summaries(db, group),
        }
        result = {"children": children, "levels": levels, "generate_s": generate_s, "db_mb": size_mb,
                  "attempt_rows": db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0],
                  "best_star_rows": db.execute("SELECT COUNT(*) FROM best_stars").fetchone()[0], "queries": {}}
        for name, query in queries.items():
            query()  # warm: the pages in the cache, as after the first report of a session
            ms, rows = _timed(query, repeats)
            result["queries"][name] = {"ms": ms, "rows": rows}
        result["plans"] = {name: _plan(db, name) for name in ("levels_all_children", "children_all")}
        store.close()
    result["slowest_ms"] = max(q["ms"] for q in result["queries"].values())
    return result
