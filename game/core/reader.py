"""Typed reading of a YAML node tree, collecting every problem with its line and column."""
from __future__ import annotations

import difflib
import re
from typing import Iterable

import yaml

from .problems import Msg, Problem, Severity, Where
from .text import LANGUAGES, Text
from .yamlsrc import INVISIBLE_HINT, invisible_character, leading_invisible, where

_TAG = "tag:yaml.org,2002:"
_PLAIN_TAGS = {_TAG + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
_STR = _TAG + "str"
_READ_AS = {
    _TAG + "bool": Msg("a yes/no value"),
    _TAG + "null": Msg("an empty value"),
    _TAG + "timestamp": Msg("a date"),
    _TAG + "float": Msg("a number"),
    _TAG + "int": Msg("a number"),
}
_SOMETHING_ELSE = Msg("something else")
IDENT = re.compile(r"^[a-z][a-z0-9_-]{0,63}$")


# "Did you mean" compares strings pairwise (difflib, ~100 ns per pair of characters). A hostile or
# broken file can ask for thousands of suggestions among thousands of long names, so the search is
# bounded: long words and long or many names are never compared, and each file (each Reader) has a
# budget of character pairs; past it, hints list the choices instead of guessing.
SUGGEST_MAX_LEN = 64
SUGGEST_MAX_CHOICES = 200
SUGGEST_BUDGET = 2_000_000
LIST_MAX = 12
_budget = {"left": SUGGEST_BUDGET}


def reset_suggestion_budget() -> None:
    _budget["left"] = SUGGEST_BUDGET


def _sized(choices: Iterable[str]):
    return choices if hasattr(choices, "__len__") else list(choices)


def closest(word: str, choices: Iterable[str]) -> str | None:
    choices = _sized(choices)
    if len(word) > SUGGEST_MAX_LEN or len(choices) > SUGGEST_MAX_CHOICES or _budget["left"] <= 0:
        return None
    candidates = [c for c in choices if len(c) <= SUGGEST_MAX_LEN]
    cost = max(1, len(word)) * sum(max(1, len(c)) for c in candidates)
    if not candidates or cost > _budget["left"]:
        return None
    _budget["left"] -= cost
    matches = difflib.get_close_matches(word, candidates, n=1, cutoff=0.6)
    return matches[0] if matches else None


def _shown(choice: str) -> str:
    return choice if len(choice) <= 40 else choice[:39] + "…"


def did_you_mean(word: str, choices: Iterable[str]) -> Msg:
    choices = _sized(choices)
    if len(choices) > SUGGEST_MAX_CHOICES:
        return Msg("it is not one of the {count} names given", count=len(choices))
    choices = sorted(choices)
    best = closest(word, choices)
    if best:
        return Msg("did you mean '{name}'?", name=best)
    listed = ", ".join(_shown(c) for c in choices[:LIST_MAX])
    if len(choices) > LIST_MAX:
        return Msg("expected one of: {names}, … ({count} in all)", names=listed, count=len(choices))
    return Msg("expected one of: {names}", names=listed)


class Reader:
    """Reads nodes of one file; every method returns None (and records a problem) on bad input.

    `what` names the thing read, in messages: a key as written in the file ("shuffle"), or a `Msg`
    phrase ("the pack title") that is translated with the message."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []
        self._seen: set[int] = set()
        self._items: set[int] = set()  # the nodes that are items of a list
        reset_suggestion_budget()

    # -- reporting -------------------------------------------------------------
    def error(self, node: yaml.Node, message: Msg, hint: Msg | str = "") -> None:
        self.problems.append(Problem(where(self.path, node), Severity.ERROR, message, hint))

    def warn(self, node: yaml.Node, message: Msg, hint: Msg | str = "") -> None:
        self.problems.append(Problem(where(self.path, node), Severity.WARNING, message, hint))

    def _visit(self, node: yaml.Node) -> bool:
        if id(node) in self._seen:
            self.error(node, Msg("anchors and aliases (& and *) are not allowed in level files"),
                       Msg("write the text out again instead of referring to it"))
            return False
        self._seen.add(id(node))
        if node.tag not in _PLAIN_TAGS:
            self.error(node, Msg("unknown tag '{tag}'", tag=node.tag.replace(_TAG, '!!')),
                       Msg("level files hold plain text, numbers, lists and mappings: remove the '!' tag"))
            return False
        return True

    def walk(self, node: yaml.Node) -> None:
        """Checks the tags and aliases of every node under `node` (already read), when what they should
        hold is not known."""
        stack = [node]
        while stack:
            node = stack.pop()
            if isinstance(node, yaml.MappingNode):
                children = [part for pair in node.value for part in pair]
            elif isinstance(node, yaml.SequenceNode):
                children = node.value
            else:
                continue
            stack.extend(child for child in reversed(children) if self._visit(child))

    # -- structure -------------------------------------------------------------
    def mapping(self, node: yaml.Node, what: str, required: Iterable[str] = (),
                optional: Iterable[str] = ()) -> dict[str, yaml.Node] | None:
        """The keys of a mapping; reports duplicate, unknown and missing keys."""
        if not self._visit(node):
            return None
        if not isinstance(node, yaml.MappingNode):
            self.error(node, Msg("{what} should be a mapping of 'key: value' lines", what=what),
                       Msg("indent its keys under it, each on its own line"))
            return None
        required, optional = list(required), list(optional)
        known = set(required) | set(optional)
        result: dict[str, yaml.Node] = {}
        merged = False  # two items of a list read as one, because the second one's '- ' is missing
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            if key is None:
                self.error(key_node, Msg("a key in {what} must be a plain word", what=what))
                continue
            if key in result or (merged and key in known):
                if merged:
                    continue
                if id(node) in self._items:
                    merged = True
                    self.error(key_node, Msg("'{key}' appears twice in {what}: if a new item starts here, its '- ' "
                                             "is missing", key=key, what=what),
                               Msg("start the new item with '- ', just below the '- ' of the item above"))
                else:
                    self.error(key_node, Msg("'{key}' appears twice in {what}", key=key, what=what),
                               Msg("YAML would silently keep only the last one: delete or rename one of them"))
                continue
            if known and key not in known:
                self._unknown_key(key_node, key, what, known)
                continue
            result[key] = value_node
        for key in required:
            if key not in result:
                self.error(node, Msg("{what} is missing '{key}'", what=what, key=key),
                           Msg("add a line '{key}: ...'", key=key))
        return result

    def _unknown_key(self, key_node: yaml.Node, key: str, what: str, known: set[str]) -> None:
        invisible = leading_invisible(key)
        if invisible is None:
            self.error(key_node, Msg("unknown key '{key}' in {what}", key=key, what=what), did_you_mean(key, known))
            return
        place = where(self.path, key_node)
        self.problems.append(Problem(Where(place.path, place.line, place.col + invisible), Severity.ERROR,
                                     invisible_character(key[invisible]), INVISIBLE_HINT))

    def sequence(self, node: yaml.Node, what: str) -> list[yaml.Node] | None:
        if not self._visit(node):
            return None
        if not isinstance(node, yaml.SequenceNode):
            self.error(node, Msg("{what} should be a list", what=what),
                       Msg("start each item on its own line with '- '"))
            return None
        self._items.update(id(item) for item in node.value)
        return list(node.value)

    # -- scalars ---------------------------------------------------------------
    def string(self, node: yaml.Node, what: str) -> str | None:
        if not self._visit(node):
            return None
        if not isinstance(node, yaml.ScalarNode):
            self.error(node, Msg("{what} should be text", what=what))
            return None
        if node.tag == _TAG + "str":
            return node.value
        if node.tag == _TAG + "int" and node.value.isdigit() and not node.value.startswith("0"):
            return node.value  # a plain number such as 1824 reads the same as text
        if node.tag == _TAG + "null" and node.value == "":
            self.error(node, Msg("{what} is empty", what=what),
                       Msg('write it after the colon; a # starts a comment, so write a colour such as #B23A2E '
                           'in quotes: "#B23A2E"'))
            return None
        self.error(node, Msg("{what} is read as {kind}, not as text: {value}", what=what,
                             kind=_READ_AS.get(node.tag, _SOMETHING_ELSE), value=repr(node.value)),
                   Msg('put it in quotes: "{value}"', value=node.value))
        return None

    def ident(self, node: yaml.Node, what: str) -> str | None:
        value = self.string(node, what)
        if value is not None and not IDENT.match(value):
            self.error(node, Msg("{what} '{value}' is not a valid id", what=what, value=value),
                       Msg("use lowercase Latin letters, digits, '-' and '_', starting with a letter"))
            return None
        return value

    def boolean(self, node: yaml.Node, what: str) -> bool | None:
        if not self._visit(node):
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "bool":
            return node.value.lower() in ("true", "yes", "on", "y")
        self.error(node, Msg("{what} should be true or false", what=what), Msg("write true or false without quotes"))
        return None

    def integer(self, node: yaml.Node, what: str) -> int | None:
        if not self._visit(node):
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "int":
            try:
                return int(node.value)
            except ValueError:
                pass
        self.error(node, Msg("{what} should be a whole number", what=what))
        return None

    def number(self, node: yaml.Node, what: str) -> float | None:
        if not self._visit(node):
            return None
        if isinstance(node, yaml.ScalarNode) and node.tag in (_TAG + "int", _TAG + "float"):
            try:
                return float(node.value)
            except ValueError:
                pass
        self.error(node, Msg("{what} should be a number", what=what))
        return None

    def text(self, node: yaml.Node, what: str) -> Text | None:
        """A `{kk: ..., ru: ..., en: ...}` mapping; a missing language is a warning."""
        if isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "str":
            self._visit(node)
            self.error(node, Msg("{what} should give the text in each language", what=what),
                       Msg("write it as {example}", example="{kk: ..., ru: ..., en: ...}"))
            return None
        keys = self.mapping(node, what, optional=LANGUAGES)
        if keys is None:
            return None
        values = {}
        for lang, value_node in keys.items():
            if value_node.tag == _STR and isinstance(value_node, yaml.ScalarNode) and id(value_node) not in self._seen:
                self._seen.add(id(value_node))  # plain text, as nearly every one is: no label made for it
                value = value_node.value
            else:
                value = self.string(value_node, Msg("{what} ({lang})", what=what, lang=lang))
            if value is not None:
                if not value.strip():
                    self.warn(value_node, Msg("{what} ({lang}) is empty", what=what, lang=lang))
                elif not getattr(value_node, "style", None) and value.count('"') % 2:  # plain: '' or None
                    self.warn(value_node, Msg("{what} ({lang}) has a quote mark that is not paired", what=what,
                                              lang=lang),
                              Msg('the text was not written in quotes, so the child sees the " on screen: '
                                  'add the quote at its start too'))
                values[lang] = value.strip()
        if not values:
            self.error(node, Msg("{what} has no text in any language", what=what), Msg("add kk, ru and en texts"))
            return None
        missing = [lang for lang in LANGUAGES if lang not in keys]
        if missing:
            self.warn(node, Msg("{what} has no {languages} translation", what=what, languages=", ".join(missing)),
                      Msg("until you add it, players of that language see the text in another language"))
        return Text(values)
