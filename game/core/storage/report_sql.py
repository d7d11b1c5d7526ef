"""The leader's reports in SQL that SQLite and PostgreSQL share: the keys answers are summed by, and which
attempts a report's scope covers."""
from __future__ import annotations

from .records import ReportScope

TOTALS_BY = {"child": ("attempts.profile_id",), "level": ("attempts.pack_id", "attempts.level_id"),
             "question": ("attempts.pack_id", "attempts.level_id", "answers.question_id"),
             "day": ("attempts.profile_id", "SUBSTR(attempts.started_at, 1, 10)")}


def scope_where(scope: ReportScope, mark: str, *conditions: str, collate: str = "") -> tuple[str, list]:
    """A WHERE clause over `attempts` for a report's scope (with the query's own conditions). `mark` is the
    driver's placeholder; `collate` makes dates compare by code point where the default collation may not."""
    until = None if scope.until is None else scope.until + "T99"  # every time of the last day sorts before it
    clauses, args = list(conditions), []
    for value, clause in ((scope.group_id, "attempts.profile_id IN (SELECT profile_id FROM group_members "
                                           f"WHERE group_id = {mark})"),
                          (scope.session_id, f"attempts.session_id = {mark}"),
                          (scope.profile_id, f"attempts.profile_id = {mark}"),
                          (scope.since, f"attempts.started_at >= {mark}{collate}"),
                          (until, f"attempts.started_at < {mark}{collate}")):
        if value is not None:
            clauses.append(clause)
            args.append(value)
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", args
