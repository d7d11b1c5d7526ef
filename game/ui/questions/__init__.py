"""One view per question type: it lays out the parts, takes pointer and keyboard input, and hands
the scene an answer. The checking is in game/core/questions, whose `TYPES` is the list of types: each
view says which type it shows (`kind`), and a type without a view stops the game at start."""
from __future__ import annotations

from ...core.questions import KINDS
from .base import QuestionView
from .choice import MultipleView, SingleView, TrueFalseView
from .fill import FillView
from .hotspot import HotspotView
from .match import MatchView
from .memory import MemoryView
from .number import NumberView
from .order import OrderView

VIEWS: dict[str, type[QuestionView]] = {view.kind: view for view in (
    SingleView, MultipleView, TrueFalseView, OrderView, MatchView, HotspotView, FillView, MemoryView, NumberView)}
if set(VIEWS) != set(KINDS):
    raise RuntimeError(f"question types without a view: {sorted(set(KINDS) - set(VIEWS))}")
