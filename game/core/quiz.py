"""Playing a quiz level: the current question, checking answers, the score. No drawing here."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from .model import Question, QuizLevel
from .scoring import stars_for


class Phase(str, Enum):
    ASKING = "asking"
    FEEDBACK = "feedback"
    DONE = "done"


@dataclass(frozen=True)
class Answered:
    question_id: str
    answer: object
    correct: bool


class QuizRunner:
    """Walks through a quiz: ask, answer (then feedback), next, until done."""

    def __init__(self, level: QuizLevel) -> None:
        self.level = level
        self.index = 0
        self.phase = Phase.ASKING if level.questions else Phase.DONE
        self.answers: list[Answered] = []

    @property
    def current(self) -> Question | None:
        if self.phase is Phase.DONE:
            return None
        return self.level.questions[self.index]

    @property
    def last_answer(self) -> Answered | None:
        return self.answers[-1] if self.answers else None

    @property
    def finished(self) -> bool:
        return self.phase is Phase.DONE

    def answer(self, value: object) -> Answered:
        """Check `value` (an option index, or a bool for true/false) and show feedback next."""
        if self.phase is not Phase.ASKING:
            raise RuntimeError(f"cannot answer while {self.phase.value}")
        question = self.level.questions[self.index]
        answered = Answered(question.id, value, question.is_correct(value))
        self.answers.append(answered)
        self.phase = Phase.FEEDBACK
        return answered

    def next(self) -> None:
        if self.phase is not Phase.FEEDBACK:
            raise RuntimeError("answer the question before moving on")
        self.index += 1
        self.phase = Phase.ASKING if self.index < len(self.level.questions) else Phase.DONE

    @property
    def correct_count(self) -> int:
        return sum(a.correct for a in self.answers)

    @property
    def total(self) -> int:
        return len(self.level.questions)

    @property
    def stars(self) -> int:
        return stars_for(self.correct_count, self.total) if self.finished else 0

    def to_dict(self) -> dict:
        return {"index": self.index, "phase": self.phase.value,
                "answers": [[a.question_id, a.answer, a.correct] for a in self.answers]}

    @classmethod
    def from_dict(cls, level: QuizLevel, data: dict) -> "QuizRunner":
        runner = cls(level)
        runner.index = int(data["index"])
        runner.phase = Phase(data["phase"])
        runner.answers = [Answered(q, a, bool(c)) for q, a, c in data["answers"]]
        return runner
