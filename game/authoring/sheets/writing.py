"""A quiz level's data -> a workbook: the Level and Questions sheets, with drop-down lists and notes.

Used by `export-questions` and by `new-pack --spreadsheet` (whose template is the export of the pack's
first quiz: a filled example of every question type). What a sheet cannot hold (unlock, read_more) is
named in the notes, and stays in the level file only.
"""
from __future__ import annotations

from pathlib import Path

from ...core.problems import Msg
from ...core.text import LANGUAGES
from .layout import (AGE_CHOICES, DESCRIPTION, KIND_NAMES, LEVEL_ROWS, LEVEL_SHEET, LEVEL_TEXTS, QUESTION_COLUMNS,
                     QUESTIONS_SHEET, SETTING)

LEVEL_KEYS_NOT_IN_SHEETS = ("unlock", "read_more")
EMPTY_ROWS = 200  # rows below the questions formatted as text, so that a typed 6-8 or 1:30 stays text


def _number(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _text(value: object, lang: str) -> str:
    if isinstance(value, dict):
        return str(value.get(lang, "") or "")
    return str(value) if lang == "kk" and value is not None else ""


def _parts(item: object) -> tuple[object, str]:
    """An item (a text, or {text, image}) -> (its text, its picture)."""
    if isinstance(item, dict) and ("text" in item or "image" in item):
        return item.get("text"), str(item.get("image", "") or "")
    return item, ""


def _lines(values: list[str]) -> str:
    while values and not values[-1]:
        values.pop()
    return "\n".join(values)


def _answers(row: dict, items: list, pictures_too: bool = True) -> None:
    parts = [_parts(item) for item in items]
    for lang in LANGUAGES:
        row[f"answers.{lang}"] = _lines([_text(text, lang) for text, _ in parts])
    if pictures_too:
        row["answer_pictures"] = _lines([image for _, image in parts])


def _pair_line(left: str, right: str) -> str:
    """'left = right', '-' standing for a side without text (or picture): a cell may not start with '='."""
    return f"{left or '-'} = {right or '-'}" if left or right else ""


def _pairs(row: dict, pairs: list, first: str, second: str) -> None:
    sides = [(_parts(pair.get(first)), _parts(pair.get(second))) for pair in pairs]
    for lang in LANGUAGES:
        row[f"answers.{lang}"] = _lines([_pair_line(_text(a[0], lang), _text(b[0], lang)) for a, b in sides])
    row["answer_pictures"] = _lines([_pair_line(a[1], b[1]) for a, b in sides])


def _region(region: dict) -> str:
    if "circle" in region:
        circle = region["circle"]
        shape = " ".join(_number(v) for v in [*circle.get("center", []), circle.get("radius")])
    else:
        shape = ", ".join(" ".join(_number(v) for v in point) for point in region.get("polygon", []))
    return f"{region.get('id', '')}: {shape}"


def question_row(q: dict) -> dict[str, str]:
    """One question -> the text of its cells, by column key."""
    kind = q.get("type")
    row = {"id": str(q.get("id", "")), "type": str(kind)}
    for key in ("prompt", "explanation", "hint"):
        for lang in LANGUAGES:
            row[f"{key}.{lang}"] = _text(q.get(key), lang)
    row["source"] = str(q.get("source", "") or "")
    if "picture_only" in q:
        row["picture_only"] = "true" if q["picture_only"] else "false"
    if "time_limit" in q:
        row["time_limit"] = _number(q["time_limit"])
    row["picture"] = str(q.get("picture" if kind == "hotspot" else "image", "") or "")
    if kind in ("single", "multiple"):
        options = q.get("options", [])
        _answers(row, options)
        row["right"] = ", ".join(str(i) for i, o in enumerate(options, 1) if o.get("correct"))
    elif kind == "true_false":
        row["right"] = "true" if q.get("answer") else "false"
    elif kind == "order":
        _answers(row, q.get("items", []))
    elif kind in ("match", "memory"):
        _pairs(row, q.get("pairs", []), *(("left", "right") if kind == "match" else ("a", "b")))
    elif kind == "fill":
        for lang in LANGUAGES:
            found = q.get("answers", {}).get(lang, [])
            row[f"answers.{lang}"] = "\n".join(str(a) for a in (found if isinstance(found, list) else [found]))
    elif kind == "number":
        if "range" in q:
            row["right"] = "..".join(_number(v) for v in q["range"])
        else:
            row["right"] = _number(q.get("answer")) + (f" ± {_number(q['tolerance'])}" if "tolerance" in q else "")
        for lang in LANGUAGES:
            row[f"answers.{lang}"] = _text(q.get("unit"), lang)
    elif kind == "hotspot":
        regions = q.get("regions", [])
        _answers(row, [r.get("label", {}) for r in regions], pictures_too=False)
        row["regions"] = "\n".join(_region(r) for r in regions)
        row["right"] = ", ".join(str(r.get("id")) for r in regions if r.get("correct"))
    return {k: v for k, v in row.items() if v}


def level_rows(level: dict) -> list[tuple[str, list[str]]]:
    """The Level sheet's settings: (key, [value] or [kk, ru, en])."""
    rows = []
    for key, _ in LEVEL_ROWS:
        value = level.get(key)
        if key in LEVEL_TEXTS:
            rows.append((key, [_text(value, lang) for lang in LANGUAGES]))
        elif isinstance(value, bool):
            rows.append((key, ["true" if value else "false"]))
        elif isinstance(value, list):
            rows.append((key, [", ".join(str(v) for v in value)]))
        else:
            rows.append((key, ["" if value is None else _number(value)]))
    return rows


def write_workbook(level: dict, out: Path, lang: str) -> None:
    """The level as an .xlsx file, headers and notes in `lang`, written whole or not at all."""
    from openpyxl import Workbook
    from openpyxl.comments import Comment
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    wrap, bold = Alignment(wrap_text=True, vertical="top"), Font(bold=True)

    settings = book.active
    settings.title = LEVEL_SHEET
    for column, text in enumerate([SETTING.text(lang), *LANGUAGES, DESCRIPTION.text(lang)], 1):
        settings.cell(1, column, text).font = bold
    for number, ((key, values), (_, description)) in enumerate(zip(level_rows(level), LEVEL_ROWS), 2):
        settings.cell(number, 1, key).font = bold
        for column, value in enumerate(values if key in LEVEL_TEXTS else values + ["", ""], 2):
            cell = settings.cell(number, column, value or None)
            cell.number_format, cell.alignment = "@", wrap
        settings.cell(number, 5, description.text(lang)).alignment = wrap
    age_row = 2 + [key for key, _ in LEVEL_ROWS].index("age")
    ages = DataValidation(type="list", formula1='"' + ",".join(AGE_CHOICES) + '"', allow_blank=True,
                          showErrorMessage=False)
    settings.add_data_validation(ages)
    ages.add(f"B{age_row}")
    for letter, width in zip("ABCDE", (14, 40, 40, 40, 60)):
        settings.column_dimensions[letter].width = width

    sheet = book.create_sheet(QUESTIONS_SHEET)
    for column, spec in enumerate(QUESTION_COLUMNS, 1):
        cell = sheet.cell(1, column, spec.header.text(lang))
        cell.font, cell.alignment = bold, wrap
        if spec.help is not None:
            cell.comment = Comment(spec.help.text(lang), "Ölketanu", width=320, height=160)
        letter = cell.column_letter
        sheet.column_dimensions[letter].width = 12 if spec.key in ("type", "right", "picture_only", "time_limit") \
            else 30
    questions = level.get("questions", [])
    for number in range(2, len(questions) + EMPTY_ROWS + 2):
        values = question_row(questions[number - 2]) if number - 2 < len(questions) else {}
        for column, spec in enumerate(QUESTION_COLUMNS, 1):
            cell = sheet.cell(number, column, values.get(spec.key))
            cell.number_format, cell.alignment = "@", wrap
            if cell.data_type == "f":  # a text that starts with '=' stays a text
                cell.data_type = "s"
    kinds = DataValidation(type="list", formula1='"' + ",".join(KIND_NAMES) + '"', allow_blank=True,
                           showErrorMessage=True, error=Msg("choose a question type from the list").text(lang))
    sheet.add_data_validation(kinds)
    kinds.add(f"B2:B{len(questions) + EMPTY_ROWS + 1}")
    sheet.freeze_panes = "C2"
    book.active = 1

    part = out.with_name(out.name + ".part")
    book.save(part)
    part.replace(out)
