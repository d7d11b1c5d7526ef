"""`run_game.py screenshots` reaches every screen and every question type (right and wrong), in each
language, and what it shows is compared with small reference pictures (tests/screenshots/<lang>/), so
that a change of layout is seen in review. After a change made on purpose, write them again with

    python run_game.py screenshots --out out/screenshots --references tests/screenshots

and look at the new pictures (README, "Test")."""
from pathlib import Path

from conftest import ROOT
from game.core.questions import KINDS
from game.core.text import LANGUAGES
from game.ui.screenshot_tour import REFERENCE_SCREENS, reduce, screenshot_tour

REFERENCES = ROOT / "tests" / "screenshots"
SCREENS = {"title", "help", "leader_pin_choose", "leader_pin_again", "desk", "settings_computer", "profiles_empty",
           "create_profile", "map", "settings", "quiz_leave", "results_quiz", "story_line", "story_looking_back",
           "story_log", "story_question", "story_choice", "results_story", "walk_line", "walk_looking_back",
           "walk_log", "walk_question", "walk_choice", "results_walk", "profiles"}
TYPE_SCREENS = {f"quiz_{kind}{end}" for kind in KINDS for end in ("", "_wrong", "_right")}
CHANGED_ENOUGH = 48       # a pixel differs when one of its channels moves by more than this (of 255)
CHANGED_PIXELS = 0.005    # a screen differs when more than this share of its pixels do


def differing(image_a, image_b) -> float:
    """The share of pixels of which one channel moved by more than CHANGED_ENOUGH."""
    from PIL import ImageChops
    a, b = image_a.convert("RGB"), image_b.convert("RGB")
    if a.size != b.size:
        return 1.0
    red, green, blue = ImageChops.difference(a, b).split()
    most = ImageChops.lighter(ImageChops.lighter(red, green), blue)
    changed = sum(most.histogram()[CHANGED_ENOUGH + 1:])
    return changed / (a.size[0] * a.size[1])


def test_the_tour_reaches_every_screen_in_every_language_and_looks_as_its_references(tmp_path):
    """One tour of every language: a screen taken in Kazakh is taken again in Russian and English."""
    from PIL import Image
    written = screenshot_tour(tmp_path, LANGUAGES)
    assert len(written) == len(set(written)) == len(list(tmp_path.glob("*.png")))
    differ = []
    for lang in LANGUAGES:
        shots = {path.stem.split("_", 2)[2]: path for path in written if path.name.startswith(f"{lang}_")}
        assert set(shots) == SCREENS | TYPE_SCREENS, (lang, set(shots) ^ (SCREENS | TYPE_SCREENS))
        for name in REFERENCE_SCREENS:
            reference = REFERENCES / lang / f"{name}.png"
            assert reference.is_file(), f"no reference {reference}: write them (see this file's docstring)"
            with Image.open(reference) as expected:
                share = differing(reduce(shots[name]), expected)
            if share > CHANGED_PIXELS:
                differ.append(f"{lang} {name} ({share:.1%} of its pixels)")
    if differ:
        raise AssertionError("the screens differ from tests/screenshots: " + ", ".join(differ)
                             + f"; the new screens are in {tmp_path}")


def test_the_references_are_small():
    files = list(REFERENCES.rglob("*.png"))
    assert len(files) == len(LANGUAGES) * len(REFERENCE_SCREENS)
    assert sum(f.stat().st_size for f in files) < 400_000


def test_the_comparison_sees_a_moved_box_and_forgives_a_few_pixels():
    from PIL import Image, ImageDraw
    with Image.open(REFERENCES / "kk" / "quiz_single.png") as reference:
        reference = reference.convert("RGB")
    moved = reference.copy()
    ImageDraw.Draw(moved).rectangle((40, 60, 160, 100), fill=(250, 250, 250))
    speck = reference.copy()
    ImageDraw.Draw(speck).rectangle((10, 10, 13, 13), fill=(255, 0, 0))
    assert differing(reference, reference) == 0
    assert differing(reference, speck) <= CHANGED_PIXELS < differing(reference, moved)
