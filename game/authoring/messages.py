"""Every message the validator and the authoring commands can print, found in the game's source.

A message is written as `Msg("English template with {placeholders}", placeholder=value)` (see
game/core/problems.py); its translations are in game/locale/problems.kk.yaml and problems.ru.yaml, keyed
by the English template. `find_messages()` reads the source (without running it) and lists every
template with the places it is used, for `run_game.py validate --list-messages` and for the tests that
keep the catalogs complete. `source_mistakes()` names the places where a message is still built from a
plain or f-string, so that it could not be translated.
"""
from __future__ import annotations

import ast
import re
from dataclasses import dataclass, field
from pathlib import Path

from ..core.problems import MESSAGE_LANGUAGES, placeholders, problem_catalog

GAME = Path(__file__).resolve().parent.parent
ROOT = GAME.parent
TRANSLATED = tuple(lang for lang in MESSAGE_LANGUAGES if lang != "en")

# Calls whose arguments are messages: the name called -> the positions of the message and the hint.
MESSAGE_ARGUMENTS = {
    "error": (1, 2), "warn": (1, 2),          # Reader.error(node, message, hint)
    "Problem": (2, 3),                        # Problem(where, severity, message, hint)
    "_fail": (1, 2),                          # yamlsrc._fail(shown, message, hint)
    "PackArchiveError": (0, 1),               # refusals of import-pack and export-pack
    "ScaffoldError": (0,),                    # refusals of new-pack
    "_refuse": (1, 2),                        # commands._refuse(command, message, hint)
}
MESSAGE_KEYWORDS = {"message", "hint"}
# Reader methods (and helpers) that take `what`, the name of the thing read: a key as it is written in
# the file ("shuffle"), or a Msg phrase ("the pack title"); the position of `what`.
WHAT_ARGUMENTS = {"mapping": 1, "sequence": 1, "string": 1, "ident": 1, "boolean": 1, "integer": 1, "number": 1,
                  "text": 1, "read_item": 2, "read_image": 2, "_number_pair": 2}
KEY_NAME = re.compile(r"^[a-z_]+$")
CHECKED_FOLDERS = ("core", "authoring")
# `import-questions` prints plain English by design (its --lang is the language of the question bank).
NOT_CHECKED = ("authoring/question_import/",)


@dataclass
class Message:
    template: str
    places: list[str] = field(default_factory=list)  # "game/core/reader.py:97"

    def translation(self, lang: str) -> str | None:
        return self.template if lang == "en" else problem_catalog(lang).get(self.template)


def _sources(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*.py") if "__pycache__" not in p.parts)


def _called(node: ast.Call) -> str:
    func = node.func
    return func.id if isinstance(func, ast.Name) else func.attr if isinstance(func, ast.Attribute) else ""


def _place(path: Path, node: ast.AST) -> str:
    try:
        shown = path.relative_to(ROOT).as_posix()
    except ValueError:
        shown = str(path)
    return f"{shown}:{node.lineno}"


def _calls(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            yield node


def find_messages(root: Path = GAME) -> dict[str, Message]:
    """Every `Msg("...")` template under `root`, in the order of the files and lines it first appears on."""
    found: dict[str, Message] = {}
    for path in _sources(root):
        calls = sorted((c for c in _calls(path) if _called(c) == "Msg"), key=lambda c: (c.lineno, c.col_offset))
        for call in calls:
            if call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str):
                template = call.args[0].value
                found.setdefault(template, Message(template)).places.append(_place(path, call))
    return found


def _is_plain_text(node: ast.AST) -> bool:
    """A string that could not be translated: an f-string, a non-empty literal, or one glued together."""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value != ""
    if isinstance(node, ast.BinOp) and isinstance(node.op, (ast.Add, ast.Mod)):
        return _is_plain_text(node.left) or _is_plain_text(node.right)
    if isinstance(node, ast.IfExp):
        return _is_plain_text(node.body) or _is_plain_text(node.orelse)
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr in ("format", "join"):
        return isinstance(node.func.value, (ast.Constant, ast.JoinedStr))
    return False


def source_mistakes(root: Path = GAME) -> list[str]:
    """`file:line: what is wrong` for every message that is not a translatable Msg."""
    mistakes: list[str] = []
    for path in _sources(root):
        relative = path.relative_to(root).as_posix()
        checked = relative.split("/")[0] in CHECKED_FOLDERS and not relative.startswith(NOT_CHECKED)
        for call in _calls(path):
            name = _called(call)
            where = _place(path, call)
            if name == "Msg":
                literal = call.args and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str)
                if not literal:
                    if path.name != "problems.py":  # Msg's own code rebuilds messages from their templates
                        mistakes.append(f"{where}: the template of a Msg must be a string literal")
                    continue
                template = call.args[0].value
                given = {k.arg for k in call.keywords}
                if None not in given and given != placeholders(template):
                    mistakes.append(f"{where}: Msg({template!r}) is given {sorted(given)} but its template names "
                                    f"{sorted(placeholders(template))}")
                continue
            if not checked:
                continue
            if name in MESSAGE_ARGUMENTS:
                arguments = [call.args[i] for i in MESSAGE_ARGUMENTS[name] if i < len(call.args)]
                arguments += [k.value for k in call.keywords if k.arg in MESSAGE_KEYWORDS]
                if any(_is_plain_text(a) for a in arguments):
                    mistakes.append(f"{where}: a message of {name}() is a plain or f-string; write it as Msg(...)")
            if name in WHAT_ARGUMENTS:
                position = WHAT_ARGUMENTS[name]
                what = call.args[position] if position < len(call.args) else None
                if what is None:
                    continue
                if isinstance(what, ast.JoinedStr) or (isinstance(what, ast.Constant) and isinstance(what.value, str)
                                                       and not KEY_NAME.match(what.value)):
                    mistakes.append(f"{where}: {name}() names what it reads with a plain phrase; write a key "
                                    "as it is in the file ('shuffle') or a phrase as Msg('the pack title')")
    return sorted(mistakes, key=_by_place)


def _by_place(mistake: str) -> tuple:
    path, line, _ = mistake.split(":", 2)
    return (path, int(line) if line.isdigit() else 0)


def catalog_mistakes(messages: dict[str, Message], lang: str) -> list[str]:
    """Missing translations, translations whose placeholders differ, and stale entries of one catalog."""
    catalog = problem_catalog(lang)
    mistakes = []
    for template, message in messages.items():
        translated = catalog.get(template)
        if translated is None:
            mistakes.append(f"{message.places[0]}: no {lang} translation of {template!r}")
        elif placeholders(translated) != placeholders(template):
            mistakes.append(f"{message.places[0]}: the {lang} translation of {template!r} has the placeholders "
                            f"{sorted(placeholders(translated))}, not {sorted(placeholders(template))}")
    for template in catalog:
        if template not in messages:
            mistakes.append(f"game/locale/problems.{lang}.yaml: {template!r} is no longer a message of the game")
    return mistakes


def message_listing(langs: tuple[str, ...] = MESSAGE_LANGUAGES, as_json: bool = False) -> str:
    """Every message with its translations, for `validate --list-messages` (and docs/authoring.md)."""
    messages = find_messages()
    if as_json:
        import json
        return json.dumps([{"template": m.template, "places": m.places,
                            "placeholders": sorted(placeholders(m.template)),
                            **{lang: m.translation(lang) for lang in langs}} for m in messages.values()],
                          ensure_ascii=False, indent=1)
    blocks = []
    for message in messages.values():
        lines = [f"# {', '.join(message.places)}"]
        lines += [f"{lang}: {message.translation(lang) or '(not translated)'}" for lang in langs]
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + f"\n\n{len(messages)} messages\n"
