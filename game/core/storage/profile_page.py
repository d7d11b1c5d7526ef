"""One page of the profile screen, asked of storage as such (a library may keep 10,000 children): the
same three queries for SQLite and PostgreSQL, in each one's placeholder style."""
from __future__ import annotations

from typing import Sequence

from .records import Profile, ProfilePage

_ACTIVE = "archived = 0"


def page_queries(mark: str, offset: int, limit: int, initials: Sequence[str], skip: Sequence[int],
                 last_played_order: str) -> tuple[tuple[str, list], tuple[str, list], tuple[str, list]]:
    """(the page's rows, how many children match, how many children not archived start with each character).
    `mark`: "?" or "%s"; `last_played_order`: the backend's ORDER BY for who played last first."""
    where, args = [_ACTIVE], []
    if initials:
        where.append(f"substr(nickname, 1, 1) IN ({', '.join([mark] * len(initials))})")
        args += list(initials)
    if skip:
        where.append(f"id NOT IN ({', '.join([mark] * len(skip))})")
        args += list(skip)
    condition = " AND ".join(where)
    rows = (f"SELECT id, nickname, avatar, language, archived FROM profiles WHERE {condition} "
            f"ORDER BY {last_played_order} LIMIT {mark} OFFSET {mark}", [*args, max(0, limit), max(0, offset)])
    count = (f"SELECT COUNT(*) FROM profiles WHERE {condition}", list(args))
    firsts = (f"SELECT substr(nickname, 1, 1), COUNT(*) FROM profiles WHERE {_ACTIVE} GROUP BY 1", [])
    return rows, count, firsts


def as_page(rows: list[tuple], matching: int, firsts: list[tuple]) -> ProfilePage:
    return ProfilePage([Profile(i, nickname, avatar, language, bool(archived))
                        for i, nickname, avatar, language, archived in rows],
                       int(matching), {first: int(count) for first, count in sorted(firsts)})
