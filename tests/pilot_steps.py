"""Keyboard-only routes through the game, shared by the end-to-end tests."""
from __future__ import annotations

from game.core.questions.kind import KEYBOARD, MOUSE, TOUCH


def tab_to(pilot, widget_id: str, limit: int = 40) -> None:
    pilot.tab_to(widget_id, limit)


def create_profile(pilot, nickname: str, avatar: str) -> None:
    """From the title screen (or the profiles screen) to the map with a new profile, by keyboard."""
    if pilot.scene.name == "title":
        assert pilot.focused == "play"
        pilot.press("return")
        assert pilot.scene.name == "profiles"
        assert pilot.focused == ("new" if not pilot.app.store.profiles() else "profile_{}".format(
            pilot.app.store.profiles()[0].id))  # the child who played last
    assert pilot.scene.name == "profiles"
    tab_to(pilot, "new")
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
            pilot.press("tab")  # the reading order; arrows go by the layout (a grid of two columns)
        pilot.press("return")
        assert runner.phase.value == "feedback" and pilot.focused == "next"
        pilot.press("return")
        number += 1


def play_story(pilot, choice: int | list[int]) -> list[str]:
    """Reads a story to its end by keyboard: Space for lines, answers questions right, and takes
    `choice` at every choice (or the next of a list of choices)."""
    lines = []
    plan = list(choice) if isinstance(choice, list) else None
    while pilot.scene.name == "story":
        runner = pilot.scene.runner
        if runner.choices:
            assert pilot.focused is None  # a choice is deliberate: Space never takes one by itself
            pilot.press("down")
            assert pilot.focused == "choice_0"
            pick = plan.pop(0) if plan is not None else choice
            for _ in range(min(pick, len(runner.choices) - 1)):
                pilot.press("down")
            pilot.press("return")
        elif runner.current_question is not None:
            if not runner.question_answered:
                answer_current(pilot)
                assert runner.answers[-1][2], "a question inside the story was answered wrongly"
            assert pilot.focused == "continue"
            pilot.press("return")
        else:
            line = runner.current_line
            lines.append(line.text.get(pilot.app.lang))
            pilot.press("space")  # the first press shows the whole line at once
            if runner.current_line is line and not runner.finished:
                pilot.press("space")
    return lines


def open_level(pilot, level_id: str) -> None:
    tab_to(pilot, level_id)
    pilot.press("return")


def answer_current(pilot, mouse: bool = False, touch: bool = False, right: bool = True) -> None:
    """Answers the current question (right, or wrongly), by keyboard alone, by mouse or by touch alone,
    along the route its type gives."""
    pilot.answer(right, TOUCH if touch else MOUSE if mouse else KEYBOARD)


def misfits(pilot, name: str) -> list[str]:
    """Texts of the screen as it is now that do not fit their box or overlap another text."""
    renderer = pilot.app.text
    texts = pilot.drawn_texts()
    found = [f"{name}: {o.text!r} at {o.size} px does not fit {o.width}x{o.height}" for o in renderer.overflows]
    renderer.overflows.clear()
    for i, (words, surface, rect) in enumerate(texts):
        for other, other_surface, other_rect in texts[i + 1:]:
            if surface is other_surface and other != words and rect.colliderect(other_rect):
                found.append(f"{name}: {words!r} overlaps {other!r}")
    return found


def fit_problems(pilot, name: str, problems: list[str]) -> None:
    """Adds the screen's misfits to `problems`."""
    problems.extend(misfits(pilot, name))
