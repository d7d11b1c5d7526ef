"""Finding espeak-ng and which of the game's languages it has a voice for, with a clear fallback."""
from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from ...core.speech import WANTED, MissingVoice
from ...paths import PACKAGE

# When a language has no voice: Kazakh is written in Cyrillic, so a Russian voice reads it best of the
# others; English is espeak-ng's own default and is always tried last.
FALLBACKS: dict[str, tuple[str, ...]] = {"kk": ("ru", "en"), "ru": ("en",), "en": ()}
_OTHER = re.compile(r"\(([A-Za-z0-9-]+) (\d+)\)")

# Runs a command and returns its standard output (injected by tests).
Runner = Callable[[list[str]], str]
# Where the standalone build keeps its own copy (tools/build_app.py --espeak): beside the game package.
BUNDLED = PACKAGE.parent / "espeak-ng"


def find_espeak() -> str | None:
    """The espeak-ng program: $OLKETANU_ESPEAK, then the standalone build's own copy, then PATH, then where
    the Windows installer puts it."""
    chosen = os.environ.get("OLKETANU_ESPEAK")
    if chosen:
        return chosen if Path(chosen).is_file() else None
    bundled = BUNDLED / ("espeak-ng.exe" if sys.platform == "win32" else "espeak-ng")
    if bundled.is_file():
        return str(bundled)
    found = shutil.which("espeak-ng")
    if found:
        return found
    if sys.platform == "win32":
        for base in (os.environ.get("ProgramFiles"), os.environ.get("ProgramFiles(x86)")):
            if base and (Path(base) / "eSpeak NG" / "espeak-ng.exe").is_file():
                return str(Path(base) / "eSpeak NG" / "espeak-ng.exe")
    return None


def data_arguments(binary: str) -> list[str]:
    """`--path=` the program's own folder when its voices (espeak-ng-data) sit beside it, as in the
    standalone build and the Windows installer's folder: a copy on a USB stick then needs nothing installed."""
    folder = Path(binary).parent
    return [f"--path={folder}"] if (folder / "espeak-ng-data").is_dir() else []


def hidden_window() -> dict:
    """subprocess arguments that keep a console window from flashing up on Windows."""
    if sys.platform == "win32":
        return {"creationflags": subprocess.CREATE_NO_WINDOW}  # type: ignore[attr-defined]
    return {}


def run_command(cmd: list[str]) -> str:
    result = subprocess.run(cmd, capture_output=True, timeout=10, **hidden_window())
    return result.stdout.decode("utf-8", errors="replace")


def parse_voices(listing: str) -> dict[str, tuple[int, str]]:
    """`espeak-ng --voices` as {language code: (priority, voice to pass to -v)}; lower priority wins.

    A language counts when it is a voice's own language or one of its "Other Languages" ("(en 2)")."""
    found: dict[str, tuple[int, str]] = {}

    def offer(code: str, priority: int, voice: str) -> None:
        code = code.lower()
        if code not in found or priority < found[code][0]:
            found[code] = (priority, voice)

    for line in listing.splitlines():
        parts = line.split()
        if len(parts) < 2 or not parts[0].isdigit():
            continue  # the header or a blank line
        voice = parts[1]
        offer(voice, int(parts[0]), voice)
        for code, priority in _OTHER.findall(line):
            offer(code, int(priority), voice)
    return found


@dataclass
class VoiceTable:
    """Which voice speaks each language."""

    voices: dict[str, tuple[int, str]] = field(default_factory=dict)
    wanted: tuple[str, ...] = WANTED

    @classmethod
    def discover(cls, binary: str, run: Runner | None = None) -> "VoiceTable":
        try:
            listing = (run or run_command)([binary, *data_arguments(binary), "--voices"])
        except (OSError, subprocess.SubprocessError):
            listing = ""
        return cls(parse_voices(listing))

    def has(self, lang: str) -> bool:
        return self._own(lang) is not None

    def _own(self, lang: str) -> str | None:
        entry = self.voices.get(lang.lower())
        if entry is not None:
            return entry[1]
        variants = [v for code, v in self.voices.items() if code.startswith(lang.lower() + "-")]
        return min(variants)[1] if variants else None

    def voice_for(self, lang: str) -> str | None:
        """The voice for `lang`, else its fallback's; None leaves espeak-ng's default voice."""
        for candidate in (lang, *FALLBACKS.get(lang, ("en",))):
            voice = self._own(candidate)
            if voice is not None:
                return voice
        return None

    def missing(self, langs: Iterable[str] | None = None) -> list[MissingVoice]:
        return [MissingVoice(lang, self.voice_for(lang))
                for lang in (langs or self.wanted) if not self.has(lang)]
