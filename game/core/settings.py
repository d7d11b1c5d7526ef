"""Player settings the game logic needs to know about. Stored per profile by the accessibility work."""
from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Settings:
    text_speed: int = 45          # letters per second as a story line appears; 0 shows it at once
    auto_advance: bool = False    # narration lines go on by themselves after a pause
    reduced_motion: bool = False  # no bobbing, sliding or curtain animation
