"""Keyboard-only routes through the game, shared by the end-to-end tests."""
from __future__ import annotations


def tab_to(pilot, widget_id: str, limit: int = 40) -> None:
    for _ in range(limit):
        if pilot.focused == widget_id:
            return
        pilot.press("tab")
    raise AssertionError(f"{widget_id} never got the focus on {pilot.scene.name}")


def create_profile(pilot, nickname: str, avatar: str) -> None:
    assert pilot.scene.name == "title" and pilot.focused == "play"
    pilot.press("return")
    assert pilot.scene.name == "profiles" and pilot.focused == "new"
    pilot.press("return")
    assert pilot.scene.name == "create_profile" and pilot.focused == "nickname"
    pilot.type(nickname)
    tab_to(pilot, f"avatar_{avatar}")
    pilot.press("space")
    tab_to(pilot, "done")
    pilot.press("return")
    assert pilot.scene.name == "map"


def play_quiz_right(pilot, wrong: set[int] = frozenset()) -> None:
    """Answers every question by keyboard; the ones whose number is in `wrong` wrongly."""
    number = 0
    while pilot.scene.name == "quiz":
        runner = pilot.scene.runner
        question = runner.current
        correct = question.correct_answer()
        options = 2 if isinstance(correct, bool) else len(question.options)
        shown = [True, False] if isinstance(correct, bool) else runner.order(question)
        index = shown.index(correct)
        if number in wrong and runner.attempt == 1:
            index = (index + 1) % options
        assert pilot.focused == "option_0"
        for _ in range(index):
            pilot.press("down")
        pilot.press("return")
        assert runner.phase.value == "feedback" and pilot.focused == "next"
        pilot.press("return")
        number += 1


def play_story(pilot, choice: int) -> list[str]:
    lines = []
    while pilot.scene.name == "story":
        runner = pilot.scene.runner
        if runner.choices:
            assert pilot.focused == "choice_0"
            for _ in range(choice):
                pilot.press("down")
            pilot.press("return")
        else:
            lines.append(runner.current_line.text.get(pilot.app.lang))
            pilot.press("space")
    return lines
