"""Every text colour on every background it is used on meets WCAG contrast, computed from the theme files."""
import json

import pytest

from conftest import ROOT

THEMES = sorted((ROOT / "assets" / "themes").glob("colors.*.json"))


def luminance(hex_color: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(hex_color.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def contrast(a: str, b: str) -> float:
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def test_the_formula_matches_known_values():
    assert contrast("#000000", "#FFFFFF") == pytest.approx(21, abs=0.01)
    assert contrast("#1D1D1B", "#FBF5E8") == pytest.approx(15.6, abs=0.2)  # the art direction's 15.5:1


@pytest.mark.parametrize("path", THEMES, ids=lambda p: p.stem)
def test_every_text_pair_meets_the_theme_minimum(path):
    theme = json.loads(path.read_text(encoding="utf-8"))
    colors = theme["colors"]
    weak = [(fg, bg, round(contrast(colors[fg], colors[bg]), 2)) for fg, bg in theme["text_pairs"]
            if contrast(colors[fg], colors[bg]) < theme["minimum_contrast"]]
    assert weak == []


def test_high_contrast_is_at_least_seven_to_one_and_has_every_colour():
    default = json.loads((ROOT / "assets/themes/colors.default.json").read_text(encoding="utf-8"))
    high = json.loads((ROOT / "assets/themes/colors.high_contrast.json").read_text(encoding="utf-8"))
    assert high["minimum_contrast"] >= 7 and default["minimum_contrast"] >= 4.5
    assert set(high["colors"]) == set(default["colors"]) and high["text_pairs"] == default["text_pairs"]


def _color(colors: dict, name: str) -> str:
    return colors.get(name, name)  # a theme colour's name, or the tone of a background picture


def _ring_shows_against(bands: list, neighbour: str) -> bool:
    """The band touching the neighbour contrasts by 3:1, or blends into it and the next band does;
    the band that shows is at least 3 px wide (WCAG 2.2 asks for 2)."""
    for color, width in bands[:2]:
        ratio = contrast(color, neighbour)
        if ratio >= 3:
            return width >= 3
        if ratio >= 1.5:
            return False  # neither seen nor part of the neighbour: a weak edge
    return False


@pytest.mark.parametrize("path", THEMES, ids=lambda p: p.stem)
def test_the_focus_ring_meets_focus_appearance_against_both_neighbours(path):
    theme = json.loads(path.read_text(encoding="utf-8"))
    colors = theme["colors"]
    bands = [(_color(colors, name), width) for name, width in theme["focus_ring"]]
    assert all(contrast(a, b) >= 3 for (a, _), (b, _) in zip(bands, bands[1:]))
    outside = [_color(colors, name) for name in theme["focus_backgrounds"]]
    inside = [_color(colors, name) for name in theme["focus_borders"]]
    assert {"PAPER", "STEPPE_BLUE", "NIGHT_BLUE"} <= set(theme["focus_backgrounds"])
    weak = [("outside", n) for n in outside if not _ring_shows_against(bands, n)]
    weak += [("inside", n) for n in inside if not _ring_shows_against(bands[::-1], n)]
    assert weak == []


def test_the_old_high_contrast_ring_would_fail():
    """Yellow between thin black lines: on white the yellow band is 1.3:1 and the lines are 2 px."""
    assert not _ring_shows_against([("#000000", 2), ("#FFE000", 6), ("#000000", 2)], "#FFFFFF")


def test_buttons_are_drawn_with_borders_the_ring_is_checked_against():
    for name in ("default", "high_contrast"):
        widgets = json.loads((ROOT / f"assets/themes/{name}.json").read_text(encoding="utf-8"))
        colors = json.loads((ROOT / f"assets/themes/colors.{name}.json").read_text(encoding="utf-8"))
        borders = {_color(colors["colors"], n).upper() for n in colors["focus_borders"]}
        used = {value.upper() for block in widgets.values() for key, value in block.get("colours", {}).items()
                if key.endswith("_border") and not key.startswith("disabled")}
        assert used <= borders, (name, used - borders)
