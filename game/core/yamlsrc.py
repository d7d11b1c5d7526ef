"""Reading a YAML file safely into a node tree that remembers every node's line and column.

Only YAML's node tree is built (compose); no Python object is ever constructed from a tag,
so `!!python/...` tags are harmless: the loader reports them as unknown.
"""
from __future__ import annotations

import gc
from dataclasses import dataclass
from pathlib import Path

import yaml

from .problems import Msg, Problem, Severity, Where
from .textfile import BadByte, is_utf16, likely_code_page, utf8_text

MAX_FILE_BYTES = 1024 * 1024
_SAVE_AS_UTF8 = Msg("save the file as UTF-8 (in Notepad: Save as... > Encoding: UTF-8)")
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


NESTED_TOO_DEEPLY = (Msg("the file is nested too deeply"), Msg("level files need only a few levels of indentation"))
# Characters that look like a space (or like nothing) but are not one to YAML; copied from Word or a web page
INVISIBLE = {
    "\u00a0": Msg("a non-breaking space"),
    "\u202f": Msg("a narrow non-breaking space"),
    "\u2007": Msg("a figure space"),
    "\u3000": Msg("a wide space"),
    "\u200b": Msg("a zero-width space"),
    "\u2060": Msg("a word joiner"),
    "\ufeff": Msg("a byte-order mark"),
}
_CODE_PAGE_NAMES = {"kz1048": Msg("Kazakh Windows (KZ-1048)"), "cp1251": Msg("Cyrillic Windows (cp1251)")}
INVISIBLE_HINT = Msg("delete it and indent with ordinary spaces (it comes with text copied from Word or a web page)")


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
            return _fail(shown, Msg("the file is {size} bytes; a level file may be at most {most} bytes (1 MiB)",
                                    size=size, most=MAX_FILE_BYTES),
                         Msg("split the level into smaller levels, or move pictures out of the text"))
        raw = path.read_bytes()
    except OSError as exc:
        return _fail(shown, Msg("cannot read the file ({reason})", reason=exc.strerror or str(exc)),
                     Msg("check that the file exists"))
    return parse_bytes(raw, shown)


def parse_bytes(raw: bytes, shown: str) -> Parsed:
    if len(raw) > MAX_FILE_BYTES:
        return _fail(shown, Msg("the file is larger than 1 MiB"), Msg("split it into smaller files"))
    if is_utf16(raw):
        return _fail(shown, Msg('the file is UTF-16 text ("Unicode" in Notepad), not UTF-8'), _SAVE_AS_UTF8)
    if b"\x00" in raw:
        return _fail(shown, Msg("this is not a text file (it contains binary data)"),
                     Msg("level files are plain text saved as UTF-8"))
    text = utf8_text(raw)
    if isinstance(text, BadByte):
        byte = f"0x{text.byte:02x}"
        code_page = likely_code_page(raw)
        message = (Msg("the file is not UTF-8 text (byte {byte} here): it looks like {encoding} text", byte=byte,
                       encoding=_CODE_PAGE_NAMES[code_page]) if code_page
                   else Msg("the file is not UTF-8 text (byte {byte} here)", byte=byte))
        hint = (Msg("save the file as UTF-8 (in Notepad: Save as... > Encoding: UTF-8), or convert it with: "
                    "{command}", command=f"iconv -f {code_page} -t utf-8 OLD.yaml > NEW.yaml") if code_page
                else _SAVE_AS_UTF8)
        return Parsed(shown, None, [Problem(Where(shown, text.line, text.col), Severity.ERROR, message, hint)], [])
    lines = text.splitlines()
    was_enabled = gc.isenabled()
    gc.disable()  # the cyclic GC doubles the cost of building large node trees
    try:
        root = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        return Parsed(shown, None, [_syntax_problem(shown, exc, lines)], lines)
    except yaml.YAMLError as exc:
        return Parsed(shown, None, [Problem(Where(shown, 1, 1), Severity.ERROR,
                                            Msg("YAML error: {detail}", detail=str(exc)))], lines)
    except RecursionError:
        return _fail(shown, *NESTED_TOO_DEEPLY)
    finally:
        if was_enabled:
            gc.enable()
    if root is None:
        return _fail(shown, Msg("the file is empty"), Msg("start from an example in docs/levels.md"))
    return Parsed(shown, root, [], lines)


def _syntax_problem(shown: str, exc: yaml.MarkedYAMLError, lines: list[str]) -> Problem:
    mark = exc.problem_mark or exc.context_mark
    line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
    detail = (exc.problem or "").strip()
    message = Msg("YAML syntax error: {detail}", detail=detail) if detail else Msg("YAML syntax error")
    hint = Msg("check the indentation and the quotes on this line and the one before")
    invisible = _invisible_indent(lines, line)
    reference = exc.context in ("while scanning an alias", "while scanning an anchor") or detail == "found undefined alias"
    if 0 < line <= len(lines) and "\t" in lines[line - 1]:
        col = lines[line - 1].index("\t") + 1
        message = Msg("a tab character is used for indentation")
        hint = Msg("YAML needs spaces, not tabs: replace the tab with spaces")
    elif invisible is not None:
        line, col, char = invisible
        message = invisible_character(char)
        hint = INVISIBLE_HINT
    elif "maximum nesting depth" in detail:
        message, hint = NESTED_TOO_DEEPLY
    elif reference:
        start = exc.context_mark if exc.context_mark is not None and exc.context else mark
        line, col = start.line + 1, start.column + 1
        message = Msg("a text starts with '{mark}', which YAML reads as a reference (an anchor or alias)",
                      mark=_char_at(lines, line, col) or "*")
        hint = Msg('put the whole text in quotes: "..."')
    elif "cannot start any token" in detail and _char_at(lines, line, col) in ("@", "`"):
        message = Msg("a text cannot start with '{mark}' unless it is in quotes", mark=_char_at(lines, line, col))
        hint = Msg('put the whole text in quotes: "..."')
    elif (exc.context and "quoted" in exc.context and exc.context_mark is not None
          and any(end in detail for end in ("end of stream", "document indicator"))):
        line, col = exc.context_mark.line + 1, exc.context_mark.column + 1
        message = Msg("a quote opens here and is never closed")
        hint = Msg("add the closing quote at the end of the text")
    elif _unclosed_quote(lines, line) is not None and not (exc.context and "quoted" in exc.context):
        line, col = _unclosed_quote(lines, line)
        message = Msg("a quote opens here and is not closed on this line")
        hint = Msg("add the closing quote at the end of the text")
    elif "mapping values are not allowed" in detail:
        message = Msg("a colon followed by a space inside a text without quotes")
        hint = Msg("put the whole text in quotes: \"...\"")
    elif exc.context and "quoted" in exc.context and "escape" in detail:
        message = Msg("a backslash in double quotes starts an escape, and this one is not valid")
        hint = Msg("write {backslashes} for a backslash, or put the text in 'single quotes'", backslashes="\\\\")
    elif exc.context:
        message = Msg("YAML syntax error: {detail} ({context})", detail=detail or "?", context=exc.context.strip())
    return Problem(Where(shown, line, col), Severity.ERROR, message, hint)


def _char_at(lines: list[str], line: int, col: int) -> str:
    return lines[line - 1][col - 1:col] if 0 < line <= len(lines) else ""


def invisible_character(char: str) -> Msg:
    return Msg("an invisible character, {name} (U+{code}), is in the indentation: YAML does not read it as a "
               "space", name=INVISIBLE.get(char, Msg("a special space")), code=f"{ord(char):04X}")


def _invisible_indent(lines: list[str], error_line: int) -> tuple[int, int, str] | None:
    """(line, column, character) of the nearest invisible character among the spaces and dashes that start
    a line, at or above `error_line`: PyYAML takes it for text and stumbles later."""
    for index in range(min(error_line, len(lines)) - 1, max(-1, error_line - 1 - QUOTE_LOOKBACK), -1):
        found = leading_invisible(lines[index])
        if found is not None:
            return index + 1, found + 1, lines[index][found]
    return None


def leading_invisible(text: str) -> int | None:
    """The index of an invisible character before the first visible one of `text` (dashes aside)."""
    for i, char in enumerate(text):
        if char in INVISIBLE:
            return i
        if char not in " -":
            return None
    return None


QUOTE_LOOKBACK = 30  # lines above a syntax error searched for the quote that was not closed


def _unclosed_quote(lines: list[str], error_line: int) -> tuple[int, int] | None:
    """(line, column) of the nearest quote at or above `error_line` that opens a text and is not
    closed on its line: PyYAML reads on past it and reports a later line, where nothing is wrong."""
    for index in range(min(error_line, len(lines)) - 1, max(-1, error_line - 1 - QUOTE_LOOKBACK), -1):
        opened = _open_quote_column(lines[index])
        if opened is not None:
            return index + 1, opened + 1
    return None


def _open_quote_column(text: str) -> int | None:
    """The column of a quote that starts a quoted text on this line and is still open at its end.
    A quote starts a text only where a value starts (an apostrophe inside a word does not)."""
    quote, opened, previous = None, 0, ""
    i = 0
    while i < len(text):
        char = text[i]
        if quote is None:
            if char == "#" and (i == 0 or text[i - 1] in " \t"):
                return None  # a comment
            if char in "\"'" and previous in ("", ":", "-", "[", "{", ",", "?"):
                quote, opened = char, i
            elif not char.isspace():
                previous = char if char in ":-[{,?" else "x"
        elif quote == '"' and char == "\\":
            i += 1  # an escaped character
        elif char == quote:
            if quote == "'" and text[i + 1:i + 2] == "'":
                i += 1  # '' is a quote inside single quotes
            else:
                quote, previous = None, "x"
        i += 1
    return opened if quote is not None else None


def _fail(shown: str, message: Msg, hint: Msg | str = "") -> Parsed:
    return Parsed(shown, None, [Problem(Where(shown, 1, 1), Severity.ERROR, message, hint)], [])
