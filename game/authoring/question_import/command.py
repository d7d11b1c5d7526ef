"""`python run_game.py import-questions BANK --format gift|aiken --out LEVEL.yaml [--lang kk] [--force]`.

Prints one line per item that was not converted (`FILE:LINE: skipped: why`), per question without an
explanation (`warning`) and per change (`note`), in the order of the file, then `N questions imported, M skipped`.
The level is checked with the game's own loader before it is written, and is written only when at
least one question converted. Exit code 0 when something was imported, 1 otherwise. Messages are plain
English, like the other authoring commands.
"""
from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from . import parse_bank
from .level_writer import level_text
from .model import BankResult
from .source import BankFileError, read_bank

_ORDER = {"skipped": 0, "warning": 1, "note": 2}


def run(args: argparse.Namespace) -> int:
    try:
        return _import(args)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - a librarian gets a sentence, never a traceback
        return _refuse(f"unexpected problem: {type(exc).__name__}: {exc}", "please report this message")


def _refuse(message: str, hint: str = "") -> int:
    sys.stdout.flush()
    print(f"import-questions: {message}", file=sys.stderr)
    if hint:
        print(f"    hint: {hint}", file=sys.stderr)
    return 1


def _import(args: argparse.Namespace) -> int:
    from ...core.reader import IDENT
    from ..sheets.cells import SUFFIXES
    bank: Path = args.file
    if bank.suffix.lower() in SUFFIXES:
        from ..sheets.command import import_sheet
        return import_sheet(args)
    if args.format is None:
        return _refuse(f"give the format of {bank.name}: --format gift or --format aiken",
                       "a spreadsheet (.xlsx or .csv) needs no --format")
    out: Path = args.out
    if out.suffix != ".yaml":
        return _refuse(f"the level file must end in .yaml, not '{out.name}'", f"for example: --out {out.stem}.yaml")
    if not IDENT.match(out.stem):
        return _refuse(f"'{out.stem}' cannot be a level id (the file name is the level's id)",
                       "use lowercase Latin letters, digits, '-' and '_', starting with a letter: "
                       "--out levels/my-pack/history-quiz.yaml")
    if out.is_dir():
        return _refuse(f"{out} is a folder", "give the name of the level file to write")
    if out.exists() and not args.force:
        return _refuse(f"{out} already exists", "choose another name, or add --force to replace it")
    try:
        text = read_bank(bank)
    except BankFileError as exc:
        return _refuse(f"{bank}: {exc.message}", exc.hint)
    result = parse_bank(text, args.format)
    _report(result, str(bank), args.format)
    imported, skipped = len(result.questions), len(result.skipped)
    summary = f"{imported} question{'s' if imported != 1 else ''} imported, {skipped} skipped"
    if not imported:
        print(summary)
        return _refuse(f"no question in {bank} could be imported, so no level was written",
                       f"is it really a {args.format.upper()} file? (--format gift or --format aiken)")
    title = args.title or _title_from(bank)
    level = level_text(out.stem, title, result.questions, args.written_in, bank.name, args.format)
    warnings = _check(out.stem, level)
    if warnings is None:
        return 1
    try:
        out.parent.mkdir(parents=True, exist_ok=True)
        part = out.with_name(out.name + ".part")
        part.write_bytes(level.encode("utf-8"))
        part.replace(out)
    except OSError as exc:
        return _refuse(f"cannot write {out}: {exc.strerror or exc}")
    print(summary)
    print(f"wrote {out}: a quiz in '{args.written_in}' with {warnings} warning(s) "
          "(the missing translations, explanations and sources)")
    print(f"next: check the facts, add the sources and explanations, then: python run_game.py validate {out}")
    return 0


def _report(result: BankResult, shown: str, fmt: str) -> None:
    lines = [(m.line, "skipped", m.text) for m in result.skipped]
    lines += [(m.line, "note", m.text) for m in result.notes]
    missing = ("it has no general feedback (####)" if fmt == "gift" else "Aiken questions have no explanation")
    lines += [(q.line, "warning", f"{missing}: no explanation was written; add one before children play")
              for q in result.questions if not q.explanation]
    for line, kind, text in sorted(lines, key=lambda row: (row[0], _ORDER[row[1]])):
        print(f"{shown}:{line}: {kind}: {text}")


def _title_from(bank: Path) -> str:
    words = " ".join(bank.stem.replace("_", " ").replace("-", " ").split())
    return (words[:1].upper() + words[1:]) or "Imported questions"


def _check(level_id: str, level: str) -> int | None:
    """The number of warnings of the level as the game loads it; None (and a message) on any error."""
    from ...core.loader import load_level
    from ...core.problems import has_errors
    with tempfile.TemporaryDirectory(prefix="olketanu-import-") as folder:
        path = Path(folder) / f"{level_id}.yaml"
        path.write_bytes(level.encode("utf-8"))
        loaded = load_level(path, "imported", Path(folder))
    if has_errors(loaded.problems) or loaded.level is None:
        sys.stdout.flush()
        for problem in loaded.problems:
            print(problem.format(), file=sys.stderr)
        _refuse("the level made from the bank does not load in the game, so it was not written",
                "please report this message with the bank file")
        return None
    return len(loaded.problems)
