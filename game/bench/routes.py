"""Keyboard routes through the game for the benchmark: like a player, by Tab, arrows, Enter and Space.

Each question type gives its route (game/core/questions: the same moves as the end-to-end tests); if the screens change so that a
route no longer fits, the question is answered through the quiz scene's own `submit`, so that the
benchmark still reaches every screen (and says so in `fallbacks`).
"""
from __future__ import annotations


class Routes:
    def __init__(self, pilot) -> None:
        self.pilot = pilot
        self.fallbacks: list[str] = []

    def tab_to(self, widget_id: str, limit: int = 80) -> None:
        self.pilot.tab_to(widget_id, limit)

    def use(self, widget_id: str, key: str = "return") -> None:
        self.tab_to(widget_id)
        self.pilot.press(key)

    # -- screens --------------------------------------------------------------------------------
    def new_profile(self, nickname: str, avatar: str) -> None:
        """From the title to the map, through a new profile."""
        pilot = self.pilot
        self.use("play")
        self.use("new")
        self.tab_to("nickname")
        pilot.type(nickname)
        self.use(f"avatar_{avatar}", "space")
        self.use("done")

    def open_level(self, level_id: str) -> None:
        self.use(f"level_{level_id}")

    def answer(self, right: bool = True) -> None:
        """Answers the current question right or wrongly, along the keyboard route its type gives."""
        scene = self.pilot.scene
        question = scene.runner.current
        try:
            self.pilot.answer(right)
        except Exception as exc:  # noqa: BLE001 - the route no longer fits the screen
            self.fallbacks.append(f"{question.kind}: {type(exc).__name__}: {exc}")
            if scene.runner.phase.value == "asking":
                scene.submit(question.correct_answer())

    def play_quiz(self, on_question=None, wrong_first: bool = False) -> None:
        """Plays the quiz on screen to its results. `on_question(question, first_of_kind)` may return
        False to answer that question wrongly."""
        pilot = self.pilot
        scene = pilot.scene
        number = 0
        while pilot.scene is scene and scene.runner.phase.value != "done":
            if scene.runner.phase.value == "asking":
                right = on_question(scene.runner.current) if on_question else True
                self.answer(right=right is not False)
                number += 1
            else:
                self.leave_feedback()
            if number > 200:
                raise RuntimeError("the quiz never ends")

    def leave_feedback(self) -> None:
        """From a question's feedback to the next question, by the "next" button (or directly)."""
        try:
            self.use("next")
        except LookupError as exc:
            self.fallbacks.append(f"feedback: {exc}")
            self.pilot.scene.next_question()

    def play_story(self) -> None:
        pilot = self.pilot
        for _ in range(500):
            if pilot.scene.name != "story":
                return
            scene = pilot.scene
            if pilot.focused is None and (scene.runner.choices or scene.accepting_answers):
                pilot.press("down", "return")  # a choice is made deliberately: move to the first option
            else:
                pilot.press("space")
        raise RuntimeError("the story never ends")
