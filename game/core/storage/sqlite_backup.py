"""Copies of the progress file: made while the game may be running, checked before they are trusted,
put back without ever deleting what was there. Works on the database file itself, beside the store.

Backups live in `<data folder>/backups/` as `<kind>-YYYY-MM-DD-HHMMSS.sqlite3` (kind: daily or
manual), each one a single self-contained file (no -wal beside it). A file that is put aside is
renamed in its folder with its -wal and -shm, so SQLite can still open the set."""
from __future__ import annotations

import os
import re
import sqlite3
from contextlib import closing
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .errors import Refusal
from .migrations import SCHEMA_VERSION
from ..put_in_place import put_in_place

BACKUP_DIR = "backups"
DAILY_KEPT = 7
SIDE_FILES = ("-wal", "-shm", "-journal")
_NAME = re.compile(r"^(daily|manual)-(\d{4}-\d{2}-\d{2}-\d{6})\.sqlite3$")
_STAMP = "%Y-%m-%d-%H%M%S"
_CORRUPT = (11, 26)  # SQLITE_CORRUPT, SQLITE_NOTADB


class BackupError(Refusal):
    """A backup or a restore could not be done. `reason` names the message for the leader:
    damaged, newer, in_use, missing, same_file, unavailable."""


@dataclass(frozen=True)
class Check:
    """What a look inside a database file found. `state`: ok, damaged, newer, or unreadable (the file
    could not be opened for a reason that is not damage: a locked or unreachable folder)."""
    state: str
    version: int = 0
    detail: str = ""

    @property
    def ok(self) -> bool:
        return self.state == "ok"


def check_database(path: Path, thorough: bool = True) -> Check:
    """integrity_check (or the faster quick_check) and the schema version, without writing to it."""
    try:
        with closing(_open_read_only(path)) as db:
            version = db.execute("PRAGMA user_version").fetchone()[0]
            rows = db.execute("PRAGMA integrity_check" if thorough else "PRAGMA quick_check").fetchall()
            db.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as exc:
        return Check("damaged" if _reason(exc) == "damaged" else "unreadable", detail=str(exc))
    if rows != [("ok",)]:
        return Check("damaged", version, "; ".join(str(row[0]) for row in rows[:3]))
    if version > SCHEMA_VERSION:
        return Check("newer", version)
    return Check("ok", version)


def _reason(exc: sqlite3.DatabaseError) -> str:
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    return "damaged" if code in _CORRUPT or type(exc) is sqlite3.DatabaseError else "unavailable"


def _open_read_only(path: Path) -> sqlite3.Connection:
    if not path.is_file():
        raise sqlite3.OperationalError(f"no such file: {path}")
    return sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, isolation_level=None, timeout=5)


def backup_database(source: Path, target: Path, verify: bool = True) -> Path:
    """A consistent copy of `source` (SQLite's backup API: safe while the game writes to it) as one
    file at `target`, written under a temporary name, checked (`verify`), and renamed when complete."""
    if not source.is_file():
        raise BackupError("missing", str(source), path=source)
    if target.resolve() == source.resolve():  # the copy would replace the file under a running game
        raise BackupError("same_file", path=target)
    partial = target.with_name(f".{target.name}.partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        partial.unlink(missing_ok=True)
        with closing(_open_read_only(source)) as db, closing(sqlite3.connect(partial, isolation_level=None)) as copy:
            db.backup(copy)
            copy.execute("PRAGMA journal_mode = DELETE")  # the copy is one file, with no -wal to lose
        check = check_database(partial, thorough=False) if verify else Check("ok")
        if check.state == "damaged":  # the pages were copied as they are: the file itself is damaged
            raise BackupError("damaged", check.detail, path=source)
        _fsync(partial)
        put_in_place(partial, target)
    except sqlite3.DatabaseError as exc:
        raise BackupError(_reason(exc), str(exc), path=source) from exc
    except OSError as exc:
        raise BackupError("unavailable", str(exc), path=target) from exc
    finally:
        partial.unlink(missing_ok=True)
    return target


def _fsync(path: Path) -> None:
    with open(path, "rb+") as handle:
        os.fsync(handle.fileno())


def backup_name(kind: str, when: datetime) -> str:
    return f"{kind}-{when.strftime(_STAMP)}.sqlite3"


def backups(folder: Path) -> list[Path]:
    """The backups in `folder`, newest first (by the time in their names)."""
    if not folder.is_dir():
        return []
    found = [(match.group(2), path) for path in folder.iterdir() if (match := _NAME.match(path.name))]
    return [path for _, path in sorted(found, reverse=True)]


def daily_backup(database: Path, folder: Path, now: datetime, keep: int = DAILY_KEPT) -> Path | None:
    """Today's backup, unless there already is one (a look at the folder's names, nothing more), and
    only the `keep` newest daily ones are kept. Returns the new backup, or None. The file was checked
    just before (prepare_progress_file), so the copy is not checked again."""
    today = f"daily-{now.strftime('%Y-%m-%d')}-"
    daily = [path for path in backups(folder) if path.name.startswith("daily-")]
    if any(path.name.startswith(today) for path in daily) or not database.is_file():
        return None
    made = backup_database(database, folder / backup_name("daily", now), verify=False)
    for old in daily[keep - 1:]:
        old.unlink(missing_ok=True)
    return made


def latest_good_backup(folder: Path) -> tuple[Path, Check] | None:
    """The newest backup that passes integrity_check and that this game can open."""
    for path in backups(folder):
        check = check_database(path)
        if check.ok:
            return path, check
    return None


def keep_aside(database: Path, why: str, now: datetime) -> Path:
    """Rename `database` (with its -wal, -shm, -journal) to `<stem>-<why>-<time><suffix>` in the same
    folder, never over an existing file. Returns the new name of the database file. The side files go
    first: a -wal left alone under the live name would be replayed into the next file made there."""
    stamp = now.strftime(_STAMP)
    for n in range(1000):
        aside = database.with_name(f"{database.stem}-{why}-{stamp}{f'-{n}' if n else ''}{database.suffix}")
        if not any(Path(f"{aside}{side}").exists() for side in ("", *SIDE_FILES)):
            break
    else:
        raise BackupError("unavailable", f"no free name beside {database}", path=database)
    for side in SIDE_FILES:
        if Path(f"{database}{side}").exists():
            os.rename(f"{database}{side}", f"{aside}{side}")
    os.rename(database, aside)
    return aside


def staged(database: Path) -> Path:
    """Where a copy waits, complete, before it takes the place of `database`."""
    return database.with_name(f".{database.name}.staged")


def replace_with(backup: Path, database: Path, why: str, now: datetime) -> Path | None:
    """A copy of `backup` takes the place of `database`, which is kept aside as `why` (returned; None
    when there was none). The copy is complete and on disk before anything is renamed, so a stop at any
    moment leaves the old file in place, or the new one, or the complete copy waiting (finish_replace)."""
    waiting, aside = staged(database), None
    try:
        with open(backup, "rb") as source, open(waiting, "wb") as target:
            while chunk := source.read(1 << 20):
                target.write(chunk)
            target.flush()
            os.fsync(target.fileno())
        aside = keep_aside(database, why, now) if database.exists() else None
        os.replace(waiting, database)
    except OSError as exc:
        waiting.unlink(missing_ok=True)
        raise BackupError("unavailable", str(exc), path=database, aside=aside) from exc
    return aside


def finish_replace(database: Path) -> bool:
    """After a stop between replace_with's two renames: put the waiting copy in place. True if it was."""
    waiting = staged(database)
    if not waiting.is_file():
        return False
    if database.exists() or not check_database(waiting).ok:  # a copy cut short: the old file never moved
        waiting.unlink(missing_ok=True)
        return False
    os.replace(waiting, database)
    return True


def in_use(database: Path) -> bool:
    """Is a game open on this file? Leaving WAL mode needs every other connection closed (and, when
    none is, it is left: the -wal is written into the file, which the game puts back in WAL mode)."""
    try:
        with closing(sqlite3.connect(database, isolation_level=None, timeout=0)) as db:
            db.execute("PRAGMA journal_mode = DELETE").fetchone()
    except sqlite3.OperationalError as exc:
        return "locked" in str(exc) or "busy" in str(exc)
    except sqlite3.DatabaseError:
        return False
    return False


@dataclass(frozen=True)
class Restored:
    backup: Path
    version: int
    kept_aside: Path | None  # where the file that was in place went (None: there was none)


def restore_database(backup: Path, database: Path, now: datetime) -> Restored:
    """Put `backup` in place of `database` after checking it: damaged or newer backups are refused,
    as is a restore while a game has the file open. What was in place is kept aside, never deleted."""
    if not backup.is_file():
        raise BackupError("missing", str(backup), path=backup)
    check = check_database(backup)
    if check.state == "newer":
        raise BackupError("newer", path=backup, version=check.version, known=SCHEMA_VERSION)
    if not check.ok:
        raise BackupError("damaged", check.detail, path=backup)
    # the probe for a running game writes the file's header: a damaged file is kept aside as it is
    if check_database(database, thorough=False).ok and in_use(database):
        raise BackupError("in_use", path=database)
    try:
        database.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupError("unavailable", str(exc), path=database) from exc
    return Restored(backup, check.version, replace_with(backup, database, "before-restore", now))
