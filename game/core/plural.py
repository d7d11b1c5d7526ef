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


# the Kazakh possessive ending after a number ("12 сұрақтың 10-ы": the 10th of 12), by the number's last
# spoken word: units, else tens, else hundreds (жүз), thousands (мың)
_KK_UNITS = {0: "і", 1: "і", 2: "сі", 3: "і", 4: "і", 5: "і", 6: "сы", 7: "сі", 8: "і", 9: "ы"}
_KK_TENS = {1: "ы", 2: "сы", 3: "ы", 4: "ы", 5: "і", 6: "ы", 7: "і", 8: "і", 9: "ы"}


def kk_possessive(n: int) -> str:
    """`n` with its Kazakh possessive ending: 1-і, 2-сі, 6-сы, 9-ы, 10-ы, 20-сы, 100-і, 1000-ы."""
    n = abs(n)
    if n % 10 or n == 0:
        ending = _KK_UNITS[n % 10]
    elif n % 100:
        ending = _KK_TENS[n % 100 // 10]
    elif n % 1000:
        ending = "і"
    else:
        ending = "ы"
    return f"{n}-{ending}"
