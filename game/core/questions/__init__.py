"""The question types: each checks its own answers; `KINDS` tells the loader how to read each."""
from __future__ import annotations

from typing import Callable, NamedTuple

from .base import Check, Item, ParseContext, Question
from .choice import MultipleChoice, Option, SingleChoice, TrueFalse, parse_multiple, parse_single, parse_true_false
from .fill_blank import FillBlank, normalize, parse_fill
from .hotspot import Hotspot, Region, parse_hotspot
from .matching import Matching, parse_match
from .memory import Memory, MemoryGame, parse_memory
from .number import NumberQuestion, parse_number, read_number
from .ordering import Ordering, parse_order


class Kind(NamedTuple):
    parse: Callable
    keys: tuple[str, ...]  # the keys this type adds to a question


KINDS: dict[str, Kind] = {
    "single": Kind(parse_single, ("options",)),
    "multiple": Kind(parse_multiple, ("options",)),
    "true_false": Kind(parse_true_false, ("answer",)),
    "order": Kind(parse_order, ("items",)),
    "match": Kind(parse_match, ("pairs",)),
    "hotspot": Kind(parse_hotspot, ("picture", "regions")),
    "fill": Kind(parse_fill, ("answers",)),
    "memory": Kind(parse_memory, ("pairs",)),
    "number": Kind(parse_number, ("answer", "tolerance", "range", "unit")),
}

__all__ = ["KINDS", "Check", "FillBlank", "Hotspot", "Item", "Matching", "Memory", "MemoryGame",
           "MultipleChoice", "NumberQuestion", "Option", "Ordering", "ParseContext", "Question", "Region", "SingleChoice",
           "TrueFalse", "normalize", "read_number"]
