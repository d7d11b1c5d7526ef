"""Reading story levels: characters, variables, scenes, lines, stage directions, conditions."""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from . import model
from ..paths import ASSETS
from .assets_check import asset_problem, picture_ok
from .problems import Msg
from .questions import ParseContext
from .reader import Reader, did_you_mean
from .story_graph import story_graph_problems
from .text import Text
from .yamlsrc import where

SOUND_SUFFIXES = {".ogg", ".wav"}
POSITIONS = ("left", "centre", "right")
EXPRESSIONS = ("neutral", "happy", "sad")
MODES = ("pictures", "puppets")
_CONDITION = re.compile(r"^\s*(?:(not)\s+([a-z][a-z0-9_]*)|([a-z][a-z0-9_]*)(?:\s*(==|!=|>=|<=|>|<)\s*(-?\d+|true|false))?)\s*$")


@dataclass
class StoryContext:
    reader: Reader
    pack_folder: Path
    speakers: set[str]
    variables: dict[str, int | bool]
    parse_question: object  # the loader's question parser, for questions inside stories


def parse_story(r: Reader, keys: dict, common: dict, pack_folder: Path, parse_question) -> model.StoryLevel | None:
    characters = _characters(r, keys["characters"], pack_folder) if "characters" in keys else []
    variables = _variables(r, keys["variables"]) if "variables" in keys else {}
    mode = r.string(keys["mode"], "mode") if "mode" in keys else "pictures"
    if mode is not None and mode not in MODES:
        r.error(keys["mode"], Msg("unknown mode '{value}'", value=mode), did_you_mean(mode, MODES))
        mode = "pictures"
    ctx = StoryContext(r, pack_folder, {c.id for c in characters}, variables, parse_question)
    scene_keys = r.mapping(keys["scenes"], "scenes") if "scenes" in keys else None
    scenes = [scene for name, node in (scene_keys or {}).items() if (scene := _scene(ctx, name, node))]
    if scene_keys is not None and not scene_keys:
        r.error(keys["scenes"], Msg("the story has no scenes"), Msg("add at least one scene"))
    start = r.ident(keys["start"], "start") if "start" in keys else (next(iter(scene_keys)) if scene_keys else None)
    if start and scene_keys and start not in scene_keys:
        r.error(keys["start"], Msg("start names the scene '{scene}', which does not exist", scene=start),
                did_you_mean(start, scene_keys))
        start = None
    if scene_keys and start:
        r.problems.extend(story_graph_problems(r.path, scenes, start, scene_keys))
    if common["title"] is None or not start:
        return None
    return model.StoryLevel(characters=tuple(characters), start=start, scenes=tuple(scenes), mode=mode or "pictures",
                            variables=tuple(variables.items()), **common)


def _characters(r: Reader, node: yaml.Node, pack_folder: Path) -> list[model.Character]:
    found = []
    for cid, cnode in (r.mapping(node, "characters") or {}).items():
        ckeys = r.mapping(cnode, Msg("the character '{id}'", id=cid), required=("name",), optional=("color", "puppet"))
        if ckeys is None or "name" not in ckeys:
            continue
        name = r.text(ckeys["name"], Msg("the name of '{id}'", id=cid))
        color = r.string(ckeys["color"], "color") if "color" in ckeys else "#153047"
        if color is not None and not _is_color(color):
            r.error(ckeys["color"], Msg("'{value}' is not a colour", value=color),
                    Msg('write it as "#RRGGBB" in quotes, e.g. "#B23A2E"'))
            color = None
        puppet = _puppet(r, ckeys["puppet"], pack_folder) if "puppet" in ckeys else None
        # kept even when a part of it is wrong (that error is already told): its lines must not each
        # report "not one of the characters" as well
        found.append(model.Character(cid, name or Text({"en": cid}), color or "#153047", puppet))
    return found


def builtin_puppets() -> list[str]:
    return sorted({p.name.rsplit("_", 1)[0] for p in (ASSETS / "puppets").glob("*_neutral.svg")})


def builtin_props() -> list[str]:
    return sorted(p.stem for p in (ASSETS / "stage").glob("*.svg"))


def _puppet(r: Reader, node: yaml.Node, pack_folder: Path) -> str | None:
    value = r.string(node, "puppet")
    if value is None:
        return None
    if "/" in value or "." in value:
        return value if picture_ok(r, node, pack_folder, value) else None
    if value not in builtin_puppets():
        r.error(node, Msg("there is no puppet '{name}'", name=value), did_you_mean(value, builtin_puppets()))
        return None
    return value


def _is_color(value: str) -> bool:
    return len(value) == 7 and value[0] == "#" and all(c in "0123456789abcdefABCDEF" for c in value[1:])


def _variables(r: Reader, node: yaml.Node) -> dict[str, int | bool]:
    variables: dict[str, int | bool] = {}
    for name, value_node in (r.mapping(node, "variables") or {}).items():
        if not re.match(r"^[a-z][a-z0-9_]*$", name):
            r.error(value_node, Msg("'{name}' is not a valid variable name", name=name),
                    Msg("use lowercase letters, digits and '_'"))
            continue
        if isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":bool"):
            variables[name] = r.boolean(value_node, name)
        else:
            value = r.integer(value_node, Msg("the start value of '{name}'", name=name))
            if value is not None:
                variables[name] = value
    return variables


def parse_condition(r: Reader, node: yaml.Node, variables: dict) -> model.Condition | None:
    written = r.string(node, Msg("the condition"))
    if written is None:
        return None
    match = _CONDITION.match(written)
    if not match:
        r.error(node, Msg("'{condition}' is not a condition I understand", condition=written),
                Msg('write a flag ("warm"), "not warm", or a counter test like "kindness >= 2"'))
        return None
    negated, negated_name, name, op, value = match.groups()
    name = negated_name or name
    if name not in variables:
        r.error(node, Msg("the condition uses '{name}', which is not in 'variables'", name=name),
                did_you_mean(name, variables))
        return None
    if negated:
        return model.Condition(name, "==", False, written)
    if op is None:
        return model.Condition(name, "==", True, written)
    parsed = value == "true" if value in ("true", "false") else int(value)
    return model.Condition(name, op, parsed, written)


def parse_sets(r: Reader, node: yaml.Node, variables: dict) -> tuple[model.Assignment, ...]:
    found = []
    for name, value_node in (r.mapping(node, "set") or {}).items():
        if name not in variables:
            r.error(value_node, Msg("'{name}' is not in 'variables'", name=name), did_you_mean(name, variables))
            continue
        if isinstance(value_node, yaml.ScalarNode) and value_node.tag.endswith(":bool"):
            found.append(model.Assignment(name, bool(r.boolean(value_node, name))))
            continue
        number = r.integer(value_node, Msg("the value of '{name}'", name=name))
        if number is not None:
            # the sign as written: `+1` adds one (YAML itself would read it as plain 1)
            found.append(model.Assignment(name, number, add=value_node.value.startswith(("+", "-"))))
    return tuple(found)


def _scene(ctx: StoryContext, scene_id: str, node: yaml.Node) -> model.Scene | None:
    r = ctx.reader
    keys = r.mapping(node, Msg("the scene '{id}'", id=scene_id), required=("lines",),
                     optional=("background", "choices", "next", "ending"))
    if keys is None:
        return None
    background = None
    if "background" in keys:
        background = r.string(keys["background"], "background")
        if background is not None and not picture_ok(r, keys["background"], ctx.pack_folder, background):
            background = None
    lines = [line for line in map(lambda n: _line(ctx, n), r.sequence(keys["lines"], "lines") or []) if line] \
        if "lines" in keys else []
    choices = [c for c in map(lambda n: _choice(ctx, n), r.sequence(keys["choices"], "choices") or []) if c] \
        if "choices" in keys else []
    jumps = _jumps(ctx, keys["next"]) if "next" in keys else ()
    if jumps and choices:
        r.error(keys["next"], Msg("a scene has either 'choices' or 'next', not both"), Msg("delete one of them"))
    ending = r.text(keys["ending"], Msg("the ending name")) if "ending" in keys else None
    return model.Scene(scene_id, background, tuple(lines), tuple(choices), jumps, ending, where(r.path, node))


def _jumps(ctx: StoryContext, node: yaml.Node) -> tuple[model.Jump, ...]:
    r = ctx.reader
    if isinstance(node, yaml.ScalarNode):
        goto = r.string(node, "next")
        return (model.Jump(goto, where(r.path, node)),) if goto else ()
    jumps = []
    for item in r.sequence(node, "next") or []:
        keys = r.mapping(item, Msg("a jump"), required=("goto",), optional=("if",))
        if keys is None or "goto" not in keys:
            continue
        goto = r.string(keys["goto"], "goto")
        condition = parse_condition(r, keys["if"], ctx.variables) if "if" in keys else None
        if goto is not None and ("if" not in keys or condition is not None):
            jumps.append(model.Jump(goto, where(r.path, keys["goto"]), condition))
    if jumps and jumps[-1].condition is not None:
        r.warn(node, Msg("every jump in 'next' has a condition: if none holds, the story ends here"),
               Msg("end the list with a jump without 'if'"))
    return tuple(jumps)


def _choice(ctx: StoryContext, node: yaml.Node) -> model.Choice | None:
    r = ctx.reader
    keys = r.mapping(node, Msg("a choice"), required=("text", "goto"), optional=("if", "set"))
    if keys is None or "text" not in keys or "goto" not in keys:
        return None
    text = r.text(keys["text"], Msg("the choice"))
    goto = r.string(keys["goto"], "goto")
    condition = parse_condition(r, keys["if"], ctx.variables) if "if" in keys else None
    sets = parse_sets(r, keys["set"], ctx.variables) if "set" in keys else ()
    if text is None or goto is None or ("if" in keys and condition is None):
        return None
    return model.Choice(text, goto, where(r.path, keys["goto"]), condition, sets)


def _line(ctx: StoryContext, node: yaml.Node) -> model.Line | None:
    r = ctx.reader
    keys = r.mapping(node, Msg("a line"), optional=("text", "speaker", "source", "expression", "audio", "stage", "set",
                                                "question"))
    if keys is None:
        return None
    if not keys:
        r.error(node, Msg("this line is empty"), Msg("give it a 'text', a 'stage' direction or a 'question'"))
        return None
    if "question" in keys and "text" in keys:
        r.error(keys["question"], Msg("a line is either a 'text' or a 'question'"),
                Msg("put the question on its own line"))
        return None
    speaker = r.string(keys["speaker"], "speaker") if "speaker" in keys else None
    if speaker is not None and speaker not in ctx.speakers:
        r.error(keys["speaker"], Msg("'{name}' is not one of the characters", name=speaker),
                did_you_mean(speaker, ctx.speakers))
    text = r.text(keys["text"], Msg("the line")) if "text" in keys else None
    expression = _choose(r, keys, "expression", EXPRESSIONS)
    audio = None
    if "audio" in keys:
        audio = r.string(keys["audio"], "audio")
        trouble = asset_problem(ctx.pack_folder, audio, SOUND_SUFFIXES) if audio is not None else None
        if trouble:
            r.error(keys["audio"], *trouble)
    directions = _stage(ctx, keys["stage"]) if "stage" in keys else ()
    sets = parse_sets(r, keys["set"], ctx.variables) if "set" in keys else ()
    question = ctx.parse_question(ParseContext(r, ctx.pack_folder), keys["question"]) if "question" in keys else None
    if "text" in keys and text is None:
        return None
    if "question" in keys and question is None:
        return None
    source = r.string(keys["source"], "source") if "source" in keys else ""
    return model.Line(text, where(r.path, node), speaker, source or "", expression, audio, directions, sets, question)


def _choose(r: Reader, keys: dict, key: str, allowed: tuple[str, ...]) -> str | None:
    if key not in keys:
        return None
    value = r.string(keys[key], key)
    if value is not None and value not in allowed:
        r.error(keys[key], Msg("unknown {key} '{value}'", key=key, value=value), did_you_mean(value, allowed))
        return None
    return value


_ACTIONS = {
    "curtain": ((), ()),
    "enter": (("at",), ("expression",)),
    "move": (("to",), ()),
    "exit": ((), ()),
    "puppet": (("as",), ()),
    "prop": ((), ("at", "remove")),
}


def _stage(ctx: StoryContext, node: yaml.Node) -> tuple[model.StageDirection, ...]:
    r = ctx.reader
    nodes = r.sequence(node, "stage") if isinstance(node, yaml.SequenceNode) else [node]
    directions = []
    for item in nodes or []:
        direction = _direction(ctx, item)
        if direction is not None:
            directions.append(direction)
    return tuple(directions)


def _direction(ctx: StoryContext, node: yaml.Node) -> model.StageDirection | None:
    r = ctx.reader
    action_keys = set(_ACTIONS)
    given = [k.value for k, _ in node.value] if isinstance(node, yaml.MappingNode) else []
    actions = [k for k in given if k in action_keys]
    if len(actions) != 1:
        r.error(node, Msg("a stage direction starts with one of: {actions}", actions=", ".join(_ACTIONS)),
                Msg("for example {first} or {second}", first="{enter: aldar, at: left}", second="{curtain: open}"))
        return None
    action = actions[0]
    required, optional = _ACTIONS[action]
    keys = r.mapping(node, Msg("the '{action}' direction", action=action), required=(action,) + required,
                     optional=optional)
    if keys is None or any(k not in keys for k in (action,) + required):
        return None
    target = r.string(keys[action], action)
    if target is None:
        return None
    place = None
    for key in ("at", "to"):
        if key in keys:
            place = _choose(r, keys, key, POSITIONS)
            if place is None:
                return None
    if action == "curtain" and target not in ("open", "close"):
        r.error(keys[action], Msg("the curtain can 'open' or 'close', not '{value}'", value=target))
        return None
    if action in ("enter", "move", "exit", "puppet") and target not in ctx.speakers:
        r.error(keys[action], Msg("'{name}' is not one of the characters", name=target),
                did_you_mean(target, ctx.speakers))
        return None
    costume = _puppet(r, keys["as"], ctx.pack_folder) if "as" in keys else None
    if action == "puppet" and costume is None:
        return None
    if action == "prop" and not _prop_ok(ctx, keys[action], target):
        return None
    remove = bool(r.boolean(keys["remove"], "remove")) if "remove" in keys else False
    if action == "prop" and place is None and not remove:
        r.error(node, Msg("a prop needs a place: at: left, centre or right"),
                Msg("or write remove: true to take it away"))
        return None
    expression = _choose(r, keys, "expression", EXPRESSIONS)
    return model.StageDirection(action, target, where(r.path, node), place, expression, costume, remove)


def _prop_ok(ctx: StoryContext, node: yaml.Node, name: str) -> bool:
    if "/" in name or "." in name:
        return picture_ok(ctx.reader, node, ctx.pack_folder, name)
    if name not in builtin_props():
        ctx.reader.error(node, Msg("there is no prop '{name}'", name=name), did_you_mean(name, builtin_props()))
        return False
    return True
