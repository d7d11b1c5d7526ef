"""The questions: the keys every question has, and the keys and shape of each question type."""
from __future__ import annotations

from ...core.questions import KINDS, TYPES
from ...core.questions.kind import TEXT_SNIPPET
from .common import Schema, ref


QUESTION_COMMON: dict[str, Schema] = {
    "id": ref("id", "The question's id, unique inside the level."),
    "type": {"enum": list(KINDS), "description": "The kind of question: " + ", ".join(KINDS) + "."},
    "prompt": ref("text", "The question the child reads. For 'fill', mark the blank with ___."),
    "explanation": ref("text", "Shown after the answer, right or wrong: why it is so."),
    "source": ref("source"),
    "hint": ref("text", "Shown when the child presses Hint; a hinted answer does not count for the stars."),
    "image": ref("imagePath", "A picture of the pack shown beside the question."),
    "picture_only": {"type": "boolean",
                     "description": "true: options show only their pictures, and their texts are read aloud "
                                    "(for children of 6-8 who cannot read yet)."},
    "time_limit": {"type": "integer", "minimum": 1,
                   "description": "Seconds for this question only (never used while speech is on)."},
}
QUESTION_REQUIRED = ["id", "type", "prompt"]


def question_definitions() -> dict[str, Schema]:
    kind_keys = {kind.name: kind.schema for kind in TYPES}
    loose: dict[str, Schema] = {}
    for kind, keys in kind_keys.items():
        for key in keys:
            loose.setdefault(key, {"description": ""})
            used_by = loose[key].setdefault("x-types", [])
            used_by.append(kind)
    for key, entry in loose.items():
        kinds = entry.pop("x-types")
        entry["description"] = f"Only for questions of type {' or '.join(kinds)}."
    branches = []
    for kind in TYPES:
        branches.append({
            "if": {"properties": {"type": {"const": kind.name}}, "required": ["type"]},
            "then": {
                "properties": {**{key: True for key in QUESTION_COMMON}, **kind.schema},
                "required": list(kind.required),
                "additionalProperties": False,
                **({"oneOf": kind.one_of} if kind.one_of else {}),
            },
        })
    question = {
        "type": "object",
        "description": "A question: id, type, prompt, explanation and source, and the keys of its type.",
        "properties": {**QUESTION_COMMON, **loose},
        "required": QUESTION_REQUIRED,
        "additionalProperties": False,
        "allOf": branches,
        "defaultSnippets": [
            {"label": f"{kind.name} question",
             "body": {"id": "", "type": kind.name, "prompt": TEXT_SNIPPET, **kind.snippet,
                      "explanation": TEXT_SNIPPET, "source": ""}}
            for kind in TYPES
        ],
    }
    return {"question": question, **{name: shape for kind in TYPES for name, shape in kind.definitions.items()}}
