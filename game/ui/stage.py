"""The puppet theatre: a curtain that opens and closes, puppets that walk on, move, bob while they
speak and stand in a spotlight, and props. It follows the story runner's stage state and animates
towards it with the frame's time step, so it looks the same on slow and fast computers."""
from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path

import pygame

from ..paths import ASSETS
from .display import LOGICAL_SIZE

FLOOR_Y = 560                    # the top of the stage ledge
PUPPET_SIZE = (240, 360)         # a 200x300 puppet drawing at 1.2
PUPPET_HEM = 258 * 1.2           # where the coat hem is in the scaled drawing: it meets the ledge
PLACES = {"left": 330, "centre": 640, "right": 950}
OFF_STAGE = (-160, LOGICAL_SIZE[0] + 160)
WALK_SPEED = 520.0               # pixels a second
CURTAIN_SPEED = 0.8              # of the whole opening a second
PROP_SIZE = (150, 150)
STAGE_OPENING = pygame.Rect(120, 110, 1040, FLOOR_Y + 20 - 110)  # inside the proscenium, down to the ledge
DIM = (10, 15, 30, 95)           # the unlit stage
LIGHT = (170, 220)               # half the width and height of the light on a puppet
LIGHT_Y = FLOOR_Y - 160          # its middle: the puppet's body, so that its head is lit but not the sky
LIGHT_CORE = 0.55                # the share of the light that is full; from there it fades to the rim


def puppet_picture(level_folder: Path, puppet: str, expression: str = "neutral") -> Path:
    """A character's picture: a puppet of the game in an expression, or a picture of the pack."""
    if "/" in puppet or "." in puppet:
        return level_folder / puppet
    return ASSETS / "puppets" / f"{puppet}_{expression}.svg"


@dataclass
class Actor:
    id: str
    x: float
    target: float
    picture: str
    leaving: bool = False


class PuppetStage:
    def __init__(self, images, level_folder: Path, puppets: dict[str, str | None]) -> None:
        self.images = images
        self.level_folder = level_folder
        self.puppets = puppets          # character id -> puppet name or pack picture
        self.actors: dict[str, Actor] = {}
        self.curtain = 0.0              # 0 closed, 1 open
        self.curtain_target = 0.0
        self.props: dict[str, str] = {}
        self.speaker: str | None = None
        self.clock = 0.0
        self.reduced_motion = False
        self._spot_cache: dict[int, pygame.Surface] = {}
        self._light: pygame.Surface | None = None

    # -- following the story ------------------------------------------------------------------
    def sync(self, stage: dict, speaker: str | None, instant: bool = False) -> None:
        self.curtain_target = 1.0 if stage["curtain"] == "open" else 0.0
        for actor_id, state in stage["actors"].items():
            if state.get("at") not in PLACES:
                continue
            target = PLACES[state["at"]]
            picture = self._picture(actor_id, state)
            actor = self.actors.get(actor_id)
            if actor is None or actor.leaving:
                start = OFF_STAGE[0] if target <= PLACES["centre"] else OFF_STAGE[1]
                self.actors[actor_id] = Actor(actor_id, start, target, picture)
            else:
                actor.target, actor.picture = target, picture
        for actor_id, actor in self.actors.items():
            if actor_id not in stage["actors"] and not actor.leaving:
                actor.leaving = True
                actor.target = OFF_STAGE[0] if actor.x < PLACES["centre"] else OFF_STAGE[1]
        self.props = dict(stage["props"])
        self.speaker = speaker if speaker in self.actors else None
        if instant or self.reduced_motion:
            self.finish_moves()

    def finish_moves(self) -> None:
        self.curtain = self.curtain_target
        for actor in self.actors.values():
            actor.x = actor.target
        self.actors = {k: a for k, a in self.actors.items() if not a.leaving}

    def _picture(self, actor_id: str, state: dict) -> str:
        base = state.get("costume") or self.puppets.get(actor_id) or actor_id
        return str(puppet_picture(self.level_folder, base, state.get("expression") or "neutral"))

    # -- time ---------------------------------------------------------------------------------
    def update(self, dt: float) -> bool:
        """Moves everything a frame towards where it should be; True while anything moves."""
        self.clock += dt
        moving = False
        if self.curtain != self.curtain_target:
            step = CURTAIN_SPEED * dt
            self.curtain = min(self.curtain_target, self.curtain + step) if self.curtain < self.curtain_target \
                else max(self.curtain_target, self.curtain - step)
            moving = True
        for actor in list(self.actors.values()):
            if actor.x != actor.target:
                step = WALK_SPEED * dt
                actor.x = min(actor.target, actor.x + step) if actor.x < actor.target else max(actor.target, actor.x - step)
                moving = True
            elif actor.leaving:
                del self.actors[actor.id]
        bobbing = self.speaker is not None and not self.reduced_motion and self.curtain > 0
        return moving or bobbing

    @property
    def busy(self) -> bool:
        """Still walking or opening: the text waits until the stage is set."""
        return self.curtain != self.curtain_target or any(a.x != a.target for a in self.actors.values())

    # -- drawing ------------------------------------------------------------------------------
    def draw(self, surface: pygame.Surface) -> None:
        for name, place in self.props.items():
            picture = self._prop_path(name)
            image = self.images.get(picture, PROP_SIZE)
            if image is not None and place in PLACES:
                surface.blit(image, (PLACES[place] - PROP_SIZE[0] // 2, FLOOR_Y - PROP_SIZE[1] + 10))
        for actor in sorted(self.actors.values(), key=lambda a: a.id == self.speaker):
            image = self.images.get(Path(actor.picture), PUPPET_SIZE)
            if image is None:
                continue
            bob = 0.0
            if actor.id == self.speaker and not self.reduced_motion:
                bob = 7 * abs(math.sin(self.clock * 6))
            flip = actor.x > PLACES["centre"] + 1 and not actor.leaving
            if flip:
                image = self.images.flipped(Path(actor.picture), PUPPET_SIZE)
            surface.blit(image, (actor.x - PUPPET_SIZE[0] / 2, FLOOR_Y - PUPPET_HEM - bob))
        speaker = self.actors.get(self.speaker) if self.speaker else None
        if speaker is not None and len(self.actors) > 1 and speaker.x == speaker.target:
            surface.blit(self._spotlight(int(speaker.target)), STAGE_OPENING.topleft)  # one per place: 3 at most
        self._draw_curtains(surface)
        frame = self.images.get(ASSETS / "stage" / "proscenium.svg", LOGICAL_SIZE)
        if frame is not None:
            surface.blit(frame, (0, 0))

    def _prop_path(self, name: str) -> Path:
        if "/" in name or "." in name:
            return self.level_folder / name
        return ASSETS / "stage" / f"{name}.svg"

    def _draw_curtains(self, surface: pygame.Surface) -> None:
        if self.curtain >= 1.0:
            return
        left = self.images.get(ASSETS / "stage" / "curtain_left.svg", (560, 460))
        right = self.images.get(ASSETS / "stage" / "curtain_right.svg", (560, 460))
        shift = 560 * self.curtain
        if left is not None:
            surface.blit(left, (120 - shift, 110))
        if right is not None:
            surface.blit(right, (600 + shift, 110))

    def _spotlight(self, x: int) -> pygame.Surface:
        """The stage dimmed but for a soft light on the speaker (cached per place). Only the stage, inside
        the proscenium, is dimmed: the frame and the text box keep their colours."""
        if x not in self._spot_cache:
            if len(self._spot_cache) >= len(PLACES):
                self._spot_cache.clear()
            shade = pygame.Surface(STAGE_OPENING.size, pygame.SRCALPHA)
            shade.fill(DIM)
            light = self._soft_light()
            where = (x - LIGHT[0] - STAGE_OPENING.x, LIGHT_Y - LIGHT[1] - STAGE_OPENING.y)
            shade.blit(light, where, special_flags=pygame.BLEND_RGBA_MIN)  # the lesser dimming wins
            self._spot_cache[x] = shade
        return self._spot_cache[x]

    def _soft_light(self) -> pygame.Surface:
        """The light's falloff, made once: rings from the rim inwards, each a little less dim (smoothstep)."""
        if self._light is None:
            width, height = LIGHT
            light = pygame.Surface((2 * width, 2 * height), pygame.SRCALPHA)
            light.fill(DIM)
            rings = 32
            for ring in range(rings + 1):
                t = ring / rings  # 0 at the rim, 1 at the core's edge
                share = 1 - (1 - LIGHT_CORE) * t
                alpha = round(DIM[3] * (1 - t * t * (3 - 2 * t)))
                rect = pygame.Rect(0, 0, round(2 * width * share), round(2 * height * share))
                rect.center = (width, height)
                pygame.draw.ellipse(light, (*DIM[:3], alpha), rect)
            self._light = light
        return self._light
