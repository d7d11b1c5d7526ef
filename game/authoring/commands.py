"""The authoring commands of the command line: schema, new-pack, import-pack, export-pack, picture-grid.

`game/cli.py` declares their arguments and calls `run(args)`; every refusal is printed as a message
(and a hint) on stderr with exit code 1, never as a traceback. Messages are in the language of `--lang`,
else of the computer (see game.core.problems.message_language).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.problems import HINT_WORD, Msg, Problem, message_language, translate

_LANG = {"messages": "en"}  # the language of this run's messages, set by run()


def _say(message: str, file=None) -> None:
    print(translate(message, _LANG["messages"]), file=file)


def run(args: argparse.Namespace) -> int:
    _LANG["messages"] = message_language(getattr(args, "lang", None))
    try:
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        _say(Msg("stopped"), file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - a librarian gets a sentence, never a traceback
        return _refuse(args.command, Msg("unexpected problem: {kind}: {detail}", kind=type(exc).__name__,
                                         detail=str(exc)),
                       Msg("please report this message"))


def _refuse(command: str, message: Msg, hint: Msg | str = "", problems: list[Problem] | None = None) -> int:
    lang = _LANG["messages"]
    sys.stdout.flush()
    for problem in problems or []:
        print(problem.format(lang), file=sys.stderr)
    print(f"{command}: {translate(message, lang)}", file=sys.stderr)
    if hint:
        print(f"    {HINT_WORD.text(lang)}: {translate(hint, lang)}", file=sys.stderr)
    return 1


def _schema(args) -> int:
    from .schema import schema_text
    text = schema_text()
    if args.out is None:
        sys.stdout.flush()
        sys.stdout.buffer.write(text.encode("utf-8"))
        sys.stdout.buffer.flush()
        return 0
    try:
        args.out.parent.mkdir(parents=True, exist_ok=True)
        part = args.out.with_name(args.out.name + ".part")
        part.write_bytes(text.encode("utf-8"))
        part.replace(args.out)
    except OSError as exc:
        return _refuse("schema", Msg("cannot write {path}: {reason}", path=str(args.out),
                                     reason=exc.strerror or str(exc)))
    _say(Msg("wrote {path}", path=str(args.out)))
    return 0


def _new_pack(args) -> int:
    from ..paths import LEVELS
    from .scaffold import ScaffoldError, new_pack
    try:
        created = new_pack(args.name, args.dir if args.dir is not None else LEVELS)
    except ScaffoldError as exc:
        return _refuse("new-pack", exc.args[0])
    shown = _shown(created.folder)
    _say(Msg("created the pack '{name}' in {folder}:", name=args.name, folder=shown))
    for path in created.files:
        print(f"  {_shown(path)}")
    if args.spreadsheet:
        return _spreadsheet(created.folder, shown)
    _say(Msg("next: change the texts, then check them with: python run_game.py validate {folder}", folder=shown))
    return 0


def _spreadsheet(folder: Path, shown: str) -> int:
    """questions.xlsx beside the pack's first quiz: that quiz's questions, a filled example of every type."""
    import yaml

    from .sheets.command import write_template
    quiz = yaml.safe_load((folder / "first-quiz.yaml").read_text(encoding="utf-8"))
    quiz.pop("unlock", None)  # the first quiz's 'always' is the default of a new level too
    code = write_template(quiz, folder / "questions.xlsx", _LANG["messages"])
    if code == 0:
        _say(Msg("next: write your questions in {sheet}, then: python run_game.py import-questions {sheet} --out "
                 "{folder}/my-quiz.yaml", sheet=f"{shown}/questions.xlsx", folder=shown))
    return code


def _import_pack(args) -> int:
    from ..core.datadir import data_dir
    from .packs import PackArchiveError, import_pack
    data = data_dir(args.data_dir)
    try:
        result = import_pack(args.zip, data, replace=args.replace)
    except PackArchiveError as exc:
        return _refuse("import-pack", exc.message, exc.hint, exc.problems)
    for problem in result.problems:
        print(problem.format(_LANG["messages"]))
    done = dict(id=result.pack_id, levels=result.level_count, warnings=len(result.problems), folder=str(result.folder))
    _say(Msg("replaced the pack '{id}' ({levels} level(s), {warnings} warning(s)) in {folder}", **done)
         if result.replaced else Msg("installed the pack '{id}' ({levels} level(s), {warnings} warning(s)) in {folder}",
                                     **done))
    if result.skipped:
        _say(Msg("note: {count} file(s) of the zip outside the pack folder, or hidden, were not installed",
                 count=result.skipped))
    return 0


def _export_pack(args) -> int:
    from .packs import PackArchiveError, export_pack
    try:
        result = export_pack(args.pack_dir, args.out)
    except PackArchiveError as exc:
        return _refuse("export-pack", exc.message, exc.hint, exc.problems)
    for problem in result.problems:
        print(problem.format(_LANG["messages"]))
    for name in result.skipped:
        _say(Msg("note: left out {name}", name=name))
    _say(Msg("wrote {path}: the pack '{id}', {count} file(s)", path=str(result.out), id=result.pack_id,
             count=len(result.files)))
    return 0


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


def _picture_grid(args) -> int:
    from ..ui.picture_grid import write_grid
    out = args.out or Path(f"{args.picture.stem}-grid.png")
    try:
        width, height, step = write_grid(args.picture, out, args.step)
    except (OSError, ValueError) as exc:
        return _refuse("picture-grid", Msg("cannot read the picture {path} ({reason})", path=str(args.picture),
                                           reason=getattr(exc, "strerror", None) or str(exc)),
                       Msg("give the path of an SVG, PNG or JPG picture, e.g. levels/my-library/assets/map.svg"))
    _say(Msg("wrote {path}", path=str(out)))
    _say(Msg("the picture is {width}×{height} pixels; the grid lines are {step} pixels apart. A hotspot region's "
             "[x, y] is read off the numbers at the top (x) and on the left (y)", width=width, height=height,
             step=step))
    return 0


_COMMANDS = {"schema": _schema, "new-pack": _new_pack, "import-pack": _import_pack, "export-pack": _export_pack,
             "picture-grid": _picture_grid}
