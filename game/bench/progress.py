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


def add_answers(db: sqlite3.Connection, per_attempt: int) -> None:
    """Every finished attempt holds `per_attempt` answers (one in three wrong), written by SQLite itself."""
    db.execute("BEGIN")
    db.execute("INSERT INTO answers (attempt_id, question_id, answer, correct, time_ms, attempt_number) "
               "WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i + 1 < ?) "
               "SELECT attempts.id, 'q' || n.i, CAST(n.i % 3 AS TEXT), (attempts.id + n.i) % 3 != 0, 2000 + n.i, 1 "
               "FROM attempts, n WHERE attempts.finished_at IS NOT NULL", (per_attempt,))
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


ANSWERS_PER_ATTEMPT = 5


def report_queries(store, group: list[int], club_id: int) -> dict:
    """The reports, as the leader's desk asks for them (the report module is read at the first one)."""
    from ..core.storage import ReportScope

    def leader_view():
        from ..core.club.report import build_report
        return build_report(store, None, ReportScope(group_id=club_id), "kk", ("иә", "жоқ")).children
    return {
        "levels_all_children": lambda: store.level_summaries(),
        "children_all": lambda: store.child_summaries(),
        "levels_group_of_30": lambda: store.level_summaries(group),
        "children_group_of_30": lambda: store.child_summaries(group),
        LEADER_VIEW: leader_view,
    }


# The first report in a fresh process: the game's modules read, the store opened, then one report timed.
COLD = """
import sys, time
from game.bench.common import emit
from game.bench.progress import report_queries
from game.core.storage import SqliteStore
path, name, club, group = sys.argv[1], sys.argv[2], int(sys.argv[3]), [int(i) for i in sys.argv[4].split(",")]
started = time.perf_counter()
store = SqliteStore(path)
opened = time.perf_counter()
rows = len(report_queries(store, group, club)[name]())
done = time.perf_counter()
emit({"open_ms": (opened - started) * 1000, "ms": (done - opened) * 1000, "rows": rows})
"""


def _cold(path: Path, name: str, club_id: int, group: list[int], repeats: int) -> dict:
    from .common import run_child
    runs = [run_child(["-c", COLD, str(path), name, str(club_id), ",".join(map(str, group))])
            for _ in range(max(1, repeats))]
    return {"ms": median([r["ms"] for r in runs]), "open_ms": median([r["open_ms"] for r in runs])}


def bench_reports(children: int, levels: int, repeats: int) -> dict:
    from ..core.storage import SqliteStore
    with tempfile.TemporaryDirectory(prefix="olketanu-reports-", dir=tmp_root()) as tmp:
        path = Path(tmp) / "progress.sqlite3"
        SqliteStore(path).close()  # the game's schema, then the library's data written straight in
        db = sqlite3.connect(path, isolation_level=None)
        # the load is one transaction whose triggers touch every child's totals: kept in memory, not spilled
        db.execute("PRAGMA cache_size = -262144")
        started = time.perf_counter()
        populate(db, children, levels)
        group = list(range(1, children + 1, max(1, children // 30)))[:30]
        add_answers(db, ANSWERS_PER_ATTEMPT)
        generate_s = time.perf_counter() - started
        size_mb = path.stat().st_size / 1e6
        store = SqliteStore(path)
        club = store.create_group("Ертекші")
        for child in group:
            store.add_to_group(club.id, child)
        queries = report_queries(store, group, club.id)
        result = {"children": children, "levels": levels, "generate_s": generate_s, "db_mb": size_mb,
                  "attempt_rows": db.execute("SELECT COUNT(*) FROM attempts").fetchone()[0],
                  "best_star_rows": db.execute("SELECT COUNT(*) FROM best_stars").fetchone()[0],
                  "answer_rows": db.execute("SELECT COUNT(*) FROM answers").fetchone()[0], "queries": {}}
        for name, query in queries.items():
            cold = _cold(path, name, club.id, group, repeats)  # first, before this process warms anything
            query()  # warm: the pages in the cache, as after the first report of a session
            ms, rows = _timed(query, repeats)
            result["queries"][name] = {"ms": ms, "rows": rows, "cold_ms": cold["ms"], "open_ms": cold["open_ms"]}
        result["plans"] = {name: _plan(db, path, name) for name in ("levels_all_children", "children_all")}
        store.close()
        db.close()
    result["slowest_ms"] = max(q["ms"] for q in result["queries"].values())
    return result
