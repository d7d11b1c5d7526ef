"""What every play session shares: the outcome of an answer, of a level, and durable writes."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, TypeVar

from ..model import Scene
from ..questions import Check, Question
from ..storage import StorageError

T = TypeVar("T")
TroubleListener = Callable[[StorageError], None]


@dataclass(frozen=True)
class Feedback:
    """What the child is shown after answering: the answer, how right it was, and whether it is kept.

    `saved` is True only once the answer is committed durably; the screen may say "recorded" then."""

    question: Question
    answer: object
    correct: bool
    right_parts: int
    total_parts: int
    saved: bool

    @classmethod
    def of(cls, question: Question, answer: object, check: Check, saved: bool) -> "Feedback":
        return cls(question, answer, check.correct, check.right_parts, check.total_parts, saved)


@dataclass(frozen=True)
class Outcome:
    """A finished level: stars from first tries, questions right of those asked, the story's ending."""

    stars: int
    correct: int
    total: int
    ending: Scene | None = None
    saved: bool = True


class Recorder:
    """Runs a session's writes: a write the disk refuses is told to the listener (the game's notice),
    and the session plays on without claiming it was kept."""

    def __init__(self, on_trouble: TroubleListener | None) -> None:
        self.on_trouble = on_trouble

    def write(self, action: Callable[[], T]) -> tuple[bool, T | None]:
        try:
            return True, action()
        except StorageError as error:
            if self.on_trouble is not None:
                self.on_trouble(error)
            return False, None
