"""One interface for everything the game says aloud; real engines live in the presentation layer."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Protocol

WANTED: tuple[str, ...] = ("kk", "ru", "en")  # the languages the game speaks


class SpeakerStatus(Enum):
    SPEAKING = "speaking"  # a real engine
    OFF = "off"  # self-voicing switched off
    NO_ENGINE = "no_engine"  # no speech engine on this computer (also the catalog key speech.no_engine)


OFF = SpeakerStatus.OFF
NO_ENGINE = SpeakerStatus.NO_ENGINE


class Speaker(Protocol):
    status: SpeakerStatus

    def say(self, text: str, lang: str) -> None:
        """Speak `text`, cutting off whatever was being said."""

    def stop(self) -> None: ...

    def repeat(self) -> None:
        """Say the last utterance again."""


class RecordingSpeaker:
    """Keeps what would have been said, for tests and for the pilot."""

    status = SpeakerStatus.SPEAKING

    def __init__(self) -> None:
        self.said: list[tuple[str, str]] = []

    def say(self, text: str, lang: str) -> None:
        if text.strip():
            self.said.append((text, lang))

    def stop(self) -> None:
        pass

    def repeat(self) -> None:
        if self.said:
            self.said.append(self.said[-1])

    @property
    def texts(self) -> list[str]:
        return [text for text, _ in self.said]


@dataclass(frozen=True)
class MissingVoice:
    """A language the engine has no voice for, and the voice used instead (None: the engine's default)."""

    lang: str
    fallback: str | None


class SilentSpeaker:
    """Speech switched off, or no engine on this computer: remembers the last line and says nothing."""

    def __init__(self, reason: SpeakerStatus = SpeakerStatus.OFF) -> None:
        self.available = False
        self.status = self.reason = reason
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
