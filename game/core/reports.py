"""Leader reports: per-level and per-child summaries of the progress database.

Pure (sqlite3 only) and read-only. Each summary is one query that SQLite answers from the tables'
own keys: best_stars is keyed by (profile, pack, level) and attempts are indexed by
(profile, pack, level), so that a report over a whole library (10,000 children x 100 levels) stays
well under half a second; `profile_ids` narrows a report to a group of children.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass
from typing import Iterable


@dataclass(frozen=True)
class LevelSummary:
    pack_id: str
    level_id: str
    children: int  # children who finished the level at least once
    average_stars: float  # their best stars, on average
    three_stars: int  # children with all three stars
    attempts: int  # attempts started, finished or not


@dataclass(frozen=True)
class ChildSummary:
    profile_id: int
    nickname: str
    levels_finished: int
    stars: int  # the sum of the best stars of every level
    three_star_levels: int
    attempts: int  # attempts started, finished or not
    last_played_at: str | None


def _group(profile_ids: Iterable[int] | None, column: str) -> tuple[str, tuple]:
    """A WHERE clause for a group of children (a JSON array parameter: any size, one statement)."""
    if profile_ids is None:
        return "", ()
    return f"WHERE {column} IN (SELECT value FROM json_each(?))", (json.dumps([int(i) for i in profile_ids]),)


def level_summaries(db: sqlite3.Connection, profile_ids: Iterable[int] | None = None) -> list[LevelSummary]:
    """One row per level that anyone (of the group) has started, ordered by pack and level."""
    ids = None if profile_ids is None else list(profile_ids)
    stars_where, stars_args = _group(ids, "profile_id")
    tries_where, tries_args = _group(ids, "profile_id")
    rows = db.execute(f"""
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


def child_summaries(db: sqlite3.Connection, profile_ids: Iterable[int] | None = None) -> list[ChildSummary]:
    """One row per child (of the group), ordered by nickname."""
    where, args = _group(profile_ids, "profiles.id")
    rows = db.execute(f"""
        SELECT profiles.id, profiles.nickname, COUNT(best_stars.stars), COALESCE(SUM(best_stars.stars), 0),
               COALESCE(SUM(best_stars.stars = 3), 0),
               (SELECT COUNT(*) FROM attempts WHERE attempts.profile_id = profiles.id),
               profiles.last_played_at
        FROM profiles LEFT JOIN best_stars ON best_stars.profile_id = profiles.id
        {where}
        GROUP BY profiles.id
        ORDER BY profiles.nickname_key, profiles.id""", args)
    return [ChildSummary(*row) for row in rows]
