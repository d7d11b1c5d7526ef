"""The shape of a quiz spreadsheet: a 'Level' sheet (one row per setting) and a 'Questions' sheet (one row per
question, one column per language). Columns are found by their header, in any of the three languages."""
from __future__ import annotations

from typing import NamedTuple

from ...core.metadata import AGE_BANDS
from ...core.problems import MESSAGE_LANGUAGES, Msg
from ...core.questions import KINDS
from ...core.text import LANGUAGES

LEVEL_SHEET, QUESTIONS_SHEET = "Level", "Questions"
KIND_NAMES = tuple(KINDS)
AGE_CHOICES = AGE_BANDS


class Column(NamedTuple):
    key: str          # "prompt.kk", "right", ...
    header: Msg       # the header cell's text
    help: Msg | None  # a note on the header cell


def _per_language(key: str, header, help_: Msg | None) -> list[Column]:
    return [Column(f"{key}.{lang}", header(lang), help_) for lang in LANGUAGES]


QUESTION_COLUMNS: tuple[Column, ...] = (
    Column("id", Msg("question id"), Msg("Latin letters, digits and '-', unique in the level: sun, founded-1824")),
    Column("type", Msg("question type"), Msg("choose from the list: single, multiple, true_false, order, match, "
                                             "hotspot, fill, memory, number")),
    *_per_language("prompt", lambda lang: Msg("question ({lang})", lang=lang),
                   Msg("the question the child reads; for 'fill' mark the blank with ___")),
    *_per_language("answers", lambda lang: Msg("answers ({lang})", lang=lang), Msg(
        "one per line (Alt+Enter in Excel, Ctrl+Enter in Calc): the options (single, multiple), the items in the "
        "right order (order), the accepted spellings (fill), the pairs 'left = right' (match, memory), the "
        "names of the places (hotspot), the unit (number)")),
    Column("right", Msg("right answer"), Msg(
        "single: the number of the right line (2); multiple: the numbers (1, 3); true_false: true or false; "
        "number: 1824, or 1824 ± 2, or 1820..1830; hotspot: the ids of the right places")),
    Column("picture", Msg("picture"), Msg("a picture of the pack beside the question (assets/map.svg); for hotspot: "
                                          "the picture to point at")),
    Column("answer_pictures", Msg("pictures of the answers"), Msg(
        "one per line, beside the answers: assets/sun.svg; for pairs 'assets/sun.svg = -' (a picture on the left "
        "side only); an empty line for an answer without a picture")),
    Column("regions", Msg("places on the picture"), Msg(
        "hotspot only, one place per line, in the picture's pixels: 'id: x y radius' for a circle, 'id: x y, x y, "
        "x y' for a polygon (python run_game.py picture-grid shows the pixels)")),
    *_per_language("explanation", lambda lang: Msg("explanation ({lang})", lang=lang),
                   Msg("shown after the answer: why it is so")),
    *_per_language("hint", lambda lang: Msg("hint ({lang})", lang=lang), None),
    Column("source", Msg("source"), Msg("where the fact comes from: a book and its page, a museum, a web site")),
    Column("picture_only", Msg("pictures only"), Msg("true: the options show only their pictures and are read aloud")),
    Column("time_limit", Msg("seconds"), Msg("a time limit for this question, in seconds (empty: none)")),
)
TEXT_KEYS = ("prompt", "answers", "explanation", "hint")

# The Level sheet: column A names the setting as in a level file, B..D hold the value (one per language).
LEVEL_ROWS: tuple[tuple[str, Msg], ...] = (
    ("title", Msg("the level's name on the map")),
    ("summary", Msg("optional: shown on the results screen")),
    ("age", Msg("the age band: 6-8, 9-11 or 12-14, or several: 6-8, 9-11")),
    ("minutes", Msg("about how long the level takes, in minutes")),
    ("shuffle", Msg("true: options and questions in a random order; false: as written")),
    ("pool", Msg("optional: ask only this many of the questions")),
    ("time_limit", Msg("optional: seconds per question")),
)
LEVEL_TEXTS = ("title", "summary")
SETTING, DESCRIPTION = Msg("setting"), Msg("what it is")

# Words a librarian may write for true and false, in any of the languages.
TRUE_WORDS = frozenset({"true", "yes", "1", "иә", "ия", "дұрыс", "шын", "да", "верно", "правда", "истина"})
FALSE_WORDS = frozenset({"false", "no", "0", "жоқ", "бұрыс", "жалған", "нет", "неверно", "ложь"})


def header_names(column: Column) -> set[str]:
    """Every text the header of `column` may have: its key, and its header in each language."""
    return {column.key.casefold()} | {column.header.text(lang).casefold() for lang in MESSAGE_LANGUAGES}
