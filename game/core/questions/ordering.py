"""Order events on a timeline: the items are written in the right order and shown shuffled."""
from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..problems import Msg
from .base import Check, Item, ParseContext, Question, is_index_list
from .items import read_items
from .kind import KEYBOARD, TEXT_SNIPPET, Press, QuestionType, Use, ref


@dataclass(frozen=True, kw_only=True)
class Ordering(Question):
    """The answer is the item indices in the order the player put them; each right place is a part."""

    items: tuple[Item, ...]

    kind = "order"
    shuffles = True
    never_shown_solved = True

    def check(self, answer: object) -> Check:
        size = len(self.items)
        if not is_index_list(answer, size) or sorted(answer) != list(range(size)):
            return Check(False, 0, size)
        right = sum(position == item for position, item in enumerate(answer))
        return Check(right == size, right, size)

    def correct_answer(self) -> list[int]:
        return list(range(len(self.items)))

    def part_count(self) -> int:
        return len(self.items)


def parse_order(ctx: ParseContext, keys: dict, node: yaml.Node, common: dict) -> Ordering | None:
    if "items" not in keys:
        ctx.reader.error(node, Msg("an ordering question is missing 'items'"),
                         Msg("list 3 to 6 items in the right order"))
        return None
    items = read_items(ctx, keys["items"], 3, 6)
    return Ordering(items=tuple(items), **common) if items else None


def _move(position: int, target: int, mode: str):
    """Lift the item and put it down elsewhere: Space, arrows, Space; or a click on each place."""
    if mode == KEYBOARD:
        yield Use(f"item_{position}", "space")
        for _ in range(abs(position - target)):
            yield Press("up" if target < position else "down")
        yield Press("space")
    else:
        yield Use(f"item_{position}")
        yield Use(f"item_{target}")


def _right(question, view, mode):
    for target in range(len(question.items)):
        position = view.current.index(target)
        if position != target:
            yield from _move(position, target, mode)
    yield Use("check")


def _wrong(question, view, mode):
    if list(view.current) == question.correct_answer():
        yield from _move(0, 1, mode)
    yield Use("check")


TYPE = QuestionType(
    "order", parse_order,
    {"items": {"type": "array", "items": ref("item"), "minItems": 3, "maxItems": 6,
               "description": "3 to 6 entries written in the RIGHT order; the game shuffles them."}},
    snippet={"items": [TEXT_SNIPPET] * 3}, right=_right, wrong=_wrong,
    wrong_answer=lambda q: list(reversed(range(len(q.items)))), required=("items",))
