"""Tagged level data (see reading.py) -> the text of a level file, and the cell each of its lines came from."""
from __future__ import annotations

from ..question_import.level_writer import comment, quoted
from ...core.text import LANGUAGES
from .reading import Leaf

LEVEL_ORDER = ("title", "summary", "age", "minutes", "shuffle", "pool", "time_limit")


def _scalar(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, list):
        return "[" + ", ".join(_scalar(v) for v in value) + "]"
    return quoted(str(value))


def _first_ref(value: object) -> str:
    if isinstance(value, Leaf):
        return value.ref
    items = value.values() if isinstance(value, dict) else value
    for item in items:
        found = _first_ref(item)
        if found:
            return found
    return ""


def _flow(value: list) -> bool:
    return all(isinstance(v, Leaf) for v in value)


class Text:
    def __init__(self) -> None:
        self.lines: list[str] = []
        self.refs: list[str] = []   # the cell of each line ("" for lines of our own)

    def add(self, line: str, ref: str = "") -> None:
        self.lines.append(line)
        self.refs.append(ref)

    def value(self, prefix: str, value: object, indent: str) -> None:
        """`prefix` is "key:" or "-"; the value follows it on the line or on the lines below."""
        if isinstance(value, Leaf):
            self.add(f"{prefix} {_scalar(value.value)}", value.ref)
        elif isinstance(value, list) and _flow(value):
            self.add(f"{prefix} [" + ", ".join(_scalar(v.value) for v in value) + "]", _first_ref(value))
        elif isinstance(value, list):
            self.add(prefix, _first_ref(value))
            for item in value:
                self.item(item, indent + "  ")
        else:
            self.add(prefix, _first_ref(value))
            for key, inner in value.items():
                self.value(f"{indent}  {key}:", inner, indent + "  ")

    def item(self, value: object, indent: str) -> None:
        if not isinstance(value, dict):
            return self.value(f"{indent}-", value, indent)
        for number, (key, inner) in enumerate(value.items()):
            self.value(f"{indent}{'- ' if number == 0 else '  '}{key}:", inner, indent + "  ")

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def level_text(level_id: str, title: str, settings: dict, questions: list[dict], source_name: str) -> Text:
    out = Text()
    out.add(f"# Made from {comment(source_name)} by: python run_game.py import-questions")
    out.add("# Change the spreadsheet and import it again, or change this file and forget the spreadsheet.")
    out.add("format: 1")
    out.add(f"id: {quoted(level_id)}")
    out.add('type: "quiz"')
    if "title" not in settings:
        out.add("title:")
        for lang in LANGUAGES:  # a name made from the file's: the same in every language until it is changed
            out.add(f"  {lang}: {quoted(title)}")
    for key in LEVEL_ORDER:
        if key in settings:
            out.value(f"{key}:", settings[key], "")
    out.add("questions:")
    for question in questions:
        out.add("")
        out.item(question, "  ")
    return out
