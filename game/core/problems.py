"""Problems found in level files, formatted as `path:line:col: severity: message`.

Every message and hint is a `Msg`: an English template with its values, gettext-style. The English
template is also the key of its translations in game/locale/problems.<lang>.yaml, so a `Msg` can be
shown in the language of whoever reads it: `problem.format("kk")`. A `Msg` is itself the English
text (a `str`), so printing or comparing messages works as before.
"""
from __future__ import annotations

import os
import string
from dataclasses import dataclass
from enum import Enum
from functools import lru_cache
from pathlib import Path

import yaml

CATALOG_DIR = Path(__file__).resolve().parent.parent / "locale"
MESSAGE_LANGUAGES = ("kk", "ru", "en")


class Msg(str):
    """A message for the people who write levels: `Msg("unknown key '{key}' in {what}", key=k, what=w)`.

    Its value as a `str` is the English text. A value that is itself a `Msg` (a phrase such as
    "the pack") is translated too; any other value (a key, a name, a number) is shown as it is.
    """

    template: str
    params: dict

    def __new__(cls, template: str, /, **params: object) -> "Msg":
        # a phrase without values (a label, made for every node read, rarely shown) is its own English text
        english = template if not params and "{" not in template else _fill(template, params, "en")
        self = super().__new__(cls, english)
        self.template = template
        self.params = params
        return self

    def __reduce__(self):
        return (_rebuild, (self.template, self.params))

    def text(self, lang: str = "en") -> str:
        """The message in `lang` (kk, ru or en); English where a translation is missing."""
        if lang == "en":
            return str(self)
        translated = problem_catalog(lang).get(self.template)
        if translated is None:
            return _fill(self.template, self.params, lang)
        return _fill(translated, self.params, lang, fallback=self.template)


def _rebuild(template: str, params: dict) -> Msg:
    return Msg(template, **params)


def _fill(template: str, params: dict, lang: str, fallback: str | None = None) -> str:
    values = {name: value.text(lang) if isinstance(value, Msg) else value for name, value in params.items()}
    try:
        return template.format(**values)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError):
        # a broken translation shows the English; a broken template shows itself rather than stop the loader
        return _fill(fallback, params, lang) if fallback is not None else template


def placeholders(template: str) -> set[str]:
    """The names of a template's {placeholders}."""
    try:
        return {name for _, name, _, _ in string.Formatter().parse(template) if name is not None}
    except ValueError:
        return {"<unbalanced braces>"}


@lru_cache(maxsize=None)
def problem_catalog(lang: str) -> dict[str, str]:
    """English template -> translation, from game/locale/problems.<lang>.yaml ({} when there is none)."""
    if lang == "en":
        return {}
    try:
        with open(CATALOG_DIR / f"problems.{lang}.yaml", encoding="utf-8") as handle:
            data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (OSError, yaml.YAMLError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {str(k): v for k, v in data.items() if isinstance(v, str) and v.strip()}


def translate(message: str, lang: str = "en") -> str:
    """A message in `lang`: a `Msg` is translated, a plain string is shown as it is."""
    return message.text(lang) if isinstance(message, Msg) else message


def message_language(requested: str | None = None) -> str:
    """The language for messages to the people who write levels: `requested` (a --lang option) if
    given, else the computer's language (LC_ALL, LC_MESSAGES, LANG or LANGUAGE; on Windows the user's
    locale) when it is Kazakh or Russian, else English."""
    if requested in MESSAGE_LANGUAGES:
        return requested
    names = [os.environ.get(var, "") for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE")]
    names = [name for name in names if name and name not in ("C", "POSIX") and not name.startswith("C.")]
    if not names:
        try:
            import locale
            names = [locale.getlocale()[0] or ""]
        except (ValueError, AttributeError):
            names = []
    for name in names[:1]:
        lowered = name.lower()
        if lowered.startswith(("kk", "kazakh")):
            return "kk"
        if lowered.startswith(("ru", "russian")):
            return "ru"
    return "en"


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"


_SEVERITY_WORDS = {Severity.ERROR: Msg("error"), Severity.WARNING: Msg("warning")}
HINT_WORD = Msg("hint")


def severity_word(severity: Severity, lang: str = "en") -> str:
    return _SEVERITY_WORDS[severity].text(lang)


@dataclass(frozen=True, order=True)
class Where:
    """A place in a file; line and column count from 1."""

    path: str
    line: int = 0
    col: int = 0

    def __str__(self) -> str:
        if self.line:
            return f"{self.path}:{self.line}:{self.col}"
        return self.path


@dataclass(frozen=True)
class Problem:
    where: Where
    severity: Severity
    message: str  # a Msg
    hint: str = ""  # a Msg, or "" for none

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def text(self, lang: str = "en") -> str:
        """The message in `lang`."""
        return translate(self.message, lang)

    def hint_text(self, lang: str = "en") -> str:
        return translate(self.hint, lang) if self.hint else ""

    def format(self, lang: str = "en") -> str:
        text = f"{self.where}: {severity_word(self.severity, lang)}: {self.text(lang)}"
        if self.hint:
            text += f"\n    {HINT_WORD.text(lang)}: {self.hint_text(lang)}"
        return text

    def to_dict(self, lang: str = "en") -> dict:
        """For `validate --format json`: the message in `lang`, and its English template and values so
        that an editor can recognise a message whatever the language."""
        found = {"path": self.where.path, "line": self.where.line, "column": self.where.col,
                 "severity": self.severity.value, "message": self.text(lang), "hint": self.hint_text(lang)}
        for key, value in (("message", self.message), ("hint", self.hint)):
            if isinstance(value, Msg):
                found[f"{key}_template"] = value.template
                found[f"{key}_params"] = {name: str(v) for name, v in value.params.items()}
        return found

    def sort_key(self) -> tuple:
        return (self.where.path, self.where.line, self.where.col, self.message)


def has_errors(problems: list[Problem]) -> bool:
    return any(p.is_error for p in problems)


def message_data(message: object) -> object:
    """A message as plain data (JSON), translatable again after `message_from_data`."""
    if isinstance(message, Msg):
        return {"t": message.template, "p": {name: message_data(value) for name, value in message.params.items()}}
    return message if isinstance(message, (str, int, float, bool)) or message is None else str(message)


def message_from_data(data: object) -> object:
    if isinstance(data, dict):
        return Msg(data["t"], **{name: message_from_data(value) for name, value in data["p"].items()})
    return data
