"""The offline speech engine (game/ui/speech): espeak-ng synthesis, latest-wins, repeat, voices, fallbacks.

Most tests replace the espeak-ng process with a fake that writes a WAV whose samples are the text's bytes,
and the mixer with a player that records what it was given, so they check behaviour without timing."""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import threading
import wave
from pathlib import Path

import pytest

from game.ui.speech import (NO_ENGINE, OFF, EspeakSpeaker, MissingVoice, MixerPlayer, SilentSpeaker,
                            VoiceTable, make_speaker)
from game.ui.speech.cache import WavCache

KAZAKH_LINE = "Қарқаралы — облыстың ең көне қаласы."

VOICES = """Pty Language       Age/Gender VoiceName          File                 Other Languages
 5  kk              --/M      Kazakh             trk/kk
 5  ru              --/M      Russian            zle/ru
 2  en-gb           --/M      English_(Great_Britain) gmw/en               (en 2)
 2  en-us           --/M      English_(America)  gmw/en-US            (en 3)
"""
VOICES_WITHOUT_KK = "\n".join(line for line in VOICES.splitlines() if " kk " not in line)


def text_of(path: Path) -> str:
    with wave.open(str(path)) as w:
        return w.readframes(w.getnframes()).rstrip(b"\0").decode("utf-8", errors="replace")


class FakePlayer:
    def __init__(self) -> None:
        self.played: list[Path] = []
        self.texts: list[str] = []
        self.stops = 0
        self.volume = None

    def play(self, path: Path) -> None:
        self.played.append(path)
        self.texts.append(text_of(path))

    def stop(self) -> None:
        self.stops += 1

    def set_volume(self, volume: float) -> None:
        self.volume = volume

    def busy(self) -> bool:
        return False


class FakeProcess:
    """Stands in for espeak-ng: "synthesises" the text from stdin into the -w file once its gate opens."""

    def __init__(self, engine: "FakeEngine", cmd: list[str], **kwargs) -> None:
        self.engine, self.cmd, self.kwargs = engine, cmd, kwargs
        self.returncode: int | None = None
        self.killed = False
        self.gate = engine.gates.pop(0) if engine.gates else None
        self.started = threading.Event()

    def communicate(self, data: bytes | None = None, timeout: float | None = None):
        self.started.set()
        self.engine.started.append(self)
        if self.gate is not None:
            assert self.gate.wait(10)
        if self.killed and self.engine.killable:
            self.returncode = -9
            return None, b""
        self.engine.inputs.append(data.decode("utf-8"))
        out = Path(self.cmd[self.cmd.index("-w") + 1])
        payload = data + b"\0" * (len(data) % 2)
        with wave.open(str(out), "wb") as w:
            w.setnchannels(1), w.setsampwidth(2), w.setframerate(22050)
            w.writeframes(payload)
        self.returncode = 0
        return None, b""

    def kill(self) -> None:
        self.killed = True
        if self.gate is not None and self.engine.killable:
            self.gate.set()


class FakeEngine:
    def __init__(self, killable: bool = True) -> None:
        self.processes: list[FakeProcess] = []
        self.started: list[FakeProcess] = []
        self.inputs: list[str] = []
        self.gates: list[threading.Event] = []
        self.killable = killable

    def __call__(self, cmd, **kwargs) -> FakeProcess:
        process = FakeProcess(self, cmd, **kwargs)
        self.processes.append(process)
        return process


@pytest.fixture
def engine():
    return FakeEngine()


@pytest.fixture
def player():
    return FakePlayer()


@pytest.fixture
def speaker(tmp_path, engine, player):
    made = EspeakSpeaker("/fake/espeak-ng", cache_dir=tmp_path / "cache", player=player,
                         run_voices=lambda cmd: VOICES, popen=engine)
    yield made
    made.close()


# (a) the real engine -----------------------------------------------------------------------------
@pytest.mark.skipif(shutil.which("espeak-ng") is None,
                    reason="espeak-ng is not installed (apt-get install espeak-ng; .ci/run installs it)")
def test_espeak_writes_a_kazakh_wav(tmp_path, player):
    commands = []

    def popen(cmd, **kwargs):
        commands.append(cmd)
        return subprocess.Popen(cmd, **kwargs)

    real = EspeakSpeaker(cache_dir=tmp_path, player=player, popen=popen)
    try:
        assert real.available
        assert real.voices.has("kk"), "this espeak-ng has no Kazakh voice"
        real.say(KAZAKH_LINE, "kk")
        assert real.wait_idle(30)
        assert real.last_error is None
        assert len(player.played) == 1
    finally:
        real.close()
    cmd = commands[0]
    assert cmd[cmd.index("-v") + 1] == "kk" and "--stdin" in cmd and KAZAKH_LINE not in cmd
    data = player.played[0].read_bytes()
    assert data[:4] == b"RIFF" and data[8:12] == b"WAVE" and len(data) > 44
    with wave.open(str(player.played[0])) as w:
        assert w.getnframes() / w.getframerate() > 0.5


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_mixer_player_plays_on_its_own_channel(tmp_path):
    out = tmp_path / "line.wav"
    subprocess.run(["espeak-ng", "-v", "kk", "-w", str(out), KAZAKH_LINE], check=True)
    mixer = MixerPlayer()
    assert mixer.ok
    mixer.set_volume(0.5)
    mixer.play(out)
    assert mixer.busy()
    mixer.stop()
    assert not mixer.busy()


# (b) say() never waits for synthesis ----------------------------------------------------------
def test_say_returns_before_the_synthesis_finishes(speaker, engine, player):
    gate = threading.Event()
    engine.gates.append(gate)
    speaker.say("Бір ұзын әңгіме. " * 200, "kk")
    # say() has returned although the synthesis cannot finish until the gate opens
    assert player.played == []
    assert not speaker.wait_idle(0.05)
    gate.set()
    assert speaker.wait_idle()
    assert player.texts == [("Бір ұзын әңгіме. " * 200).strip()]


# (c) the latest utterance wins --------------------------------------------------------------------
def test_latest_wins_and_kills_the_stale_synthesis(speaker, engine, player):
    engine.gates.append(threading.Event())
    speaker.say("A", "kk")
    assert wait_for(lambda: engine.started)
    speaker.say("B", "kk")
    assert speaker.wait_idle()
    assert player.texts == ["B"]
    assert engine.processes[0].killed
    assert speaker.dropped == 1


def test_latest_wins_even_when_the_stale_synthesis_completes(tmp_path, player):
    engine = FakeEngine(killable=False)  # the process had already finished when it was killed
    gate = threading.Event()
    engine.gates.append(gate)
    speaker = EspeakSpeaker("/fake/espeak-ng", cache_dir=tmp_path, player=player,
                            run_voices=lambda cmd: VOICES, popen=engine)
    try:
        speaker.say("A", "kk")
        assert wait_for(lambda: engine.started)
        speaker.say("B", "kk")
        gate.set()
        assert speaker.wait_idle()
        assert player.texts == ["B"]
        assert speaker.dropped == 1
        assert len(speaker.cache) == 2  # A was not played, but it is kept for next time
    finally:
        speaker.close()


def test_say_and_stop_cut_off_playback(speaker, player):
    speaker.say("A", "kk")
    speaker.wait_idle()
    stops = player.stops
    speaker.say("B", "ru")
    assert player.stops == stops + 1
    speaker.stop()
    assert player.stops == stops + 2


def test_stop_drops_a_pending_utterance(speaker, engine, player):
    engine.gates.append(threading.Event())
    speaker.say("A", "kk")
    speaker.stop()
    assert speaker.wait_idle()
    assert player.played == []


# (d) repeat ---------------------------------------------------------------------------------------
def test_repeat_says_the_last_utterance_again_from_the_cache(speaker, engine, player):
    speaker.repeat()  # nothing said yet: nothing to repeat
    speaker.say("Сәлем!", "kk")
    speaker.wait_idle()
    speaker.repeat()
    speaker.wait_idle()
    assert player.texts == ["Сәлем!", "Сәлем!"]
    assert len(engine.processes) == 1 and speaker.cache.hits == 1


def test_cache_key_includes_language_voice_and_speed(speaker, engine, player):
    for lang in ("kk", "ru", "kk"):
        speaker.say("Алматы", lang)
        speaker.wait_idle()
    speaker.set_speed(120)
    speaker.say("Алматы", "kk")
    speaker.wait_idle()
    assert len(engine.processes) == 3
    voices = [p.cmd[p.cmd.index("-v") + 1] for p in engine.processes]
    speeds = [p.cmd[p.cmd.index("-s") + 1] for p in engine.processes]
    assert voices == ["kk", "ru", "kk"] and speeds == ["160", "160", "120"]


def test_text_goes_through_stdin_never_argv_or_a_shell(speaker, engine):
    speaker.say("-v xx --stdin; rm -rf ~", "en")
    speaker.wait_idle()
    process = engine.processes[0]
    assert engine.inputs == ["-v xx --stdin; rm -rf ~"]
    assert "-v xx --stdin; rm -rf ~" not in process.cmd
    assert not process.kwargs.get("shell")
    assert process.cmd[process.cmd.index("-v") + 1] == "en-gb"


def test_speed_and_volume_settings(speaker, player):
    speaker.set_speed(10_000)
    assert speaker.speed == 450
    speaker.set_speed(1)
    assert speaker.speed == 80
    speaker.set_volume(0.4)
    assert speaker.volume == 0.4 and player.volume == 0.4
    speaker.set_volume(3)
    assert speaker.volume == 1.0


def test_a_failing_engine_leaves_the_game_running(tmp_path, player):
    class Failing(FakeProcess):
        def communicate(self, data=None, timeout=None):
            self.returncode = 1
            return None, b"Error: The specified espeak-ng voice does not exist."

    speaker = EspeakSpeaker("/fake/espeak-ng", cache_dir=tmp_path, player=player,
                            run_voices=lambda cmd: VOICES, popen=lambda cmd, **kw: Failing(FakeEngine(), cmd))
    try:
        speaker.say("A", "kk")
        assert speaker.wait_idle()
        assert player.played == [] and "does not exist" in speaker.last_error
        assert not list(tmp_path.glob("*.part"))
    finally:
        speaker.close()


# (e) voices ---------------------------------------------------------------------------------------
def test_all_three_voices_found():
    table = VoiceTable.discover("espeak-ng", run=lambda cmd: VOICES)
    assert [table.voice_for(lang) for lang in ("kk", "ru", "en")] == ["kk", "ru", "en-gb"]
    assert table.missing() == []


def test_a_missing_kazakh_voice_is_reported_with_its_fallback(tmp_path, player, engine):
    speaker = EspeakSpeaker("/fake/espeak-ng", cache_dir=tmp_path, player=player,
                            run_voices=lambda cmd: VOICES_WITHOUT_KK, popen=engine)
    try:
        assert speaker.missing_voices() == [MissingVoice("kk", "ru")]
        speaker.say(KAZAKH_LINE, "kk")
        speaker.wait_idle()
        cmd = engine.processes[0].cmd
        assert cmd[cmd.index("-v") + 1] == "ru"
    finally:
        speaker.close()


def test_an_engine_with_no_listed_voices_uses_its_default():
    table = VoiceTable.discover("espeak-ng", run=lambda cmd: "Pty Language Age/Gender VoiceName File\n")
    assert table.missing() == [MissingVoice("kk", None), MissingVoice("ru", None), MissingVoice("en", None)]
    assert table.voice_for("kk") is None


def test_a_voice_listing_that_fails_reports_everything_missing():
    def broken(cmd):
        raise subprocess.TimeoutExpired(cmd, 10)

    assert [m.lang for m in VoiceTable.discover("espeak-ng", run=broken).missing()] == ["kk", "ru", "en"]


# (f) no engine ------------------------------------------------------------------------------------
def test_without_espeak_ng_nothing_is_spoken_and_nothing_fails(tmp_path, monkeypatch, player):
    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("OLKETANU_ESPEAK", raising=False)
    speaker = EspeakSpeaker(cache_dir=tmp_path / "cache", player=player)
    assert speaker.available is False
    speaker.say("Сәлем!", "kk")
    speaker.repeat()
    speaker.stop()
    assert speaker.wait_idle(0)
    assert player.played == [] and not (tmp_path / "cache").exists()
    assert speaker.last == ("Сәлем!", "kk")
    assert [m.lang for m in speaker.missing_voices()] == ["kk", "ru", "en"]
    speaker.close()

    monkeypatch.setattr("game.ui.speech.system_voice_speaker", lambda **options: None)  # no pyttsx3 either
    silent = make_speaker(True, cache_dir=tmp_path / "cache")
    assert isinstance(silent, SilentSpeaker) and silent.available is False and silent.reason == NO_ENGINE
    silent.say("Сәлем!", "kk")
    silent.repeat()
    silent.stop()
    assert len(silent.missing_voices()) == 3


def test_speech_switched_off_is_silent(tmp_path):
    off = make_speaker(False, cache_dir=tmp_path)
    assert isinstance(off, SilentSpeaker) and off.reason == OFF and off.missing_voices() == []


@pytest.mark.skipif(shutil.which("espeak-ng") is None, reason="espeak-ng is not installed")
def test_make_speaker_finds_the_installed_engine(tmp_path, player):
    speaker = make_speaker(True, cache_dir=tmp_path, player=player, speed=150, volume=0.5)
    try:
        assert isinstance(speaker, EspeakSpeaker) and speaker.available
        assert speaker.speed == 150 and player.volume == 0.5
    finally:
        speaker.close()


# the cache ----------------------------------------------------------------------------------------
def test_the_cache_forgets_the_least_recently_used(tmp_path):
    cache = WavCache(tmp_path, max_files=2)

    def put(name: str) -> None:
        partial = cache.partial(name)
        partial.write_bytes(b"x" * 100)
        cache.add(name, partial)

    put("a.wav")
    put("b.wav")
    assert cache.get("a.wav") is not None  # a is now the most recently used
    put("c.wav")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.wav", "c.wav"]
    assert cache.get("b.wav") is None
    assert len(WavCache(tmp_path, max_files=2)) == 2  # found again after a restart

    small = WavCache(tmp_path, max_bytes=150)
    assert len(small) == 1 and small.size == 100


def wait_for(condition, timeout: float = 10.0) -> bool:
    done = threading.Event()
    for _ in range(int(timeout / 0.005)):
        if condition():
            return True
        done.wait(0.005)
    return False


class FakeVoice:
    def __init__(self, voice_id, languages, name=""):
        self.id, self.languages, self.name = voice_id, languages, name


class FakeSystemEngine:
    """Stands in for a pyttsx3 engine: save_to_file + runAndWait write a WAV of the text's bytes."""

    def __init__(self, voices):
        self.voices, self.properties, self.queued = voices, {}, []

    def getProperty(self, name):
        return self.voices if name == "voices" else self.properties.get(name)

    def setProperty(self, name, value):
        self.properties[name] = value

    def save_to_file(self, text, path):
        self.queued.append((text, path, self.properties.get("voice")))

    def runAndWait(self):
        for text, path, _ in self.queued:
            with wave.open(path, "wb") as w:
                w.setnchannels(1), w.setsampwidth(1), w.setframerate(22050)
                w.writeframes(text.encode("utf-8") + b"\0" * 64)
        self.queued = []


def test_system_voices_speak_when_espeak_ng_is_missing(tmp_path, monkeypatch, player):
    from game.ui.speech.system_voice import SystemVoiceSpeaker
    engine = FakeSystemEngine([FakeVoice("HKLM\\Voices\\Irina", [], "Microsoft Irina Desktop - Russian"),
                               FakeVoice("HKLM\\Voices\\Zira", ["en_US"], "Zira")])
    speaker = SystemVoiceSpeaker(engine, cache_dir=tmp_path / "cache", player=player)
    assert [(m.lang, m.fallback) for m in speaker.missing_voices()] == [("kk", "HKLM\\Voices\\Irina")]
    speaker.say(KAZAKH_LINE, "kk")  # no Kazakh voice: the Russian one reads Cyrillic best
    assert speaker.wait_idle()
    assert player.texts == [KAZAKH_LINE] and engine.properties["voice"] == "HKLM\\Voices\\Irina"
    speaker.close()

    monkeypatch.setenv("PATH", str(tmp_path))
    monkeypatch.delenv("OLKETANU_ESPEAK", raising=False)
    monkeypatch.setattr("game.ui.speech.system_voice_speaker",
                        lambda **options: SystemVoiceSpeaker(engine, **options))
    chosen = make_speaker(True, cache_dir=tmp_path / "cache", player=player)
    assert isinstance(chosen, SystemVoiceSpeaker)
    chosen.close()


def test_a_broken_system_voice_leaves_the_game_silent_not_crashed(tmp_path, monkeypatch):
    from game.ui.speech import system_voice
    monkeypatch.setattr(system_voice, "SystemVoiceSpeaker", lambda **options: 1 / 0)
    assert system_voice.system_voice_speaker() is None


@pytest.mark.skipif(importlib.util.find_spec("pyttsx3") is None, reason="pyttsx3 is not installed")
def test_pyttsx3_writes_a_kazakh_wav(tmp_path, player):
    from game.ui.speech.system_voice import system_voice_speaker
    speaker = system_voice_speaker(cache_dir=tmp_path / "cache", player=player)
    if speaker is None:
        pytest.skip("pyttsx3 is installed but has no working driver here")
    speaker.say(KAZAKH_LINE, "kk")
    assert speaker.wait_idle(30)
    assert speaker.last_error is None and len(player.played) == 1
    with wave.open(str(player.played[0])) as w:
        assert w.getnframes() > 22050 * 0.5  # more than half a second of speech
    speaker.close()


def test_the_standalone_builds_own_espeak_ng_comes_first_and_reads_its_own_voices(tmp_path, monkeypatch):
    import sys

    from game.ui.speech import espeak_command, voices
    installed, bundled = tmp_path / "bin", tmp_path / "app" / "espeak-ng"
    for folder in (installed, bundled):
        folder.mkdir(parents=True)
        program = folder / ("espeak-ng.exe" if sys.platform == "win32" else "espeak-ng")
        program.write_text("#!/bin/sh\n", encoding="utf-8")
        program.chmod(0o755)
    monkeypatch.setenv("PATH", str(installed))
    monkeypatch.delenv("OLKETANU_ESPEAK", raising=False)
    assert Path(voices.find_espeak()).parent == installed  # no copy of its own: the installed one
    monkeypatch.setattr(voices, "BUNDLED", bundled)
    found = voices.find_espeak()
    assert Path(found).parent == bundled
    assert "--path" not in " ".join(espeak_command(found, "kk", 160, tmp_path / "out.wav"))
    (bundled / "espeak-ng-data").mkdir()  # its voices beside it: espeak-ng is told where they are
    asked = []
    VoiceTable.discover(found, run=lambda cmd: asked.append(cmd) or VOICES)
    assert asked == [[found, f"--path={bundled}", "--voices"]]
    assert espeak_command(found, "kk", 160, tmp_path / "out.wav")[:4] == [found, f"--path={bundled}", "-v", "kk"]
