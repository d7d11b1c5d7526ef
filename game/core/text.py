"""Texts in several languages, with the fallback order kk -> ru -> en."""
from __future__ import annotations

from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Mapping

LANGUAGES: tuple[str, ...] = ("kk", "ru", "en")
FALLBACK_ORDER: tuple[str, ...] = ("kk", "ru", "en")


@dataclass(frozen=True)
class Text:
    """One text a child reads, in each language the author wrote."""

    by_lang: Mapping[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "by_lang", MappingProxyType(dict(self.by_lang)))

    def get(self, lang: str) -> str:
        """The text in `lang`, else in the first language of the fallback order that has it."""
        if lang in self.by_lang:
            return self.by_lang[lang]
        for other in FALLBACK_ORDER:
            if other in self.by_lang:
                return self.by_lang[other]
        return ""

    def missing(self) -> list[str]:
        return [lang for lang in LANGUAGES if lang not in self.by_lang]

    def __hash__(self) -> int:
        return hash(tuple(sorted(self.by_lang.items())))

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Text) and dict(self.by_lang) == dict(other.by_lang)

    @classmethod
    def same(cls, value: str) -> "Text":
        """A text that reads the same in every language (a number, a name)."""
        return cls({lang: value for lang in LANGUAGES})
