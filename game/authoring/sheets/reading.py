"""The rows of a quiz spreadsheet -> the data of a level file, every value tagged with the cell it came from.

A row whose cells cannot be read (a right answer that names no line, a number that is not a number) is
reported and left out, so that the game's loader checks only the rows that could be read; the loader's
own messages then name the cells of what it finds (see command.py).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from ...core.problems import Msg, Severity
from ...core.text import LANGUAGES
from .cells import Sheet, Workbook, column_letter
from .layout import FALSE_WORDS, LEVEL_ROWS, LEVEL_TEXTS, QUESTION_COLUMNS, TRUE_WORDS, header_names


@dataclass(frozen=True)
class Leaf:
    """A value of the level file and the cell it came from ("Questions!D7")."""

    value: object
    ref: str


class _Row:
    def __init__(self, book: Workbook, sheet: Sheet, row: int, columns: dict[str, int]) -> None:
        self.book, self.sheet, self.row, self.columns = book, sheet, row, columns
        self.ok = True

    def text(self, key: str) -> str:
        column = self.columns.get(key)
        return self.sheet.cell(self.row, column) if column is not None else ""

    def ref(self, key: str) -> str:
        column = self.columns.get(key)
        if column is None:
            column = self.columns.get(key.split(".")[0] + ".kk", 0)
        return self.sheet.ref(self.row, column)

    def leaf(self, key: str, value: object) -> Leaf:
        return Leaf(value, self.ref(key))

    def error(self, key: str, message: Msg, hint: Msg | str = "") -> None:
        column = self.columns.get(key, self.columns.get(key.split(".")[0] + ".kk", 0))
        self.book.problem(self.sheet, self.row, column, message, hint)
        self.ok = False

    def texts(self, key: str) -> dict | None:
        """{kk: Leaf, ru: Leaf, en: Leaf} with the languages written, or None when none is."""
        found = {lang: self.leaf(f"{key}.{lang}", self.text(f"{key}.{lang}")) for lang in LANGUAGES
                 if self.text(f"{key}.{lang}")}
        return found or None

    def lines(self, key: str) -> list[str]:
        lines = [line.strip() for line in self.text(key).split("\n")]
        while lines and not lines[-1]:
            lines.pop()
        return lines


def question_columns(book: Workbook, sheet: Sheet) -> dict[str, int] | None:
    """Column key -> column index, from the header row; None (and a problem) when it cannot be used."""
    by_name = {name: column.key for column in QUESTION_COLUMNS for name in header_names(column)}
    columns: dict[str, int] = {}
    for index, header in enumerate(sheet.rows[0] if sheet.rows else []):
        if not header:
            continue
        key = by_name.get(" ".join(header.split()).casefold())
        if key is None:
            book.problem(sheet, 0, index, Msg("the column '{header}' is not one of the quiz's columns: its cells are "
                                              "not read", header=header),
                         Msg("keep the headers of the template; its columns may be in any order"), Severity.WARNING)
        elif key in columns:
            book.problem(sheet, 0, index, Msg("the column '{header}' appears twice (also {column})", header=header,
                                              column=column_letter(columns[key])))
        else:
            columns[key] = index
    if "type" not in columns or not any(f"prompt.{lang}" in columns for lang in LANGUAGES):
        book.problem(sheet, 0, 0, Msg("the first row should hold the headers of the columns, with at least "
                                      "'question type' and 'question (kk)'"),
                     Msg("start from the template: python run_game.py new-pack NAME --spreadsheet"))
        return None
    return columns


def read_questions(book: Workbook, sheet: Sheet, columns: dict[str, int]) -> list[dict]:
    questions = []
    for index in range(1, len(sheet.rows)):
        if not any(sheet.rows[index]):
            continue
        row = _Row(book, sheet, index, columns)
        for column in sorted(c for r, c in sheet.dates if r == index):
            _dated(book, sheet, index, column)
            row.ok = False
        question = _question(row, len(questions) + 1)
        if row.ok:
            questions.append(question)
    return questions


def _question(row: _Row, number: int) -> dict:
    kind = row.text("type").strip()
    q: dict = {"id": row.leaf("id", row.text("id") or f"q{number}"), "type": row.leaf("type", kind)}
    if row.text("picture_only"):
        q["picture_only"] = row.leaf("picture_only", _truth(row, "picture_only"))
    if row.text("time_limit"):
        q["time_limit"] = row.leaf("time_limit", _number(row, "time_limit"))
    if row.text("picture") and kind != "hotspot":
        q["image"] = row.leaf("picture", row.text("picture"))
    q["prompt"] = row.texts("prompt")
    _KIND_READERS.get(kind, _nothing)(row, q)
    for key in ("explanation", "hint"):
        if row.texts(key):
            q[key] = row.texts(key)
    if row.text("source"):
        q["source"] = row.leaf("source", row.text("source"))
    for key in ("right", "regions", "answer_pictures"):
        if not row.text(key) or key in _USES.get(kind, ()):
            continue
        row.book.problem(row.sheet, row.row, row.columns[key], Msg("a question of type '{kind}' does not use this "
                                                                   "cell: it is not read", kind=kind),
                         severity=Severity.WARNING)
    return {k: v for k, v in q.items() if v is not None}


_USES = {"single": ("right", "answer_pictures"), "multiple": ("right", "answer_pictures"), "true_false": ("right",),
         "order": ("answer_pictures",), "match": ("answer_pictures",), "memory": ("answer_pictures",),
         "hotspot": ("right", "regions"), "number": ("right",), "fill": ()}


def _truth(row: _Row, key: str) -> bool | None:
    word = row.text(key).casefold().strip(" .!")
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    row.error(key, Msg("'{value}' is neither true nor false", value=row.text(key)),
              Msg("write true or false (иә / жоқ, да / нет)"))
    return None


def _number(row: _Row, key: str, text: str | None = None) -> int | float | None:
    written = row.text(key) if text is None else text
    try:
        value = Decimal(written.replace(",", ".").replace(" ", "").replace("\u2212", "-"))
    except InvalidOperation:
        value = None
    if value is None or not value.is_finite():
        row.error(key, Msg("'{value}' is not a number", value=written), Msg("write digits only: 1824 or 2.5"))
        return None
    return int(value) if value == value.to_integral() else float(value)


def _entries(row: _Row, pairs: bool) -> list[tuple[dict, str]] | list[tuple[tuple[dict, str], tuple[dict, str]]]:
    """The answers, line by line: (texts by language, picture) or, for pairs, two of them."""
    lines = {lang: row.lines(f"answers.{lang}") for lang in LANGUAGES}
    pictures = row.lines("answer_pictures")
    count = max([len(v) for v in lines.values()] + [len(pictures)])
    entries = []
    for i in range(count):
        sides: list[tuple[dict, str]] = [({}, ""), ({}, "")] if pairs else [({}, "")]
        for lang in LANGUAGES:
            line = lines[lang][i] if i < len(lines[lang]) else ""
            parts = _split_pair(row, f"answers.{lang}", line, i) if pairs else [line]
            for side, part in zip(sides, parts):
                if part:
                    side[0][lang] = row.leaf(f"answers.{lang}", part)
        picture = pictures[i] if i < len(pictures) else ""
        parts = _split_pair(row, "answer_pictures", picture, i) if pairs else [picture]
        sides = [(texts, part) for (texts, _), part in zip(sides, parts)]
        if any(not texts and not image for texts, image in sides):
            row.error("answers.kk", Msg("line {line} of the answers is empty", line=i + 1),
                      Msg("write the answer on that line in every language, or remove the empty line"))
        entries.append(tuple(sides) if pairs else sides[0])
    return entries


def _split_pair(row: _Row, key: str, line: str, i: int) -> list[str]:
    if not line:
        return ["", ""]
    if " = " not in f" {line} ":
        row.error(key, Msg("line {line} should be a pair: 'left = right'", line=i + 1),
                  Msg("put ' = ' (an equals sign between spaces) between the two sides, and '-' for a side "
                      "without text: '- = Sun'"))
        return ["", ""]
    left, _, right = f" {line} ".partition(" = ")
    return [side.strip() if side.strip() != "-" else "" for side in (left, right)]


def _item(row: _Row, texts: dict, image: str) -> dict:
    if image:
        return {"text": texts, "image": row.leaf("answer_pictures", image)} if texts else \
            {"image": row.leaf("answer_pictures", image)}
    return texts


def _choices(row: _Row, q: dict) -> None:
    entries = _entries(row, pairs=False)
    right = set()
    for token in re.split(r"[\s,;]+", row.text("right")):
        if not token:
            continue
        if not token.isdigit() or not 1 <= int(token) <= len(entries):
            row.error("right", Msg("'{value}' is not the number of an answer line (1 to {count})", value=token,
                                   count=len(entries)),
                      Msg("count the lines of the answers: 1 is the first line"))
        right.add(int(token) if token.isdigit() else 0)
    if not right and row.ok:
        row.error("right", Msg("the right answer is not given"), Msg("write the number of the right line: 1 for the "
                                                                     "first line"))
    options = []
    for i, (texts, image) in enumerate(entries, 1):
        option = {"text": texts} if texts else {}
        if image:
            option["image"] = row.leaf("answer_pictures", image)
        if i in right:
            option["correct"] = row.leaf("right", True)
        options.append(option)
    q["options"] = options


def _true_false(row: _Row, q: dict) -> None:
    if not row.text("right"):
        return row.error("right", Msg("the right answer is not given"),
                         Msg("write true or false (иә / жоқ, да / нет)"))
    q["answer"] = row.leaf("right", _truth(row, "right"))


def _order(row: _Row, q: dict) -> None:
    q["items"] = [_item(row, texts, image) for texts, image in _entries(row, pairs=False)]


def _pairs(first: str, second: str):
    def read(row: _Row, q: dict) -> None:
        q["pairs"] = [{first: _item(row, *a), second: _item(row, *b)} for a, b in _entries(row, pairs=True)]
    return read


def _fill(row: _Row, q: dict) -> None:
    answers = {lang: [row.leaf(f"answers.{lang}", line) for line in row.lines(f"answers.{lang}") if line]
               for lang in LANGUAGES}
    q["answers"] = {lang: found for lang, found in answers.items() if found}


_NUMBER = r"-?\d+(?:[.,]\d+)?"


def _number_answer(row: _Row, q: dict) -> None:
    text = row.text("right").replace(" ", "").replace("\u2212", "-")
    ranged = re.fullmatch(rf"({_NUMBER})(?:\.\.|…)({_NUMBER})", text)
    around = re.fullmatch(rf"({_NUMBER})(?:±|\+-|\+/-)({_NUMBER})", text)
    if not text:
        row.error("right", Msg("the right answer is not given"), Msg("write the number: 1824, or 1824 ± 2, or "
                                                                     "1820..1830"))
    elif ranged:
        q["range"] = [row.leaf("right", _number(row, "right", ranged.group(1))),
                      row.leaf("right", _number(row, "right", ranged.group(2)))]
    elif around:
        q["answer"] = row.leaf("right", _number(row, "right", around.group(1)))
        q["tolerance"] = row.leaf("right", _number(row, "right", around.group(2)))
    else:
        q["answer"] = row.leaf("right", _number(row, "right"))
    unit = {lang: row.leaf(f"answers.{lang}", row.lines(f"answers.{lang}")[0]) for lang in LANGUAGES
            if row.lines(f"answers.{lang}")}
    if unit:
        q["unit"] = unit


def _hotspot(row: _Row, q: dict) -> None:
    q["picture"] = row.leaf("picture", row.text("picture")) if row.text("picture") else None
    labels = _entries(row, pairs=False)
    places = row.lines("regions")
    right = {token for token in re.split(r"[\s,;]+", row.text("right")) if token}
    regions = []
    for i, line in enumerate(places):
        ident, colon, rest = line.partition(":")
        numbers = [re.findall(r"-?\d+(?:\.\d+)?", part) for part in rest.split(",")]
        region: dict = {"id": row.leaf("regions", ident.strip())}
        if i < len(labels) and labels[i][0]:
            region["label"] = labels[i][0]
        if colon and len(numbers) == 1 and len(numbers[0]) == 3:
            x, y, radius = (_number(row, "regions", n) for n in numbers[0])
            region["circle"] = {"center": [row.leaf("regions", x), row.leaf("regions", y)],
                                "radius": row.leaf("regions", radius)}
        elif colon and len(numbers) >= 3 and all(len(point) == 2 for point in numbers):
            region["polygon"] = [[row.leaf("regions", _number(row, "regions", n)) for n in point] for point in numbers]
        else:
            row.error("regions", Msg("line {line} of the places is not 'id: x y radius' or 'id: x y, x y, x y'",
                                     line=i + 1),
                      Msg("for example 'lake: 640 470 60' (a circle) or 'hill: 220 470, 420 170, 620 470'"))
        if ident.strip() in right:
            region["correct"] = row.leaf("right", True)
        regions.append(region)
    unknown = right - {line.partition(":")[0].strip() for line in places}
    if unknown and row.ok:
        row.error("right", Msg("the right answer names places that are not in the places column: {ids}",
                               ids=", ".join(sorted(unknown))))
    if len(labels) > len(places):
        row.error("answers.kk", Msg("there are more names of places ({names}) than places ({places})",
                                    names=len(labels), places=len(places)))
    q["regions"] = regions


def _nothing(row: _Row, q: dict) -> None:
    """An unknown type: the loader names it, with the types it knows."""


_KIND_READERS = {"single": _choices, "multiple": _choices, "true_false": _true_false, "order": _order,
                 "match": _pairs("left", "right"), "memory": _pairs("a", "b"), "fill": _fill,
                 "number": _number_answer, "hotspot": _hotspot}


def _dated(book: Workbook, sheet: Sheet, row: int, column: int) -> None:
    book.problem(sheet, row, column, Msg("the cell was read as a date: the spreadsheet program changed what was typed"),
                 Msg("format the cell as text (Format Cells > Text) and type the value again"))


def read_level_settings(book: Workbook, sheet: Sheet) -> dict:
    """The Level sheet: column A names the setting, B (and C, D for texts: kk, ru, en) hold its value."""
    known = {key for key, _ in LEVEL_ROWS}
    settings: dict = {}
    for index, cells in enumerate(sheet.rows):
        key = (cells[0] if cells else "").strip()
        if index == 0 or not key or not any(cells[1:4]):
            continue
        if key not in known:
            book.problem(sheet, index, 0, Msg("'{key}' is not a setting of a quiz level", key=key),
                         Msg("the settings are: {keys}", keys=", ".join(k for k, _ in LEVEL_ROWS)))
            continue
        if key in LEVEL_TEXTS:
            settings[key] = {lang: Leaf(sheet.cell(index, i), sheet.ref(index, i))
                             for i, lang in enumerate(LANGUAGES, 1) if sheet.cell(index, i)}
            continue
        if (index, 1) in sheet.dates:
            _dated(book, sheet, index, 1)
            continue
        row = _Row(book, sheet, index, {key: 1})
        value = sheet.cell(index, 1)
        if key == "age":
            bands = [band.strip() for band in value.split(",")]
            settings[key] = Leaf(bands[0] if len(bands) == 1 else bands, sheet.ref(index, 1))
        elif key == "shuffle":
            settings[key] = Leaf(_truth(row, key), sheet.ref(index, 1))
        else:
            settings[key] = Leaf(_number(row, key), sheet.ref(index, 1))
        if not row.ok:
            settings.pop(key)
    return settings


__all__ = ["Leaf", "question_columns", "read_level_settings", "read_questions"]
