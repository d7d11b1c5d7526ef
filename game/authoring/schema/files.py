"""Whole files: pack.yaml and the top of a quiz or story level file, with the metadata of packs and levels."""
from __future__ import annotations

from ...core.album_format import MAX_VISITS
from ...core.metadata import AGE_BANDS, AGE_MAX, AGE_MIN, MAX_MINUTES
from ...core.reader import IDENT
from ...core.story_format import MODES
from ...core.text import LANGUAGES
from .common import FORMAT_VERSION, Schema, ref

_DASH = r"\s*[-\u2013]\s*"  # 9-14, or with an en dash and spaces: 9 – 14


def _number(low: int, high: int) -> str:
    return "(?:" + "|".join(str(n) for n in range(low, high + 1)) + ")"


def _age_range_pattern() -> str:
    """Every 'from-to' with AGE_MIN <= from <= to <= AGE_MAX, as one regular expression."""
    pairs = [f"{low}{_DASH}{_number(low, AGE_MAX)}" for low in range(AGE_MIN, AGE_MAX + 1)]
    return r"^\s*(?:" + "|".join(pairs) + r")\s*$"


def metadata_definitions() -> dict[str, Schema]:
    bands = "|".join(band.replace("-", _DASH) for band in AGE_BANDS)
    return {
        "name": {
            "description": "A name: one text for every language (\"Aigul Serikovna\"), or {kk: ..., ru: ..., en: ...}.",
            "anyOf": [{"type": "string", "pattern": r"\S"}, ref("text")],
        },
        "ageRange": {
            "type": "string",
            "pattern": _age_range_pattern(),
            "patternErrorMessage": f"Write the youngest and the oldest age, from {AGE_MIN} to {AGE_MAX}, with a "
                                   "dash: 9-14.",
            "description": f"The ages the pack is for, youngest first, between {AGE_MIN} and {AGE_MAX}: 9-14.",
        },
        "ageBand": {
            "description": "An age band: " + ", ".join(AGE_BANDS) + ".",
            "anyOf": [{"enum": list(AGE_BANDS)}, {"type": "string", "pattern": r"^\s*(?:" + bands + r")\s*$"}],
        },
        "unlock": {
            "description": "always (the default): the level is open from the start. {after: level-id}: it opens "
                           "once the child has finished that level of the same pack.",
            "anyOf": [
                {"const": "always"},
                {"type": "object",
                 "properties": {"after": ref("id", "The level of this pack to finish first.")},
                 "required": ["after"],
                 "additionalProperties": False},
            ],
            "defaultSnippets": [{"label": "always", "body": "always"},
                                {"label": "after another level", "body": {"after": "$1"}}],
        },
        "book": {
            "type": "object",
            "description": "A book to read after the level: its title, its author, and where to find it.",
            "properties": {
                "title": ref("text", "The book's title, {kk: ..., ru: ..., en: ...}."),
                "author": ref("name", "Who wrote it (for a folk tale: the people it comes from)."),
                "call_number": {"type": ["string", "integer"], "pattern": r"\S",
                                "description": "Optional: the library's call number (shelf mark), exactly as in "
                                               "the catalogue. Leave it out rather than guess."},
                "library": ref("name", "Optional: the library that holds the book."),
            },
            "required": ["title", "author"],
            "additionalProperties": False,
            "defaultSnippets": [{"label": "book",
                                 "body": {"title": {"kk": "$1", "ru": "$2", "en": "$3"}, "author": "$4"}}],
        },
        "card": {
            "type": "object",
            "description": "The fact card a child's album gets when the level is finished: a picture of the "
                           "pack, one sentence, and where the fact comes from.",
            "properties": {
                "picture": ref("imagePath", "The card's picture (SVG, PNG or JPG of the pack)."),
                "text": ref("text", "One sentence: the fact, {kk: ..., ru: ..., en: ...}."),
                "source": {"type": "string", "pattern": r"\S",
                           "description": "Where the fact comes from: a book and its page, a museum, a web site."},
            },
            "required": ["picture", "text", "source"],
            "additionalProperties": False,
            "defaultSnippets": [{"label": "card", "body": {"picture": "assets/$1", "text": {"kk": "$2", "ru": "$3",
                                                                                       "en": "$4"}, "source": "$5"}}],
        },
        "badge": {
            "type": "object",
            "description": "A milestone a child's album marks: its id, title and picture, and when it is earned.",
            "properties": {
                "id": ref("id", "The badge id, unique in the pack."),
                "title": ref("text", "The badge's title, {kk: ..., ru: ..., en: ...}."),
                "picture": ref("imagePath", "The badge's picture (SVG, PNG or JPG of the pack)."),
                "when": {"description": "puppet-tale: a puppet tale of this pack finished; all-right: every level "
                                        "of the pack finished and every question right when it was first asked; "
                                        "whole-pack: every level of the pack finished; {visits: 3}: played on "
                                        "three different days.",
                         "anyOf": [{"enum": ["puppet-tale", "all-right", "whole-pack"]},
                                   {"type": "object", "properties": {"visits": {
                                       "type": "integer", "minimum": 1, "maximum": MAX_VISITS,
                                       "description": "On how many different days the child played."}},
                                    "required": ["visits"], "additionalProperties": False}]},
            },
            "required": ["id", "title", "picture", "when"],
            "additionalProperties": False,
        },
        "licence": {
            "type": "object",
            "description": "Under which licence others may use the pack: "
                           "{texts: \"CC BY 4.0\", pictures: \"CC BY 4.0\"}.",
            "properties": {
                "texts": {"type": "string", "pattern": r"\S", "description": "The licence of the texts."},
                "pictures": {"type": "string", "pattern": r"\S",
                             "description": "The licence of the pictures and sounds."},
            },
            "required": ["texts", "pictures"],
            "additionalProperties": False,
        },
    }


FILE_COMMON: dict[str, Schema] = {
    "format": {"const": FORMAT_VERSION, "description": f"The format version: always {FORMAT_VERSION} for now."},
    "title": ref("text", "The title, as the map shows it."),
}
LEVEL_COMMON: dict[str, Schema] = {
    **FILE_COMMON,
    "id": ref("id", "The level id: the same as the file name without .yaml."),
    "type": {"enum": ["quiz", "story"], "description": "quiz or story."},
    "summary": ref("text", "Optional: shown on the results screen under \"What you learned\"."),
    "age": {"description": "Optional: the age band the level is for (" + ", ".join(AGE_BANDS) + "), or a list "
                           "of them: [6-8, 9-11]. The map shows it.",
            "anyOf": [ref("ageBand"), {"type": "array", "items": ref("ageBand"), "minItems": 1, "uniqueItems": True}]},
    "minutes": {"type": "integer", "minimum": 1, "maximum": MAX_MINUTES,
                "description": f"Optional: about how many minutes the level takes (1 to {MAX_MINUTES}). The map "
                               "shows it."},
    "unlock": ref("unlock", "Optional: always (the default), or {after: level-id} to open the level only once "
                            "the child has finished that level of the pack."),
    "read_more": {"type": "array", "items": ref("book"), "minItems": 1,
                  "description": "Optional: books to read after the level, shown on the results screen: "
                                 "[{title: ..., author: ..., call_number: ...}]."},
    "card": ref("card", "Optional: the fact card a child's album gets when the level is finished: "
                        "{picture: ..., text: {kk: ..., ru: ..., en: ...}, source: ...}."),
}
LEVEL_META = ("age", "minutes", "unlock", "read_more", "card")
QUIZ_KEYS: dict[str, Schema] = {
    "shuffle": {"type": "boolean",
                "description": "Show options, items, the right-hand column and cards in a random order (fixed "
                               "per attempt). Default: true."},
    "pool": {"type": "integer", "minimum": 1,
             "description": "Ask only this many questions, drawn at random from all of them. Default: all."},
    "time_limit": {"type": "integer", "minimum": 1,
                   "description": "Seconds per question, shown as a shrinking bar; never used while speech is "
                                  "on. Default: no timer."},
    "backdrop": ref("imagePath", "Optional: a picture of the pack (SVG, PNG or JPG) shown dimmed behind the "
                                 "questions; in high contrast the screen stays plain. Default: a plain colour."),
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
    "author": ref("name", "Optional: who wrote the pack."),
    "library": ref("name", "Optional: the library that made the pack."),
    "ages": ref("ageRange", f"Optional: the ages the pack is for, youngest first ({AGE_MIN} to {AGE_MAX}): 9-14."),
    "languages": {"type": "array", "items": {"enum": list(LANGUAGES)}, "minItems": 1, "uniqueItems": True,
                  "description": "Optional: the languages the pack is complete in: [kk, ru, en]."},
    "version": {"type": "string", "pattern": r"^\d+(\.\d+){0,2}$",
                "patternErrorMessage": 'Write the version as numbers with dots, in quotes: "1.0".',
                "description": 'Optional: the version of the pack, in quotes: "1.0".'},
    "cover": ref("imagePath", "Optional: the pack's cover picture (SVG, PNG or JPG of the pack)."),
    "licence": ref("licence", "Optional: the licences of the pack's texts and pictures."),
    "badges": {"type": "array", "items": ref("badge"), "minItems": 1,
               "description": "Optional: milestones a child's album marks: [{id: ..., title: ..., picture: ..., "
                              "when: whole-pack}]."},
}
PACK_META = ("author", "library", "ages", "languages", "version", "cover", "licence", "badges")


def file_definitions() -> dict[str, Schema]:
    return {
        **metadata_definitions(),
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


def top_level_hints() -> dict[str, Schema]:
    """Every key a file may start with, described, so that an editor can complete a new file."""
    hints: dict[str, Schema] = {}
    for keys in (LEVEL_COMMON, PACK_KEYS, QUIZ_KEYS, STORY_KEYS):
        for key, schema in keys.items():
            if key not in hints:
                hints[key] = {"description": schema.get("description", "")}
    hints["type"] = dict(LEVEL_COMMON["type"])
    hints["id"]["description"] = "The id: for a level the file name without .yaml, for a pack its folder name."
    hints["title"]["description"] = "The title in each language: {kk: ..., ru: ..., en: ...}."
    for keys, where in ((("levels", "description") + PACK_META, "pack.yaml"), (LEVEL_META, "level files"),
                        (QUIZ_KEYS, "quiz levels"), (STORY_KEYS, "story levels")):
        for key in keys:
            hints[key]["description"] += f" (In {where} only.)"
    return hints
