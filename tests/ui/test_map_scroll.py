"""A map with more levels than fit scrolls: Tab brings the focused card into view, the wheel scrolls,
and with large text the cards are fewer a row and taller, so their titles fit."""
import pytest

from game.core.storage import SqliteStore
from game.testing import run_test
from pilot_steps import create_profile, tab_to
from game.ui.scenes.level_map import VIEW_BOTTOM, VIEW_TOP

COUNT = 11
QUIZ = """\
format: 1
id: {id}
type: quiz
title: {{kk: "Деңгей {n}", ru: "Уровень {n}", en: "Level {n}"}}
questions:
  - {{id: q, type: true_false, prompt: {{kk: а, ru: б, en: Is it so?}}, answer: true,
     explanation: {{kk: а, ru: б, en: It is.}}, source: "a book, p. 3"}}
"""


def make_big_pack(root):
    folder = root / "club"
    folder.mkdir(parents=True)
    ids = [f"level-{n}" for n in range(1, COUNT + 1)]
    (folder / "pack.yaml").write_text("format: 1\nid: club\ntitle: {kk: Үйірме, ru: Кружок, en: Club}\n"
                                      f"levels: [{', '.join(ids)}]\n", encoding="utf-8")
    for n, level_id in enumerate(ids, 1):
        (folder / f"{level_id}.yaml").write_text(QUIZ.format(id=level_id, n=n), encoding="utf-8")
    return root


def shown_cards(pilot) -> list[str]:
    return [w.id for w in pilot.scene.widgets if w.id.startswith("level_") and w.ui.visible]


@pytest.mark.parametrize("scale, columns", [(1.0, 3), (2.0, 2)])
def test_tab_brings_every_card_into_view(tmp_path, scale, columns):
    (tmp_path / "data").mkdir()
    store = SqliteStore(tmp_path / "data" / "progress.sqlite3")
    store.save_settings(None, {"text_scale": scale})
    store.close()
    with run_test(tmp_path / "data", level_dirs=[make_big_pack(tmp_path / "levels")], language="en") as pilot:
        create_profile(pilot, "Test", "hare")
        assert pilot.scene.card_layout()[0] == columns
        assert len(shown_cards(pilot)) < COUNT  # they do not all fit
        for n in range(1, COUNT + 1):
            tab_to(pilot, f"level_club_level-{n}")
            card = pilot.scene.focus.focused.rect
            assert VIEW_TOP <= card.top and card.bottom <= VIEW_BOTTOM, (n, card)
            assert f"level_club_level-{n}" in shown_cards(pilot)
        assert pilot.scene.scroll > 0
        pilot.press("return")  # the last card, scrolled into view, opens by keyboard
        assert pilot.scene.name == "quiz" and pilot.scene.level.id == f"level-{COUNT}"
        assert not pilot.app.text.overflows


def test_the_wheel_scrolls_and_a_hidden_card_takes_no_clicks(tmp_path):
    with run_test(tmp_path / "data", level_dirs=[make_big_pack(tmp_path / "levels")], language="en") as pilot:
        create_profile(pilot, "Test", "hare")
        hidden = next(w for w in pilot.scene.widgets if w.id.startswith("level_") and not w.ui.visible)
        pilot.click_at(hidden.rect.center)
        assert pilot.scene.name == "map"
        import pygame
        pilot.app.step([pygame.event.Event(pygame.MOUSEWHEEL, x=0, y=-1, flipped=False)], 1 / 60)
        assert pilot.scene.scroll > 0
        text = pilot.drawn_text()
        assert "Level 1" not in text and "Level 7" in text
