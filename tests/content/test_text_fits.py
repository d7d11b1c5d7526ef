"""No text is cut off or drawn over another: every screen, at every text size, in the languages with the longest words. A box
may make its text smaller than the reader asked for (down to the normal size), but never too small to
fit; what could not fit even then is recorded by the text renderer and fails here."""
from pathlib import Path

import pytest

from game.core.storage import SqliteStore
from game.paths import LEVELS
from game.testing import run_test
from pilot_steps import answer_current, create_profile, misfits, open_level, tab_to


def tour(pilot):
    """(screen, overflows) for every screen a child and a leader see."""
    def look(name):
        return name, misfits(pilot, name)

    yield look("title")
    pilot.press("f1")
    yield look("help")
    pilot.press("escape")
    tab_to(pilot, "desk")
    pilot.press("return")
    yield look("leader_pin")
    pilot.press(*"2580", "return")
    yield look("leader_pin_again")
    pilot.press(*"2580", "return")
    yield look("desk")
    tab_to(pilot, "computer")
    pilot.press("return")
    yield look("settings")
    pilot.press("escape", "escape")
    create_profile(pilot, "Айгүл-Әлия", "fox")
    yield look("map")
    for quiz in ("karkaraly_explorer-quiz", "kent_kent-quiz"):
        open_level(pilot, f"level_{quiz}")
        pilot.press("escape")
        yield look(f"{quiz}: leave?")
        pilot.press("escape")
        while pilot.scene.name == "quiz":
            runner = pilot.scene.runner
            if runner.phase.value == "asking":
                yield look(f"{quiz}: {runner.current.kind}")
                answer_current(pilot)
            else:
                yield look(f"{quiz}: feedback")
                pilot.press("return")
        yield look(f"{quiz}: results")
        pilot.press("escape")
    open_level(pilot, "level_karkaraly_journey-childhood")  # long lines with long sources
    for step in range(4):
        pilot.scene.letters = 10_000
        yield look(f"journey_{step}")
        pilot.press("space")
    pilot.press("escape")
    open_level(pilot, "level_karkaraly_aldar-coat")
    for step in range(25):
        if pilot.scene.name != "story":
            break
        pilot.scene.letters = 10_000  # the whole line, as a reader waiting for it sees it
        yield look(f"story_{step}")
        if step in (5, 12) and not pilot.scene.accepting_answers:  # looking back with Page Up, and the log
            pilot.press("pageup", "pageup")
            yield look(f"story_{step}_looking_back")
            pilot.press("pagedown", "pagedown", "l")
            yield look(f"story_{step}_log")
            pilot.press("l")
        if pilot.scene.runner.choices:
            pilot.press("down", "return")
        elif pilot.scene.view is not None and pilot.scene.accepting_answers:
            answer_current(pilot)
        else:
            pilot.press("space")


@pytest.mark.parametrize("scale, lang, chosen", [
    (1.0, "kk", {}), (1.5, "kk", {}), (2.0, "kk", {}), (2.0, "ru", {}),
    (2.0, "kk", {"font": "andika"}), (1.0, "ru", {"font": "andika"}),  # Andika's letters are wider
    (2.0, "kk", {"kazakh_script": "latin"}),
    (1.0, "kk", {"second_language": "ru"}), (2.0, "kk", {"second_language": "ru"}),  # bilingual mode
    (2.0, "ru", {"second_language": "kk", "font": "andika"}),
], ids=lambda v: "-".join(map(str, v.values())) if isinstance(v, dict) else str(v))
def test_every_screen_fits_at_every_text_size(tmp_path, scale, lang, chosen):
    store = SqliteStore(Path(tmp_path) / "progress.sqlite3")
    store.save_settings(None, {"text_scale": scale, **chosen})
    store.close()
    with run_test(tmp_path, language=lang, level_dirs=[LEVELS]) as pilot:
        assert pilot.app.text.scale == scale
        assert pilot.app.text.family == chosen.get("font", "noto_sans")
        cut = [f"{screen}: {problem}" for screen, found in tour(pilot) for problem in found]
        assert not cut, "\n".join(cut)
