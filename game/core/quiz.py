"""Playing a quiz level: which questions, in which order, checking answers, retries, hints, stars.

No drawing here. A seed chosen per attempt fixes the question pool and every shuffle, so an
attempt can be replayed exactly (and tests are deterministic).
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from enum import Enum

from .model import QuizLevel
from .questions import Check, Question
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
    attempt: int          # 1 for the first try, 2 when the question comes back at the end
    hint_used: bool
    right_parts: int = 0
    total_parts: int = 1


class QuizRunner:
    """Ask, answer (then feedback), next. Questions missed the first time come back once at the end."""

    def __init__(self, level: QuizLevel, seed: int = 0) -> None:
        self.level = level
        self.seed = seed
        rng = random.Random(seed)
        questions = list(level.questions)
        if level.pool is not None and level.pool < len(questions):
            questions = rng.sample(questions, level.pool)
        self.asked: list[str] = [q.id for q in questions]   # the first round
        self.queue: list[str] = list(self.asked)            # first round, then the retries
        self.position = 0
        self.answers: list[Answered] = []
        self.hinted: set[str] = set()
        self.phase = Phase.ASKING if self.queue else Phase.DONE
        self._by_id = {q.id: q for q in level.questions}
        self._retries_added = False

    # -- where we are -------------------------------------------------------------------------
    @property
    def current(self) -> Question | None:
        return None if self.phase is Phase.DONE else self._by_id[self.queue[self.position]]

    @property
    def attempt(self) -> int:
        """1 in the first round, 2 for a question that came back."""
        return 1 if self.position < len(self.asked) else 2

    @property
    def retrying(self) -> bool:
        return self.phase is not Phase.DONE and self.attempt == 2

    @property
    def is_first_retry(self) -> bool:
        return self.retrying and self.position == len(self.asked)

    @property
    def number(self) -> int:
        """The question's number as shown: 1..total in the first round, then again for retries."""
        return self.position + 1 if self.attempt == 1 else self.position - len(self.asked) + 1

    @property
    def total(self) -> int:
        return len(self.asked)

    @property
    def round_size(self) -> int:
        return len(self.asked) if self.attempt == 1 else len(self.queue) - len(self.asked)

    @property
    def is_last(self) -> bool:
        """No question comes after this one: the last of the level, counting the missed ones that come back."""
        if self.position + 1 < len(self.queue):
            return False
        if self._retries_added:
            return True
        return not any(a.attempt == 1 and not a.correct for a in self.answers)

    @property
    def last_answer(self) -> Answered | None:
        return self.answers[-1] if self.answers else None

    @property
    def finished(self) -> bool:
        return self.phase is Phase.DONE

    def order(self, question: Question) -> list[int]:
        """The order in which to show a question's parts (options, items, right-hand side...)."""
        indices = list(range(question.part_count()))
        if self.level.shuffle and question.shuffles and len(indices) > 1:
            rng = random.Random(f"{self.seed}:{question.id}")
            original = list(indices)
            rng.shuffle(indices)
            if indices == original and question.never_shown_solved:
                indices.append(indices.pop(0))  # never show an ordering already solved
        return indices

    def time_limit(self, question: Question, speech_on: bool) -> int | None:
        """Seconds allowed, or None: never a timer for a child who uses speech."""
        if speech_on:
            return None
        return question.time_limit or self.level.time_limit

    # -- intents ------------------------------------------------------------------------------
    def use_hint(self) -> None:
        if self.phase is Phase.ASKING:
            self.hinted.add(self.current.id)

    def answer(self, value: object) -> Answered:
        if self.phase is not Phase.ASKING:
            raise RuntimeError(f"cannot answer while {self.phase.value}")
        question = self.current
        check: Check = question.check(value)
        answered = Answered(question.id, value, check.correct, self.attempt, question.id in self.hinted,
                            check.right_parts, check.total_parts)
        self.answers.append(answered)
        self.phase = Phase.FEEDBACK
        return answered

    def next(self) -> None:
        if self.phase is not Phase.FEEDBACK:
            raise RuntimeError("answer the question before moving on")
        self.position += 1
        if self.position == len(self.asked) and not self._retries_added:
            self._retries_added = True
            self.queue += [a.question_id for a in self.answers if a.attempt == 1 and not a.correct]
        self.phase = Phase.ASKING if self.position < len(self.queue) else Phase.DONE

    # -- the learning result ------------------------------------------------------------------
    @property
    def first_try_correct(self) -> int:
        """Right on the first try and without a hint: what the stars count."""
        return sum(a.correct and a.attempt == 1 and not a.hint_used for a in self.answers)

    @property
    def stars(self) -> int:
        return stars_for(self.first_try_correct, self.total) if self.finished else 0

    # -- saving -------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {"seed": self.seed, "asked": self.asked, "queue": self.queue, "position": self.position,
                "phase": self.phase.value, "hinted": sorted(self.hinted), "retries_added": self._retries_added,
                "answers": [[a.question_id, a.answer, a.correct, a.attempt, a.hint_used, a.right_parts,
                             a.total_parts] for a in self.answers]}

    @classmethod
    def from_dict(cls, level: QuizLevel, data: dict) -> "QuizRunner":
        runner = cls(level, int(data["seed"]))
        runner.asked, runner.queue = list(data["asked"]), list(data["queue"])
        missing = [qid for qid in runner.queue if qid not in runner._by_id]
        if missing:
            raise KeyError(missing[0])
        runner.position = int(data["position"])
        runner.phase = Phase(data["phase"])
        runner.hinted = set(data["hinted"])
        runner._retries_added = bool(data["retries_added"])
        runner.answers = [Answered(q, a, bool(c), int(n), bool(h), int(rp), int(tp))
                          for q, a, c, n, h, rp, tp in data["answers"]]
        return runner
