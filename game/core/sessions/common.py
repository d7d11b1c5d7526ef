"""What every play session shares: the outcome of an answer and of a level."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import Scene
from ..questions import Check, Question


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
