"""Kiosk mode's idle clock: after some minutes without input the game goes back to the profile screen
for the next child, after a gentle countdown that any input stops. Time comes from outside."""
from __future__ import annotations

from dataclasses import dataclass

COUNTDOWN_SECONDS = 30


@dataclass
class IdleClock:
    idle_minutes: int
    idle: float = 0.0  # seconds since the last input

    @property
    def limit(self) -> float:
        return self.idle_minutes * 60.0

    def touched(self) -> None:
        self.idle = 0.0

    def advance(self, seconds: float) -> None:
        self.idle += seconds

    @property
    def counting(self) -> bool:
        return self.limit - COUNTDOWN_SECONDS <= self.idle < self.limit

    @property
    def seconds_left(self) -> int:
        """Whole seconds until the return, while counting down."""
        return max(0, int(self.limit - self.idle + 0.999))

    @property
    def expired(self) -> bool:
        return self.idle >= self.limit
