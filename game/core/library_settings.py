"""The library's own settings, for every computer that uses this data folder: `library.toml`.

A wrong entry never stops the game: it is reported as `file:line: message` (in kk, ru or en) and
that setting keeps its default. README.md ("Library settings") documents every entry."""
from __future__ import annotations

import contextlib
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from .i18n import Translator
from .settings import Settings, SettingsBook, SettingsStore
from .storage import StorageError
from .text import LANGUAGES

if sys.version_info >= (3, 11):
    import tomllib
else:  # the same parser, before it joined the standard library
    import tomli as tomllib

FILE_NAME = "library.toml"
SCRIPTS = ("cyrillic",)
TEXT_SIZES = {100: 1.0, 150: 1.5, 200: 2.0}
IDLE_MINUTES = (0, 240)
NAME_LENGTH = 80
ACCESSIBILITY_SWITCHES = ("speech_on", "high_contrast", "wide_spacing", "reduced_motion")


@dataclass(frozen=True)
class SettingMistake:
    path: Path
    line: int
    message: str  # its key in the catalogs' library section
    values: dict

    def format(self, tr: Translator) -> str:
        return f"{self.path}:{self.line}: {tr(f'library.{self.message}', **self.values)}"


@dataclass(frozen=True)
class LibrarySettings:
    library_name: str = ""
    language: str = "kk"
    script: str = "cyrillic"
    kiosk_idle_minutes: int = 0           # 0: never goes back to the title by itself
    database: Path | None = None          # None: progress.sqlite3 in the data folder
    accessibility: dict = field(default_factory=dict)  # Settings fields: the computer's first defaults

    def progress_folder(self, data_dir: Path) -> Path:
        """The folder of progress.sqlite3 (and its backups/)."""
        return data_dir if self.database is None else data_dir / self.database


def load_library_settings(data_dir: Path) -> tuple[LibrarySettings, list[SettingMistake]]:
    """The settings of `data_dir/library.toml` (the defaults when there is none) and every problem."""
    path = data_dir / FILE_NAME
    try:
        source = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        return LibrarySettings(), []
    except UnicodeDecodeError as exc:
        line = path.read_bytes()[:exc.start].count(b"\n") + 1
        return LibrarySettings(), [SettingMistake(path, line, "not_utf8", {})]
    except OSError as exc:
        return LibrarySettings(), [SettingMistake(path, 1, "unreadable", {"detail": exc.strerror or str(exc)})]
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        match = re.search(r"\(at line (\d+), column \d+\)", str(exc))
        detail = re.sub(r"\s*\(at line \d+, column \d+\)", "", str(exc))
        return LibrarySettings(), [SettingMistake(path, int(match.group(1)) if match else 1, "syntax", {"detail": detail})]
    return _Reader(path, source).read(data)


class _Reader:
    """Checks each entry against its rule; a wrong one is a SettingMistake at its line, and its default stays."""

    def __init__(self, path: Path, source: str) -> None:
        self.path = path
        self.lines = _key_lines(source)
        self.problems: list[SettingMistake] = []

    def problem(self, table: str, key: str, message: str, **values: object) -> None:
        line = self.lines.get((table, key), self.lines.get(("", table), 1))
        self.problems.append(SettingMistake(self.path, line, message, {"name": key, **values}))

    def read(self, data: dict) -> tuple[LibrarySettings, list[SettingMistake]]:
        values: dict = {}
        rules = {
            "library_name": self._name,
            "language": lambda key, value: self._choice("", key, value, LANGUAGES),
            "script": lambda key, value: self._choice("", key, value, SCRIPTS),
            "kiosk_idle_minutes": lambda key, value: self._whole("", key, value, *IDLE_MINUTES),
            "database": self._database,
            "accessibility": self._accessibility,
        }
        for key, value in data.items():
            rule = rules.get(key)
            if rule is None:
                self.problem("", key, "unknown_key", known=", ".join(rules))
                continue
            checked = rule(key, value)
            if checked is not None:
                values[key] = checked
        return LibrarySettings(**values), self.problems

    def _name(self, key: str, value: object) -> str | None:
        if not isinstance(value, str):
            self.problem("", key, "not_text", value=_shown(value))
            return None
        name = " ".join(value.split())
        if len(name) > NAME_LENGTH:
            self.problem("", key, "too_long", limit=NAME_LENGTH)
            return None
        return name

    def _choice(self, table: str, key: str, value: object, choices: tuple) -> object:
        if value in choices:
            return value
        self.problem(table, key, "not_one_of", value=_shown(value), choices=", ".join(map(str, choices)))
        return None

    def _whole(self, table: str, key: str, value: object, low: int, high: int) -> int | None:
        if isinstance(value, int) and not isinstance(value, bool) and low <= value <= high:
            return value
        self.problem(table, key, "not_whole", value=_shown(value), low=low, high=high)
        return None

    def _database(self, key: str, value: object) -> Path | None:
        if value == "sqlite":
            return None
        if isinstance(value, str) and value.strip():
            return Path(value)
        self.problem("", key, "not_database", value=_shown(value))
        return None

    def _accessibility(self, key: str, value: object) -> dict | None:
        if not isinstance(value, dict):
            self.problem("", key, "not_table", value=_shown(value))
            return None
        table, chosen = key, {}
        for name, option in value.items():
            if name in ACCESSIBILITY_SWITCHES:
                if isinstance(option, bool):
                    chosen[name] = option
                else:
                    self.problem(table, name, "not_switch", value=_shown(option))
            elif name == "text_size":
                size = self._choice(table, name, option, tuple(TEXT_SIZES))
                if size is not None:
                    chosen["text_scale"] = TEXT_SIZES[size]
            elif name == "second_language":
                language = self._choice(table, name, option, ("none", *LANGUAGES))
                if language is not None:
                    chosen[name] = None if language == "none" else language
            else:
                self.problem(table, name, "unknown_key",
                             known=", ".join((*ACCESSIBILITY_SWITCHES, "text_size", "second_language")))
        return chosen


def _shown(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str):
        return f'"{value}"'
    return str(value)


_TABLE = re.compile(r"^\s*\[\s*([A-Za-z0-9_-]+)\s*\]")
_KEY = re.compile(r"""^\s*(?:"([^"]*)"|'([^']*)'|([A-Za-z0-9_-]+))\s*=""")


def _key_lines(source: str) -> dict[tuple[str, str], int]:
    """(table, key) -> the line it is set on; ("", table) -> the line of its [table] header. Enough for
    this file's shape: top-level keys and plain [tables]."""
    lines: dict[tuple[str, str], int] = {}
    table = ""
    for number, text in enumerate(source.splitlines(), start=1):
        if header := _TABLE.match(text):
            table = header.group(1)
            lines.setdefault(("", table), number)
        elif key := _KEY.match(text):
            lines.setdefault((table, next(group for group in key.groups() if group is not None)), number)
    return lines


def first_defaults(store: SettingsStore, library: LibrarySettings) -> None:
    """The library's accessibility options become this computer's defaults until the leader saves others."""
    if library.accessibility and store.settings(None) is None:
        with contextlib.suppress(StorageError):
            SettingsBook(store).save(None, Settings.from_dict(library.accessibility))
