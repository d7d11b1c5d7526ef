"""The Speaker that synthesises with the espeak-ng program and plays through pygame's mixer.

say() only records the request and wakes a worker thread, so the game loop never waits for synthesis.
The latest utterance wins: say() and stop() cut off playback, kill a synthesis in flight and make any
older request stale; the worker checks staleness again just before playing (under the same lock)."""
from __future__ import annotations

import logging
import subprocess
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

from ...core.speech import SpeakerStatus
from .cache import WavCache
from .player import MixerPlayer, Player
from .voices import WANTED, MissingVoice, Runner, VoiceTable, data_arguments, find_espeak, hidden_window

log = logging.getLogger(__name__)

SPEED_MIN, SPEED_MAX = 80, 450  # espeak-ng -s, words per minute
DEFAULT_SPEED = 160  # espeak-ng's own 175 is quick for young listeners
AMPLITUDE = 100  # espeak-ng -a; the volume setting acts at playback, so changing it keeps the cache valid
SYNTH_TIMEOUT = 60.0  # seconds; only a hung engine gets near this
ENGINE_TAG = "espeak-ng/1"  # part of every cache key: bump it when the command changes

# Starts the synthesis command; subprocess.Popen, or a fake in tests.
Popen = Callable[..., subprocess.Popen]


def espeak_command(binary: str, voice: str | None, speed: int, out: Path) -> list[str]:
    """The command line; the text itself goes to standard input (UTF-8), never through a shell or argv,
    so a line starting with "-" or longer than the command-line limit is still just text."""
    cmd = [binary, *data_arguments(binary)]
    if voice:
        cmd += ["-v", voice]
    return cmd + ["-s", str(speed), "-a", str(AMPLITUDE), "-b", "1", "-w", str(out), "--stdin"]


def default_cache_dir() -> Path:
    import platformdirs

    return Path(platformdirs.user_cache_dir("olketanu", appauthor=False)) / "speech"


@dataclass(frozen=True)
class _Job:
    generation: int
    text: str
    voice: str | None
    speed: int


class EspeakSpeaker:
    """A Speaker (game/core/speech.py). `available` is False, and every call a no-op, without espeak-ng."""

    engine_tag = ENGINE_TAG
    status = SpeakerStatus.SPEAKING

    def __init__(self, binary: str | None = None, *, speed: int = DEFAULT_SPEED, volume: float = 1.0,
                 cache_dir: Path | None = None, cache_bytes: int = 64 * 1024 * 1024,
                 player: Player | None = None, voices: VoiceTable | None = None,
                 run_voices: Runner | None = None, popen: Popen = subprocess.Popen) -> None:
        self.binary = binary or find_espeak()
        self.available = self.binary is not None
        self.voices = voices or (VoiceTable.discover(self.binary, run_voices) if self.binary else VoiceTable())
        self.player: Player = player or MixerPlayer()
        self.last: tuple[str, str] | None = None
        self.last_error: str | None = None
        self.played = 0  # utterances started on the player
        self.dropped = 0  # utterances made stale by a newer one before they could play
        self._popen = popen
        self._speed = _clamp_speed(speed)
        self._cond = threading.Condition()
        self._generation = 0
        self._pending: _Job | None = None
        self._working = False
        self._proc: subprocess.Popen | None = None
        self._closed = False
        self._cache: WavCache | None = None
        self._cache_dir = Path(cache_dir) if cache_dir else None
        self._cache_bytes = cache_bytes
        self._thread: threading.Thread | None = None
        self.set_volume(volume)
        if self.available:
            self._thread = threading.Thread(target=self._work, name="speech", daemon=True)
            self._thread.start()

    # -- the Speaker protocol --------------------------------------------------------------------
    def say(self, text: str, lang: str) -> None:
        text = text.strip()
        if not text:
            return
        self.last = (text, lang)
        if not self.available:
            return
        voice = self.voices.voice_for(lang)
        with self._cond:
            if self._closed:
                return
            self._generation += 1
            self._pending = _Job(self._generation, text, voice, self._speed)
            self._cut_off()
            self._cond.notify_all()

    def stop(self) -> None:
        if not self.available:
            return
        with self._cond:
            self._generation += 1
            self._pending = None
            self._cut_off()
            self._cond.notify_all()

    def repeat(self) -> None:
        if self.last is not None:
            self.say(*self.last)

    # -- settings and reports ------------------------------------------------------------------
    @property
    def speed(self) -> int:
        return self._speed

    def set_speed(self, words_per_minute: int) -> None:
        """Applies from the next utterance."""
        self._speed = _clamp_speed(words_per_minute)

    @property
    def volume(self) -> float:
        return self._volume

    def set_volume(self, volume: float) -> None:
        """0.0 to 1.0; applies at once, also to what is being said."""
        self._volume = max(0.0, min(1.0, float(volume)))
        self.player.set_volume(self._volume)

    def missing_voices(self) -> list[MissingVoice]:
        """The game's languages this engine cannot speak, each with the voice used instead."""
        if not self.available:
            return [MissingVoice(lang, None) for lang in WANTED]
        return self.voices.missing()

    @property
    def cache(self) -> WavCache | None:
        return self._cache

    def wait_idle(self, timeout: float = 10.0) -> bool:
        """Until nothing is pending or being synthesised (for tests and tools; the game never waits)."""
        with self._cond:
            return self._cond.wait_for(lambda: self._pending is None and not self._working, timeout)

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._pending = None
            self._generation += 1
            self._cut_off()
            self._cond.notify_all()
        if self._thread is not None and self._thread is not threading.current_thread():
            self._thread.join(timeout=2)

    # -- the worker ------------------------------------------------------------------------------
    def _cut_off(self) -> None:
        """With the lock held: silence the player and abandon a synthesis in flight."""
        self.player.stop()
        if self._proc is not None:
            try:
                self._proc.kill()
            except OSError:
                pass

    def _stale(self, job: _Job) -> bool:
        return job.generation != self._generation

    def _work(self) -> None:
        while True:
            with self._cond:
                self._cond.wait_for(lambda: self._pending is not None or self._closed)
                if self._closed:
                    return
                job, self._pending = self._pending, None
                self._working = True
            try:
                self._speak(job)
            except Exception as error:  # the game must go on without its voice
                self.last_error = f"{type(error).__name__}: {error}"
                log.exception("speech failed")
            finally:
                with self._cond:
                    self._working = False
                    self._cond.notify_all()

    def _speak(self, job: _Job) -> None:
        with self._cond:
            if self._stale(job):
                self.dropped += 1
                return
        if self._cache is None:
            self._cache = WavCache(self._cache_dir or default_cache_dir(), max_bytes=self._cache_bytes)
        name = WavCache.key(self.engine_tag, job.voice, job.speed, AMPLITUDE, job.text)
        path = self._cache.get(name) or self._synthesise(job, name)
        if path is None:
            return
        with self._cond:  # a say() cannot slip in between this check and the start of playback
            if self._stale(job):
                self.dropped += 1
                return
            try:
                self.player.play(path)
            except Exception:
                self._cache.discard(name)  # unreadable: synthesise it afresh next time
                raise
            self.played += 1

    def _synthesise(self, job: _Job, name: str) -> Path | None:
        assert self._cache is not None and self.binary is not None
        partial = self._cache.partial(name)
        cmd = espeak_command(self.binary, job.voice, job.speed, partial)
        proc = self._popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
                           **hidden_window())
        with self._cond:
            self._proc = proc
            if self._stale(job):
                proc.kill()
        try:
            _, err = proc.communicate(job.text.encode("utf-8"), timeout=SYNTH_TIMEOUT)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
        finally:
            with self._cond:
                self._proc = None
        with self._cond:
            stale = self._stale(job)
        ok = proc.returncode == 0 and partial.is_file() and partial.stat().st_size > 44  # more than a header
        if not ok:
            partial.unlink(missing_ok=True)
            if stale:
                self.dropped += 1
            else:
                self.last_error = (err or b"").decode("utf-8", "replace").strip() or f"exit {proc.returncode}"
                log.warning("espeak-ng failed: %s", self.last_error)
            return None
        return self._cache.add(name, partial)


def _clamp_speed(speed: int) -> int:
    return max(SPEED_MIN, min(SPEED_MAX, int(speed)))
