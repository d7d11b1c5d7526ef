"""The speaker used when speech is off or no engine is installed: it never makes a sound or fails."""
from __future__ import annotations

from .voices import WANTED, MissingVoice

OFF = "off"  # self-voicing switched off
NO_ENGINE = "no-engine"  # espeak-ng is not installed


class SilentSpeaker:
    """Speech switched off, or no engine on this computer: remembers the last line and says nothing."""

    def __init__(self, reason: str = OFF) -> None:
        self.available = False
        self.reason = reason
        self.last: tuple[str, str] | None = None

    def say(self, text: str, lang: str) -> None:
        if text.strip():
            self.last = (text.strip(), lang)

    def stop(self) -> None:
        pass

    def repeat(self) -> None:
        pass

    def missing_voices(self) -> list[MissingVoice]:
        """Nothing to report when speech is off; every language when there is no engine at all."""
        return [MissingVoice(lang, None) for lang in WANTED] if self.reason == NO_ENGINE else []

    def close(self) -> None:
        pass
