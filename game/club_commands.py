"""`run_game.py report`: the leader's reports from the command line (the desk writes the same files)."""
from __future__ import annotations

import sys

from .core.club.export import write_report
from .core.club.report import build_report
from .core.club.setup import load_setup
from .core.storage import DB_NAME, ReportScope, SqliteStore, StorageError


def _open(args):
    """(translator, data folder, store), or None after saying why there is no store."""
    from .core.datadir import data_dir
    from .core.i18n import Translator
    from .core.problems import message_language
    tr = Translator(message_language(args.lang))
    folder = data_dir(args.data_dir)
    if not (folder / DB_NAME).is_file():
        print(tr("report.no_progress", path=str(folder / DB_NAME)), file=sys.stderr)
        return None
    try:
        return tr, folder, SqliteStore(folder / DB_NAME)
    except StorageError as error:
        print(tr(f"storage.{error.reason}"), file=sys.stderr)
        return None


def _catalog(folder):
    from .core.catalog import Catalog
    from .core.datadir import level_roots
    from .paths import LEVELS
    return Catalog.load(level_roots(LEVELS, folder))


def report(args) -> int:
    opened = _open(args)
    if opened is None:
        return 1
    tr, folder, store = opened
    try:
        group_id = None
        if args.group is not None:
            group = next((g for g in store.groups() if args.group in (g.name, str(g.id))), None)
            if group is None:
                names = ", ".join(f"{g.id}: {g.name}" for g in store.groups()) or "-"
                print(tr("report.no_group", group=args.group, groups=names), file=sys.stderr)
                return 1
            group_id = group.id
        if args.session is not None and store.session(args.session) is None:
            print(tr("report.no_session", session=args.session), file=sys.stderr)
            return 1
        scope = ReportScope(group_id=group_id, session_id=args.session, since=args.since, until=args.until)
        built = build_report(store, _catalog(folder), scope, tr.lang, (tr("report.answer_yes"), tr("report.answer_no")))
        path = write_report(args.out, built, tr, args.format, load_setup(store).library_name)
        children = len(built.children)
    except OSError as error:
        print(tr("report.not_written", path=str(args.out), error=error.strerror or str(error)), file=sys.stderr)
        return 1
    finally:
        store.close()
    print(tr("report.written", path=str(path), children=children))
    return 0


def certificate(args) -> int:
    from datetime import date
    from .core.club.certificate import Refusal, pack_certificate, session_certificate, write_certificate
    from .core.profiles import normalise_nickname
    opened = _open(args)
    if opened is None:
        return 1
    tr, folder, store = opened
    try:
        key = normalise_nickname(args.child).casefold()
        child = next((p for p in store.profiles(include_archived=True) if p.nickname.casefold() == key), None)
        if child is None:
            print(tr("cert.no_child", name=args.child), file=sys.stderr)
            return 1
        day, library = args.date or date.today().isoformat(), load_setup(store).library_name
        made = (pack_certificate(store, _catalog(folder), child, args.pack, tr, library, day) if args.pack
                else session_certificate(store, child, args.session, tr, library, day))
        if isinstance(made, Refusal):
            print(tr(made.key, **dict(made.values)), file=sys.stderr)
            return 1
        pdf, png = write_certificate(args.out, made, tr)
    except OSError as error:
        print(tr("report.not_written", path=str(args.out), error=error.strerror or str(error)), file=sys.stderr)
        return 1
    finally:
        store.close()
    print(tr("cert.written", pdf=str(pdf), png=str(png)))
    return 0
