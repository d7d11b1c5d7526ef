"""The question types. `TYPES` is the one list of them: the loader, the schema, the validator, the fuzz
grammar, the tests, the benchmark and `run_game.py screenshots` all read it (see docs/adding-a-question-type.md).
Each type's module holds everything about it: its rules, how it is read, its schema, how to answer it."""
from __future__ import annotations

from . import choice, fill_blank, hotspot, matching, memory, number, ordering
from .base import Check, Item, ParseContext, Question
from .choice import MultipleChoice, Option, SingleChoice, TrueFalse
from .fill_blank import FillBlank, normalize
from .hotspot import Hotspot, Region
from .kind import QuestionType
from .matching import Matching
from .memory import Memory, MemoryGame
from .number import NumberQuestion, read_number
from .ordering import Ordering

TYPES: tuple[QuestionType, ...] = (choice.SINGLE, choice.MULTIPLE, choice.TRUE_FALSE, ordering.TYPE, matching.TYPE,
                                   hotspot.TYPE, fill_blank.TYPE, memory.TYPE, number.TYPE)
KINDS: dict[str, QuestionType] = {kind.name: kind for kind in TYPES}

__all__ = ["KINDS", "TYPES", "Check", "FillBlank", "Hotspot", "Item", "Matching", "Memory", "MemoryGame",
           "MultipleChoice", "NumberQuestion", "Option", "Ordering", "ParseContext", "Question", "QuestionType",
           "Region", "SingleChoice", "TrueFalse", "normalize", "read_number"]
