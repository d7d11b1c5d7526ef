"""A number: a year, a height, a distance. Right within a tolerance (`answer: 1824, tolerance: 2`)
or a range (`range: [1820, 1830]`); an optional unit (years, metres, km) is shown after the field."""
from __future__ import annotations

import math
from dataclasses import dataclass

import yaml

from ..problems import Msg
from ..text import Text
from .base import Check, ParseContext, Question
from .kind import KEYBOARD, TEXT_SNIPPET, QuestionType, Type, Use, ref

MINUS_SIGNS = "-−–"  # a hyphen, the minus sign, the dash a keyboard layout may give
GROUPING = " \u00a0\u202f\u2009'"  # "1 565", "1'565": spaces and apostrophes group thousands


def read_number(answer: object) -> float | None:
    """What the child typed (or a number), as a number: "1824", "1 824", "2,5", "−3". None if not one."""
    if isinstance(answer, bool):
        return None
    if isinstance(answer, (int, float)):
        return float(answer) if math.isfinite(answer) else None
    if not isinstance(answer, str):
        return None
    text = "".join(ch for ch in answer.strip() if ch not in GROUPING).replace(",", ".")
    if text[:1] in MINUS_SIGNS:
        text = "-" + text[1:]
    if not text or text.count(".") > 1 or not text.lstrip("-").replace(".", "").isdigit():
        return None
    return float(text)


def shown(value: float) -> str:
    """A number as the child reads it: 1824, 2.5 (no trailing .0)."""
    return str(int(value)) if value == int(value) else f"{value:g}"


@dataclass(frozen=True, kw_only=True)
class NumberQuestion(Question):
    low: float
    high: float
    value: float  # the number shown as the right answer
    from_range: bool = False  # written as `range`: the answer is told as "from low to high"
    unit: Text | None = None

    kind = "number"

    def check(self, answer: object) -> Check:
        number = read_number(answer)
        ok = number is not None and self.low <= number <= self.high
        return Check(ok, int(ok), 1)

    def correct_answer(self) -> str:
        return shown(self.value)


def parse_number(ctx: ParseContext, keys: dict, node: yaml.Node, common: dict) -> NumberQuestion | None:
    r = ctx.reader
    unit = r.text(keys["unit"], "unit") if "unit" in keys else None
    if "range" in keys:
        if "answer" in keys or "tolerance" in keys:
            r.error(keys["range"], Msg("a number question has both 'range' and 'answer'"),
                    Msg("give either {a} or {b}", a="answer: 1824", b="range: [1820, 1830]"))
            return None
        bounds = [r.number(n, "range") for n in (r.sequence(keys["range"], "range") or [])]
        if len(bounds) != 2 or None in bounds:
            if len(bounds) != 2:
                r.error(keys["range"], Msg("the range should be two numbers"), Msg("for example {example}",
                                                                                    example="range: [1820, 1830]"))
            return None
        low, high = sorted(b for b in bounds if b is not None)
        return NumberQuestion(low=low, high=high, value=(low + high) / 2, from_range=True, unit=unit, **common)
    if "answer" not in keys:
        r.error(node, Msg("a number question is missing 'answer'"),
                Msg("add {a} (and {b} if near is right too), or {c}", a="answer: 1824", b="tolerance: 2",
                    c="range: [1820, 1830]"))
        return None
    value = r.number(keys["answer"], "answer")
    tolerance = r.number(keys["tolerance"], "tolerance") if "tolerance" in keys else 0.0
    if value is None or tolerance is None:
        return None
    if tolerance < 0:
        r.error(keys["tolerance"], Msg("the tolerance cannot be below zero"),
                Msg("it says how far from the answer is still right, e.g. {example}", example="tolerance: 2"))
        return None
    return NumberQuestion(low=value - tolerance, high=value + tolerance, value=value, unit=unit, **common)


def _typed(number: str, mode: str):
    """Digits typed (they reach the field whatever is focused), or pressed on the number pad."""
    if mode == KEYBOARD:
        yield Type(number)
    else:
        for char in number:
            yield Use({"-": "key_minus", ".": "key_comma"}.get(char, f"key_{char}"))
    yield Use("check")


def _wrong_answer(question: NumberQuestion) -> str:
    return shown(question.high + 10)


TYPE = QuestionType(
    "number", parse_number,
    {"answer": {"type": "number", "description": "The right number (a year, a height...)."},
     "tolerance": {"type": "number", "minimum": 0, "description": "How far from 'answer' is still right (0 when "
                                                                   "left out)."},
     "range": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2,
               "description": "Instead of 'answer': every number from the first to the second is right."},
     "unit": ref("text", "The unit shown after the field: {kk: жыл, ru: год, en: years}.")},
    snippet={"answer": 0, "unit": TEXT_SNIPPET},
    right=lambda question, view, mode: _typed(question.correct_answer(), mode),
    wrong=lambda question, view, mode: _typed(_wrong_answer(question), mode),
    wrong_answer=_wrong_answer,
    # an answer or a range, not both
    one_of=[{"required": ["answer"], "not": {"required": ["range"]}},
            {"required": ["range"], "not": {"anyOf": [{"required": ["answer"]}, {"required": ["tolerance"]}]}}])
