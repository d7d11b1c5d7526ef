"""The puppet stage's spotlight: a soft light on the speaker that stays on the stage (not on the sky,
the frame or the text box), made once and kept, so a frame only blits it."""
import pygame

from game.testing import run_test  # noqa: F401  (the dummy video driver)
from game.ui.stage import DIM, FLOOR_Y, LIGHT_Y, PLACES, PUPPET_HEM, STAGE_OPENING, PuppetStage


def shade_for(place: str) -> pygame.Surface:
    stage = PuppetStage(images=None, level_folder=None, puppets={})
    return stage._spotlight(PLACES[place])


def alpha(shade: pygame.Surface, x: int, y: int) -> int:
    """The dimming at a point of the canvas."""
    return shade.get_at((x - STAGE_OPENING.x, y - STAGE_OPENING.y)).a


def test_the_light_is_on_the_speaker_and_the_rest_of_the_stage_is_dim():
    shade = shade_for("right")
    assert shade.get_size() == STAGE_OPENING.size  # not the frame, not the text box under the stage
    assert alpha(shade, PLACES["right"], LIGHT_Y) == 0
    assert alpha(shade, PLACES["left"], LIGHT_Y) == DIM[3]


def test_the_light_has_a_soft_edge():
    shade = shade_for("centre")
    row = [alpha(shade, x, LIGHT_Y) for x in range(PLACES["centre"], STAGE_OPENING.right)]
    assert row[0] == 0 and row[-1] == DIM[3]
    assert len(set(row)) >= 12, "a hard edge: the light goes from bright to dim at once"
    assert max(abs(a - b) for a, b in zip(row, row[1:])) <= 8


def test_the_sky_above_the_puppets_stays_unlit():
    heads = FLOOR_Y - round(PUPPET_HEM)
    for place in PLACES:
        shade = shade_for(place)
        sky = [alpha(shade, x, y) for y in range(STAGE_OPENING.y, heads - 70, 4)
               for x in range(STAGE_OPENING.x, STAGE_OPENING.right, 8)]
        assert set(sky) == {DIM[3]}, f"the light at {place} reaches the sky"


def test_the_light_is_made_once_and_kept():
    stage = PuppetStage(images=None, level_folder=None, puppets={})
    first = stage._spotlight(PLACES["left"])
    light = stage._light
    for place in PLACES:
        stage._spotlight(PLACES[place])
    assert stage._spotlight(PLACES["left"]) is first and stage._light is light
