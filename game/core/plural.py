"""Choosing the plural form of a word for a number, by the rules of each language of the game.

The forms come from the locale catalogs, separated by '|': one form in Kazakh (a noun after a number
does not change), `one|other` in English, `one|few|many` in Russian (1 минута, 2 минуты, 5 минут).
"""
from __future__ import annotations


def plural_index(lang: str, n: int) -> int:
    """Which of the language's forms goes with the number `n`."""
    n = abs(n)
    if lang == "ru":
        if n % 10 == 1 and n % 100 != 11:
            return 0
        if 2 <= n % 10 <= 4 and not 12 <= n % 100 <= 14:
            return 1
        return 2
    if lang == "en":
        return 0 if n == 1 else 1
    return 0


def plural(lang: str, n: int, forms: str) -> str:
    """The form of `forms` ("minute|minutes") for `n`; the last form when the catalog gives fewer."""
    choices = forms.split("|")
    return choices[min(plural_index(lang, n), len(choices) - 1)]
