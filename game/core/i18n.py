"""The interface's own strings, from YAML catalogs in game/locale/<lang>.yaml.

Add a language by copying en.yaml to <code>.yaml, translating every value and adding the code
to LANGUAGES in game/core/text.py; tests/ui/test_i18n.py checks that no key is missing.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache
from pathlib import Path

import yaml

from .plural import kk_possessive
from .text import FALLBACK_ORDER, LANGUAGES

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


_kept_in: list[Path] = []  # where parsed catalogs are kept: the data folder's cache, once the game says so


def keep_parsed_in(folder: Path | None) -> None:
    """Keep each parsed catalog in `folder` as JSON: reading it back costs a start-up about 1 ms, parsing
    the YAML about 10 on an old computer. None: parse every time (the default)."""
    _kept_in[:] = [folder] if folder is not None else []


@lru_cache(maxsize=None)
def catalog(lang: str) -> dict[str, str]:
    path = LOCALE_DIR / f"{lang}.yaml"
    kept = _kept_file(path, lang)
    if kept is not None:
        try:
            return json.loads(kept.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            pass  # not kept yet, or cut short: parse the YAML
    with open(path, encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    flat = _flatten(data or {})
    if kept is not None:
        try:
            kept.parent.mkdir(parents=True, exist_ok=True)
            part = kept.with_suffix(".part")
            part.write_text(json.dumps(flat, ensure_ascii=False), encoding="utf-8")
            os.replace(part, kept)
        except OSError:
            pass  # a full or read-only disk: parsed again next time
    return flat


def _kept_file(path: Path, lang: str) -> Path | None:
    """Named after the catalog's size and time of change: an edited catalog is parsed again."""
    if not _kept_in:
        return None
    try:
        stat = path.stat()
    except OSError:
        return None
    return _kept_in[0] / f"locale-{lang}-{stat.st_mtime_ns}-{stat.st_size}.json"


def _flatten(data: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in data.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = str(value)
    return flat


class Number(int):
    """A number given to a catalog string: `{n}` as usual, `{n:kk_poss}` with its Kazakh possessive ending
    ("{total} сұрақтың {n:kk_poss}" -> "12 сұрақтың 10-ы"), which no fixed text can spell for every n."""

    def __format__(self, spec: str) -> str:
        if spec == "kk_poss":
            return kk_possessive(self)
        return int.__format__(self, spec)


class Translator:
    """`tr("quiz.progress", n=2, total=10)` in the current language, falling back kk -> ru -> en."""

    def __init__(self, lang: str = "kk") -> None:
        self.lang = lang

    @property
    def lang(self) -> str:
        return self._lang

    @lang.setter
    def lang(self, value: str) -> None:
        if value not in LANGUAGES:
            raise ValueError(f"unknown language {value!r}")
        self._lang = value

    def __call__(self, key: str, **values: object) -> str:
        for lang in (self._lang, *FALLBACK_ORDER):
            text = catalog(lang).get(key)
            if text is not None:
                if not values:
                    return text
                return text.format(**{name: Number(value) if type(value) is int else value
                                      for name, value in values.items()})
        return key
