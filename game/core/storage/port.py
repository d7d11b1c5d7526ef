"""The storage port: everything sessions, profiles, settings, the leader's lock and reports ask of
storage. SQLite (storage/sqlite.py), PostgreSQL (storage/postgres.py) and PostgreSQL behind this
computer's outbox (storage/resilient.py, what `--database` plays on) implement it and run the same
tests (tests/core/test_storage_port.py, test_reports.py, test_sessions.py: the `store` fixture)."""
from __future__ import annotations

from typing import Iterable, Protocol, Sequence

from ..leader import StoredPin
from .errors import StorageError
from .records import (AnswerRecord, AnswerTotals, ChildSummary, Group, GroupTale, ImportReport, LevelSummary,
                      PlaySession, Profile, ProfilePage, ProgressTotals, ReportScope, SavedPosition, TeamGame)


class ProgressPort(Protocol):
    """Every write is committed durably when it returns, or raises StorageError (nothing half-kept)."""

    problem: StorageError | None  # why nothing new will be kept (opened read-only or in memory), or None

    def close(self) -> None:
        """Everything kept is in the main file afterwards (a backup of that file alone is complete)."""

    # -- profiles
    def create_profile(self, nickname: str, avatar: str, language: str) -> Profile: ...
    def nickname_taken(self, nickname_key: str) -> bool: ...
    def profiles(self, include_archived: bool = False) -> list[Profile]:
        """Who played last first; archived children only when asked."""
    def profile_page(self, offset: int, limit: int, initials: Sequence[str] = (),
                     skip: Sequence[int] = ()) -> ProfilePage:
        """Children not archived whose nickname starts with one of `initials` (all when empty), not in
        `skip`, who played last first: `limit` of them from `offset`."""
    def profile(self, profile_id: int) -> Profile | None: ...
    def touch_profile(self, profile_id: int, language: str) -> None: ...
    def rename_profile(self, profile_id: int, nickname: str) -> None:
        """Raises NicknameTaken."""
    def set_avatar(self, profile_id: int, avatar: str) -> None: ...
    def set_archived(self, profile_id: int, archived: bool) -> None: ...
    def erase_profile(self, profile_id: int) -> None:
        """Every trace of the child is gone, also from the backend's free space and journals."""
    def merge_profiles(self, keep_id: int, drop_id: int) -> None:
        """Every attempt of `drop_id` moves to `keep_id` once, the best stars per level stay; `drop_id` goes."""

    # -- the club's groups
    def create_group(self, name: str) -> Group:
        """Raises GroupNameTaken."""
    def rename_group(self, group_id: int, name: str) -> None: ...
    def delete_group(self, group_id: int) -> None: ...
    def groups(self) -> list[Group]: ...
    def add_to_group(self, group_id: int, profile_id: int) -> None: ...
    def remove_from_group(self, group_id: int, profile_id: int) -> None: ...

    # -- play sessions of a group (an attempt started by a member while one is on belongs to it)
    def start_session(self, group_id: int, levels: list[tuple[str, str]]) -> PlaySession: ...
    def end_session(self, session_id: int) -> None: ...
    def active_session(self) -> PlaySession | None: ...
    def session(self, session_id: int) -> PlaySession | None: ...
    def sessions(self, group_id: int | None = None) -> list[PlaySession]: ...
    def session_players(self, session_id: int) -> list[int]: ...
    def record_group_tale(self, session_id: int | None, pack_id: str, level_id: str, ending: str) -> None:
        """A tale played in audience mode reached `ending` (no child's answer is kept for it)."""
    def group_tales(self, session_id: int | None = None) -> list[GroupTale]:
        """Tales played in audience mode, newest first; those of one session when asked."""

    # -- team quizzes (kept as they go: when they start, after every reveal or skip, and at their end)
    def start_team_game(self, game: TeamGame) -> int:
        """Keeps a new game with its teams; returns its id."""
    def save_team_game(self, game: TeamGame) -> None:
        """The game's questions played, whether it is over, and every team's score (game.id names it)."""
    def team_games(self, scope: ReportScope) -> list[TeamGame]:
        """The games a report's scope covers, oldest first ([] for one child's report)."""

    # -- play
    def start_attempt(self, profile_id: int, pack_id: str, level_id: str, kind: str, seed: int = 0) -> int: ...
    def record_answer(self, attempt_id: int, answer: AnswerRecord) -> None: ...
    def finish_attempt(self, attempt_id: int, correct: int, total: int, stars: int) -> None:
        """Also forgets the attempt's saved position, in the same transaction."""
    def answers(self, attempt_id: int) -> list[AnswerRecord]: ...
    def best_stars(self, profile_id: int) -> dict[tuple[str, str], int]: ...

    # -- where a child left a level (a quiz's question, a story's line)
    def save_position(self, profile_id: int, pack_id: str, level_id: str, attempt_id: int, state: dict,
                      line_read: tuple[str, int] | None = None) -> None: ...
    def load_position(self, profile_id: int, pack_id: str, level_id: str) -> SavedPosition | None: ...
    def lines_read(self, profile_id: int, pack_id: str, level_id: str) -> set[tuple[str, int]]: ...

    # -- settings: a profile's, or the computer's defaults (profile_id None)
    def settings(self, profile_id: int | None) -> dict | None: ...
    def save_settings(self, profile_id: int | None, data: dict) -> None: ...

    # -- the club leader's choices for this computer (library name, kiosk), apart from the children's defaults
    def club_setup(self) -> dict: ...
    def save_club_setup(self, data: dict) -> None: ...

    # -- the leader's PIN
    def leader_pin(self) -> StoredPin | None: ...
    def save_leader_pin(self, pin: StoredPin | None) -> None: ...
    def leader_lock(self) -> dict:
        """The lock's own record: {"tries": {"wrong", "blocked_until"}, "set_by_command": bool}; a damaged
        record reads as {"set_by_command": True, "tries": "damaged"}."""
    def save_leader_lock(self, data: dict) -> None: ...

    # -- reports (read only; `profile_ids` narrows them to a group)
    def level_summaries(self, profile_ids: Iterable[int] | None = None) -> list[LevelSummary]: ...
    def child_summaries(self, profile_ids: Iterable[int] | None = None) -> list[ChildSummary]: ...
    def progress_totals(self, scope: ReportScope, by: str) -> list[ProgressTotals]:
        """Attempts summed by "child" or by "level"."""
    def answer_totals(self, scope: ReportScope, by: str) -> list[AnswerTotals]:
        """Answers summed by "child" (profile_id,), "level" (pack, level), "question" (pack, level, question)
        or "day" (profile_id, 'YYYY-MM-DD')."""
    def wrong_answers(self, scope: ReportScope) -> list[tuple[str, str, str, object, int]]:
        """(pack, level, question, the answer, how many chose it) for wrong answers at a first asking."""

    # -- progress that moves between computers (core/transfer.py makes and reads the file)
    def export_children(self, profile_ids: Iterable[int] | None = None) -> dict:
        """Everything of these children (None: every child) as plain JSON values, read in one consistent
        snapshot: {"children": [...], "groups": [...]} (the shape is documented in core/transfer.py)."""
    def import_children(self, data: dict) -> ImportReport:
        """Merges `data` (the shape export_children gives, nicknames already resolved) in one transaction:
        everything or nothing. A child is found by nickname; an answer, an attempt, a line read is kept once.
        Raises NicknameTaken when a nickname here has another picture (the plan is stale), StorageError."""

    # -- a room on one server: computers that hold answers the server has not received yet
    def computers_with_unsent(self) -> dict[str, int]: ...
