"""Kazakh in Latin letters: the alphabet of 28 January 2021, by transliteration of the Cyrillic.

The table gives each of the 42 letters of the Kazakh Cyrillic alphabet (lower case; capitals follow it).
The 31 letters of the 2021 alphabet are A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö P Q R S Ş T U Ū Ü V Y Z.
Two pairs need care: і is the dotless ı (capital I), while и and й are the dotted i (capital İ).
Letters that live only in loanwords have no letter of their own and are spelt with the 31: ё io, ц s,
ч ş, щ ş, э e, ю iu, я ia (чемпион şempion, цирк sirk), and the hard and soft signs are left out.
Х and һ are both h.

Authors keep writing Cyrillic: this is only how a setting shows it; speech still reads the Cyrillic.
"""
from __future__ import annotations

CYRILLIC_TO_LATIN: dict[str, str] = {
    "а": "a", "ә": "ä", "б": "b", "в": "v", "г": "g", "ғ": "ğ", "д": "d", "е": "e", "ё": "io", "ж": "j",
    "з": "z", "и": "i", "й": "i", "к": "k", "қ": "q", "л": "l", "м": "m", "н": "n", "ң": "ñ", "о": "o",
    "ө": "ö", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ұ": "ū", "ү": "ü", "ф": "f", "х": "h",
    "һ": "h", "ц": "s", "ч": "ş", "ш": "ş", "щ": "ş", "ъ": "", "ы": "y", "і": "ı", "ь": "", "э": "e",
    "ю": "iu", "я": "ia",
}
# capitals whose Latin form is not simply str.upper() of the small letter's
CAPITALS: dict[str, str] = {"И": "İ", "Й": "İ", "І": "I", "Ё": "İo", "Ю": "İu", "Я": "İa"}


def to_latin(text: str) -> str:
    """The text with every Kazakh Cyrillic letter in its 2021 Latin form; anything else kept as it is.
    A capital that becomes two letters is all capitals inside a word in capitals (ЯҚ -> İAQ)."""
    out = []
    for i, char in enumerate(text):
        small = char.lower()
        if small not in CYRILLIC_TO_LATIN:
            out.append(char)
            continue
        latin = CYRILLIC_TO_LATIN[small]
        if char != small:
            latin = CAPITALS.get(char, latin[:1].upper() + latin[1:])
            if len(latin) > 1 and _in_capitals(text, i):
                latin = latin.upper()
        out.append(latin)
    return "".join(out)


def _in_capitals(text: str, i: int) -> bool:
    """The letter at i stands in a word written in capitals: a neighbouring letter is a capital too."""
    neighbours = [text[j] for j in (i - 1, i + 1) if 0 <= j < len(text) and text[j].isalpha()]
    return bool(neighbours) and all(c.isupper() for c in neighbours)
