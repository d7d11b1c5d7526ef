"""One interface for everything the game says aloud; real engines live in the presentation layer."""
from __future__ import annotations

from typing import Protocol


class Speaker(Protocol):
    def say(self, text: str, lang: str) -> None:
        """Speak `text`, cutting off whatever was being said."""

    def stop(self) -> None: ...

    def repeat(self) -> None:
        """Say the last utterance again."""


class RecordingSpeaker:
    """Keeps what would have been said, for tests and for the pilot."""

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
