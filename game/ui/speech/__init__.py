"""Self-voicing through an offline engine: espeak-ng synthesises a WAV, pygame's mixer plays it.

    speaker = make_speaker(enabled=True, speed=160, volume=0.9)
    speaker.say("Сәлем!", "kk")       # returns at once; the worker synthesises (or finds it cached) and plays
    speaker.missing_voices()          # [MissingVoice(lang="kk", fallback="ru")] when there is no Kazakh voice
"""
from __future__ import annotations

from pathlib import Path

from ...core.speech import NO_ENGINE, OFF, MissingVoice, SilentSpeaker, Speaker
from .espeak import DEFAULT_SPEED, SPEED_MAX, SPEED_MIN, EspeakSpeaker, espeak_command
from .player import MixerPlayer, Player
from .system_voice import SystemVoiceSpeaker, system_voice_speaker
from .voices import VoiceTable, find_espeak

__all__ = ["DEFAULT_SPEED", "SPEED_MAX", "SPEED_MIN", "EspeakSpeaker", "MissingVoice", "MixerPlayer",
           "NO_ENGINE", "OFF", "Player", "SilentSpeaker", "SystemVoiceSpeaker", "VoiceTable", "espeak_command",
           "find_espeak", "make_speaker"]


def make_speaker(enabled: bool, *, speed: int = DEFAULT_SPEED, volume: float = 1.0,
                 cache_dir: Path | None = None, binary: str | None = None,
                 player: Player | None = None) -> Speaker:
    """An EspeakSpeaker when speech is on and espeak-ng is installed, else the system's own voices
    through pyttsx3 when it is installed (Windows' SAPI5); otherwise a SilentSpeaker whose `reason`
    (OFF or NO_ENGINE) tells the game which notice to give. Never raises."""
    if not enabled:
        return SilentSpeaker(OFF)
    binary = binary or find_espeak()
    if binary is None:
        system = system_voice_speaker(speed=speed, volume=volume, cache_dir=cache_dir, player=player)
        return system if system is not None else SilentSpeaker(NO_ENGINE)
    return EspeakSpeaker(binary, speed=speed, volume=volume, cache_dir=cache_dir, player=player)
