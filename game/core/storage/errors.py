"""Why progress could not be kept, in words the game can tell a child and a leader."""
from __future__ import annotations

from enum import Enum


class StorageTrouble(str, Enum):
    FULL = "full"
    READ_ONLY = "read_only"
    BUSY = "busy"
    UNAVAILABLE = "unavailable"
    DENIED = "denied"  # the data folder may not be opened at all (its permissions); detail: the folder
    DAMAGED = "damaged"
    OFFLINE = "offline"  # the room's server is out of reach: answers wait on this computer, a new profile waits


class StorageError(RuntimeError):
    """Progress could not be saved: the disk is full, the data folder is read-only, or it is gone.

    Raised by every write of a store instead of its driver's errors. The write was rolled back:
    what was saved before is intact, the store stays usable, and a later write may succeed (after
    space was freed). `reason` is a StorageTrouble value, also the catalog key `storage.<reason>`."""

    def __init__(self, reason: StorageTrouble | str, detail: str = "") -> None:
        reason = StorageTrouble(reason)
        text = f"progress not saved ({reason.value})"
        super().__init__(f"{text}: {detail}" if detail else text)
        self.reason = reason.value
        self.detail = detail


class NewerDatabaseError(RuntimeError):
    """The progress was written by a newer version of the game."""


class NicknameTaken(ValueError):
    """Another profile has this nickname (perhaps made a moment ago on another screen or computer)."""


class GroupNameTaken(ValueError):
    """Another group has this name."""


class Refusal(RuntimeError):
    """A file was not taken or written. `reason` names the message for the leader (a catalog key's last
    part); `detail` is the system's own words, `values` fill the message."""

    def __init__(self, reason: str, detail: str = "", **values: object) -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason)
        self.reason = reason
        self.detail = detail
        self.values = values

