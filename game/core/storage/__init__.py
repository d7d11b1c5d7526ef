"""Storage behind one port: what the game keeps of each child, whatever keeps it."""
from .errors import GroupNameTaken, NewerDatabaseError, NicknameTaken, StorageError, StorageTrouble
from .port import ProgressPort
from .records import (AnswerRecord, AnswerTotals, ChildSummary, Group, GroupTale, ImportReport, LevelSummary,
                      PlaySession, Profile, ProfilePage, ProgressTotals, ReportScope, SavedPosition, TeamGame,
                      TeamResult)
from .sqlite import DB_NAME, SqliteStore

__all__ = ["AnswerRecord", "AnswerTotals", "ChildSummary", "DB_NAME", "Group", "GroupNameTaken", "GroupTale", "ImportReport", "LevelSummary",
           "ProgressTotals",
           "PlaySession", "ReportScope", "NewerDatabaseError", "NicknameTaken",
           "Profile", "ProfilePage", "ProgressPort", "SavedPosition", "SqliteStore", "StorageError", "StorageTrouble",
           "TeamGame", "TeamResult"]
