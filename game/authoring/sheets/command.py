"""`import-questions FILE.xlsx|.csv --out LEVEL.yaml`, `export-questions LEVEL.yaml --out FILE.xlsx`, and the
template of `new-pack --spreadsheet`.

Every problem is printed at once, named by its cell (`quiz.xlsx:Questions!D7: error: ...`) in the language
of --lang (else the computer's): the sheet's own problems, then the game loader's, mapped back from the
lines of the level file to the cells they came from. The level is written only when there is no error.
"""
from __future__ import annotations

import argparse
import re
import sys
import tempfile
from pathlib import Path

from ...core.problems import HINT_WORD, Msg, Problem, Where, has_errors, message_language, translate
from .cells import SUFFIXES, SheetFileError, Workbook, column_letter, read_workbook
from .emit import level_text
from .layout import LEVEL_SHEET, QUESTIONS_SHEET
from .reading import question_columns, read_level_settings, read_questions


def _refuse(command: str, lang: str, message: Msg, hint: Msg | str = "", problems: list[Problem] = ()) -> int:
    sys.stdout.flush()
    for problem in problems:
        print(problem.format(lang), file=sys.stderr)
    print(f"{command}: {translate(message, lang)}", file=sys.stderr)
    if hint:
        print(f"    {HINT_WORD.text(lang)}: {translate(hint, lang)}", file=sys.stderr)
    return 1


def _checked_out(out: Path, force: bool) -> tuple[Msg, Msg | str] | None:
    from ...core.reader import IDENT
    if out.suffix != ".yaml":
        return Msg("the level file must end in .yaml, not '{name}'", name=out.name), \
            Msg("for example: --out {name}", name=f"{out.stem}.yaml")
    if not IDENT.match(out.stem):
        return Msg("'{name}' cannot be a level id (the file name is the level's id)", name=out.stem), \
            Msg("use lowercase Latin letters, digits, '-' and '_', starting with a letter: "
                "--out levels/my-pack/history-quiz.yaml")
    if out.is_dir():
        return Msg("{path} is a folder", path=str(out)), Msg("give the name of the level file to write")
    if out.exists() and not force:
        return Msg("{path} already exists", path=str(out)), Msg("choose another name, or add --force to replace it")
    return None


def import_sheet(args: argparse.Namespace) -> int:
    lang = message_language(getattr(args, "lang", None))
    refused = _checked_out(args.out, args.force)
    if refused:
        return _refuse("import-questions", lang, *refused)
    try:
        book = read_workbook(args.file, str(args.file))
    except SheetFileError as exc:
        return _refuse("import-questions", lang, exc.message, exc.hint)
    sheet = book.sheet(QUESTIONS_SHEET) or (next(iter(book.sheets.values())) if len(book.sheets) == 1 else None)
    if sheet is None:
        return _refuse("import-questions", lang, Msg("{path} has no sheet named '{sheet}'", path=str(args.file),
                                                     sheet=QUESTIONS_SHEET),
                       Msg("keep the sheet names of the template: {names}", names=f"{LEVEL_SHEET}, {QUESTIONS_SHEET}"))
    columns = question_columns(book, sheet)
    questions = read_questions(book, sheet, columns) if columns is not None else []
    level_sheet = book.sheet(LEVEL_SHEET)
    settings = read_level_settings(book, level_sheet) if level_sheet is not None and level_sheet is not sheet else {}
    problems = list(book.problems)
    if questions:
        text = level_text(args.out.stem, args.title or _title_from(args.file), settings, questions, args.file.name)
        problems += _loader_problems(text, args.out, book, columns or {})
    elif columns is not None and not has_errors(problems):
        return _refuse("import-questions", lang, Msg("{path} has no questions below the headers", path=str(args.file)))
    problems.sort(key=_place)
    if has_errors(problems):
        return _refuse("import-questions", lang, Msg("{count} error(s) in {path}: the level was not written",
                                                     count=sum(p.is_error for p in problems), path=str(args.file)),
                       Msg("correct the cells named above and import again"), problems)
    for problem in problems:
        print(problem.format(lang))
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        part = args.out.with_name(args.out.name + ".part")
        part.write_bytes(text.text().encode("utf-8"))
        part.replace(args.out)
    except OSError as exc:
        return _refuse("import-questions", lang, Msg("cannot write {path}: {reason}", path=str(args.out),
                                                     reason=exc.strerror or str(exc)))
    print(Msg("wrote {path}: {count} question(s), {warnings} warning(s)", path=str(args.out), count=len(questions),
              warnings=len(problems)).text(lang))
    print(Msg("next: add '- {id}' to the levels of pack.yaml, then: python run_game.py validate {folder}",
              id=args.out.stem, folder=str(args.out.parent)).text(lang))
    return 0


def _title_from(path: Path) -> str:
    words = " ".join(path.stem.replace("_", " ").replace("-", " ").split())
    return words[:1].upper() + words[1:]


# the loader names a question without explanation or source at its first line; the sheet has a cell for each
_MISSING = {"the question '{id}' has no explanation": "explanation.kk", "the question '{id}' has no source": "source"}


def _loader_problems(text, out: Path, book: Workbook, columns: dict[str, int]) -> list[Problem]:
    """The game loader's problems with the level, each named by the cell its line came from."""
    from ...core.loader import load_level
    with tempfile.TemporaryDirectory(prefix="olketanu-sheet-") as folder:
        path = Path(folder) / out.name
        path.write_bytes(text.text().encode("utf-8"))
        loaded = load_level(path, "imported", out.parent.resolve())
    found = []
    for problem in loaded.problems:
        line = problem.where.line
        refs = [ref for ref in text.refs[:line][::-1] if ref] if line else []
        column = columns.get(_MISSING.get(getattr(problem.message, "template", ""), ""))
        if refs and column is not None:
            refs[0] = re.sub(r"[A-Z]+(?=\d+$)", column_letter(column), refs[0])
        where = Where(f"{book.shown}:{refs[0]}") if refs else Where(book.shown)
        found.append(Problem(where, problem.severity, problem.message, problem.hint))
    return found


_CELL = re.compile(r":([^:!]+)!([A-Z]+)(\d+)$")


def _place(problem: Problem) -> tuple:
    found = _CELL.search(problem.where.path)
    if not found:
        return (0, 0, 0, "")
    sheet, letters, row = found.groups()
    return (1 if sheet == LEVEL_SHEET else 2, int(row), len(letters), letters)


def export_sheet(args: argparse.Namespace) -> int:
    import yaml

    from ...core.loader import load_level
    lang = message_language(getattr(args, "lang", None))
    level_path: Path = args.level
    out: Path = args.out or level_path.with_suffix(".xlsx")
    if out.suffix.lower() != ".xlsx":
        return _refuse("export-questions", lang, Msg("the spreadsheet must end in .xlsx, not '{name}'", name=out.name))
    if not level_path.is_file():
        return _refuse("export-questions", lang, Msg("{path} is not a level file", path=str(level_path)),
                       Msg("give a quiz level, e.g. levels/my-pack/first-quiz.yaml"))
    loaded = load_level(level_path, "exported", level_path.parent)
    if loaded.level is None:
        return _refuse("export-questions", lang, Msg("{path} has errors: correct them first", path=str(level_path)),
                       Msg("python run_game.py validate {path}", path=str(level_path)),
                       [p for p in loaded.problems if p.is_error])
    data = yaml.safe_load(level_path.read_text(encoding="utf-8-sig"))
    if data.get("type") != "quiz":
        return _refuse("export-questions", lang, Msg("{path} is a story: only quizzes go into a spreadsheet",
                                                     path=str(level_path)))
    return write_template(data, out, lang)


def write_template(data: dict, out: Path, lang: str) -> int:
    from .writing import LEVEL_KEYS_NOT_IN_SHEETS, write_workbook
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        write_workbook(data, out, lang)
    except OSError as exc:
        return _refuse("export-questions", lang, Msg("cannot write {path}: {reason}", path=str(out),
                                                     reason=exc.strerror or str(exc)))
    for key in LEVEL_KEYS_NOT_IN_SHEETS:
        if key in data:
            print(Msg("note: '{key}' is not in the spreadsheet; it stays in the level file only", key=key).text(lang))
    print(Msg("wrote {path}: {count} question(s)", path=str(out), count=len(data.get("questions", []))).text(lang))
    return 0


__all__ = ["SUFFIXES", "export_sheet", "import_sheet", "write_template"]
