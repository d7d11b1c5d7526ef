"""Storage behind one port: what the game keeps of each child, whatever keeps it."""
from .errors import NewerDatabaseError, NicknameTaken, StorageError, StorageTrouble
from .port import ProgressPort
from .records import AnswerRecord, ChildSummary, LevelSummary, Profile, SavedPosition
from .sqlite import DB_NAME, SqliteStore

__all__ = ["AnswerRecord", "ChildSummary", "DB_NAME", "LevelSummary", "NewerDatabaseError", "NicknameTaken",
           "Profile", "ProgressPort", "SavedPosition", "SqliteStore", "StorageError", "StorageTrouble"]
