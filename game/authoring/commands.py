"""The authoring commands of the command line: schema, new-pack, import-pack, export-pack.

`game/cli.py` declares their arguments and calls `run(args)`; every refusal is printed as a message
(and a hint) on stderr with exit code 1, never as a traceback.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core.problems import Problem


def run(args: argparse.Namespace) -> int:
    try:
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("stopped", file=sys.stderr)
        return 1
    except Exception as exc:  # noqa: BLE001 - a librarian gets a sentence, never a traceback
        return _refuse(args.command, f"unexpected problem: {type(exc).__name__}: {exc}",
                       "please report this message")


def _refuse(command: str, message: str, hint: str = "", problems: list[Problem] | None = None) -> int:
    sys.stdout.flush()
    for problem in problems or []:
        print(problem.format(), file=sys.stderr)
    print(f"{command}: {message}", file=sys.stderr)
    if hint:
        print(f"    hint: {hint}", file=sys.stderr)
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
        return _refuse("schema", f"cannot write {args.out}: {exc.strerror or exc}")
    print(f"wrote {args.out}")
    return 0


def _new_pack(args) -> int:
    from ..paths import LEVELS
    from .scaffold import ScaffoldError, new_pack
    try:
        created = new_pack(args.name, args.dir if args.dir is not None else LEVELS)
    except ScaffoldError as exc:
        return _refuse("new-pack", str(exc))
    shown = _shown(created.folder)
    print(f"created the pack '{args.name}' in {shown}:")
    for path in created.files:
        print(f"  {_shown(path)}")
    print(f"next: change the texts, then check them with: python run_game.py validate {shown}")
    return 0


def _import_pack(args) -> int:
    from ..core.datadir import data_dir
    from .packs import PackArchiveError, import_pack
    data = data_dir(args.data_dir)
    try:
        result = import_pack(args.zip, data, replace=args.replace)
    except PackArchiveError as exc:
        return _refuse("import-pack", exc.message, exc.hint, exc.problems)
    for problem in result.problems:
        print(problem.format())
    verb = "replaced" if result.replaced else "installed"
    print(f"{verb} the pack '{result.pack_id}' ({result.level_count} level(s), "
          f"{len(result.problems)} warning(s)) in {result.folder}")
    if result.skipped:
        print(f"note: {result.skipped} file(s) of the zip outside the pack folder, or hidden, were not installed")
    return 0


def _export_pack(args) -> int:
    from .packs import PackArchiveError, export_pack
    try:
        result = export_pack(args.pack_dir, args.out)
    except PackArchiveError as exc:
        return _refuse("export-pack", exc.message, exc.hint, exc.problems)
    for problem in result.problems:
        print(problem.format())
    for name in result.skipped:
        print(f"note: left out {name}")
    print(f"wrote {result.out}: the pack '{result.pack_id}', {len(result.files)} file(s)")
    return 0


def _shown(path: Path) -> str:
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(path)


_COMMANDS = {"schema": _schema, "new-pack": _new_pack, "import-pack": _import_pack, "export-pack": _export_pack}
