"""The content model: packs and levels as parsed from YAML. Immutable once loaded."""
from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from pathlib import Path

from .problems import Where
from .text import Text


class QuestionKind(str, Enum):
    SINGLE = "single"
    TRUE_FALSE = "true_false"


@dataclass(frozen=True)
class Option:
    text: Text
    correct: bool
    where: Where


@dataclass(frozen=True)
class Question:
    id: str
    kind: QuestionKind
    prompt: Text
    explanation: Text
    source: str
    where: Where
    options: tuple[Option, ...] = ()
    answer: bool | None = None  # for true/false questions

    def is_correct(self, answer: object) -> bool:
        """`answer` is an option index for single choice, a bool for true/false."""
        if self.kind is QuestionKind.TRUE_FALSE:
            return isinstance(answer, bool) and answer == self.answer
        return (isinstance(answer, int) and not isinstance(answer, bool)
                and 0 <= answer < len(self.options) and self.options[answer].correct)

    def correct_answer(self) -> object:
        if self.kind is QuestionKind.TRUE_FALSE:
            return self.answer
        return next(i for i, option in enumerate(self.options) if option.correct)


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
