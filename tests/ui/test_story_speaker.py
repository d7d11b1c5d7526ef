"""In pictures mode (the walk stories) the one who speaks is drawn beside the line, as visual novels do;
a line of the narrator, or of a character with no picture, shows only the scenery."""
from pathlib import Path

from game.core.catalog import validate_paths
from game.testing import run_test
from pilot_steps import create_profile, open_level

STORY = """format: 1
id: walk
type: story
title: {kk: Серуен, ru: Прогулка, en: A walk}
characters:
  ata:
    name: {kk: Ата, ru: Дедушка, en: Grandpa}
    puppet: teacher
  dog:
    name: {kk: Ит, ru: Собака, en: Dog}
start: town
scenes:
  town:
    lines:
      - text: {kk: Таң., ru: Утро., en: Morning.}
      - speaker: ata
        text: {kk: Жүр., ru: Идём., en: Come on.}
      - speaker: dog
        text: {kk: Ау., ru: Гав., en: Woof.}
    ending: {kk: Соңы, ru: Конец, en: The end}
"""


def pictures_drawn(pilot) -> list[str]:
    """The names of the pictures a freshly painted frame uses."""
    images = pilot.app.images
    original = images.get
    used: list[str] = []

    def get(path, *args, **kwargs):
        used.append(Path(path).name)
        return original(path, *args, **kwargs)

    images.get = get
    try:
        pilot.drawn_texts()
    finally:
        del images.get
    return used


def test_the_speaker_stands_beside_the_line_in_pictures_mode(tmp_path):
    folder = tmp_path / "levels" / "club"
    folder.mkdir(parents=True)
    (folder / "pack.yaml").write_text("format: 1\nid: club\ntitle: {kk: а, ru: б, en: c}\nlevels: [walk]\n",
                                      encoding="utf-8")
    (folder / "walk.yaml").write_text(STORY, encoding="utf-8")
    assert [p for p in validate_paths([folder])[0] if p.severity.value == "error"] == []
    with run_test(tmp_path, language="en", level_dirs=[folder.parent]) as pilot:
        create_profile(pilot, "Aigul", "fox")
        open_level(pilot, "level_club_walk")
        seen = []
        for _ in range(3):
            assert pilot.scene.name == "story" and pilot.scene.stage is None
            pilot.scene.letters = 10_000
            seen.append(any(name.startswith("teacher_") for name in pictures_drawn(pilot)))
            pilot.press("space")
        assert seen == [False, True, False]  # the narrator, Grandpa (a puppet), the dog (no picture)
