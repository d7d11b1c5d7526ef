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
    puppet: str | None = None  # a puppet of the game (assets/puppets/<name>_<expression>.svg) or a pack picture


@dataclass(frozen=True)
class Condition:
    """`flag`, `not flag` or `counter >= 2`: when a choice shows or a jump is taken."""

    name: str
    op: str
    value: int | bool
    written: str

    def holds(self, variables: dict) -> bool:
        current = variables.get(self.name, False)
        if self.op == "==":
            return current == self.value
        if self.op == "!=":
            return current != self.value
        current, value = int(current), int(self.value)
        return {">=": current >= value, "<=": current <= value, ">": current > value, "<": current < value}[self.op]


@dataclass(frozen=True)
class Assignment:
    """`name: true`, `name: 3` (set) or `name: +1` / `name: -1` (add to a counter)."""

    name: str
    value: int | bool
    add: bool = False

    def apply(self, variables: dict) -> None:
        variables[self.name] = int(variables.get(self.name, 0)) + int(self.value) if self.add else self.value


@dataclass(frozen=True)
class StageDirection:
    action: str                  # curtain, enter, move, exit, puppet, prop
    target: str                  # a character id, a prop, or "open"/"close" for the curtain
    where: Where
    at: str | None = None        # left, centre, right
    expression: str | None = None
    costume: str | None = None   # for `puppet: bai, as: bai_holey`
    remove: bool = False


@dataclass(frozen=True)
class Line:
    """One step of a scene: a line of text, a comprehension question, or silent stage work."""

    text: Text | None
    where: Where
    speaker: str | None = None  # a character id; None is the narrator
    source: str = ""
    expression: str | None = None
    audio: str | None = None
    stage: tuple[StageDirection, ...] = ()
    sets: tuple[Assignment, ...] = ()
    question: Question | None = None

    @property
    def waits(self) -> bool:
        """A line the player reads (or a question they answer); the rest happens at once."""
        return self.text is not None or self.question is not None


@dataclass(frozen=True)
class Choice:
    text: Text
    goto: str
    where: Where
    condition: Condition | None = None
    sets: tuple[Assignment, ...] = ()


@dataclass(frozen=True)
class Jump:
    goto: str
    where: Where
    condition: Condition | None = None


@dataclass(frozen=True)
class Scene:
    id: str
    background: str | None
    lines: tuple[Line, ...]
    choices: tuple[Choice, ...]
    next: tuple[Jump, ...]
    ending: Text | None
    where: Where

    @property
    def is_ending(self) -> bool:
        return not self.choices and not self.next


@dataclass(frozen=True)
class Book:
    """A book (or another source) a child can read after the level: `read_more` in the level file."""

    title: Text
    author: Text
    call_number: str | None = None  # the library's shelf mark, exactly as the librarian wrote it
    library: Text | None = None     # the library that holds it


@dataclass(frozen=True)
class Unlock:
    """`unlock: {after: level-id}`: the level opens once the child has finished `after`."""

    after: str
    where: Where


@dataclass(frozen=True)
class Card:
    """`card:` of a level: the illustrated fact a child's album gets when the level is finished."""

    picture: str  # relative to the pack's folder
    text: Text    # one sentence
    source: str


BADGE_WHEN = ("puppet-tale", "all-right", "whole-pack", "visits")


@dataclass(frozen=True)
class Badge:
    """A milestone of a pack (`badges:` in pack.yaml), earned when `when` holds: a puppet tale of the pack
    finished, every question of the pack right at its first asking, every level of it finished, or
    `count` days of play."""

    id: str
    title: Text
    picture: str
    when: str
    count: int = 0


AGE_BANDS = ("6-8", "9-11", "12-14")


@dataclass(frozen=True)
class Level:
    id: str
    pack_id: str
    title: Text
    summary: Text | None
    path: Path
    where: Where
    ages: tuple[str, ...] = ()           # age bands of AGE_BANDS, in that order; () when not given
    minutes: int | None = None           # the estimated playing time
    unlock: Unlock | None = None         # None: always open
    read_more: tuple[Book, ...] = ()     # shown on the results screen
    card: Card | None = None             # the fact card of the child's album

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
    backdrop: str | None = None    # a picture of the pack behind the questions (relative to the pack)

    kind = "quiz"


@dataclass(frozen=True)
class StoryLevel(Level):
    characters: tuple[Character, ...] = ()
    start: str = ""
    scenes: tuple[Scene, ...] = ()
    mode: str = "pictures"                             # or "puppets": the puppet-theatre stage
    variables: tuple[tuple[str, int | bool], ...] = ()  # flags and counters with their start values

    @property
    def questions(self) -> tuple[Question, ...]:
        return tuple(line.question for scene in self.scenes for line in scene.lines if line.question)

    kind = "story"

    def scene(self, scene_id: str) -> Scene:
        for scene in self.scenes:
            if scene.id == scene_id:
                return scene
        raise KeyError(scene_id)

    def character(self, character_id: str) -> Character | None:
        return next((c for c in self.characters if c.id == character_id), None)


@dataclass(frozen=True)
class Licence:
    texts: str     # for example "CC BY 4.0"
    pictures: str


@dataclass(frozen=True)
class Pack:
    id: str
    title: Text
    description: Text
    level_ids: tuple[str, ...]
    folder: Path
    author: Text | None = None
    library: Text | None = None           # the library that made the pack
    ages: tuple[int, int] | None = None   # (from, to), both within 6..14
    languages: tuple[str, ...] = ()       # the languages the pack is complete in
    version: str | None = None
    cover: str | None = None              # a picture of the pack, relative to its folder
    licence: Licence | None = None
    badges: tuple[Badge, ...] = ()
