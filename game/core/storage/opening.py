"""Which store the game plays on: this computer's SQLite file, or the room's PostgreSQL server."""
from __future__ import annotations

from pathlib import Path

from .port import ProgressPort
from .sqlite import SqliteStore

SERVER_SCHEMES = ("postgresql://", "postgres://")


class DatabaseSettingError(ValueError):
    """`--database` names something the game cannot use; `key` is the catalog key that says why."""

    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def open_progress(folder: Path, database: str | None = None) -> ProgressPort:
    """None: progress.sqlite3 in `folder`. A postgresql:// URL: the room's server, with this computer's
    outbox (in `folder`) for when the server cannot be reached."""
    if not database:
        return SqliteStore.in_folder(folder)
    if not database.startswith(SERVER_SCHEMES):
        raise DatabaseSettingError("database.not_postgresql")
    try:
        from .resilient import ResilientStore
    except ImportError as exc:  # psycopg is an optional extra
        raise DatabaseSettingError("database.needs_driver") from exc
    return ResilientStore(database, folder)
