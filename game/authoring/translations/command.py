"""`export-texts PACK --lang ru|en --out FILE.xlsx` and `import-texts FILE.xlsx [--pack DIR]`.

The workbook has a 'Texts' sheet (file, line, where, speaker, the Kazakh original, the translation) and an
'About' sheet (the pack folder and the language). On import, a text is written only when its Kazakh
original is still the one that was exported; the others are reported, to be translated again.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

import yaml

from ...core.problems import HINT_WORD, Msg, Problem, Severity, Where, message_language, translate
from ..sheets.cells import SheetFileError, as_read, read_workbook
from .splice import apply, edit
from .texts import find, pack_files, read_yaml, texts_of

TEXTS_SHEET, ABOUT_SHEET = "Texts", "About"
TARGETS = ("ru", "en")  # Kazakh is the original


def _headers(lang: str) -> list[Msg]:
    return [Msg("file"), Msg("line"), Msg("where in the file"), Msg("speaker"), Msg("Kazakh original"),
            Msg("translation ({lang})", lang=lang)]


def _refuse(command: str, lang: str, message: Msg, hint: Msg | str = "") -> int:
    sys.stdout.flush()
    print(f"{command}: {translate(message, lang)}", file=sys.stderr)
    if hint:
        print(f"    {HINT_WORD.text(lang)}: {translate(hint, lang)}", file=sys.stderr)
    return 1


def _read_pack(folder: Path, lang: str, command: str):
    """[(path, text, root)] of every YAML file of the pack, or an exit code after a refusal."""
    if not (folder / "pack.yaml").is_file():
        return _refuse(command, lang, Msg("{path} is not a pack folder (it has no pack.yaml)", path=str(folder)),
                       Msg("give the pack's folder, e.g. levels/my-library"))
    files = []
    for path in pack_files(folder):
        try:
            text, root = read_yaml(path)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            return _refuse(command, lang, Msg("{path} cannot be read: correct it first", path=str(path)),
                           Msg("python run_game.py validate {path}", path=str(path)))
        files.append((path, text, root))
    return files


def export_texts(args: argparse.Namespace) -> int:
    messages = message_language(None)
    folder: Path = args.pack
    out: Path = args.out or Path(f"{folder.name}-{args.lang}.xlsx")
    if out.suffix.lower() != ".xlsx":
        return _refuse("export-texts", messages, Msg("the spreadsheet must end in .xlsx, not '{name}'", name=out.name))
    files = _read_pack(folder, messages, "export-texts")
    if isinstance(files, int):
        return files
    rows = [(f.file, f.line, f.where, f.speaker, f.value("kk"), f.value(args.lang))
            for path, _, root in files for f in texts_of(path.name, root)]
    try:
        _write(rows, folder, args.lang, out)
    except OSError as exc:
        return _refuse("export-texts", messages, Msg("cannot write {path}: {reason}", path=str(out),
                                                     reason=exc.strerror or str(exc)))
    missing = sum(1 for row in rows if not row[5])
    print(Msg("wrote {path}: {count} text(s), {missing} of them not yet translated", path=str(out), count=len(rows),
              missing=missing).text(messages))
    print(Msg("next: the translator fills in the last column, then: python run_game.py import-texts {path}",
              path=str(out)).text(messages))
    return 0


def _write(rows: list[tuple], folder: Path, lang: str, out: Path) -> None:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    book = Workbook()
    sheet = book.active
    sheet.title = TEXTS_SHEET
    wrap, bold = Alignment(wrap_text=True, vertical="top"), Font(bold=True)
    for column, header in enumerate(_headers(lang), 1):
        sheet.cell(1, column, header.text(lang)).font = bold
    editable = PatternFill("solid", fgColor="FFF4C2")
    for number, row in enumerate(rows, 2):
        for column, value in enumerate(row, 1):
            cell = sheet.cell(number, column, value if value != "" else None)
            cell.alignment = wrap
            if column != 2:
                cell.number_format = "@"
                if cell.data_type == "f":  # a text that starts with '=' stays a text
                    cell.data_type = "s"
        sheet.cell(number, 6).fill = editable
    for letter, width in zip("ABCDEF", (22, 6, 30, 14, 60, 60)):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "E2"
    about = book.create_sheet(ABOUT_SHEET)
    about.append(["pack", str(folder)])
    about.append(["language", lang])
    about.append([Msg("Translate the last column of the Texts sheet only; keep the other columns as they are.")
                  .text(lang)])
    part = out.with_name(out.name + ".part")
    book.save(part)
    part.replace(out)


def import_texts(args: argparse.Namespace) -> int:
    messages = message_language(getattr(args, "lang", None))
    try:
        book = read_workbook(args.file, str(args.file))
    except SheetFileError as exc:
        return _refuse("import-texts", messages, exc.message, exc.hint)
    sheet, about = book.sheet(TEXTS_SHEET), book.sheet(ABOUT_SHEET)
    settings = {row[0]: row[1] for row in (about.rows if about else []) if len(row) > 1}
    lang = settings.get("language", "")
    if sheet is None or lang not in TARGETS:
        return _refuse("import-texts", messages, Msg("{path} was not made by export-texts", path=str(args.file)),
                       Msg("python run_game.py export-texts PACK --lang ru --out FILE.xlsx"))
    folder = args.pack or Path(settings.get("pack", ""))
    files = _read_pack(folder, messages, "import-texts")
    if isinstance(files, int):
        return files
    by_name = {path.name: (path, text, root) for path, text, root in files}
    edits: dict[str, list] = {}
    problems: list[Problem] = []
    for index in range(1, len(sheet.rows)):
        file, line, where, _, original, translation = (sheet.cell(index, c) for c in range(6))
        if not translation or file not in by_name:
            if translation:
                problems.append(Problem(Where(f"{args.file}:{sheet.ref(index, 0)}"), Severity.WARNING,
                                        Msg("the pack has no file {name}: the translation was not written", name=file)))
            continue
        path, text, root = by_name[file]
        mapping = find(root, where)
        if mapping is None:
            problems.append(Problem(Where(str(path), int(line) if line.isdigit() else 0, 1), Severity.WARNING,
                                    Msg("the text at {where} is no longer in the file: its translation was not "
                                        "written", where=where)))
            continue
        current = {key.value: value for key, value in mapping.value}
        now = str(current["kk"].value) if "kk" in current else ""
        if as_read(now) != original:  # the sheet's cells are read the same way
            mark = (current.get("kk") or mapping).start_mark
            problems.append(Problem(Where(str(path), mark.line + 1, mark.column + 1), Severity.WARNING,
                                    Msg("the Kazakh text at {where} changed since the export: the translation was not "
                                        "written", where=where),
                                    Msg("now it is: {text}", text=now)))
            continue
        if lang in current and as_read(str(current[lang].value)) == translation:
            continue
        edits.setdefault(file, []).append(edit(text, mapping, lang, translation))
    for problem in problems:
        print(problem.format(messages))
    written = 0
    for file, changes in edits.items():
        path, text, _ = by_name[file]
        raw = path.read_bytes()
        new = apply(text, changes).encode("utf-8")
        try:
            part = path.with_name(path.name + ".part")
            part.write_bytes((raw[:3] if raw.startswith(b"\xef\xbb\xbf") else b"") + new)
            part.replace(path)
        except OSError as exc:
            return _refuse("import-texts", messages, Msg("cannot write {path}: {reason}", path=str(path),
                                                         reason=exc.strerror or str(exc)))
        written += len(changes)
    print(Msg("wrote {count} translation(s) into {files} file(s); {skipped} not written (see above)", count=written,
              files=len(edits), skipped=len(problems)).text(messages))
    print(Msg("next: python run_game.py validate {folder}", folder=str(folder)).text(messages))
    return 0
