"""What the game knows of one question type, written once in the type's own module: how to read it
(`parse` and the keys it adds), its JSON Schema fragment for editors, and how a player answers it right
and wrong as a list of intents (for the tests, the benchmark and `run_game.py screenshots`).

Answers are intents rather than key presses, so that a pilot drives them by keyboard, mouse or touch:
`Use` a widget (Tab to it and press a key, or click or tap it), `Press` a key where the focus is,
`Type` text, `Point` at a place of the question's picture. A route may read the view it answers
(`view.order`: the parts in the order shown; `view.current`, `view.game`...), duck-typed so that the
core knows no screen.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Iterator

Schema = dict[str, Any]

KEYBOARD, MOUSE, TOUCH = "keyboard", "mouse", "touch"
LANGUAGE_NAMES = {"kk": "Kazakh", "ru": "Russian", "en": "English"}


@dataclass(frozen=True)
class Use:
    widget: str
    key: str = "return"  # the key a keyboard player presses on it (Space toggles, Enter presses)


@dataclass(frozen=True)
class Press:
    key: str


@dataclass(frozen=True)
class Type:
    text: str


@dataclass(frozen=True)
class Point:
    x: float  # in the picture's own pixels
    y: float


Intent = Use | Press | Type | Point
Route = Callable[[Any, Any, str], Iterator[Intent]]  # (question, view, KEYBOARD | MOUSE | TOUCH)


@dataclass(frozen=True)
class QuestionType:
    name: str                        # the `type:` an author writes
    parse: Callable                  # (ParseContext, keys, node, common) -> Question | None
    schema: dict[str, Schema]        # the keys this type adds, with their exact shape
    snippet: dict[str, Any]          # what an editor's "new question" template fills in
    right: Route                     # a player's way to the right answer
    wrong: Route                     # a player's way to a wrong one
    wrong_answer: Callable[[Any], object]  # a wrong answer of the right shape, as a value
    required: tuple[str, ...] = ()   # keys the schema requires
    one_of: list[Schema] = field(default_factory=list)       # the schema's oneOf for this type
    definitions: dict[str, Schema] = field(default_factory=dict)  # `$defs` this type brings (a map's region)

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(self.schema)


def ref(name: str, description: str | None = None) -> Schema:
    """A reference to one of the schema's `$defs`, with the description an editor shows on hover."""
    found: Schema = {"$ref": f"#/$defs/{name}"}
    if description:
        found["description"] = description
    return found


MARKED_CORRECT: Schema = {"type": "object", "required": ["correct"], "properties": {"correct": {"const": True}}}
TEXT_SNIPPET = {"kk": "", "ru": "", "en": ""}


def pairs_schema(first: str, second: str, low: int, high: int, description: str) -> Schema:
    return {
        "type": "array",
        "description": description,
        "minItems": low,
        "maxItems": high,
        "items": {
            "type": "object",
            "properties": {first: ref("item", f"The '{first}' side of the pair."),
                           second: ref("item", f"The '{second}' side of the pair.")},
            "required": [first, second],
            "additionalProperties": False,
        },
    }

