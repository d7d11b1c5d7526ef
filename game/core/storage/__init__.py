"""Storage behind one port: what the game keeps of each child, whatever keeps it."""
from .errors import GroupNameTaken, NewerDatabaseError, NicknameTaken, StorageError, StorageTrouble
from .port import ProgressPort
from .records import (AnswerRecord, AnswerRow, AttemptRow, ChildSummary, Group, LevelSummary, PlaySession, Profile,
                      ReportScope, SavedPosition)
from .sqlite import DB_NAME, SqliteStore

__all__ = ["AnswerRecord", "AnswerRow", "AttemptRow", "ChildSummary", "DB_NAME", "Group", "GroupNameTaken", "LevelSummary",
           "PlaySession", "ReportScope", "NewerDatabaseError", "NicknameTaken",
           "Profile", "ProgressPort", "SavedPosition", "SqliteStore", "StorageError", "StorageTrouble"]
