"""The colours of the current theme. Code reads them at draw time (palette.INK), so switching the
theme with `use()` recolours everything on the next frame. Themes are JSON files in assets/themes."""
from __future__ import annotations

import json

from ..paths import ASSETS

THEMES = {"default": ASSETS / "themes" / "colors.default.json",
          "high_contrast": ASSETS / "themes" / "colors.high_contrast.json"}
WIDGET_THEMES = {"default": ASSETS / "themes" / "default.json",
                 "high_contrast": ASSETS / "themes" / "high_contrast.json"}

STEPPE_BLUE = NIGHT_BLUE = SUN_GOLD = OCHRE = FELT_RED = PINE_GREEN = GRANITE = (0, 0, 0)
PAPER = INK = MUTED_INK = CARD_DISABLED = REVIEW_PAPER = FOCUS_EDGE = FOCUS_BAND = (0, 0, 0)
FOCUS_RING: list[tuple[tuple[int, int, int], int]] = []  # (colour, width) from the outside in
current = "default"


def hex_color(value: str) -> tuple[int, int, int]:
    value = value.lstrip("#")
    return tuple(int(value[i:i + 2], 16) for i in (0, 2, 4))


def load(name: str) -> dict:
    with open(THEMES[name], encoding="utf-8") as handle:
        return json.load(handle)


def use(name: str, ring_scale: int = 1) -> None:
    """Switch the theme: every colour constant of this module takes the theme's value; the focus ring's
    bands `ring_scale` times as thick (a big screen)."""
    global current, FOCUS_RING
    theme = load(name)
    for key, value in theme["colors"].items():
        globals()[key] = hex_color(value)
    FOCUS_RING = [(hex_color(theme["colors"][color]), width * ring_scale) for color, width in theme["focus_ring"]]
    current = name


use("default")

# a team quiz's team colours (game/core/sessions/team_quiz.py TEAM_COLOURS), the same in every theme: always
# drawn with a dark edge and named in words beside them, never told by colour alone
TEAM_RGB = {"red": (196, 40, 44), "blue": (28, 84, 196), "green": (26, 132, 58), "gold": (238, 186, 24),
            "purple": (124, 58, 168), "orange": (236, 112, 18)}
