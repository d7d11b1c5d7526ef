"""The one guard for every text drawn or typed: invisible and control characters removed.

Fonts draw nothing for a zero-width space, a joiner, a right-to-left override, a BOM, a variation
selector or a tag, and pygame refuses to draw a text made only of them ("Text has zero width"), or
any text holding NUL. Such characters come from pastes, other keyboards and old files, never from a
child meaning them, so they are taken out before a text is measured, drawn or put in a text box.
"""
from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

# controls, formats (ZWSP, ZWNJ, ZWJ, RLO, BOM, soft hyphen), surrogates, private use, unassigned,
# line and paragraph separators
_INVISIBLE_CATEGORIES = frozenset({"Cc", "Cf", "Cs", "Co", "Cn", "Zl", "Zp"})
# marks that are default-ignorable: the combining grapheme joiner, Khmer's inherent vowels, Mongolian
# and general variation selectors; str.isprintable() lets them through
_IGNORABLE_MARKS = re.compile("[\u034f\u17b4\u17b5\u180b-\u180f\ufe00-\ufe0f\U000e0100-\U000e01ef]")


def is_invisible(ch: str) -> bool:
    return unicodedata.category(ch) in _INVISIBLE_CATEGORIES or bool(_IGNORABLE_MARKS.match(ch))


def visible(text: str) -> str:
    """One line of text with invisible characters removed; tabs and other control spaces become spaces."""
    if text.isprintable() and not _IGNORABLE_MARKS.search(text):
        return text  # the usual case, without looking at every character
    return _cleaned(text)


@lru_cache(maxsize=1024)
def _cleaned(text: str) -> str:
    kept = []
    for ch in text:
        if not is_invisible(ch):
            kept.append(ch)
        elif ch.isspace():
            kept.append(" ")
    return "".join(kept)


def visible_lines(text: str) -> str:
    """Like `visible`, keeping line breaks."""
    if text.replace("\n", "").isprintable() and not _IGNORABLE_MARKS.search(text):
        return text
    return "\n".join(_cleaned(line) for line in text.split("\n"))


def bounded(text: str, limit: int) -> str:
    """One line of visible text, single spaces, at most `limit` characters."""
    return " ".join(visible(text).split())[:limit].strip()
