"""Player settings: how the game looks, sounds and moves. Kept per profile, so a low-vision child's
settings follow them; the computer's defaults (set by a club leader) apply to new profiles."""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields
from typing import Protocol

from .text import LANGUAGES

TEXT_SCALES = (1.0, 1.5, 2.0)
TEXT_SPEEDS = (20, 45, 90, 0)   # letters a second: slow, normal, fast, at once
SPEECH_SPEEDS = (120, 160, 210)
SPEECH_VOLUMES = (0.5, 0.75, 1.0)
FONTS = ("noto_sans", "andika")        # Andika: SIL's font for children learning to read
KAZAKH_SCRIPTS = ("cyrillic", "latin")
BIG_SCREEN_TEXT = 1.5  # the smallest text scale on a big screen (every screen is checked to fit at 150 %)
BIG_SCREEN_RING = 2    # the focus ring's bands this many times as thick on a big screen  # latin: the 2021 alphabet, by transliteration (core/latin.py)


@dataclass
class Settings:
    speech_on: bool = False       # the game reads everything aloud
    speech_speed: int = 160       # words a minute
    speech_volume: float = 1.0
    text_scale: float = 1.0       # 100 %, 150 % or 200 %
    wide_spacing: bool = False    # more space between letters and lines
    high_contrast: bool = False   # the high-contrast theme (text at least 7:1)
    reduced_motion: bool = False  # no bobbing, sliding or curtain animation
    second_language: str | None = None  # bilingual mode: this language in smaller type under each line
    text_speed: int = 45          # letters per second as a story line appears; 0 shows it at once
    auto_advance: bool = False    # narration lines go on by themselves after a pause
    font: str = "noto_sans"       # every text in this font family (FONTS)
    kazakh_script: str = "cyrillic"  # Kazakh shown in this script; speech reads the Cyrillic
    show_sources: bool = True     # where a fact comes from, under story lines and feedback (off for the youngest)
    big_screen: bool = False      # a projector: text at least BIG_SCREEN_TEXT, a thicker focus ring, no small print

    @property
    def shown_text_scale(self) -> float:
        """The text scale the screens draw with: the child's choice, at least BIG_SCREEN_TEXT on a big screen."""
        return max(self.text_scale, BIG_SCREEN_TEXT) if self.big_screen else self.text_scale

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict | None) -> "Settings":
        """Unknown keys are ignored and bad values fall back to the default, so an old or edited
        settings record never stops the game."""
        settings = cls()
        for field in fields(cls):
            if data and field.name in data:
                value = data[field.name]
                default = getattr(settings, field.name)
                if field.name == "second_language":
                    ok = value is None or value in LANGUAGES
                elif field.name == "text_scale":
                    ok = value in TEXT_SCALES
                elif field.name == "font":
                    ok = value in FONTS
                elif field.name == "kazakh_script":
                    ok = value in KAZAKH_SCRIPTS
                elif isinstance(default, bool):
                    ok = isinstance(value, bool)
                else:
                    ok = isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0
                if ok:
                    setattr(settings, field.name, value)
        return settings


def cycle(values: tuple, current) -> object:
    """The next value after `current` in `values`, round and round."""
    try:
        return values[(values.index(current) + 1) % len(values)]
    except ValueError:
        return values[0]


class SettingsBook:
    """Settings kept through the storage port: a child's own, or the computer's defaults (None)."""

    def __init__(self, store: "SettingsStore") -> None:
        self.store = store

    def load(self, profile_id: int | None) -> Settings:
        return Settings.from_dict(self.store.settings(profile_id))

    def save(self, profile_id: int | None, settings: Settings) -> None:
        """Raises StorageError when the disk refuses."""
        self.store.save_settings(profile_id, settings.to_dict())


class SettingsStore(Protocol):
    def settings(self, profile_id: int | None) -> dict | None: ...
    def save_settings(self, profile_id: int | None, data: dict) -> None: ...
