"""What every question type shares: its texts, where it is in the file, and how it is checked."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from ..problems import Where
from ..reader import Reader
from ..text import Text


@dataclass(frozen=True)
class Item:
    """An option, a list entry, one side of a pair, a card: text, a picture of the pack, or both."""

    text: Text | None
    image: str | None
    where: Where

    def label(self, lang: str) -> str:
        return self.text.get(lang) if self.text is not None else ""


@dataclass(frozen=True)
class Check:
    """The result of checking one answer. `right_parts` of `total_parts` feed kind feedback."""

    correct: bool
    right_parts: int = 0
    total_parts: int = 1


@dataclass(frozen=True, kw_only=True)
class Question:
    id: str
    prompt: Text
    explanation: Text | None        # None: not written yet (a warning of validate)
    source: str | None
    where: Where
    hint: Text | None = None
    image: str | None = None         # a picture shown with the question
    picture_only: bool = False       # options show pictures only; their texts are spoken (ages 6-8)
    time_limit: int | None = None    # seconds; off unless the level sets it, never with speech on

    kind: ClassVar[str] = ""
    shuffles: ClassVar[bool] = False  # whether the game shows the parts in a seeded random order
    never_shown_solved: ClassVar[bool] = False  # a shuffle that left the parts in the right order is redone

    def check(self, answer: object) -> Check:
        raise NotImplementedError

    def correct_answer(self) -> object:
        raise NotImplementedError

    def is_correct(self, answer: object) -> bool:
        return self.check(answer).correct

    def part_count(self) -> int:
        """How many parts the game may shuffle (options, items, cards)."""
        return 0


@dataclass
class ParseContext:
    """What a question type's parser needs besides the node: the reader and the pack folder."""

    reader: Reader
    pack_folder: Path


def is_index_list(answer: object, size: int) -> bool:
    return (isinstance(answer, (list, tuple)) and all(isinstance(i, int) and not isinstance(i, bool)
                                                       for i in answer)
            and all(-1 <= i < size for i in answer))
