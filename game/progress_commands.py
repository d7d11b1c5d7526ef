"""`run_game.py export-progress` and `import-progress`: children's progress carried to another computer
in one file (the format and the rules of the merge: game/core/transfer.py, README "Progress that moves")."""
from __future__ import annotations

import sys


def export_progress(args) -> int:
    return _with_store(args, _export)


def import_progress(args) -> int:
    return _with_store(args, _import)


def _export(args, tr, store) -> int:
    from .core.profiles import normalise_nickname
    from .core.transfer import export_progress as write
    ids = None
    if args.child is not None:
        key = normalise_nickname(args.child).casefold()
        ids = [p.id for p in store.profiles(include_archived=True) if p.nickname.casefold() == key]
        if not ids:
            print(tr("transfer.no_child", name=args.child), file=sys.stderr)
            return 1
    elif args.group is not None:
        group = next((g for g in store.groups()
                      if args.group.casefold() == g.name.casefold() or args.group == str(g.id)), None)
        if group is None:
            names = ", ".join(f"{g.id}: {g.name}" for g in store.groups()) or "-"
            print(tr("report.no_group", group=args.group, groups=names), file=sys.stderr)
            return 1
        ids = list(group.member_ids)
    children = write(store, args.out, ids)
    print(tr("transfer.exported", path=str(args.out), children=children))
    return 0


def _import(args, tr, store) -> int:
    from .core.transfer import import_progress as merge
    report = merge(store, args.file)
    for name, new in report.renamed:
        print(tr("transfer.renamed", name=name, new=new))
    if not report.changed:
        print(tr("transfer.unchanged", path=str(args.file)))
        return 0
    print(tr("transfer.imported", path=str(args.file), new=report.new_children, same=report.same_children,
             attempts=report.attempts, answers=report.answers, stars=report.best_stars, groups=report.groups,
             members=report.group_members, places=report.positions, lines=report.lines_read))
    return 0


def _with_store(args, work) -> int:
    """Runs `work(args, tr, store)` on this computer's progress, says in the leader's language why it could
    not, and always closes the store."""
    from .cli import open_store
    from .core.i18n import Translator
    from .core.problems import message_language
    from .core.storage import NicknameTaken, StorageError
    from .core.transfer import TransferError
    tr = Translator(message_language(args.lang))
    store = open_store(args, tr)
    if isinstance(store, int):
        return store
    try:
        return work(args, tr, store)
    except TransferError as error:
        print(tr(f"transfer.{error.reason}", detail=error.detail, **error.values), file=sys.stderr)
    except NicknameTaken:  # a profile here changed between the plan and the transaction
        print(tr("transfer.clash_moved"), file=sys.stderr)
    except StorageError as error:
        print(tr(f"storage.{error.reason}") + " " + tr("transfer.nothing_changed"), file=sys.stderr)
    finally:
        store.close()
    return 1
