"""The stories: stage directions, lines, choices, jumps, scenes and characters."""
from __future__ import annotations

from ...core.story_format import _ACTIONS
from .common import Schema, ref


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
                           "update game/authoring/schema/stories.py")
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


def story_definitions() -> dict[str, Schema]:
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
