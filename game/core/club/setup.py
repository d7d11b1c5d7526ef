"""The club leader's choices for this computer: the library's name (on reports and certificates) and
kiosk mode (fullscreen, the PIN to leave, back to the profile screen after some idle minutes)."""
from __future__ import annotations

from dataclasses import asdict, dataclass

from ..storage import ProgressPort

IDLE_MINUTES = (3, 5, 10, 15, 30)
MAX_LIBRARY_NAME = 80


@dataclass(frozen=True)
class ClubSetup:
    library_name: str = ""
    kiosk: bool = False
    kiosk_idle_minutes: int = 10

    @classmethod
    def from_dict(cls, data: dict) -> "ClubSetup":
        """Bad or unknown values fall back to the defaults: an edited record never stops the game."""
        name = data.get("library_name")
        minutes = data.get("kiosk_idle_minutes")
        return cls(name[:MAX_LIBRARY_NAME] if isinstance(name, str) else "",
                   data.get("kiosk") is True,
                   minutes if isinstance(minutes, int) and not isinstance(minutes, bool) and minutes > 0 else 10)


def load_setup(store: ProgressPort) -> ClubSetup:
    return ClubSetup.from_dict(store.club_setup())


def save_setup(store: ProgressPort, setup: ClubSetup) -> ClubSetup:
    """Returns what was kept; raises StorageError when the disk refuses."""
    store.save_club_setup(asdict(setup))
    return setup
