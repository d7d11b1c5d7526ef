"""Every text of a language that the game can show: the interface catalog and the shipped levels."""
from __future__ import annotations

import yaml

from conftest import LEVELS
from game.core.i18n import catalog


def _in_language(node, lang: str):
    if isinstance(node, dict):
        for key, value in node.items():
            if key == lang and isinstance(value, str):
                yield value
            elif key == lang and isinstance(value, list):
                yield from (v for v in value if isinstance(v, str))
            else:
                yield from _in_language(value, lang)
    elif isinstance(node, list):
        for value in node:
            yield from _in_language(value, lang)


def shipped_texts(lang: str) -> list[str]:
    """The level texts written in `lang` in every shipped pack."""
    texts = []
    for path in sorted(LEVELS.rglob("*.yaml")):
        texts += _in_language(yaml.safe_load(path.read_text(encoding="utf-8")), lang)
    return texts


def interface_texts(lang: str) -> list[str]:
    return list(catalog(lang).values())
