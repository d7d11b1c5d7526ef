"""Match pairs (person and deed, picture and name): left items are matched to right items."""
from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..problems import Msg
from .base import Check, Item, ParseContext, Question, is_index_list
from .items import read_pairs
from .kind import TEXT_SNIPPET, QuestionType, Use, pairs_schema


@dataclass(frozen=True, kw_only=True)
class Matching(Question):
    """The answer lists, for each left item, the index of the right item matched to it (-1: none)."""

    pairs: tuple[tuple[Item, Item], ...]

    kind = "match"
    shuffles = True

    def check(self, answer: object) -> Check:
        size = len(self.pairs)
        if not is_index_list(answer, size) or len(answer) != size:
            return Check(False, 0, size)
        right = sum(left == matched for left, matched in enumerate(answer))
        return Check(right == size, right, size)

    def correct_answer(self) -> list[int]:
        return list(range(len(self.pairs)))

    def part_count(self) -> int:
        return len(self.pairs)


def parse_match(ctx: ParseContext, keys: dict, node: yaml.Node, common: dict) -> Matching | None:
    if "pairs" not in keys:
        ctx.reader.error(node, Msg("a matching question is missing 'pairs'"),
                         Msg("add 2 to 6 pairs of 'left' and 'right'"))
        return None
    pairs = read_pairs(ctx, keys["pairs"], "left", "right", 2, 6)
    return Matching(pairs=tuple(pairs), **common) if pairs else None


def _matches(pairs: dict[int, int]):
    for left, right in pairs.items():
        yield Use(f"left_{left}")
        yield Use(f"right_{right}")
    yield Use("check")


def _right(question, view, mode):
    yield from _matches({left: list(view.order).index(left) for left in range(len(question.pairs))})


def _wrong(question, view, mode):
    size = len(question.pairs)
    yield from _matches({left: list(view.order).index((left + 1) % size) for left in range(size)})


TYPE = QuestionType(
    "match", parse_match,
    {"pairs": pairs_schema("left", "right", 2, 6, "2 to 6 pairs written side by side; the right-hand column is "
                                                  "shuffled.")},
    snippet={"pairs": [{"left": TEXT_SNIPPET, "right": TEXT_SNIPPET}] * 2}, right=_right, wrong=_wrong,
    wrong_answer=lambda q: [(left + 1) % len(q.pairs) for left in range(len(q.pairs))], required=("pairs",))
