"""Memory cards: find the pairs. The game itself (flips, matches) is a small pure state machine."""
from __future__ import annotations

import random
from dataclasses import dataclass, field

import yaml

from ..problems import Msg
from .base import Check, Item, ParseContext, Question
from .items import read_pairs
from .kind import TEXT_SNIPPET, QuestionType, Use, pairs_schema


@dataclass(frozen=True, kw_only=True)
class Memory(Question):
    """The answer is how many times two cards that do not match were turned over. Up to one miss
    per pair counts as right first time: memory is about remembering, not about luck."""

    pairs: tuple[tuple[Item, Item], ...]

    kind = "memory"
    shuffles = True

    def check(self, answer: object) -> Check:
        if not isinstance(answer, int) or isinstance(answer, bool) or answer < 0:
            return Check(False, 0, 1)
        ok = answer <= len(self.pairs)
        return Check(ok, int(ok), 1)

    def correct_answer(self) -> int:
        return 0

    def part_count(self) -> int:
        return 2 * len(self.pairs)


@dataclass
class MemoryGame:
    """Cards face down; turn two; a pair stays up, others turn back on the next turn."""

    question: Memory
    seed: int
    cards: list[tuple[int, int]] = field(init=False)   # (pair index, side 0 or 1)
    matched: set[int] = field(default_factory=set)     # card positions that stay face up
    open: list[int] = field(default_factory=list)      # positions turned over this turn
    misses: int = 0

    def __post_init__(self) -> None:
        self.cards = [(pair, side) for pair in range(len(self.question.pairs)) for side in (0, 1)]
        random.Random(f"{self.seed}:{self.question.id}").shuffle(self.cards)

    def item(self, position: int) -> Item:
        pair, side = self.cards[position]
        return self.question.pairs[pair][side]

    def is_face_up(self, position: int) -> bool:
        return position in self.matched or position in self.open

    def turn(self, position: int) -> str:
        """Turns a card: returns 'ignored', 'first', 'match' or 'miss'."""
        if not 0 <= position < len(self.cards) or position in self.matched:
            return "ignored"
        if len(self.open) == 2:  # the last two did not match: they turn back now
            self.open.clear()
        if position in self.open:
            return "ignored"
        self.open.append(position)
        if len(self.open) == 1:
            return "first"
        a, b = self.open
        if self.cards[a][0] == self.cards[b][0]:
            self.matched.update(self.open)
            self.open.clear()
            return "match"
        self.misses += 1
        return "miss"

    @property
    def finished(self) -> bool:
        return len(self.matched) == len(self.cards)


def parse_memory(ctx: ParseContext, keys: dict, node: yaml.Node, common: dict) -> Memory | None:
    if "pairs" not in keys:
        ctx.reader.error(node, Msg("a memory question is missing 'pairs'"),
                         Msg("add 2 to 8 pairs of cards 'a' and 'b'"))
        return None
    pairs = read_pairs(ctx, keys["pairs"], "a", "b", 2, 8)
    return Memory(pairs=tuple(pairs), **common) if pairs else None


def _turn_pairs(cards: list[tuple[int, int]], pairs: int):
    for pair in range(pairs):
        yield Use(f"card_{cards.index((pair, 0))}")
        yield Use(f"card_{cards.index((pair, 1))}")


def _right(question, view, mode):
    yield from _turn_pairs(view.game.cards, len(question.pairs))


def _wrong(question, view, mode):
    """More misses than pairs (two cards of different pairs, again and again), then every pair."""
    cards = view.game.cards
    for _ in range(len(question.pairs) + 1):
        yield Use(f"card_{cards.index((0, 0))}")
        yield Use(f"card_{cards.index((1, 0))}")
    yield from _turn_pairs(cards, len(question.pairs))


TYPE = QuestionType(
    "memory", parse_memory,
    {"pairs": pairs_schema("a", "b", 2, 8, "2 to 8 pairs of cards 'a' and 'b' (a picture and its name, for "
                                           "example); up to one miss per pair counts as right.")},
    snippet={"pairs": [{"a": {"image": "assets/"}, "b": TEXT_SNIPPET}] * 2}, right=_right, wrong=_wrong,
    wrong_answer=lambda q: len(q.pairs) + 1, required=("pairs",))
