"""Large text enlarges every text a child reads, not only some: the quiz's title, question, options,
feedback heading and explanation, and the settings heading, measured at 100 % and 200 % as drawn.
Options in one group share one size, so that none (the longest, often the right one) stands out."""
from pathlib import Path

import pytest

from game.core.storage import SqliteStore
from game.paths import LEVELS
from game.testing import run_test
from pilot_steps import answer_current, create_profile, open_level, tab_to

LARGE = 2.0


def drawn_sizes(pilot) -> list[tuple[str, int]]:
    """(text, size in pixels as drawn) for every text of a frame painted afresh."""
    renderer = pilot.app.text
    original = renderer.draw
    drawn: list[tuple[str, int]] = []

    def draw(surface, words, pos, size=28, *args, **kwargs):
        drawn.append((renderer.shown(words, kwargs.get("lang")), round(size * renderer.scale)))
        return original(surface, words, pos, size, *args, **kwargs)

    renderer.draw = draw
    try:
        pilot.drawn_texts()
    finally:
        renderer.draw = original
        del renderer.draw
    return drawn


def size_of(drawn, words: str) -> int:
    found = [px for text, px in drawn if text == words]
    assert found, f"{words!r} was not drawn: {[text for text, _ in drawn]}"
    return found[0]


def quiz_sizes(tmp_path: Path, scale: float, lang: str) -> dict[str, dict]:
    """For each question of a quiz (by its prompt): the drawn sizes of what a child reads."""
    tmp_path.mkdir()
    store = SqliteStore(tmp_path / "progress.sqlite3")
    store.save_settings(None, {"text_scale": scale})
    store.close()
    seen = {}
    with run_test(tmp_path, language=lang, level_dirs=[LEVELS]) as pilot:
        create_profile(pilot, "Айгүл", "fox")
        open_level(pilot, "level_karkaraly_explorer-quiz")
        title = pilot.scene.level.title.get(lang)
        while pilot.scene.name == "quiz":
            session = pilot.scene.session
            question, view = session.question, pilot.scene.view
            prompt = question.prompt.get(lang)
            asking = drawn_sizes(pilot)
            labels = [label for label, _, _ in view.parts()] if hasattr(view, "parts") else []
            if question.kind == "order":  # the events to put in order are one group too
                labels = [view.label(question.items[i]) for i in view.current]
            options = [px for label in labels for text, px in asking if text == label]  # not when pictures only
            answer_current(pilot)
            answered = drawn_sizes(pilot)
            verdict = pilot.scene.tr("quiz.right")
            explanation = question.explanation.get(lang) if question.explanation else None
            seen[prompt] = {
                "title": size_of(asking, title), "question": size_of(asking, prompt),
                "options": options,
                "heading": size_of(answered, verdict),
                "explanation": size_of(answered, explanation) if explanation else None,
            }
            pilot.press("return")
    return seen


@pytest.mark.parametrize("lang", ["kk", "en"])
def test_large_text_enlarges_the_whole_quiz(tmp_path, lang):
    normal = quiz_sizes(tmp_path / "normal", 1.0, lang)
    large = quiz_sizes(tmp_path / "large", LARGE, lang)
    both = normal.keys() & large.keys()
    assert len(both) >= 5, "the two rounds asked too few of the same questions to compare"
    problems = []
    for prompt in sorted(both):
        small, big = normal[prompt], large[prompt]
        # a long explanation (the season's tell what each wrong year was) is limited by the screen's height
        # once its panel has grown over the question: it still grows, never shrinks below its 100 % size
        for part, least in (("title", 1.6), ("question", 1.6), ("heading", 1.6), ("explanation", 1.15)):
            if small[part] is not None and big[part] < least * small[part]:
                problems.append(f"{prompt[:40]!r}: {part} {small[part]} px at 100 %, {big[part]} px at 200 %")
        for sizes in (small["options"], big["options"]):
            if len(set(sizes)) > 1:
                problems.append(f"{prompt[:40]!r}: options of one question at different sizes {sizes}")
        # five long options in three columns are limited by the screen, not by the setting
        if big["options"] and big["options"][0] < 1.25 * small["options"][0]:
            problems.append(f"{prompt[:40]!r}: options {small['options'][0]} px at 100 %, {big['options'][0]} at 200 %")
    assert not problems, "\n".join(problems)


def test_settings_heading_clears_the_buttons_at_large_text(tmp_path):
    store = SqliteStore(tmp_path / "progress.sqlite3")
    store.save_settings(None, {"text_scale": LARGE})
    store.close()
    with run_test(tmp_path, language="kk", level_dirs=[LEVELS]) as pilot:
        create_profile(pilot, "Айгүл", "fox")
        tab_to(pilot, "settings")
        pilot.press("return")
        assert pilot.scene.name == "settings"
        heading = pilot.scene.heading()
        drawn = {pilot.app.text.shown(words): rect for words, _, rect in pilot.drawn_texts()}
        first_row = min(item.rect.top for item in pilot.scene.focus.items)
        assert drawn[heading].bottom <= first_row, "the heading's descenders go under the buttons"
        assert size_of(drawn_sizes(pilot), heading) >= 1.6 * 40
