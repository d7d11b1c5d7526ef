"""Reading a YAML file safely into a node tree that remembers every node's line and column.

Only YAML's node tree is built (compose); no Python object is ever constructed from a tag,
so `!!python/...` tags are harmless: the loader reports them as unknown.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Problem, Severity, Where

MAX_FILE_BYTES = 1024 * 1024
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class Parsed:
    """A parsed file: its root node (or None) and the problems that stopped the parse."""

    path: str
    root: yaml.Node | None
    problems: list[Problem]
    lines: list[str]


def where(path: str, node: yaml.Node) -> Where:
    mark = node.start_mark
    return Where(path, mark.line + 1, mark.column + 1)


def display_path(path: Path) -> str:
    """The path relative to the current folder when it is inside it, as a librarian typed it."""
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)


def parse_file(path: Path, shown_as: str | None = None) -> Parsed:
    shown = shown_as or display_path(path)
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            return _fail(shown, f"the file is {size // 1024} KiB; a level file may be at most 1 MiB",
                         "split the level into smaller levels, or move pictures out of the text")
        raw = path.read_bytes()
    except OSError as exc:
        return _fail(shown, f"cannot read the file ({exc.strerror or exc})", "check that the file exists")
    return parse_bytes(raw, shown)


def parse_bytes(raw: bytes, shown: str) -> Parsed:
    if len(raw) > MAX_FILE_BYTES:
        return _fail(shown, "the file is larger than 1 MiB", "split it into smaller files")
    if b"\x00" in raw:
        return _fail(shown, "this is not a text file (it contains binary data)",
                     "level files are plain text saved as UTF-8")
    if raw.startswith(b"\xef\xbb\xbf"):
        raw = raw[3:]
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        return Parsed(shown, None, [Problem(
            Where(shown, line, col), Severity.ERROR,
            f"the file is not UTF-8 text (byte 0x{raw[exc.start]:02x} here)",
            "save the file as UTF-8 (in Notepad: Save as... > Encoding: UTF-8)")], [])
    lines = text.splitlines()
    was_enabled = gc.isenabled()
    gc.disable()  # the cyclic GC doubles the cost of building large node trees
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return Parsed(shown, None, [_syntax_problem(shown, exc, lines)], lines)
    except yaml.YAMLError as exc:
        return Parsed(shown, None, [Problem(Where(shown, 1, 1), Severity.ERROR, f"YAML error: {exc}")], lines)
    except RecursionError:
        return _fail(shown, "the file is nested too deeply", "level files need only a few levels of indentation")
    finally:
        if was_enabled:
            gc.enable()
    if root is None:
        return _fail(shown, "the file is empty", "start from an example in docs/levels.md")
    return Parsed(shown, root, [], lines)


def _syntax_problem(shown: str, exc: yaml.MarkedYAMLError, lines: list[str]) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    message = (exc.problem or "YAML syntax error").strip()
    hint = "check the indentation and the quotes on this line and the one before"
    if 0 < line <= len(lines) and "\t" in lines[line - 1]:
        col = lines[line - 1].index("\t") + 1
        message = "a tab character is used for indentation"
        hint = "YAML needs spaces, not tabs: replace the tab with spaces"
    elif (exc.context and "quoted" in exc.context and exc.context_mark is not None
          and any(end in message for end in ("end of stream", "document indicator"))):
        line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
        message = "a quote opens here and is never closed"
        hint = "add the closing quote at the end of the text"
    elif exc.context and "quoted" in exc.context and "escape" in message:
        message = "a backslash in double quotes starts an escape, and this one is not valid"
        hint = "write \\\\ for a backslash, or put the text in 'single quotes'"
    elif exc.context:
        message = f"{message} ({exc.context.strip()})"
    return Problem(Where(shown, line, col), Severity.ERROR, message, hint)


def _fail(shown: str, message: str, hint: str = "") -> Parsed:
    return Parsed(shown, None, [Problem(Where(shown, 1, 1), Severity.ERROR, message, hint)], [])
