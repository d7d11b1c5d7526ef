"""The command line: play (the default), validate, list, screenshot."""
from __future__ import annotations

import argparse
import os
import signal
import sys

os.environ.setdefault("PYGAME_HIDE_SUPPORT_PROMPT", "1")  # pygame's banner means nothing to a librarian
from pathlib import Path

from .core.text import LANGUAGES
from .paths import LEVELS

MESSAGE_LANG_HELP = ("the language of the messages (kk, ru or en); by default the computer's language: the "
                     "LC_ALL, LC_MESSAGES, LANG or LANGUAGE setting (on Windows, the user's locale) when it is "
                     "Kazakh or Russian, else English")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="run_game.py", description="Ölketanu: a game about the local history of Karaganda region.")
    parser.add_argument("--data-dir", help="where progress is kept (default: the per-user data folder, "
                                           "or $OLKETANU_DATA_DIR)")
    parser.add_argument("--database", metavar="postgresql://USER@HOST/DATABASE",
                        help="keep progress on the reading room's PostgreSQL server (default: a file in the "
                             "data folder); play goes on when the server cannot be reached")
    commands = parser.add_subparsers(dest="command")
    play = commands.add_parser("play", help="play the game (the default)")
    play.add_argument("--lang", choices=LANGUAGES, help="the interface language (default: the library's, "
                                                        "else kk)")
    play.add_argument("--fullscreen", action="store_true", help="start in fullscreen (F11 toggles)")
    play.add_argument("--speech", action="store_true", help="start with self-voicing on (V toggles)")
    play.add_argument("--kiosk", action="store_true",
                      help="a shared computer in a reading room: fullscreen, only the leader's PIN quits, and "
                           "after some idle minutes the game goes back to the player screen (also a setting at "
                           "the leader's desk)")
    validate = commands.add_parser("validate", help="check level files and print every problem")
    validate.add_argument("--strict", action="store_true", help="count warnings as errors")
    validate.add_argument("--format", choices=("text", "json"), default="text",
                          help="json: one machine-readable list of problems, for editors (severity stays "
                               "'error' or 'warning'; message and hint are in --lang, with their English "
                               "message_template and message_params)")
    validate.add_argument("--lang", choices=LANGUAGES, help=MESSAGE_LANG_HELP)
    validate.add_argument("--list-messages", action="store_true",
                          help="print every message the validator can give, with its translations (only --lang's "
                               "when --lang is given), and exit")
    validate.add_argument("paths", nargs="*", type=Path, help="level files, packs or folders of packs "
                                                              "(default: levels/)")
    commands.add_parser("list", help="print one line per level: id, type, title")
    shot = commands.add_parser("screenshot", help="render a level after N steps to a PNG, without a window")
    shot.add_argument("--level", required=True, help="a level id (or pack/level)")
    shot.add_argument("--step", type=int, default=0, help="story lines advanced or questions answered right")
    shot.add_argument("--lang", choices=LANGUAGES, default="kk")
    shot.add_argument("--feedback", choices=("right", "wrong"), help="then answer the question and show feedback")
    shot.add_argument("--out", required=True, type=Path, help="the PNG file to write")
    tour = commands.add_parser("screenshots", help="every screen in every language, as PNGs in a folder")
    tour.add_argument("--out", type=Path, default=Path("out/screenshots"))
    tour.add_argument("--lang", choices=LANGUAGES, action="append", help="only these languages")
    tour.add_argument("--references", type=Path, metavar="DIR",
                      help="also write the small reference copies the visual test compares with (tests/screenshots)")
    bench = commands.add_parser("bench", help="measure start-up, frames, idle CPU, content, progress, memory")
    bench.add_argument("--quick", action="store_true", help="a much faster, smaller run (no targets asserted)")
    bench.add_argument("--out", type=Path, default=Path("bench.json"), help="the JSON file to write")
    schema = commands.add_parser("schema", help="write the JSON Schema of the level format (for editors)")
    schema.add_argument("--out", type=Path, help="the file to write (default: print it)")
    new_pack = commands.add_parser("new-pack", help="create a pack with an example of every level and question type")
    new_pack.add_argument("name", help="the pack id: lowercase letters, digits, '-' and '_', starting with a letter")
    new_pack.add_argument("--dir", type=Path, help="the folder to create it in (default: levels/)")
    new_pack.add_argument("--lang", choices=LANGUAGES, help=MESSAGE_LANG_HELP)
    new_pack.add_argument("--spreadsheet", action="store_true",
                          help="also write questions.xlsx: a quiz to fill in with Calc or Excel, with a filled example "
                               "of every question type (then: import-questions)")
    import_pack = commands.add_parser("import-pack", help="check a pack .zip and install it into the data folder")
    import_pack.add_argument("zip", type=Path, help="the pack's .zip file")
    import_pack.add_argument("--replace", action="store_true", help="replace an installed pack with the same id")
    import_pack.add_argument("--lang", choices=LANGUAGES, help=MESSAGE_LANG_HELP)
    export_pack = commands.add_parser("export-pack", help="make a .zip of a pack for another library")
    export_pack.add_argument("pack_dir", type=Path, help="the pack folder (the one with pack.yaml)")
    export_pack.add_argument("--out", type=Path, help="the .zip to write (default: <pack id>.zip here)")
    export_pack.add_argument("--lang", choices=LANGUAGES, help=MESSAGE_LANG_HELP)
    questions = commands.add_parser("import-questions", help="make a quiz level from a Moodle question bank (GIFT "
                                                             "or Aiken)")
    questions.add_argument("file", type=Path, help="the question bank exported from Moodle (UTF-8 text), or a "
                                                   "spreadsheet (.xlsx, .csv) made from new-pack --spreadsheet")
    questions.add_argument("--format", choices=("gift", "aiken"), help="the format of the bank (not for a spreadsheet)")
    questions.add_argument("--out", required=True, type=Path,
                           help="the level file to write, e.g. levels/my-pack/history.yaml (its name is the level id)")
    questions.add_argument("--written-in", choices=LANGUAGES, default="kk",
                           help="the language the questions are written in (default kk); the messages stay English")
    questions.add_argument("--title", help="the title of the level (default: made from the bank's file name)")
    questions.add_argument("--force", action="store_true", help="replace the --out file when it exists")
    questions.add_argument("--lang", choices=LANGUAGES, help=MESSAGE_LANG_HELP + " (spreadsheets only)")
    sheet = commands.add_parser("export-questions", help="write a quiz level as a spreadsheet (.xlsx) to edit in "
                                                         "Calc or Excel and import again")
    sheet.add_argument("level", type=Path, help="the quiz level file, e.g. levels/my-pack/first-quiz.yaml")
    sheet.add_argument("--out", type=Path, help="the .xlsx to write (default: beside the level, same name)")
    sheet.add_argument("--lang", choices=LANGUAGES, help=MESSAGE_LANG_HELP + "; also the language of the headers")
    texts = commands.add_parser("export-texts", help="every text of a pack a child reads, with its context, as a "
                                                     "spreadsheet for a translator")
    texts.add_argument("pack", type=Path, help="the pack's folder, e.g. levels/my-library")
    texts.add_argument("--lang", required=True, choices=("ru", "en"), help="the language to translate into (also the "
                                                                          "language of the sheet's headers)")
    texts.add_argument("--out", type=Path, help="the .xlsx to write (default: <pack>-<lang>.xlsx here)")
    back = commands.add_parser("import-texts", help="write the translations of an export-texts spreadsheet into the "
                                                    "pack's files (comments and layout kept)")
    back.add_argument("file", type=Path, help="the .xlsx written by export-texts and filled in by the translator")
    back.add_argument("--pack", type=Path, help="the pack's folder (default: the one it was exported from)")
    back.add_argument("--lang", choices=LANGUAGES, help=MESSAGE_LANG_HELP)
    backup = commands.add_parser("backup", help="write a checked copy of the children's progress (safe while the "
                                                "game is running)")
    backup.add_argument("--out", type=Path, help="the file (or folder) to write; by default backups/manual-<date>-"
                                                 "<time>.sqlite3 in the data folder")
    backup.add_argument("--lang", choices=LANGUAGES, help=MESSAGE_LANG_HELP)
    restore = commands.add_parser("restore", help="put a backup of the progress back, after checking it (the "
                                                  "progress it replaces is kept beside it)")
    restore.add_argument("file", type=Path, help="the backup to put back")
    restore.add_argument("--lang", choices=LANGUAGES, help=MESSAGE_LANG_HELP)
    moving = commands.add_parser("export-progress", help="write children's progress to one file, to import it on "
                                                         "another computer")
    who = moving.add_mutually_exclusive_group(required=True)
    who.add_argument("--child", help="one child (their nickname)")
    who.add_argument("--group", help="a group's children (its name or number)")
    who.add_argument("--all", action="store_true", help="every child on this computer")
    moving.add_argument("--out", required=True, type=Path, help="the file to write, e.g. E:\\club.olketanu.gz")
    moving.add_argument("--lang", choices=LANGUAGES, help=MESSAGE_LANG_HELP)
    taking = commands.add_parser("import-progress", help="merge children's progress from a file written by "
                                                         "export-progress (twice changes nothing)")
    taking.add_argument("file", type=Path, help="the file export-progress wrote")
    taking.add_argument("--lang", choices=LANGUAGES, help=MESSAGE_LANG_HELP)
    grid = commands.add_parser("picture-grid", help="a picture with a labelled grid of its own pixels, to find the "
                                                    "[x, y] of a place for a hotspot region")
    grid.add_argument("picture", type=Path, help="the picture (SVG, PNG or JPG), e.g. levels/my-pack/assets/map.svg")
    grid.add_argument("--out", type=Path, help="the PNG to write (default: <picture name>-grid.png here)")
    grid.add_argument("--step", type=int, help="pixels between grid lines (default: a round number, at most 16 "
                                               "lines across)")
    grid.add_argument("--lang", choices=LANGUAGES, help=MESSAGE_LANG_HELP)
    report = commands.add_parser("report", help="what the children learned, as a spreadsheet (CSV) or a page to "
                                                "print (HTML)")
    report.add_argument("--group", help="only this group's children (its name or number)")
    report.add_argument("--session", type=int, help="only this play session (its number)")
    report.add_argument("--from", dest="since", type=_day, help="from this day (YYYY-MM-DD)")
    report.add_argument("--to", dest="until", type=_day, help="to this day, included (YYYY-MM-DD)")
    report.add_argument("--format", required=True, choices=("csv", "html"))
    report.add_argument("--out", required=True, type=Path, help="the file to write")
    report.add_argument("--lang", choices=LANGUAGES, help=MESSAGE_LANG_HELP)
    cert = commands.add_parser("certificate", help="a «Young local historian» certificate (A4 PDF and PNG) for a "
                                                   "child who finished a pack or played in a club session")
    cert.add_argument("--child", required=True, help="the child's nickname")
    what = cert.add_mutually_exclusive_group(required=True)
    what.add_argument("--pack", help="the pack the child finished (its id, e.g. karkaraly)")
    what.add_argument("--session", type=int, help="the club session the child played in (its number)")
    cert.add_argument("--date", type=_day, help="the day written on it (default: today)")
    cert.add_argument("--out", required=True, type=Path, help="the PDF to write; the PNG goes beside it")
    cert.add_argument("--lang", choices=LANGUAGES, help="the certificate's language (default: the computer's)")
    leader = commands.add_parser("leader-pin", help="the club leader's PIN that guards this computer's settings")
    action = leader.add_mutually_exclusive_group(required=True)
    action.add_argument("--set", action="store_true",
                        help="choose the PIN (4 to 6 digits, typed twice, never shown): the first one, or a new one")
    action.add_argument("--reset", action="store_true",
                        help="remove a forgotten PIN; then choose a new one with --set")
    leader.add_argument("--lang", choices=LANGUAGES, help=MESSAGE_LANG_HELP)
    return parser


def _day(value: str) -> str:
    from datetime import date
    try:
        return date.fromisoformat(value).isoformat()
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a day: {value!r} (write it as YYYY-MM-DD, e.g. 2026-09-01)")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        code = _run(args)
        sys.stdout.flush()
    except BrokenPipeError:
        # the reader stopped early (`run_game.py list | head`): nothing is wrong, and there is no one left to
        # tell; stdout goes to nowhere, so that Python's last flush at exit does not fail again
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    return code


def _run(args) -> int:
    command = args.command or "play"
    if command == "import-questions":
        from .authoring.question_import.command import run as run_import_questions
        return run_import_questions(args)
    if command in ("export-texts", "import-texts"):
        from .authoring.translations import command as texts
        return (texts.export_texts if command == "export-texts" else texts.import_texts)(args)
    if command == "export-questions":
        from .authoring.sheets.command import export_sheet
        return export_sheet(args)
    if command == "validate":
        from .core.problems import message_language
        lang = message_language(args.lang)
        if args.list_messages:
            from .authoring.messages import message_listing
            langs = tuple(dict.fromkeys(("en", args.lang))) if args.lang else ("en", "kk", "ru")
            print(message_listing(langs, as_json=args.format == "json"), end="")
            return 0
        return _validate(args.paths or [LEVELS], strict=args.strict, as_json=args.format == "json", lang=lang)
    if command == "list":
        return _list(args)
    if command == "screenshot":
        from .ui.screenshot import screenshot_level
        from .core.datadir import data_dir
        error = screenshot_level(args.level, args.step, args.lang, args.out, data_dir=data_dir(args.data_dir),
                                 feedback=args.feedback)
        if error:
            print(error, file=sys.stderr)
            return 1
        print(f"wrote {args.out}")
        return 0
    if command == "screenshots":
        os.environ["SDL_VIDEODRIVER"] = "dummy"
        from .ui.screenshot_tour import screenshot_tour
        for path in screenshot_tour(args.out, tuple(args.lang or LANGUAGES), args.references):
            print(f"wrote {path}")
        return 0
    if command == "leader-pin":
        return _reset_leader_pin(args)
    if command in ("backup", "restore"):
        return _backup_or_restore(args)
    if command in ("export-progress", "import-progress"):
        from . import progress_commands
        return (progress_commands.export_progress if command == "export-progress"
                else progress_commands.import_progress)(args)
    if command == "report":
        from .club_commands import report
        return report(args)
    if command == "certificate":
        from .club_commands import certificate
        return certificate(args)
    if command == "bench":
        from .bench import run
        return run(args.quick, args.out)
    if command in ("schema", "new-pack", "import-pack", "export-pack", "picture-grid"):
        from .authoring.commands import run as run_authoring
        return run_authoring(args)
    return _play(args)


def _validate(paths: list[Path], strict: bool = False, as_json: bool = False, lang: str = "en") -> int:
    from .core.catalog import validate_paths
    from .core.problems import Msg
    problems, count = validate_paths(paths)
    errors = sum(p.is_error or strict for p in problems)
    warnings = len(problems) - errors
    if as_json:
        import json
        print(json.dumps({"levels": count, "errors": errors, "warnings": warnings, "lang": lang, "problems": [
            {**p.to_dict(lang), "severity": "error" if (p.is_error or strict) else "warning"}
            for p in problems]}, ensure_ascii=False, indent=1))
        return 1 if errors else 0
    for problem in problems:
        print(problem.format(lang))
    if errors:
        sys.stdout.flush()
        print(Msg("{errors} error(s), {warnings} warning(s) in {count} level(s)", errors=errors, warnings=warnings,
                  count=count).text(lang), file=sys.stderr)
        return 1
    print(Msg("ok: {count} level(s) checked, {warnings} warning(s)", count=count, warnings=warnings).text(lang))
    return 0


def _progress_folder(args, tr) -> Path:
    """Where progress.sqlite3 is: the data folder, or library.toml's `database` folder."""
    from .core.datadir import data_dir
    from .core.library_settings import load_library_settings
    library, mistakes = load_library_settings(data_dir(args.data_dir))
    for mistake in mistakes:
        print(mistake.format(tr), file=sys.stderr)
    return library.progress_folder(data_dir(args.data_dir))


def open_store(args, tr):
    """This computer's progress for a command that writes it, or the exit code after saying why there is none."""
    from .core.storage import StorageError
    from .core.storage.opening import DatabaseSettingError, open_progress
    try:
        store = open_progress(_progress_folder(args, tr), args.database)
    except StorageError as error:
        print(tr(f"storage.{error.reason}"), file=sys.stderr)
        return 1
    except DatabaseSettingError as error:
        print(tr(error.key), file=sys.stderr)
        return 2
    if store.problem is not None:  # read-only or in memory: nothing would be kept
        print(tr(f"storage.{store.problem.reason}"), file=sys.stderr)
        store.close()
        return 1
    return store


def _reset_leader_pin(args) -> int:
    from .core.leader import remove_pin
    from .core.i18n import Translator
    from .core.problems import message_language
    from .core.storage import StorageError
    tr = Translator(message_language(args.lang))
    store = open_store(args, tr)
    if isinstance(store, int):
        return store
    try:
        if args.set:
            return _set_leader_pin(store, tr)
        had_pin = store.leader_pin() is not None
        remove_pin(store)
    except StorageError as error:
        print(tr(f"storage.{error.reason}"), file=sys.stderr)
        return 1
    finally:
        store.close()
    print(tr("leader.reset_done" if had_pin else "leader.reset_none"))
    return 0


def _set_leader_pin(store, tr) -> int:
    """Typed twice, without echo at a terminal (read from stdin when it is not one, for scripts)."""
    import getpass
    from .core.leader import pin_problem, set_pin

    def ask(prompt: str) -> str:
        if sys.stdin.isatty():
            return getpass.getpass(prompt)
        print(prompt, end="", flush=True)
        return sys.stdin.readline().strip()
    pin = ask(tr("leader.set_prompt") + " ")
    problem = pin_problem(pin)
    if problem is not None:
        print(tr(problem), file=sys.stderr)
        return 1
    if ask(tr("leader.set_again") + " ") != pin:
        print(tr("leader.differ"), file=sys.stderr)
        return 1
    set_pin(store, pin)
    print(tr("leader.set_done"))
    return 0


def _backup_or_restore(args) -> int:
    from datetime import datetime

    from .core.storage.sqlite_backup import BACKUP_DIR, BackupError, backup_database, backup_name, restore_database
    from .core.i18n import Translator
    from .core.problems import message_language
    from .core.storage import DB_NAME
    tr = Translator(message_language(args.lang))
    folder, now = _progress_folder(args, tr), datetime.now()
    try:
        if args.command == "backup":
            out = args.out or folder / BACKUP_DIR / backup_name("manual", now)
            if out.is_dir():
                out = out / backup_name("manual", now)
            print(tr("backup.done", path=backup_database(folder / DB_NAME, out)))
            return 0
        restored = restore_database(args.file, folder / DB_NAME, now)
    except BackupError as error:
        print(tr(f"backup.{error.reason}", detail=error.detail, **error.values), file=sys.stderr)
        return 1
    print(tr("backup.restored", path=restored.backup))
    if restored.kept_aside is not None:
        print(tr("backup.kept_aside", aside=restored.kept_aside))
    _pin_set_by_the_leader(folder / DB_NAME)
    return 0


def _pin_set_by_the_leader(path: Path) -> None:
    """A backup from before the PIN was chosen must not let whoever opens the desk first choose it."""
    from .core.leader import needs_the_leader
    from .core.storage import SqliteStore, StorageError
    try:
        store = SqliteStore(path)
    except (StorageError, OSError):
        return  # the restored file opens at the next start, where any trouble is told
    try:
        if store.leader_pin() is None:
            needs_the_leader(store)
    except StorageError:
        pass  # nothing was opened to anyone: the screen then offers the first-run choice, as before the restore
    finally:
        store.close()


def _list(args) -> int:
    from .core.datadir import data_dir, level_roots
    from .core.level_index import CatalogIndex
    folder = data_dir(args.data_dir)
    index = CatalogIndex(level_roots(LEVELS, folder), folder / "cache" / "levels.json").refresh()
    for level in index.levels():
        if level.ok:
            print(f"{level.level_id}\t{level.kind}\t{level.title.get('en')}")
        else:
            print(f"{level.level_id}\tbroken\t{level.problems[0].message if level.problems else ''}")
    return 0


def _play(args) -> int:
    def make_speaker(on: bool):
        from .ui.speech import make_speaker  # the engines are loaded when speech is first turned on
        return make_speaker(on)

    # before pygame starts: SDL takes SIGTERM only while nothing handles it, and then merely queues a quit
    # that a start-up or a frame that takes long never reads
    termination = _Termination()
    previous = signal.signal(signal.SIGTERM, termination)
    try:
        return _run_app(args, make_speaker, termination)
    finally:
        signal.signal(signal.SIGTERM, previous)


class _Termination:
    """SIGTERM: the game ends at the next safe point, between two frames, or as soon as start-up is over.
    Raising from the handler instead could land inside pygame's C code (a SystemError, not a clean exit)."""

    def __init__(self) -> None:
        self.requested = False
        self.app = None

    def __call__(self, signum, frame) -> None:
        self.requested = True
        if self.app is not None:
            self.app.running = False


def _run_app(args, make_speaker, termination: _Termination) -> int:
    from .core.datadir import data_dir
    from .ui.boot import create_app
    from .core.speech import OFF, SilentSpeaker
    from .core.storage.opening import DatabaseSettingError
    lang = getattr(args, "lang", None)
    try:
        app = create_app(data_dir(args.data_dir), language=lang, fullscreen=getattr(args, "fullscreen", False),
                         speaker=SilentSpeaker(OFF), speaker_factory=make_speaker, database=args.database)
    except DatabaseSettingError as error:
        from .core.i18n import Translator
        from .core.problems import message_language
        print(Translator(message_language(None))(error.key), file=sys.stderr)
        return 2
    if getattr(app.services.store, "why_offline", ""):  # for the IT person: a wrong password looks the same to a child
        from .core.i18n import Translator
        from .core.problems import message_language
        print(Translator(message_language(None))("database.unreachable", detail=app.services.store.why_offline),
              file=sys.stderr)
    termination.app = app
    if termination.requested:
        app.running = False
    if getattr(args, "speech", False):
        app.toggle_speech()
    from .core.club.setup import load_setup
    setup = load_setup(app.store)
    if getattr(args, "kiosk", False) or setup.kiosk:
        from .ui.kiosk import enable_kiosk
        enable_kiosk(app, setup.kiosk_idle_minutes)
    try:
        app.run()
    finally:
        # every way out (window closed, Esc on the title, SIGTERM, an error) closes the store, so that
        # the progress file alone holds everything (a librarian's backup copies just that file)
        app.last_try()
        app.services.store.close()
        getattr(app.services.speaker, "close", lambda: None)()
        import pygame
        pygame.quit()
    return 128 + signal.SIGTERM if termination.requested else 0
