"""Order events on a timeline: the items are written in the right order and shown shuffled."""
from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..problems import Msg
from .base import Check, Item, ParseContext, Question, is_index_list
from .items import read_items


@dataclass(frozen=True, kw_only=True)
class Ordering(Question):
    """The answer is the item indices in the order the player put them; each right place is a part."""

    items: tuple[Item, ...]

    kind = "order"
    shuffles = True

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
