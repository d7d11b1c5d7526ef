"""Self-voicing through an offline engine: espeak-ng synthesises a WAV, pygame's mixer plays it.

    speaker = make_speaker(enabled=True, speed=160, volume=0.9)
    speaker.say("Сәлем!", "kk")       # returns at once; the worker synthesises (or finds it cached) and plays
    speaker.missing_voices()          # [MissingVoice(lang="kk", fallback="ru")] when there is no Kazakh voice
"""
from __future__ import annotations

from pathlib import Path

from ...core.speech import Speaker
from .espeak import DEFAULT_SPEED, SPEED_MAX, SPEED_MIN, EspeakSpeaker, espeak_command
from .player import MixerPlayer, Player
from .silent import NO_ENGINE, OFF, SilentSpeaker
from .voices import MissingVoice, VoiceTable, find_espeak

__all__ = ["DEFAULT_SPEED", "SPEED_MAX", "SPEED_MIN", "EspeakSpeaker", "MissingVoice", "MixerPlayer",
           "NO_ENGINE", "OFF", "Player", "SilentSpeaker", "VoiceTable", "espeak_command", "find_espeak",
           "make_speaker"]


def make_speaker(enabled: bool, *, speed: int = DEFAULT_SPEED, volume: float = 1.0,
                 cache_dir: Path | None = None, binary: str | None = None,
                 player: Player | None = None) -> Speaker:
    """An EspeakSpeaker when speech is on and espeak-ng is installed; otherwise a SilentSpeaker whose
    `reason` (OFF or NO_ENGINE) tells the game which notice to give. Never raises."""
    if not enabled:
        return SilentSpeaker(OFF)
    binary = binary or find_espeak()
    if binary is None:
        return SilentSpeaker(NO_ENGINE)
    return EspeakSpeaker(binary, speed=speed, volume=volume, cache_dir=cache_dir, player=player)
