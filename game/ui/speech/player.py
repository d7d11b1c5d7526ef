"""Playing a synthesised WAV through pygame's mixer, on a channel kept for speech alone."""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Protocol

SPEECH_CHANNEL = 0  # reserved: Sound.play() for the game's other sounds never picks it
MIXER_FORMAT = {"frequency": 22050, "size": -16, "channels": 1}  # the same as game/ui/sounds.py


class Player(Protocol):
    def play(self, path: Path) -> None:
        """Play the WAV file at `path`, cutting off what this player was playing."""

    def stop(self) -> None: ...

    def set_volume(self, volume: float) -> None:
        """0.0 to 1.0, applied at once, also to what is playing."""

    def busy(self) -> bool: ...


class MixerPlayer:
    """Silent, never failing, when the computer has no audio device."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._channel = None
        self._failed = False
        self._volume = 1.0

    @property
    def ok(self) -> bool:
        with self._lock:
            return self._ready()

    def _ready(self) -> bool:
        import pygame

        if self._channel is not None:
            return pygame.mixer.get_init() is not None  # False once the game has shut the mixer down
        if self._failed:
            return False

        try:
            if pygame.mixer.get_init() is None:
                pygame.mixer.init(**MIXER_FORMAT)
            if pygame.mixer.get_num_channels() <= SPEECH_CHANNEL:
                pygame.mixer.set_num_channels(8)
            pygame.mixer.set_reserved(SPEECH_CHANNEL + 1)
            self._channel = pygame.mixer.Channel(SPEECH_CHANNEL)
        except pygame.error:
            self._failed = True
            return False
        return True

    def play(self, path: Path) -> None:
        import pygame

        with self._lock:
            if not self._ready():
                return
        sound = pygame.mixer.Sound(file=str(path))  # pygame.error on an unreadable file: the caller's
        with self._lock:
            if self._ready():
                self._channel.set_volume(self._volume)
                self._channel.play(sound)

    def stop(self) -> None:
        with self._lock:
            if self._channel is not None:
                self._channel.stop()

    def set_volume(self, volume: float) -> None:
        with self._lock:
            self._volume = max(0.0, min(1.0, volume))
            if self._channel is not None:
                self._channel.set_volume(self._volume)

    def busy(self) -> bool:
        with self._lock:
            return self._channel is not None and bool(self._channel.get_busy())
