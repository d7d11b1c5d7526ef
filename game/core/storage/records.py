"""What storage keeps and gives back: plain values, the same whatever the backend."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Profile:
    id: int
    nickname: str
    avatar: str
    language: str


@dataclass(frozen=True)
class AnswerRecord:
    """One answer as it is kept: what was chosen, whether it was right, how long it took."""

    question_id: str
    answer: object
    correct: bool
    time_ms: int = 0
    attempt_number: int = 1  # 1: the first try; 2: the question came back at the end
    hint_used: bool = False
    right_parts: int = 0
    total_parts: int = 1


@dataclass(frozen=True)
class SavedPosition:
    """Where a child left a level that is not finished: its attempt and the runner's state."""

    attempt_id: int
    state: dict


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
