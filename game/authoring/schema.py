"""The JSON Schema (draft 2020-12) of the level format, for editors such as VS Code.

One schema accepts both `pack.yaml` files and level files (quiz and story). It is built here in code
from the loader's own registries (question kinds, stage directions, positions, expressions, built-in
puppets and props, the condition syntax), written with `python run_game.py schema --out FILE`, and
shipped as `levels/olketanu.schema.json`; a test keeps the shipped file equal to what this module builds.

The schema follows the loader, not the other way round: `validate` stays the authority (it also checks
what a schema cannot: that a `goto` names a scene, that files exist, YAML 1.1 traps, translations).
Only keywords that mean the same in draft-07 and 2020-12 are used for the structure, so that editors
whose YAML support still validates with draft-07 rules (the Red Hat YAML extension) read it the same
way; `minContains`/`maxContains` are the only 2019+ keywords and such editors simply ignore them.
`defaultSnippets` and `patternErrorMessage` are that extension's own annotations (other validators
ignore unknown keywords): ready-made snippets for a text and for each question type, and messages in
words instead of regular expressions.
"""
from __future__ import annotations

import json
from typing import Any

from ..core.questions import KINDS
from ..core.reader import IDENT
from ..core.story_format import (_ACTIONS, _CONDITION, EXPRESSIONS, MODES, POSITIONS, builtin_props,
                                 builtin_puppets)
from ..core.text import LANGUAGES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE_NAME = "olketanu.schema.json"
FORMAT_VERSION = 1

Schema = dict[str, Any]


def ref(name: str, description: str | None = None) -> Schema:
    """A reference to one of the schema's `$defs`, with the description an editor shows on hover."""
    found: Schema = {"$ref": f"#/$defs/{name}"}
    if description:
        found["description"] = description
    return found


def _suffix_pattern(suffixes: list[str]) -> str:
    """A path relative to the pack: no backslash, not absolute, no '..', one of the suffixes (any case)."""
    def any_case(word: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word)
    endings = "|".join(any_case(s) for s in suffixes)
    return r"^(?!/)(?!.:)(?!.*\\)(?!(?:.*/)?\.\.(?:/|$)).+\.(?:" + endings + ")$"


LANGUAGE_NAMES = {"kk": "Kazakh", "ru": "Russian", "en": "English"}

# -- small building blocks ------------------------------------------------------------------------

def _definitions() -> dict[str, Schema]:
    defs: dict[str, Schema] = {}
    defs["id"] = {
        "type": "string",
        "pattern": IDENT.pattern,
        "patternErrorMessage": "An id uses lowercase Latin letters, digits, '-' and '_', and starts with a letter.",
        "description": "An id: lowercase Latin letters, digits, '-' and '_', starting with a letter "
                       "(for example town-quiz, q1, lake).",
    }
    defs["plainText"] = {
        "type": ["string", "integer"],
        "minimum": 1,
        "description": "Text in one language. Put it in quotes when YAML could read it as something else: "
                       "yes, no, on, off, 1:30, 2024-06-12.",
    }
    defs["text"] = {
        "type": "object",
        "description": "A text in each language: {kk: ..., ru: ..., en: ...}. Kazakh comes first; a missing "
                       "language is a warning and the game falls back kk -> ru -> en.",
        "properties": {lang: ref("plainText", f"The text in {LANGUAGE_NAMES.get(lang, lang)}.")
                       for lang in LANGUAGES},
        "additionalProperties": False,
        "minProperties": 1,
        "defaultSnippets": [{"label": "kk, ru, en",
                             "body": {lang: f"${i + 1}" for i, lang in enumerate(LANGUAGES)}}],
    }
    defs["source"] = {
        "type": ["string", "integer"],
        "minimum": 1,
        "pattern": r"\S",
        "patternErrorMessage": "The source is empty: say where the fact comes from.",
        "description": "Where the fact comes from: a book with its page, a web page, or an entry of the "
                       "project's vetted fact sheet.",
    }
    defs["imagePath"] = {
        "type": "string",
        "pattern": _suffix_pattern(["svg", "png", "jpg", "jpeg"]),
        "patternErrorMessage": "Name an SVG, PNG or JPG file inside the pack, with '/' and without '..', "
                               "for example assets/lake.svg.",
        "description": "A picture of the pack (SVG, PNG or JPG), relative to the pack folder, for example "
                       "assets/lake.svg. It may not leave the pack; the name must match the file exactly, "
                       "capital letters included.",
    }
    defs["soundPath"] = {
        "type": "string",
        "pattern": _suffix_pattern(["ogg", "wav"]),
        "patternErrorMessage": "Name an OGG or WAV file inside the pack, with '/' and without '..', "
                               "for example assets/line1.ogg.",
        "description": "A sound file of the pack (OGG or WAV), relative to the pack folder, for example "
                       "assets/line1.ogg.",
    }
    defs["puppet"] = {
        "description": "One of the game's puppets (" + ", ".join(builtin_puppets()) + ") or a picture of the "
                       "pack such as assets/my_puppet.svg.",
        "anyOf": [{"enum": builtin_puppets()}, ref("imagePath")],
    }
    defs["prop"] = {
        "description": "One of the game's props (" + ", ".join(builtin_props()) + ") or a picture of the pack "
                       "such as assets/my_prop.svg.",
        "anyOf": [{"enum": builtin_props()}, ref("imagePath")],
    }
    defs["position"] = {"enum": list(POSITIONS), "description": "A place on the stage."}
    defs["expression"] = {"enum": list(EXPRESSIONS), "description": "A puppet's face."}
    defs["condition"] = {
        "type": "string",
        "pattern": _CONDITION.pattern,
        "patternErrorMessage": 'Write a flag ("warm"), "not warm", or a counter test such as "kindness >= 2".',
        "description": 'A condition on the story\'s variables: a flag ("warm"), "not warm", or a counter test '
                       'such as "kindness >= 2" (==, !=, >=, <=, >, <). Write it in quotes.',
    }
    defs["assignments"] = {
        "type": "object",
        "description": "Change variables: {warm: true, kindness: +1}. +N and -N add to a counter; a plain "
                       "number or true/false sets the variable. Every name must be in 'variables'.",
        "additionalProperties": {"type": ["boolean", "integer"]},
    }
    defs["point"] = {
        "type": "array",
        "description": "A point [x, y] in the picture's own pixels (for an SVG: the units of its viewBox).",
        "items": {"type": "number"},
        "minItems": 2,
        "maxItems": 2,
    }
    defs.update(_item_definitions())
    defs.update(_question_definitions())
    defs.update(_story_definitions())
    defs.update(_file_definitions())
    return defs


def _item_definitions() -> dict[str, Schema]:
    def item(description: str, extra: dict[str, Schema]) -> Schema:
        properties = {
            "text": ref("text", "The text of this entry (a child who cannot read hears it)."),
            "image": ref("imagePath", "A picture of the pack shown for this entry."),
            **extra,
        }
        return {
            "description": description,
            "if": {"type": "object", "propertyNames": {"enum": list(LANGUAGES)}},
            "then": ref("text"),
            "else": {
                "type": "object",
                "properties": properties,
                "additionalProperties": False,
                "anyOf": [{"required": ["text"]}, {"required": ["image"]}],
            },
        }
    correct = {"correct": {"type": "boolean", "description": "true for a right option (no quotes)."}}
    return {
        "item": item("An entry: a text {kk: ..., ru: ..., en: ...}, or a mapping with 'text:' and/or 'image:'.",
                     {}),
        "option": item("An option: a text {kk: ..., ru: ..., en: ...}, or a mapping with 'text:' and/or "
                       "'image:' and 'correct: true' on a right option.", correct),
    }


# -- questions ------------------------------------------------------------------------------------

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
QUESTION_REQUIRED = ["id", "type", "prompt", "explanation", "source"]


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
    }
    return keys


KIND_REQUIRED = {"single": ["options"], "multiple": ["options"], "true_false": ["answer"], "order": ["items"],
                 "match": ["pairs"], "hotspot": ["picture", "regions"], "fill": ["answers"], "memory": ["pairs"]}

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
}


def _question_definitions() -> dict[str, Schema]:
    kind_keys = _kind_keys()
    if set(kind_keys) != set(KINDS) or any(set(kind_keys[k]) != set(KINDS[k].keys) for k in KINDS):
        raise RuntimeError("the schema's question types differ from game.core.questions.KINDS: "
                           "update game/authoring/schema.py")
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


# -- stories --------------------------------------------------------------------------------------

DIRECTION_KEYS: dict[str, Schema] = {
    "curtain": {"enum": ["open", "close"], "description": "{curtain: open} or {curtain: close}."},
    "enter": {"type": "string", "description": "A character (by id) comes on stage: {enter: aldar, at: left}."},
    "move": {"type": "string", "description": "A character on stage walks elsewhere: {move: aldar, to: centre}."},
    "exit": {"type": "string", "description": "A character leaves the stage: {exit: aldar}."},
    "puppet": {"type": "string",
               "description": "A character changes costume: {puppet: bai, as: bai_holey}."},
    "prop": ref("prop", "A prop appears ({prop: coat_fur, at: centre}) or goes ({prop: coat_fur, remove: true})."),
    "at": ref("position", "Where: left, centre or right."),
    "to": ref("position", "Where to walk: left, centre or right."),
    "expression": ref("expression", "The puppet's face as it enters: neutral, happy or sad."),
    "as": ref("puppet", "The new puppet picture (costume)."),
    "remove": {"type": "boolean", "description": "true: the prop goes away."},
}


def _direction() -> Schema:
    if set(DIRECTION_KEYS) != set(_ACTIONS) | {k for req, opt in _ACTIONS.values() for k in req + opt}:
        raise RuntimeError("the schema's stage directions differ from game.core.story_format: "
                           "update game/authoring/schema.py")
    branches = []
    for action, (required, optional) in _ACTIONS.items():
        then: Schema = {
            "properties": {key: True for key in (action, *required, *optional)},
            "required": [action, *required],
            "additionalProperties": False,
        }
        if action == "prop":
            then["anyOf"] = [{"required": ["at"]},
                             {"required": ["remove"], "properties": {"remove": {"const": True}}}]
        branches.append({"if": {"required": [action]}, "then": then})
    return {
        "type": "object",
        "description": "A stage direction: one of " + ", ".join(_ACTIONS) + ", for example "
                       "{curtain: open}, {enter: aldar, at: left}, {move: aldar, to: centre}, {exit: aldar}, "
                       "{puppet: bai, as: bai_holey}, {prop: coat_fur, at: centre}.",
        "properties": DIRECTION_KEYS,
        "additionalProperties": False,
        "oneOf": [{"required": [action]} for action in _ACTIONS],
        "allOf": branches,
    }


def _story_definitions() -> dict[str, Schema]:
    line = {
        "type": "object",
        "description": "A line of the story: a text (said by the narrator or a 'speaker'), stage directions, "
                       "variable changes, or a comprehension question.",
        "properties": {
            "text": ref("text", "What is said. Without 'speaker' the narrator says it."),
            "speaker": {"type": "string", "description": "The id of one of the 'characters'."},
            "source": ref("source", "Where the fact this line states comes from (a line that states a fact "
                                    "names its source)."),
            "expression": ref("expression", "The speaker's face from this line on: neutral, happy or sad."),
            "audio": ref("soundPath", "A recorded sound file of the pack (OGG or WAV) that reads this line; "
                                      "without it the speech engine reads it."),
            "stage": {
                "description": "One stage direction or a list of them, done when the line appears.",
                "type": ["object", "array"],
                "items": ref("direction"),
                "allOf": [{"if": {"type": "object"}, "then": ref("direction")}],
            },
            "set": ref("assignments"),
            "question": ref("question", "A comprehension question, written like a quiz question and scored "
                                        "like one."),
        },
        "additionalProperties": False,
        "minProperties": 1,
        "not": {"required": ["text", "question"]},
    }
    choice = {
        "type": "object",
        "description": "A choice the child can pick; it jumps to a scene.",
        "properties": {
            "text": ref("text", "The choice as the child reads it."),
            "goto": {"type": "string", "description": "The scene this choice leads to."},
            "if": ref("condition", "Show this choice only when the condition holds."),
            "set": ref("assignments"),
        },
        "required": ["text", "goto"],
        "additionalProperties": False,
    }
    jump = {
        "type": "object",
        "description": "A conditional jump: {if: \"warm\", goto: happy_end}; the last one usually has no 'if'.",
        "properties": {
            "if": ref("condition", "Take this jump only when the condition holds."),
            "goto": {"type": "string", "description": "The scene to go to."},
        },
        "required": ["goto"],
        "additionalProperties": False,
    }
    scene = {
        "type": "object",
        "description": "A scene: its picture, its lines, then choices, a next scene, or an ending.",
        "properties": {
            "background": ref("imagePath", "The scene's picture (SVG, PNG or JPG of the pack)."),
            "lines": {"type": "array", "items": ref("line"), "description": "The lines, in order."},
            "choices": {"type": "array", "items": ref("choice"),
                        "description": "The child picks one; each jumps to a scene. A scene has either "
                                       "'choices' or 'next', not both."},
            "next": {
                "type": ["string", "array"],
                "items": ref("jump"),
                "description": "The scene that follows without a choice, or a list of conditional jumps "
                               "[{if: \"warm\", goto: a}, {goto: b}] of which the first that holds is taken.",
            },
            "ending": ref("text", "The name of this ending. A scene with neither 'choices' nor 'next' ends "
                                  "the story."),
        },
        "required": ["lines"],
        "additionalProperties": False,
        "not": {"required": ["choices", "next"]},
    }
    character = {
        "type": "object",
        "description": "Someone who speaks; 'speaker:' and stage directions refer to the character's id.",
        "properties": {
            "name": ref("text", "The name on the name plate."),
            "color": {"type": "string", "pattern": "^#[0-9a-fA-F]{6}$",
                      "patternErrorMessage": 'Write a colour as "#RRGGBB" in quotes, for example "#B23A2E".',
                      "description": 'The colour of the name plate, "#RRGGBB" in quotes, for example "#B23A2E".'},
            "puppet": ref("puppet", "The character's puppet in a puppet theatre: the game's "
                                    "assets/puppets/<name>_<expression>.svg, or a picture of the pack."),
        },
        "required": ["name"],
        "additionalProperties": False,
    }
    return {"direction": _direction(), "line": line, "choice": choice, "jump": jump, "scene": scene,
            "character": character}


# -- whole files ----------------------------------------------------------------------------------

FILE_COMMON: dict[str, Schema] = {
    "format": {"const": FORMAT_VERSION, "description": f"The format version: always {FORMAT_VERSION} for now."},
    "title": ref("text", "The title, as the map shows it."),
}
LEVEL_COMMON: dict[str, Schema] = {
    **FILE_COMMON,
    "id": ref("id", "The level id: the same as the file name without .yaml."),
    "type": {"enum": ["quiz", "story"], "description": "quiz or story."},
    "summary": ref("text", "Optional: shown on the results screen under \"What you learned\"."),
}
QUIZ_KEYS: dict[str, Schema] = {
    "shuffle": {"type": "boolean",
                "description": "Show options, items, the right-hand column and cards in a random order (fixed "
                               "per attempt). Default: true."},
    "pool": {"type": "integer", "minimum": 1,
             "description": "Ask only this many questions, drawn at random from all of them. Default: all."},
    "time_limit": {"type": "integer", "minimum": 1,
                   "description": "Seconds per question, shown as a shrinking bar; never used while speech is "
                                  "on. Default: no timer."},
    "questions": {"type": "array", "items": ref("question"), "minItems": 1,
                  "description": "The questions, in order (see docs/levels.md for every type)."},
}
STORY_KEYS: dict[str, Schema] = {
    "mode": {"enum": list(MODES),
             "description": "pictures (the default): a picture per scene; puppets: a puppet theatre with a "
                            "curtain, driven by 'stage:' directions."},
    "characters": {"type": "object", "additionalProperties": ref("character"),
                   "description": "Everyone who speaks, by id; 'speaker:' refers to these ids."},
    "variables": {"type": "object", "propertyNames": {"pattern": IDENT.pattern},
                  "additionalProperties": {"type": ["boolean", "integer"]},
                  "description": "Flags (true/false) and counters (whole numbers) with their start values."},
    "start": ref("id", "The scene the story starts with (default: the first scene)."),
    "scenes": {"type": "object", "additionalProperties": ref("scene"), "minProperties": 1,
               "description": "The scenes, by id."},
}
PACK_KEYS: dict[str, Schema] = {
    **FILE_COMMON,
    "id": ref("id", "The pack id: the same as its folder name."),
    "description": ref("text", "What the pack is about."),
    "levels": {"type": "array", "items": ref("id"), "uniqueItems": True,
               "description": "The level ids in the order the map shows them; each is a file <id>.yaml in "
                              "the pack folder."},
}


def _file_definitions() -> dict[str, Schema]:
    return {
        "pack": {
            "type": "object",
            "description": "pack.yaml: what the pack is and the order of its levels.",
            "properties": PACK_KEYS,
            "required": ["format", "id", "title", "levels"],
            "additionalProperties": False,
        },
        "quiz": {
            "type": "object",
            "description": "A quiz level.",
            "properties": {**LEVEL_COMMON, **QUIZ_KEYS},
            "required": ["format", "id", "type", "title", "questions"],
            "additionalProperties": False,
        },
        "story": {
            "type": "object",
            "description": "A story level.",
            "properties": {**LEVEL_COMMON, **STORY_KEYS},
            "required": ["format", "id", "type", "title", "scenes"],
            "additionalProperties": False,
        },
        "level": {
            "type": "object",
            "required": ["type"],
            "allOf": [
                {"if": {"properties": {"type": {"const": "quiz"}}}, "then": ref("quiz")},
                {"if": {"properties": {"type": {"const": "story"}}}, "then": ref("story")},
            ],
        },
    }


def _top_level_hints() -> dict[str, Schema]:
    """Every key a file may start with, described, so that an editor can complete a new file."""
    hints: dict[str, Schema] = {}
    for keys in (LEVEL_COMMON, PACK_KEYS, QUIZ_KEYS, STORY_KEYS):
        for key, schema in keys.items():
            if key not in hints:
                hints[key] = {"description": schema.get("description", "")}
    hints["type"] = dict(LEVEL_COMMON["type"])
    hints["id"]["description"] = "The id: for a level the file name without .yaml, for a pack its folder name."
    hints["title"]["description"] = "The title in each language: {kk: ..., ru: ..., en: ...}."
    for keys, where in (({"levels": 0, "description": 0}, "pack.yaml"), (QUIZ_KEYS, "quiz levels"),
                        (STORY_KEYS, "story levels")):
        for key in keys:
            hints[key]["description"] += f" (In {where} only.)"
    return hints


def build_schema() -> Schema:
    """The whole schema as a JSON-ready dict."""
    return {
        "$schema": DRAFT,
        "title": f"Ölketanu level format {FORMAT_VERSION}",
        "description": "A pack.yaml file or a level file (quiz or story) of the Ölketanu game. Generated by "
                       "'python run_game.py schema'; the full reference is docs/levels.md. 'python run_game.py "
                       "validate' checks more than this schema can (scenes, files, translations).",
        "type": "object",
        "properties": _top_level_hints(),
        "if": {"anyOf": [{"required": ["levels"]},
                         {"not": {"anyOf": [{"required": ["type"]}, {"required": ["questions"]},
                                            {"required": ["scenes"]}]}}]},
        "then": ref("pack"),
        "else": ref("level"),
        "$defs": _definitions(),
    }


def schema_text() -> str:
    """The schema as the text of olketanu.schema.json (UTF-8, LF line ends, a final newline)."""
    return json.dumps(build_schema(), indent=2, ensure_ascii=False) + "\n"
