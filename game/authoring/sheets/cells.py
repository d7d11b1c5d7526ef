"""An .xlsx or .csv file read into plain rows of text, and the names of its cells (Questions!D7)."""
from __future__ import annotations

import csv
import datetime
import io
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ...core.problems import Msg, Problem, Severity, Where
from ...core.textfile import BOM, BadByte, likely_code_page, utf8_text

MAX_SHEET_BYTES = 5 * 1024 * 1024
MAX_ROWS, MAX_COLUMNS = 2000, 60
SUFFIXES = (".xlsx", ".csv")


class SheetFileError(Exception):
    def __init__(self, message: Msg, hint: Msg | str = "") -> None:
        super().__init__(message)
        self.message = message
        self.hint = hint


def column_letter(index: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


@dataclass
class Sheet:
    name: str
    rows: list[list[str]]                   # rows[0] is row 1; every value is text ("" for an empty cell)
    dates: set[tuple[int, int]] = field(default_factory=set)  # (row, column) of cells the program read as dates

    def cell(self, row: int, column: int) -> str:
        """The text at 0-based (row, column), "" outside the sheet."""
        if row < len(self.rows) and column < len(self.rows[row]):
            return self.rows[row][column]
        return ""

    def ref(self, row: int, column: int) -> str:
        return f"{self.name}!{column_letter(column)}{row + 1}"


@dataclass
class Workbook:
    shown: str                  # the file as the librarian named it
    sheets: dict[str, Sheet]    # by name, casefolded
    problems: list[Problem] = field(default_factory=list)

    def sheet(self, name: str) -> Sheet | None:
        return self.sheets.get(name.casefold())

    def problem(self, sheet: Sheet, row: int, column: int, message: Msg, hint: Msg | str = "",
                severity: Severity = Severity.ERROR) -> None:
        self.problems.append(Problem(Where(f"{self.shown}:{sheet.ref(row, column)}"), severity, message, hint))


def as_read(value: object) -> str:
    """A cell's value as text, the way every cell is read."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    text = str(value).replace("\r\n", "\n").replace("\r", "\n")
    return unicodedata.normalize("NFC", text).strip()


def read_workbook(path: Path, shown: str) -> Workbook:
    try:
        if path.is_dir():
            raise SheetFileError(Msg("{path} is a folder, not a spreadsheet", path=shown))
        size = path.stat().st_size
        if size > MAX_SHEET_BYTES:
            raise SheetFileError(Msg("the file is {size} KiB; a spreadsheet may be at most 5 MiB", size=size // 1024),
                                 Msg("split the questions into several files"))
        raw = path.read_bytes()
    except OSError as exc:
        raise SheetFileError(Msg("cannot read {path} ({reason})", path=shown, reason=exc.strerror or str(exc)),
                             Msg("check the file name")) from None
    if path.suffix.lower() == ".csv":
        return Workbook(shown, {path.stem.casefold(): _csv_sheet(raw, path.stem)})
    return Workbook(shown, _xlsx_sheets(raw, shown))


def _xlsx_sheets(raw: bytes, shown: str) -> dict[str, Sheet]:
    import zipfile

    from openpyxl import load_workbook
    from openpyxl.utils.exceptions import InvalidFileException
    try:
        book = load_workbook(io.BytesIO(raw), read_only=True, data_only=True)
    except (zipfile.BadZipFile, InvalidFileException, KeyError, ValueError, OSError):
        raise SheetFileError(
            Msg("{path} is not an .xlsx spreadsheet", path=shown),
            Msg("in Calc or Excel: File > Save as... > Excel 2007-365 (.xlsx), or CSV (UTF-8)")) from None
    sheets = {}
    try:
        for book_sheet in book.worksheets:
            sheet = Sheet(book_sheet.title, [])
            for r, values in enumerate(book_sheet.iter_rows(max_row=MAX_ROWS, max_col=MAX_COLUMNS, values_only=True)):
                for c, value in enumerate(values):
                    if isinstance(value, (datetime.date, datetime.time, datetime.timedelta)):
                        sheet.dates.add((r, c))
                sheet.rows.append([as_read(v) for v in values])
            while sheet.rows and not any(sheet.rows[-1]):
                sheet.rows.pop()
            sheets[sheet.name.casefold()] = sheet
    finally:
        book.close()
    return sheets


def _csv_sheet(raw: bytes, name: str) -> Sheet:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise SheetFileError(Msg("the file is UTF-16 text (\"Unicode\"), not UTF-8"), _SAVE_CSV)
    text = utf8_text(raw)
    if isinstance(text, BadByte):
        codec = likely_code_page(raw.removeprefix(BOM))
        if codec is None:
            raise SheetFileError(Msg("the file is not UTF-8 text (line {line}, byte 0x{byte})", line=text.line,
                                     byte=f"{text.byte:02x}"), _SAVE_CSV)
        raise SheetFileError(Msg("the file is in the Windows code page {codec}, not UTF-8", codec=codec), _SAVE_CSV)
    header = text.split("\n", 1)[0]  # Excel writes ';' where the decimal mark is a comma (Russian, Kazakh)
    delimiter = max(",;\t", key=header.count)
    rows = [[as_read(v) for v in row[:MAX_COLUMNS]]
            for row in csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)][:MAX_ROWS]
    while rows and not any(rows[-1]):
        rows.pop()
    return Sheet(name, rows)


_SAVE_CSV = Msg("in Calc: File > Save as... > Text CSV, Character set: Unicode (UTF-8); in Excel: Save as > "
                "CSV UTF-8 (Comma delimited)")
