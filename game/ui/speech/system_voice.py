"""The operating system's own voices through pyttsx3 (SAPI5 on Windows, NSSpeechSynthesizer on macOS,
libespeak-ng on Linux), for computers without the espeak-ng program: the same worker, latest-wins,
WAV cache and mixer playback as EspeakSpeaker; only the synthesis differs (pyttsx3 writes the WAV).

Tested on Linux (libespeak-ng); the Windows (SAPI5) path follows pyttsx3's documentation but has not been
run on a Windows computer yet."""
from __future__ import annotations

import sys
from pathlib import Path


from .espeak import DEFAULT_SPEED, EspeakSpeaker, _Job
from .player import Player
from .voices import WANTED, VoiceTable


def voices_of(engine) -> VoiceTable:
    """pyttsx3's voices as a VoiceTable: a voice counts for each language it lists ('kk', b'\\x05kk',
    'kk_KZ', 'kk-KZ') or, failing that, names in its id (SAPI voices often list no language)."""
    found: dict[str, tuple[int, str]] = {}
    for voice in engine.getProperty("voices") or []:
        codes = []
        for language in getattr(voice, "languages", None) or []:
            if isinstance(language, bytes):
                language = language.decode("ascii", "ignore").lstrip("\x00\x01\x02\x03\x04\x05")
            codes.append(str(language).replace("_", "-").lower())
        if not codes:
            words = f"{getattr(voice, 'id', '')} {getattr(voice, 'name', '')}".lower()
            codes = [lang for lang, name in (("kk", "kazakh"), ("ru", "russian"), ("en", "english"))
                     if name in words]
        for code in codes:
            priority = 1 if code.split("-")[0] in WANTED else 5
            if code not in found or priority < found[code][0]:
                found[code] = (priority, voice.id)
    return VoiceTable(found)


class SystemVoiceSpeaker(EspeakSpeaker):
    engine_tag = "pyttsx3/1"

    def __init__(self, engine=None, *, speed: int = DEFAULT_SPEED, volume: float = 1.0,
                 cache_dir: Path | None = None, player: Player | None = None) -> None:
        if engine is None:
            import pyttsx3
            engine = pyttsx3.init()
        self._engine = engine
        self._com_ready = False
        super().__init__("pyttsx3", speed=speed, volume=volume, cache_dir=cache_dir, player=player,
                         voices=voices_of(engine))

    def _synthesise(self, job: _Job, name: str) -> Path | None:
        assert self._cache is not None
        if sys.platform == "win32" and not self._com_ready:  # SAPI is COM: this thread must join it first
            import comtypes
            comtypes.CoInitialize()
            self._com_ready = True
        partial = self._cache.partial(name)
        engine = self._engine
        if job.voice:
            engine.setProperty("voice", job.voice)
        engine.setProperty("rate", job.speed)
        engine.save_to_file(job.text, str(partial))
        engine.runAndWait()  # cannot be cut short: a stale result is simply not played
        if not partial.is_file() or partial.stat().st_size <= 44:
            partial.unlink(missing_ok=True)
            self.last_error = "the system voice wrote no sound"
            return None
        return self._cache.add(name, partial)


def system_voice_speaker(**options) -> SystemVoiceSpeaker | None:
    """The system's voices when pyttsx3 is installed and starts; None otherwise (never raises)."""
    try:
        return SystemVoiceSpeaker(**options)
    except Exception:  # no pyttsx3, no driver, a broken SAPI: the game goes on silent and says why
        return None



