"""One view per question type: it lays out the parts, takes pointer and keyboard input, and hands
the scene an answer. The checking is in game/core/questions."""
from __future__ import annotations

from .base import QuestionView
from .choice import MultipleView, SingleView, TrueFalseView
from .fill import FillView
from .hotspot import HotspotView
from .match import MatchView
from .memory import MemoryView
from .number import NumberView
from .order import OrderView

VIEWS: dict[str, type[QuestionView]] = {
    "single": SingleView,
    "multiple": MultipleView,
    "true_false": TrueFalseView,
    "order": OrderView,
    "match": MatchView,
    "hotspot": HotspotView,
    "fill": FillView,
    "memory": MemoryView,
    "number": NumberView,
}
