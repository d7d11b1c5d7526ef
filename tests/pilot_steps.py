"""Keyboard-only routes through the game, shared by the end-to-end tests."""
from __future__ import annotations


def tab_to(pilot, widget_id: str, limit: int = 40) -> None:
    for _ in range(limit):
        if pilot.focused == widget_id:
            return
        pilot.press("tab")
    raise AssertionError(f"{widget_id} never got the focus on {pilot.scene.name}")


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


def answer_current(pilot, mouse: bool = False, touch: bool = False) -> None:
    """Answers the quiz's current question right, by keyboard alone, by mouse or by touch alone."""
    scene = pilot.scene
    runner = scene.runner
    question = runner.current_question if hasattr(runner, "current_question") else runner.current
    view = scene.view
    if touch:
        mouse = True

    def use(widget_id: str, key: str = "return") -> None:
        if touch:
            pilot.tap(widget_id)
        elif mouse:
            pilot.click(widget_id)
        else:
            tab_to(pilot, widget_id)
            pilot.press(key)

    kind = question.kind
    if kind in ("single", "true_false"):
        correct = question.correct_answer()
        shown = [True, False] if kind == "true_false" else view.order
        use(f"option_{shown.index(correct)}")
    elif kind == "multiple":
        for value in question.correct_answer():
            use(f"option_{view.order.index(value)}", "space")
        use("check")
    elif kind == "order":
        for target in range(len(question.items)):
            position = view.current.index(target)
            if position == target:
                continue
            if mouse:
                use(f"item_{position}")
                use(f"item_{target}")
            else:
                tab_to(pilot, f"item_{position}")
                pilot.press("space")
                for _ in range(position - target):
                    pilot.press("up")
                pilot.press("space")
        use("check")
    elif kind == "match":
        for left in range(len(question.pairs)):
            use(f"left_{left}")
            use(f"right_{view.order.index(left)}")
        use("check")
    elif kind == "hotspot":
        region = next(r for r in question.regions if r.correct)
        if touch:
            pilot.tap_at(view.to_screen(region.anchor()))
        elif mouse:
            pilot.click_at(view.to_screen(region.anchor()))
        else:
            use(f"region_{region.id}")
    elif kind == "fill":
        if mouse:
            use("answer")
        else:
            tab_to(pilot, "answer")
        pilot.type(question.accepted(pilot.app.lang)[0])
        use("check")
    elif kind == "number":
        if mouse or touch:  # the number pad
            for char in question.correct_answer():
                use({"-": "key_minus", ".": "key_comma"}.get(char, f"key_{char}"))
        else:
            pilot.type(question.correct_answer())  # digits reach the field whatever is focused
        use("check")
    elif kind == "memory":
        game = view.game
        for pair in range(len(question.pairs)):
            use(f"card_{game.cards.index((pair, 0))}")
            use(f"card_{game.cards.index((pair, 1))}")
    else:
        raise AssertionError(f"no route for {kind}")


def misfits(pilot, name: str) -> list[str]:
    """Texts of the screen as it is now that do not fit their box or overlap another text."""
    renderer = pilot.app.text
    texts = pilot.drawn_texts()
    found = [f"{name}: {o.text!r} does not fit" for o in renderer.overflows]
    renderer.overflows.clear()
    for i, (words, surface, rect) in enumerate(texts):
        for other, other_surface, other_rect in texts[i + 1:]:
            if surface is other_surface and other != words and rect.colliderect(other_rect):
                found.append(f"{name}: {words!r} overlaps {other!r}")
    return found
