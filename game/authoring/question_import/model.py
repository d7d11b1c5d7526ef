"""The imported questions, between a bank's format and our level file (pure data, no I/O)."""
from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

# The limits of our level format (game/core/questions): a question outside them would not load.
MIN_OPTIONS, MAX_OPTIONS = 2, 6
MIN_PAIRS, MAX_PAIRS = 2, 6
KINDS = ("single", "multiple", "true_false", "fill", "match", "number")  # the kinds the level writer can write


@dataclass
class Choice:
    """An option of a single or multiple choice question."""

    text: str
    correct: bool
    feedback: str = ""  # the bank's per-answer feedback; our format has none, so it becomes a comment


@dataclass
class NumberAnswer:
    """An accepted number of a numeric question: `value` give or take `tolerance` (a range lo..hi is kept as its
    middle and half its width, as Moodle keeps it), worth `weight` percent of the marks."""

    value: Decimal
    tolerance: Decimal = Decimal(0)
    weight: Decimal = Decimal(100)
    feedback: str = ""
    written_as_range: bool = False  # only for showing it as it was written

    @property
    def low(self) -> Decimal:
        return self.value - self.tolerance

    @property
    def high(self) -> Decimal:
        return self.value + self.tolerance

    def __str__(self) -> str:
        if self.written_as_range:
            shown = f"{self.low}..{self.high}"
        else:
            shown = f"{self.value}" + (f" ± {self.tolerance}" if self.tolerance else "")
        return shown if self.weight == 100 else f"{shown} for {self.weight}%"


@dataclass
class ImportedQuestion:
    line: int                      # where the question starts in the bank file (1-based)
    kind: str                      # one of KINDS
    prompt: str
    title: str = ""                # the bank's own name for the question (GIFT ::title::)
    options: list[Choice] = field(default_factory=list)          # single, multiple
    answer: bool | None = None                                   # true_false
    accepted: list[str] = field(default_factory=list)            # fill: every accepted spelling
    pairs: list[tuple[str, str]] = field(default_factory=list)   # match: (left, right)
    numbers: list[NumberAnswer] = field(default_factory=list)    # number: every accepted number
    explanation: str = ""          # empty: none is written, and validate warns about it
    comments: list[str] = field(default_factory=list)  # what the game cannot show, kept for the librarian

    def problem(self) -> str | None:
        """Why this question cannot be written in our format, or None."""
        if self.kind not in KINDS:
            return f"unknown question kind {self.kind!r}"
        if not self.prompt.strip():
            return "the question has no text"
        if self.kind in ("single", "multiple"):
            if not MIN_OPTIONS <= len(self.options) <= MAX_OPTIONS:
                return (f"it has {len(self.options)} option(s); a quiz question has "
                        f"{MIN_OPTIONS} to {MAX_OPTIONS}")
            if any(not o.text.strip() for o in self.options):
                return "an option has no text"
            right = sum(o.correct for o in self.options)
            if right == 0:
                return "no option is marked as the right answer"
            if self.kind == "single" and right != 1:
                return f"{right} options are right in a single-choice question"
        if self.kind == "true_false" and self.answer is None:
            return "true or false is not given"
        if self.kind == "fill" and not [a for a in self.accepted if a.strip()]:
            return "no accepted answer is given"
        if self.kind == "match":
            if not MIN_PAIRS <= len(self.pairs) <= MAX_PAIRS:
                return f"it has {len(self.pairs)} pair(s); a matching question has {MIN_PAIRS} to {MAX_PAIRS}"
            if any(not a.strip() or not b.strip() for a, b in self.pairs):
                return "a pair has an empty side"
        if self.kind == "number" and not any(n.weight == 100 for n in self.numbers):
            return "no number gives full marks (=%100% or no weight)"
        return None

    @property
    def right_number(self) -> "NumberAnswer":
        """A number question's one right number (or range): the first with full marks."""
        return next(n for n in self.numbers if n.weight == 100)


@dataclass(frozen=True)
class Message:
    line: int
    text: str


@dataclass
class BankResult:
    """Everything found in one bank: the questions that convert, and why the others did not."""

    questions: list[ImportedQuestion] = field(default_factory=list)
    skipped: list[Message] = field(default_factory=list)   # items not converted, with the reason
    notes: list[Message] = field(default_factory=list)     # converted, but something was changed or lost

    def add(self, question: ImportedQuestion) -> bool:
        """Keep the question if our format can hold it, else list it as skipped."""
        trouble = question.problem()
        if trouble:
            self.skip(question.line, trouble)
            return False
        self.questions.append(question)
        return True

    def skip(self, line: int, reason: str) -> None:
        self.skipped.append(Message(line, reason))

    def note(self, line: int, text: str) -> None:
        self.notes.append(Message(line, text))
