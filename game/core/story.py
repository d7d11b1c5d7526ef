"""Playing a story level, in the spirit of Ink's Story: lines, choices with conditions, variables,
stage state, comprehension questions, endings. No drawing here; the whole state serializes."""
from __future__ import annotations

import copy

from .model import Choice, Line, Scene, StageDirection, StoryLevel
from .questions import Check, Question
from .scoring import stars_for


class StoryRunner:
    """A position in a story: a scene and a line index. Past the last line come the choices."""

    def __init__(self, level: StoryLevel) -> None:
        self.level = level
        self.scene_id = level.start
        self.index = 0
        self.finished = False
        self.choices_made: list[int] = []
        self.variables: dict[str, int | bool] = dict(level.variables)
        self.stage: dict = {"curtain": "closed" if level.mode == "puppets" else "open", "actors": {}, "props": {}}
        self.history: list[tuple[str, int]] = []   # every line read, for the log and for going back
        self.answers: list[tuple[str, object, bool]] = []
        self._settle()

    # -- where we are -------------------------------------------------------------------------
    @property
    def scene(self) -> Scene:
        return self.level.scene(self.scene_id)

    @property
    def _item(self) -> Line | None:
        lines = self.scene.lines
        return lines[self.index] if not self.finished and self.index < len(lines) else None

    @property
    def current_line(self) -> Line | None:
        """The text line being read (None while a question or the choices are shown)."""
        item = self._item
        return item if item is not None and item.text is not None else None

    @property
    def current_question(self) -> Question | None:
        item = self._item
        return item.question if item is not None else None

    @property
    def question_answered(self) -> bool:
        question = self.current_question
        return question is not None and any(qid == question.id for qid, _, _ in self.answers)

    @property
    def choices(self) -> tuple[Choice, ...]:
        """The choices to make now (only those whose condition holds); empty while reading."""
        if self.finished or self.index < len(self.scene.lines):
            return ()
        return tuple(c for c in self.scene.choices if c.condition is None or c.condition.holds(self.variables))

    @property
    def can_advance(self) -> bool:
        if self.finished or self.choices:
            return False
        return self.current_question is None or self.question_answered

    @property
    def lines_read(self) -> int:
        return len(self.history)

    # -- intents ------------------------------------------------------------------------------
    def advance(self) -> None:
        """Past the current line (or answered question): on to the next line, the choices, or on."""
        if not self.can_advance:
            raise RuntimeError("the story is waiting for a choice or an answer" if not self.finished
                               else "the story has ended")
        self.index += 1
        self._settle()

    def answer(self, value: object) -> Check:
        question = self.current_question
        if question is None or self.question_answered:
            raise RuntimeError("there is no question to answer now")
        check = question.check(value)
        self.answers.append((question.id, value, check.correct))
        return check

    def choose(self, number: int) -> None:
        choices = self.choices
        if not 0 <= number < len(choices):
            raise IndexError(f"there is no choice {number}; there are {len(choices)}")
        choice = choices[number]
        self.choices_made.append(self.scene.choices.index(choice))
        for assignment in choice.sets:
            assignment.apply(self.variables)
        self._enter(choice.goto)

    # -- results ------------------------------------------------------------------------------
    @property
    def ending(self) -> Scene | None:
        return self.scene if self.finished else None

    @property
    def questions_right(self) -> int:
        return sum(correct for _, _, correct in self.answers)

    @property
    def stars(self) -> int:
        """Reaching an ending earns 3 stars; a story with questions counts the questions."""
        if not self.finished:
            return 0
        return stars_for(self.questions_right, len(self.answers)) if self.answers else 3

    # -- moving through the scene graph ------------------------------------------------------
    def _enter(self, scene_id: str) -> None:
        self.scene_id = scene_id
        self.index = 0
        self._settle()

    def _settle(self) -> None:
        """Do the silent steps (stage work, variables) until a line to read, a question, the
        choices, the next scene or the end. Each step happens once, when it is reached."""
        for _ in range(10_000):  # a guard against a loop of empty scenes
            scene = self.scene
            if self.index < len(scene.lines):
                item = scene.lines[self.index]
                self._perform(item)
                if item.waits:
                    if item.text is not None:
                        self.history.append((self.scene_id, self.index))
                    return
                self.index += 1
                continue
            if scene.choices:
                return
            jump = next((j for j in scene.next if j.condition is None or j.condition.holds(self.variables)), None)
            if jump is None:
                self.finished = True
                return
            self.scene_id, self.index = jump.goto, 0
        raise RuntimeError("the story loops without any line to read")

    def _perform(self, item: Line) -> None:
        for direction in item.stage:
            apply_direction(self.stage, direction)
        for assignment in item.sets:
            assignment.apply(self.variables)
        if item.expression and item.speaker in self.stage["actors"]:
            self.stage["actors"][item.speaker]["expression"] = item.expression

    # -- saving -------------------------------------------------------------------------------
    def to_dict(self) -> dict:
        return {"scene": self.scene_id, "index": self.index, "finished": self.finished,
                "choices": list(self.choices_made), "variables": dict(self.variables),
                "stage": copy.deepcopy(self.stage), "history": [list(h) for h in self.history],
                "answers": [list(a) for a in self.answers]}

    @classmethod
    def from_dict(cls, level: StoryLevel, data: dict) -> "StoryRunner":
        runner = cls(level)
        scene = level.scene(data["scene"])  # raises KeyError if the scene is gone
        if int(data["index"]) > len(scene.lines):
            raise KeyError(f"{data['scene']}:{data['index']}")
        runner.scene_id = data["scene"]
        runner.index = int(data["index"])
        runner.finished = bool(data["finished"])
        runner.choices_made = [int(c) for c in data["choices"]]
        runner.variables = dict(data.get("variables", {}))
        runner.stage = copy.deepcopy(data.get("stage", runner.stage))
        runner.history = [tuple(h) for h in data.get("history", [])]
        runner.answers = [tuple(a) for a in data.get("answers", [])]
        return runner


def apply_direction(stage: dict, direction: StageDirection) -> None:
    """The stage after one direction: where each puppet stands, its face and costume, the props."""
    actors, props = stage["actors"], stage["props"]
    if direction.action == "curtain":
        stage["curtain"] = "open" if direction.target == "open" else "closed"
    elif direction.action == "enter":
        actors[direction.target] = {"at": direction.at, "expression": direction.expression or "neutral",
                                    "costume": actors.get(direction.target, {}).get("costume")}
    elif direction.action == "move" and direction.target in actors:
        actors[direction.target]["at"] = direction.at
    elif direction.action == "exit":
        actors.pop(direction.target, None)
    elif direction.action == "puppet":
        actors.setdefault(direction.target, {"at": None, "expression": "neutral"})["costume"] = direction.costume
    elif direction.action == "prop":
        if direction.remove:
            props.pop(direction.target, None)
        else:
            props[direction.target] = direction.at
