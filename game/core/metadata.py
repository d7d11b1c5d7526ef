"""Reading the metadata of packs and levels.

A pack may say who made it (`author`, `library`), for which ages (`ages: 9-14`), in which languages it is
complete, its `version`, a `cover` picture and its `licence` (`{texts: ..., pictures: ...}`). A level may
give its age bands (`age: 9-11` or a list of bands), the `minutes` it takes, when it opens
(`unlock: always` or `unlock: {after: level-id}`) and books to read after it (`read_more`). Every key is
optional; `new-pack` writes all of them. Whether an `unlock` names a level of the pack, and cycles, are
checked with the whole pack (game/core/unlock.py).
"""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from . import model
from .album_format import parse_badges, parse_card
from .assets_check import picture_ok
from .problems import Msg
from .reader import Reader, did_you_mean
from .text import LANGUAGES, Text
from .yamlsrc import where

AGE_MIN, AGE_MAX = 6, 14
MAX_MINUTES = 90
AGE_BANDS = model.AGE_BANDS
PACK_META_KEYS = ("author", "library", "ages", "languages", "version", "cover", "licence", "badges")
LEVEL_META_KEYS = ("age", "minutes", "unlock", "read_more", "card")
_STR = "tag:yaml.org,2002:str"
_RANGE = re.compile(r"^\s*(\d{1,2})\s*[-\u2013]\s*(\d{1,2})\s*$")  # 9-14, also with an en dash: 9–14
_VERSION = re.compile(r"^\d+(\.\d+){0,2}$")


def text_or_name(r: Reader, node: yaml.Node, what: str) -> Text | None:
    """A `{kk, ru, en}` text, or one plain string that reads the same in every language (a name)."""
    if isinstance(node, yaml.ScalarNode) and node.tag == _STR:
        value = r.string(node, what)
        if value is None:
            return None
        if not value.strip():
            r.error(node, Msg("{what} is empty", what=what))
            return None
        return Text.same(value.strip())
    return r.text(node, what)


# -- pack.yaml ------------------------------------------------------------------------------------

def parse_pack_meta(r: Reader, keys: dict[str, yaml.Node], folder: Path) -> dict:
    """The metadata keys of pack.yaml, ready for model.Pack; a key with a problem is left out."""
    found: dict = {}
    if "author" in keys:
        found["author"] = text_or_name(r, keys["author"], Msg("the pack author"))
    if "library" in keys:
        found["library"] = text_or_name(r, keys["library"], Msg("the library"))
    if "ages" in keys:
        found["ages"] = _age_range(r, keys["ages"])
    if "languages" in keys:
        found["languages"] = _languages(r, keys["languages"])
    if "version" in keys:
        found["version"] = _version(r, keys["version"])
    if "cover" in keys:
        found["cover"] = _picture(r, keys["cover"], folder, Msg("the cover"))
    if "licence" in keys:
        found["licence"] = _licence(r, keys["licence"])
    if "badges" in keys:
        found["badges"] = parse_badges(r, keys["badges"], folder)
    return {key: value for key, value in found.items() if value is not None}


def _age_range(r: Reader, node: yaml.Node) -> tuple[int, int] | None:
    hint = Msg("write the youngest and the oldest age with a dash, for example: ages: 9-14")
    if not isinstance(node, yaml.ScalarNode):
        r.error(node, Msg("ages should be written as from-to"), hint)
        return None
    value = r.string(node, Msg("ages"))
    if value is None:
        return None
    match = _RANGE.match(value)
    if not match:
        r.error(node, Msg("'{value}' is not an age range", value=value), hint)
        return None
    low, high = int(match.group(1)), int(match.group(2))
    if not (AGE_MIN <= low <= AGE_MAX and AGE_MIN <= high <= AGE_MAX):
        r.error(node, Msg("the ages {value} are not all between {low} and {high}", value=value, low=AGE_MIN,
                          high=AGE_MAX), Msg("the game is made for children of 6 to 14"))
        return None
    if low > high:
        r.error(node, Msg("the ages go from {low} down to {high}", low=low, high=high),
                Msg("write the youngest age first: {high}-{low}", high=high, low=low))
        return None
    return low, high


def _languages(r: Reader, node: yaml.Node) -> tuple[str, ...] | None:
    items = r.sequence(node, Msg("languages"))
    if items is None:
        return None
    if not items:
        r.error(node, Msg("languages is empty"), Msg("list the languages the pack is complete in: [kk, ru, en]"))
        return None
    found: list[str] = []
    ok = True
    for item in items:
        lang = r.string(item, Msg("a language"))
        if lang is None:
            ok = False
        elif lang not in LANGUAGES:
            r.error(item, Msg("unknown language '{lang}'", lang=lang), did_you_mean(lang, LANGUAGES))
            ok = False
        elif lang in found:
            r.error(item, Msg("the language '{lang}' is listed twice", lang=lang))
            ok = False
        else:
            found.append(lang)
    return tuple(lang for lang in LANGUAGES if lang in found) if ok else None


def _version(r: Reader, node: yaml.Node) -> str | None:
    if isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:int":  # 2 as well as 1.0: quoted
        r.error(node, Msg("{what} is read as a number, not as text: {value!r}", what=Msg("the version"),
                          value=node.value), Msg('put it in quotes: "{value}"', value=node.value))
        return None
    value = r.string(node, Msg("the version"))
    if value is None:
        return None
    if not _VERSION.match(value.strip()):
        r.error(node, Msg("the version '{value}' is not numbers with dots", value=value),
                Msg('write it in quotes, for example: version: "1.0"'))
        return None
    return value.strip()


def _picture(r: Reader, node: yaml.Node, folder: Path, what: str) -> str | None:
    value = r.string(node, what)
    if value is None:
        return None
    return value if picture_ok(r, node, folder, value) else None


def _licence(r: Reader, node: yaml.Node) -> model.Licence | None:
    keys = r.mapping(node, Msg("the licence"), required=("texts", "pictures"))
    if keys is None:
        return None
    values = {}
    for key, what in (("texts", Msg("the licence of the texts")), ("pictures", Msg("the licence of the pictures"))):
        if key not in keys:
            continue
        value = r.string(keys[key], what)
        if value is not None and not value.strip():
            r.error(keys[key], Msg("{what} is empty", what=what), Msg('for example: "CC BY 4.0"'))
            value = None
        values[key] = value.strip() if value else None
    if values.get("texts") and values.get("pictures"):
        return model.Licence(values["texts"], values["pictures"])
    return None


# -- level files ----------------------------------------------------------------------------------

def age_ranges(bands: tuple[str, ...]) -> list[tuple[int, int]]:
    """The age bands of a level as ranges, neighbouring bands joined: (6-8, 9-11) -> [(6, 11)]."""
    ranges: list[tuple[int, int]] = []
    for band in sorted(bands, key=AGE_BANDS.index):
        low, high = (int(part) for part in band.split("-"))
        if ranges and ranges[-1][1] + 1 == low:
            ranges[-1] = (ranges[-1][0], high)
        else:
            ranges.append((low, high))
    return ranges


def parse_level_meta(r: Reader, keys: dict[str, yaml.Node], level_id: str | None,
                     folder: Path | None = None) -> dict:
    """The metadata keys of a level file, as keyword arguments of model.Level."""
    found: dict = {}
    if "age" in keys:
        found["ages"] = _age_bands(r, keys["age"])
    if "minutes" in keys:
        found["minutes"] = _minutes(r, keys["minutes"])
    if "unlock" in keys:
        found["unlock"] = _unlock(r, keys["unlock"], level_id)
    if "read_more" in keys:
        found["read_more"] = _books(r, keys["read_more"])
    if "card" in keys:
        found["card"] = parse_card(r, keys["card"], folder)
    return {key: value for key, value in found.items() if value is not None}


def _band(r: Reader, node: yaml.Node) -> str | None:
    value = r.string(node, Msg("the age band"))
    if value is None:
        return None
    written = value.replace("\u2013", "-").replace(" ", "")
    if written not in AGE_BANDS:
        spanned = _bands_spanned(written)
        hint = (Msg("for ages across bands, list them: age: [{bands}]", bands=", ".join(spanned)) if spanned
                else did_you_mean(written, AGE_BANDS))
        r.error(node, Msg("unknown age band '{value}'", value=value), hint)
        return None
    return written


def _bands_spanned(written: str) -> list[str]:
    """The bands that "9-14" covers (9-11, 12-14), when it is a range from a band's start to a band's end."""
    low, _, high = written.partition("-")
    starts = [band for band in AGE_BANDS if band.split("-")[0] == low]
    ends = [band for band in AGE_BANDS if band.split("-")[1] == high]
    if not starts or not ends or AGE_BANDS.index(starts[0]) >= AGE_BANDS.index(ends[0]):
        return []
    return list(AGE_BANDS[AGE_BANDS.index(starts[0]):AGE_BANDS.index(ends[0]) + 1])


def _age_bands(r: Reader, node: yaml.Node) -> tuple[str, ...] | None:
    if not isinstance(node, yaml.SequenceNode):
        band = _band(r, node)
        return (band,) if band else None
    items = r.sequence(node, Msg("age"))
    if items is not None and not items:
        r.error(node, Msg("age has no age band"), Msg("write one of: {bands}", bands=", ".join(AGE_BANDS)))
        return None
    found: list[str] = []
    ok = True
    for item in items or []:
        band = _band(r, item)
        if band is None:
            ok = False
        elif band in found:
            r.error(item, Msg("the age band '{band}' is listed twice", band=band))
            ok = False
        else:
            found.append(band)
    return tuple(b for b in AGE_BANDS if b in found) if ok and found else None


def _minutes(r: Reader, node: yaml.Node) -> int | None:
    value = r.integer(node, Msg("minutes"))
    if value is None:
        return None
    if not 1 <= value <= MAX_MINUTES:
        r.error(node, Msg("minutes should be from 1 to {most}, not {value}", most=MAX_MINUTES, value=value),
                Msg("give the time a child needs for the level, in whole minutes"))
        return None
    return value


def _unlock(r: Reader, node: yaml.Node, level_id: str | None) -> model.Unlock | None:
    hint = Msg("write 'unlock: always', or 'unlock: {{after: level-id}}' to open it once that level is finished")
    if isinstance(node, yaml.ScalarNode):
        value = r.string(node, Msg("unlock"))
        if value is not None and value != "always":
            r.error(node, Msg("unlock should be 'always' or {{after: a level id}}, not '{value}'", value=value),
                    hint)
        return None
    keys = r.mapping(node, Msg("unlock"), required=("after",))
    if keys is None or "after" not in keys:
        return None
    after = r.ident(keys["after"], Msg("the level to finish first"))
    if after is None:
        return None
    if after == level_id:
        r.error(keys["after"], Msg("the level '{level}' cannot wait for itself", level=after),
                Msg("name another level of the pack, or write 'unlock: always'"))
        return None
    return model.Unlock(after, where(r.path, keys["after"]))


def _books(r: Reader, node: yaml.Node) -> tuple[model.Book, ...] | None:
    items = r.sequence(node, Msg("read_more"))
    if items is None:
        return None
    if not items:
        r.error(node, Msg("read_more has no books"), Msg("add a book, or delete read_more"))
        return None
    books = []
    for item in items:
        keys = r.mapping(item, Msg("a book"), required=("title", "author"), optional=("call_number", "library"))
        if keys is None or "title" not in keys or "author" not in keys:
            continue
        title = r.text(keys["title"], Msg("the book title"))
        author = text_or_name(r, keys["author"], Msg("the author"))
        call_number = None
        if "call_number" in keys:
            call_number = r.string(keys["call_number"], Msg("the call number"))
            if call_number is not None and not call_number.strip():
                r.error(keys["call_number"], Msg("{what} is empty", what=Msg("the call number")),
                        Msg("write the library's call number, or delete the line"))
                call_number = None
            if call_number is None:
                continue
        library = text_or_name(r, keys["library"], Msg("the library")) if "library" in keys else None
        if title is None or author is None or ("library" in keys and library is None):
            continue
        books.append(model.Book(title, author, call_number.strip() if call_number else None, library))
    return tuple(books)
