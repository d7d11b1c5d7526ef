"""Playing a story level: the current line, choices, jumps and endings. No drawing here."""
from __future__ import annotations

from .model import Choice, Line, Scene, StoryLevel


class StoryRunner:
    """A position in a story: a scene and a line index. Past the last line come the choices."""

    def __init__(self, level: StoryLevel) -> None:
        self.level = level
        self.scene_id = level.start
        self.index = 0
        self.finished = False
        self.choices_made: list[int] = []
        self.lines_read = 0
        self._settle()

    @property
    def scene(self) -> Scene:
        return self.level.scene(self.scene_id)

    @property
    def current_line(self) -> Line | None:
        lines = self.scene.lines
        return lines[self.index] if not self.finished and self.index < len(lines) else None

    @property
    def choices(self) -> tuple[Choice, ...]:
        """The choices to make now; empty while lines are still being read."""
        if self.finished or self.index < len(self.scene.lines):
            return ()
        return self.scene.choices

    @property
    def can_advance(self) -> bool:
        return not self.finished and not self.choices

    def advance(self) -> None:
        """Move past the current line: to the next line, the choices, the next scene or the end."""
        if not self.can_advance:
            raise RuntimeError("the story is waiting for a choice" if self.choices else "the story has ended")
        self.lines_read += 1
        self.index += 1
        if self.index >= len(self.scene.lines):
            scene = self.scene
            if scene.next is not None:
                self._enter(scene.next)
            elif not scene.choices:
                self.finished = True

    def choose(self, number: int) -> None:
        choices = self.choices
        if not 0 <= number < len(choices):
            raise IndexError(f"there is no choice {number}; there are {len(choices)}")
        self.choices_made.append(number)
        self._enter(choices[number].goto)

    @property
    def ending(self) -> Scene | None:
        return self.scene if self.finished else None

    def _enter(self, scene_id: str) -> None:
        self.scene_id = scene_id
        self.index = 0
        self._settle()

    def _settle(self) -> None:
        """A scene without lines goes straight on to its choices, its next scene or the end."""
        for _ in range(len(self.level.scenes)):
            scene = self.scene
            if scene.lines or scene.choices:
                return
            if scene.next is None:
                break
            self.scene_id = scene.next
        self.finished = True

    def to_dict(self) -> dict:
        return {"scene": self.scene_id, "index": self.index, "finished": self.finished,
                "choices": list(self.choices_made), "lines_read": self.lines_read}

    @classmethod
    def from_dict(cls, level: StoryLevel, data: dict) -> "StoryRunner":
        runner = cls(level)
        level.scene(data["scene"])  # raises KeyError if the scene is gone
        runner.scene_id = data["scene"]
        runner.index = int(data["index"])
        runner.finished = bool(data["finished"])
        runner.choices_made = [int(c) for c in data["choices"]]
        runner.lines_read = int(data.get("lines_read", 0))
        return runner
