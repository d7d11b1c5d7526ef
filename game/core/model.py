"""The content model: packs and levels as parsed from YAML. Immutable once loaded."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from .problems import Where
from .questions import Question
from .text import Text


@dataclass(frozen=True)
class Character:
    id: str
    name: Text
    color: str


@dataclass(frozen=True)
class Line:
    text: Text
    where: Where
    speaker: str | None = None  # a character id; None is the narrator
    source: str = ""


@dataclass(frozen=True)
class Choice:
    text: Text
    goto: str
    where: Where


@dataclass(frozen=True)
class Scene:
    id: str
    background: str | None
    lines: tuple[Line, ...]
    choices: tuple[Choice, ...]
    next: str | None
    ending: Text | None
    where: Where

    @property
    def is_ending(self) -> bool:
        return not self.choices and self.next is None


@dataclass(frozen=True)
class Level:
    id: str
    pack_id: str
    title: Text
    summary: Text | None
    path: Path
    where: Where

    kind = "level"

    @property
    def key(self) -> str:
        return f"{self.pack_id}/{self.id}"


@dataclass(frozen=True)
class QuizLevel(Level):
    questions: tuple[Question, ...] = ()
    shuffle: bool = True           # options, items and cards in a seeded random order
    pool: int | None = None        # ask this many questions, drawn from all of them
    time_limit: int | None = None  # seconds per question for every question; off by default

    kind = "quiz"


@dataclass(frozen=True)
class StoryLevel(Level):
    characters: tuple[Character, ...] = ()
    start: str = ""
    scenes: tuple[Scene, ...] = ()

    kind = "story"

    def scene(self, scene_id: str) -> Scene:
        for scene in self.scenes:
            if scene.id == scene_id:
                return scene
        raise KeyError(scene_id)

    def character(self, character_id: str) -> Character | None:
        return next((c for c in self.characters if c.id == character_id), None)


@dataclass(frozen=True)
class Pack:
    id: str
    title: Text
    description: Text
    level_ids: tuple[str, ...]
    folder: Path
