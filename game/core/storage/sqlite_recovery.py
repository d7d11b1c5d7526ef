"""Before the store is opened: is the progress file sound? A damaged one is put aside (never deleted)
and the latest good backup takes its place, or a fresh file when there is none, and the leader is
told; then the day's backup is taken. The game never plays on over a damaged file."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from .sqlite_backup import BACKUP_DIR, BackupError, check_database, daily_backup, finish_replace, keep_aside, \
    latest_good_backup, replace_with
from ..i18n import Translator
from .sqlite import DB_NAME


@dataclass(frozen=True)
class StartupReport:
    """What prepare_progress_file found and did. `problem`: None, or why something could not be
    done (a BackupError reason)."""
    damaged: bool = False
    detail: str = ""
    kept_aside: Path | None = None
    restored_from: Path | None = None
    backup_made: Path | None = None
    problem: str | None = None
    resumed: bool = False  # the game had stopped while a backup was taking a damaged file's place

    def notice(self, tr: Translator) -> str | None:
        """What the leader must be told, in plain words (None: all is well)."""
        if self.resumed:
            return tr("recovery.resumed")
        if self.damaged and self.kept_aside is None:
            return tr("recovery.stuck")
        if self.restored_from is not None:
            when = self.restored_from.stem.split("-", 1)[1]
            day, time = when[:10], when[11:]
            return tr("recovery.restored", aside=self.kept_aside.name, date=f"{day} {time[:2]}:{time[2:4]}")
        if self.damaged:
            return tr("recovery.fresh", aside=self.kept_aside.name)
        return None

    def backup_failure(self, tr: Translator) -> str | None:
        """The day's backup could not be made: for the terminal only, the child's play is not at stake."""
        if self.problem is None or self.damaged:
            return None
        return tr("backup.daily_failed", detail=self.detail or self.problem)


def prepare_progress_file(folder: Path, now: datetime | None = None) -> StartupReport:
    """Check `folder`'s progress file (quick_check), replace it if damaged, take the daily backup.
    Never raises for a folder it cannot use: opening the store tells about that."""
    now = now or datetime.now()
    database, backups = folder / DB_NAME, folder / BACKUP_DIR
    try:
        if finish_replace(database):
            return StartupReport(resumed=True)
    except OSError:
        return StartupReport()
    if not database.is_file():
        return StartupReport()
    damage = _damage(database)
    if damage is None:
        try:
            return StartupReport(backup_made=daily_backup(database, backups, now))
        except BackupError as error:
            return StartupReport(problem=error.reason, detail=error.detail)
    good = latest_good_backup(backups)
    try:
        if good is None:
            return StartupReport(damaged=True, detail=damage, kept_aside=keep_aside(database, "damaged", now))
        aside = replace_with(good[0], database, "damaged", now)
    except (OSError, BackupError) as error:  # the store opens what is left: the damaged file, or a fresh one
        values = getattr(error, "values", {})
        return StartupReport(damaged=True, detail=damage, kept_aside=values.get("aside"),
                             problem=getattr(error, "reason", "unavailable"))
    return StartupReport(damaged=True, detail=damage, kept_aside=aside, restored_from=good[0])


def _damage(database: Path) -> str | None:
    """Why the file is damaged, or None. The game never leaves an empty file behind (its schema is
    written at once), so an empty one is a file cut short."""
    try:
        if database.stat().st_size == 0:
            return "empty file"
    except OSError:
        return None
    check = check_database(database, thorough=False)
    return (check.detail or "damaged") if check.state == "damaged" else None
