"""Short soft sounds made in code: a wooden tap, a bright two-note chime, a gentle low tone."""
from __future__ import annotations

import array
import math

import pygame

RATE = 22050
RECIPES = {  # notes (frequency, seconds), volume, decay
    "tap": ([(520, 0.05)], 0.25, 60),
    "right": ([(660, 0.12), (880, 0.25)], 0.35, 9),
    "not_yet": ([(330, 0.3)], 0.25, 8),
}


def _tone(notes: list[tuple[float, float]], volume: float, decay: float) -> bytes:
    samples = array.array("h")
    for freq, seconds in notes:
        count = int(RATE * seconds)
        for i in range(count):
            t = i / RATE
            envelope = math.exp(-t * decay) * min(1.0, i / 200)
            samples.append(int(32767 * volume * envelope * math.sin(2 * math.pi * freq * t)))
    return samples.tobytes()


class Sounds:
    """Plays named sounds; silent when the computer has no audio device."""

    def __init__(self, volume: float = 0.6) -> None:
        self._sounds: dict[str, pygame.mixer.Sound] = {}
        self._channels = 0  # no audio device: every sound is silent
        self.volume = volume
        self.played: list[str] = []
        try:
            pygame.mixer.init(frequency=RATE, size=-16, channels=1)
        except pygame.error:
            return
        if pygame.mixer.get_init() is None:
            return
        self._channels = pygame.mixer.get_init()[2]

    def _sound(self, name: str) -> pygame.mixer.Sound | None:
        """Made the first time it is played: a few tens of milliseconds the first screen need not wait."""
        if name not in self._sounds and self._channels and name in RECIPES:
            data = _tone(*RECIPES[name])
            if self._channels == 2:
                mono = array.array("h", data)
                data = array.array("h", (v for v in mono for _ in (0, 1))).tobytes()
            sound = pygame.mixer.Sound(buffer=data)
            sound.set_volume(self.volume)
            self._sounds[name] = sound
        return self._sounds.get(name)

    def play_file(self, path) -> bool:
        """A recorded sound of a level (a line read aloud); False if it cannot be played."""
        if not self._channels:
            return False
        try:
            pygame.mixer.Sound(str(path)).play()
        except (pygame.error, FileNotFoundError):
            return False
        self.played.append(str(path))
        return True

    def play(self, name: str) -> None:
        self.played.append(name)
        sound = self._sound(name)
        if sound is not None:
            sound.play()
