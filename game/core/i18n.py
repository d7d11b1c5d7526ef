"""The interface's own strings, from YAML catalogs in game/locale/<lang>.yaml.

Add a language by copying en.yaml to <code>.yaml, translating every value and adding the code
to LANGUAGES in game/core/text.py; tests/test_i18n.py checks that no key is missing.
"""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import yaml

from .plural import kk_possessive
from .text import FALLBACK_ORDER, LANGUAGES

LOCALE_DIR = Path(__file__).resolve().parent.parent / "locale"


@lru_cache(maxsize=None)
def catalog(lang: str) -> dict[str, str]:
    with open(LOCALE_DIR / f"{lang}.yaml", encoding="utf-8") as handle:
        data = yaml.load(handle, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    return _flatten(data or {})


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
