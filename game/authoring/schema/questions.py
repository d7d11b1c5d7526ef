"""The questions: the keys every question has, and the keys and shape of each question type."""
from __future__ import annotations

from ...core.questions import KINDS
from ...core.text import LANGUAGES
from .common import LANGUAGE_NAMES, Schema, ref


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


def _pairs(first: str, second: str, low: int, high: int, description: str) -> Schema:
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


_MARKED_CORRECT = {"type": "object", "required": ["correct"], "properties": {"correct": {"const": True}}}


def _kind_keys() -> dict[str, dict[str, Schema]]:
    """The keys each question type adds, with their exact shape."""
    options = {
        "type": "array",
        "items": ref("option"),
        "minItems": 2,
        "maxItems": 6,
        "contains": _MARKED_CORRECT,
    }
    keys = {
        "single": {"options": {**options, "maxContains": 1,
                               "description": "2 to 6 options; exactly one has 'correct: true'."}},
        "multiple": {"options": {**options, "description": "2 to 6 options; every right one has 'correct: true' "
                                                           "and the child must choose all of them."}},
        "true_false": {"answer": {"type": "boolean",
                                  "description": "Whether the statement in the prompt is true: true or false "
                                                 "(no quotes)."}},
        "order": {"items": {"type": "array", "items": ref("item"), "minItems": 3, "maxItems": 6,
                            "description": "3 to 6 entries written in the RIGHT order; the game shuffles them."}},
        "match": {"pairs": _pairs("left", "right", 2, 6, "2 to 6 pairs written side by side; the right-hand "
                                                         "column is shuffled.")},
        "hotspot": {
            "picture": ref("imagePath", "The picture to point at (a map, a photo)."),
            "regions": {
                "type": "array",
                "description": "The places on the picture; at least one has 'correct: true'. Keyboard players "
                               "Tab through them by their labels.",
                "minItems": 1,
                "items": ref("region"),
                "contains": _MARKED_CORRECT,
            },
        },
        "fill": {"answers": {
            "type": "object",
            "description": "Every spelling you accept, per language: {kk: [..], ru: [..], en: [..]}. Case, extra "
                           "spaces and end punctuation are ignored; an answer in any language counts.",
            "properties": {lang: {"type": ["array", "string", "integer"], "minimum": 1,
                                  "items": ref("plainText"), "minItems": 1,
                                  "description": f"The answers accepted in {LANGUAGE_NAMES.get(lang, lang)}."}
                           for lang in LANGUAGES},
            "additionalProperties": False,
            "minProperties": 1,
        }},
        "memory": {"pairs": _pairs("a", "b", 2, 8, "2 to 8 pairs of cards 'a' and 'b' (a picture and its name, "
                                                   "for example); up to one miss per pair counts as right.")},
        "number": {
            "answer": {"type": "number", "description": "The right number (a year, a height...)."},
            "tolerance": {"type": "number", "minimum": 0,
                          "description": "How far from 'answer' is still right (0 when left out)."},
            "range": {"type": "array", "items": {"type": "number"}, "minItems": 2, "maxItems": 2,
                      "description": "Instead of 'answer': every number from the first to the second is right."},
            "unit": ref("text", "The unit shown after the field: {kk: жыл, ru: год, en: years}."),
        },
    }
    return keys


KIND_REQUIRED = {"single": ["options"], "multiple": ["options"], "true_false": ["answer"], "order": ["items"],
                 "match": ["pairs"], "hotspot": ["picture", "regions"], "fill": ["answers"], "memory": ["pairs"],
                 "number": []}
# what a type requires beyond its keys: a number question gives an answer or a range, not both
KIND_ONE_OF = {"number": [{"required": ["answer"], "not": {"required": ["range"]}},
                          {"required": ["range"], "not": {"anyOf": [{"required": ["answer"]},
                                                                    {"required": ["tolerance"]}]}}]}

KIND_SNIPPETS = {
    "single": {"options": [{"text": {"kk": "", "ru": "", "en": ""}, "correct": True},
                           {"text": {"kk": "", "ru": "", "en": ""}}]},
    "multiple": {"options": [{"text": {"kk": "", "ru": "", "en": ""}, "correct": True},
                             {"text": {"kk": "", "ru": "", "en": ""}, "correct": True},
                             {"text": {"kk": "", "ru": "", "en": ""}}]},
    "true_false": {"answer": True},
    "order": {"items": [{"kk": "", "ru": "", "en": ""}] * 3},
    "match": {"pairs": [{"left": {"kk": "", "ru": "", "en": ""}, "right": {"kk": "", "ru": "", "en": ""}}] * 2},
    "hotspot": {"picture": "assets/", "regions": [{"id": "", "label": {"kk": "", "ru": "", "en": ""},
                                                   "circle": {"center": [0, 0], "radius": 50}, "correct": True}]},
    "fill": {"answers": {"kk": [""], "ru": [""], "en": [""]}},
    "memory": {"pairs": [{"a": {"image": "assets/"}, "b": {"kk": "", "ru": "", "en": ""}}] * 2},
    "number": {"answer": 0, "unit": {"kk": "", "ru": "", "en": ""}},
}


def question_definitions() -> dict[str, Schema]:
    kind_keys = _kind_keys()
    if set(kind_keys) != set(KINDS) or any(set(kind_keys[k]) != set(KINDS[k].keys) for k in KINDS):
        raise RuntimeError("the schema's question types differ from game.core.questions.KINDS: "
                           "update game/authoring/schema/questions.py")
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
    for kind, keys in kind_keys.items():
        branches.append({
            "if": {"properties": {"type": {"const": kind}}, "required": ["type"]},
            "then": {
                "properties": {**{key: True for key in QUESTION_COMMON}, **keys},
                "required": KIND_REQUIRED[kind],
                "additionalProperties": False,
                **({"oneOf": KIND_ONE_OF[kind]} if kind in KIND_ONE_OF else {}),
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
            {"label": f"{kind} question",
             "body": {"id": "", "type": kind, "prompt": {"kk": "", "ru": "", "en": ""}, **KIND_SNIPPETS[kind],
                      "explanation": {"kk": "", "ru": "", "en": ""}, "source": ""}}
            for kind in KINDS
        ],
    }
    region = {
        "type": "object",
        "description": "A place on the picture: a circle or a polygon, in the picture's own pixels.",
        "properties": {
            "id": ref("id", "The region's id, unique inside the question."),
            "label": ref("text", "The region's name, read to keyboard and speech players."),
            "circle": {
                "type": "object",
                "description": "A circle: {center: [x, y], radius: r}.",
                "properties": {"center": ref("point", "The centre [x, y]."),
                               "radius": {"type": "number", "exclusiveMinimum": 0,
                                          "description": "The radius, above 0."}},
                "required": ["center", "radius"],
                "additionalProperties": False,
            },
            "polygon": {"type": "array", "items": ref("point"), "minItems": 3,
                        "description": "A polygon: at least 3 points [[x, y], [x, y], [x, y]]."},
            "correct": {"type": "boolean", "description": "true for the right place (no quotes)."},
        },
        "required": ["id", "label"],
        "additionalProperties": False,
        "oneOf": [{"required": ["circle"]}, {"required": ["polygon"]}],
    }
    return {"question": question, "region": region}
