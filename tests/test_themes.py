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
