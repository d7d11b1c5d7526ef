"""The small pieces every file of the format uses: ids, texts, sources, picture and sound paths, puppets,
props, places on the stage, conditions, and the entries (items and options) of questions."""
from __future__ import annotations

from ...core.questions.kind import LANGUAGE_NAMES, Schema, ref
from ...core.reader import IDENT
from ...core.story_format import _CONDITION, EXPRESSIONS, POSITIONS, builtin_props, builtin_puppets
from ...core.text import LANGUAGES

DRAFT = "https://json-schema.org/draft/2020-12/schema"
SCHEMA_FILE_NAME = "olketanu.schema.json"
FORMAT_VERSION = 1


def _suffix_pattern(suffixes: list[str]) -> str:
    """A path relative to the pack: no backslash, not absolute, no '..', one of the suffixes (any case)."""
    def any_case(word: str) -> str:
        return "".join(f"[{c.lower()}{c.upper()}]" if c.isalpha() else c for c in word)
    endings = "|".join(any_case(s) for s in suffixes)
    return r"^(?!/)(?!.:)(?!.*\\)(?!(?:.*/)?\.\.(?:/|$)).+\.(?:" + endings + ")$"


# -- small building blocks ------------------------------------------------------------------------

def common_definitions() -> dict[str, Schema]:
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
        "description": "A point [x, y] in the picture's own pixels, [0, 0] at its top left (for an SVG: its width "
                       "and height, or its viewBox when it has none); python run_game.py picture-grid PICTURE "
                       "draws them.",
        "items": {"type": "number"},
        "minItems": 2,
        "maxItems": 2,
    }
    defs.update(_item_definitions())
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
