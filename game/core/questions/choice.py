"""Single choice, multiple choice ("select all that apply") and true/false."""
from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..problems import Msg
from .base import Check, Item, ParseContext, Question, is_index_list
from .items import read_item
from .kind import MARKED_CORRECT, TEXT_SNIPPET, QuestionType, Use, ref


@dataclass(frozen=True)
class Option:
    item: Item
    correct: bool


@dataclass(frozen=True, kw_only=True)
class SingleChoice(Question):
    options: tuple[Option, ...]

    kind = "single"
    shuffles = True

    def check(self, answer: object) -> Check:
        ok = (isinstance(answer, int) and not isinstance(answer, bool) and 0 <= answer < len(self.options)
              and self.options[answer].correct)
        return Check(bool(ok), int(bool(ok)), 1)

    def correct_answer(self) -> int:
        return next(i for i, option in enumerate(self.options) if option.correct)

    def part_count(self) -> int:
        return len(self.options)


@dataclass(frozen=True, kw_only=True)
class MultipleChoice(Question):
    """Right when exactly the correct options are chosen; each option judged right counts as a part."""

    options: tuple[Option, ...]

    kind = "multiple"
    shuffles = True

    def check(self, answer: object) -> Check:
        if not is_index_list(answer, len(self.options)) or -1 in answer:
            return Check(False, 0, len(self.options))
        chosen = set(answer)
        right = sum((i in chosen) == option.correct for i, option in enumerate(self.options))
        return Check(right == len(self.options), right, len(self.options))

    def correct_answer(self) -> list[int]:
        return [i for i, option in enumerate(self.options) if option.correct]

    def part_count(self) -> int:
        return len(self.options)


@dataclass(frozen=True, kw_only=True)
class TrueFalse(Question):
    answer: bool

    kind = "true_false"

    def check(self, answer: object) -> Check:
        ok = isinstance(answer, bool) and answer == self.answer
        return Check(ok, int(ok), 1)

    def correct_answer(self) -> bool:
        return self.answer


def _options(ctx: ParseContext, keys: dict, node: yaml.Node, multiple: bool) -> list[Option] | None:
    r = ctx.reader
    if "options" not in keys:
        r.error(node, Msg("this question is missing 'options'"), Msg("add 2 to 6 options"))
        return None
    nodes = r.sequence(keys["options"], "options")
    if nodes is None:
        return None
    options = []
    for option_node in nodes:
        found = read_item(ctx, option_node, Msg("an option"), extra=("correct",))
        if found is None:
            continue
        item, option_keys = found
        correct = r.boolean(option_keys["correct"], "correct") if "correct" in option_keys else False
        if correct is not None:
            options.append(Option(item, correct))
    if not 2 <= len(nodes) <= 6:
        r.error(keys["options"], Msg("a question needs 2 to 6 options, not {count}", count=len(nodes)))
    if len(options) != len(nodes) or not nodes:
        return None
    right = sum(o.correct for o in options)
    if right == 0:
        r.error(keys["options"], Msg("no option is marked as the right answer"),
                Msg("add 'correct: true' to the right option"))
        return None
    if right > 1 and not multiple:
        r.error(keys["options"], Msg("{count} options are marked correct; a single-choice question has one",
                                     count=right),
                Msg("keep 'correct: true' on one option, or use 'type: multiple'"))
        return None
    return options


def parse_single(ctx: ParseContext, keys: dict, node: yaml.Node, common: dict) -> SingleChoice | None:
    options = _options(ctx, keys, node, multiple=False)
    return SingleChoice(options=tuple(options), **common) if options else None


def parse_multiple(ctx: ParseContext, keys: dict, node: yaml.Node, common: dict) -> MultipleChoice | None:
    options = _options(ctx, keys, node, multiple=True)
    return MultipleChoice(options=tuple(options), **common) if options else None


def parse_true_false(ctx: ParseContext, keys: dict, node: yaml.Node, common: dict) -> TrueFalse | None:
    if "answer" not in keys:
        ctx.reader.error(node, Msg("a true/false question is missing 'answer'"),
                         Msg("add 'answer: true' or 'answer: false'"))
        return None
    answer = ctx.reader.boolean(keys["answer"], Msg("the answer"))
    return TrueFalse(answer=answer, **common) if answer is not None else None


# -- the three types ------------------------------------------------------------------------------

def _options_schema(description: str, single: bool) -> dict:
    return {"options": {"type": "array", "items": ref("option"), "minItems": 2, "maxItems": 6,
                        "contains": MARKED_CORRECT, **({"maxContains": 1} if single else {}),
                        "description": description}}


def _right_single(question, view, mode):
    yield Use(f"option_{list(view.order).index(question.correct_answer())}")


def _wrong_single(question, view, mode):
    yield Use(f"option_{next(shown for shown, value in enumerate(view.order) if not question.options[value].correct)}")


def _wrong_choices(question) -> list[int]:
    """A wrong option, or (every option being right) one right option of several."""
    wrong = [i for i, option in enumerate(question.options) if not option.correct]
    return wrong[:1] or question.correct_answer()[:1]


def _right_multiple(question, view, mode):
    for value in question.correct_answer():
        yield Use(f"option_{list(view.order).index(value)}", "space")
    yield Use("check")


def _wrong_multiple(question, view, mode):
    for value in _wrong_choices(question):
        yield Use(f"option_{list(view.order).index(value)}", "space")
    yield Use("check")


def _true_false_route(right: bool):
    def route(question, view, mode):
        yield Use("option_0" if question.answer == right else "option_1")  # shown as [true, false]
    return route


SINGLE = QuestionType(
    "single", parse_single, _options_schema("2 to 6 options; exactly one has 'correct: true'.", single=True),
    snippet={"options": [{"text": TEXT_SNIPPET, "correct": True}, {"text": TEXT_SNIPPET}]},
    right=_right_single, wrong=_wrong_single,
    wrong_answer=lambda q: next(i for i, option in enumerate(q.options) if not option.correct),
    required=("options",))

MULTIPLE = QuestionType(
    "multiple", parse_multiple,
    _options_schema("2 to 6 options; every right one has 'correct: true' and the child must choose all of them.",
                    single=False),
    snippet={"options": [{"text": TEXT_SNIPPET, "correct": True}, {"text": TEXT_SNIPPET, "correct": True},
                         {"text": TEXT_SNIPPET}]},
    right=_right_multiple, wrong=_wrong_multiple, wrong_answer=_wrong_choices, required=("options",))

TRUE_FALSE = QuestionType(
    "true_false", parse_true_false,
    {"answer": {"type": "boolean",
                "description": "Whether the statement in the prompt is true: true or false (no quotes)."}},
    snippet={"answer": True}, right=_true_false_route(True), wrong=_true_false_route(False),
    wrong_answer=lambda q: not q.answer, required=("answer",))
