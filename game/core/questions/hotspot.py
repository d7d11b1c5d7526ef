"""Point to a place on a map or picture: regions are circles or polygons in the picture's own pixels."""
from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..pictures import picture_info
from ..problems import Msg
from ..yamlsrc import display_path
from ..text import Text
from .base import Check, ParseContext, Question
from .items import read_image
from .kind import KEYBOARD, MARKED_CORRECT, TEXT_SNIPPET, Point, QuestionType, Use, ref


@dataclass(frozen=True)
class Region:
    id: str
    label: Text
    correct: bool
    center: tuple[float, float] | None = None     # a circle
    radius: float = 0.0
    points: tuple[tuple[float, float], ...] = ()  # a polygon

    def contains(self, x: float, y: float) -> bool:
        if self.center is not None:
            cx, cy = self.center
            return (x - cx) ** 2 + (y - cy) ** 2 <= self.radius ** 2
        inside = False
        pts = self.points
        for i in range(len(pts)):
            (x1, y1), (x2, y2) = pts[i], pts[i - 1]
            if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1:
                inside = not inside
        return inside

    def inside(self, width: float, height: float) -> bool:
        """Whether the circle's centre, or every corner of the polygon, is on a picture of that size."""
        points = [self.center] if self.center is not None else self.points
        return all(0 <= x <= width and 0 <= y <= height for x, y in points)

    def anchor(self) -> tuple[float, float]:
        """Where the keyboard focus shows this region: the circle's centre or the polygon's mean point."""
        if self.center is not None:
            return self.center
        return (sum(p[0] for p in self.points) / len(self.points), sum(p[1] for p in self.points) / len(self.points))


@dataclass(frozen=True, kw_only=True)
class Hotspot(Question):
    """The answer is a point [x, y] in the picture's pixels (pointer) or a region id (keyboard)."""

    picture: str
    regions: tuple[Region, ...]

    kind = "hotspot"

    def region_at(self, x: float, y: float) -> Region | None:
        return next((region for region in self.regions if region.contains(x, y)), None)

    def check(self, answer: object) -> Check:
        region = None
        if isinstance(answer, str):
            region = next((r for r in self.regions if r.id == answer), None)
        elif (isinstance(answer, (list, tuple)) and len(answer) == 2
              and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in answer)):
            region = self.region_at(*answer)
        ok = region is not None and region.correct
        return Check(ok, int(ok), 1)

    def correct_answer(self) -> str:
        return next(region.id for region in self.regions if region.correct)


def _number_pair(r, node, what) -> tuple[float, float] | None:
    values = r.sequence(node, what) or []
    numbers = [r.number(value, Msg("{what} [x, y]", what=what)) for value in values]
    if None in numbers:
        return None
    if len(numbers) != 2:
        r.error(node, Msg("{what} should be two numbers [x, y]", what=what))
        return None
    return numbers[0], numbers[1]


def _region(r, node) -> Region | None:
    keys = r.mapping(node, Msg("a region"), required=("id", "label"),
                     optional=("circle", "polygon", "correct"))
    if keys is None or "id" not in keys or "label" not in keys:
        return None
    region_id = r.ident(keys["id"], Msg("the region id"))
    label = r.text(keys["label"], Msg("the region label"))
    correct = r.boolean(keys["correct"], "correct") if "correct" in keys else False
    if ("circle" in keys) == ("polygon" in keys):
        r.error(node, Msg("a region is either a 'circle' or a 'polygon'"),
                Msg("{circle}  or  {polygon}", circle="circle: {center: [x, y], radius: r}",
                    polygon="polygon: [[x, y], [x, y], [x, y]]"))
        return None
    if "circle" in keys:
        circle = r.mapping(keys["circle"], Msg("the circle"), required=("center", "radius"))
        if not circle or "center" not in circle or "radius" not in circle:
            return None
        center = _number_pair(r, circle["center"], Msg("the centre"))
        radius = r.number(circle["radius"], Msg("the radius"))
        if radius is not None and radius <= 0:
            r.error(circle["radius"], Msg("the radius should be above 0"))
            radius = None
        if None in (region_id, label, correct, center, radius):
            return None
        return Region(region_id, label, correct, center=center, radius=radius)
    points = [_number_pair(r, p, Msg("a point")) for p in (r.sequence(keys["polygon"], "polygon") or [])]
    if len(points) < 3:
        r.error(keys["polygon"], Msg("a polygon needs at least 3 points"))
        return None
    if None in points or None in (region_id, label, correct):
        return None
    return Region(region_id, label, correct, points=tuple(points))


def parse_hotspot(ctx: ParseContext, keys: dict, node: yaml.Node, common: dict) -> Hotspot | None:
    r = ctx.reader
    if "picture" not in keys or "regions" not in keys:
        r.error(node, Msg("a hotspot question needs a 'picture' and its 'regions'"))
        return None
    picture = read_image(ctx, keys["picture"], Msg("the picture"))
    read = [(node, _region(r, node)) for node in r.sequence(keys["regions"], "regions") or []]
    regions = [region for _, region in read if region is not None]
    if not regions and isinstance(keys["regions"], yaml.SequenceNode) and not keys["regions"].value:
        r.error(keys["regions"], Msg("the picture has no regions"),
                Msg("add at least two regions, one of them correct"))
        return None
    if regions and not any(region.correct for region in regions):
        r.error(keys["regions"], Msg("no region is marked as the right answer"),
                Msg("add 'correct: true' to the right region"))
        return None
    ids = [region.id for region in regions]
    if len(set(ids)) != len(ids):
        r.error(keys["regions"], Msg("two regions have the same id"))
        return None
    if picture is None or not regions:
        return None
    size = picture_info(ctx.pack_folder / picture).size
    for region_node, region in read:
        if size and region and not region.inside(*size):
            r.warn(region_node, Msg("the region '{id}' goes outside the picture, which is {width}×{height} pixels",
                                    id=region.id, width=round(size[0]), height=round(size[1])),
                   Msg("a region is given in the picture's own pixels, from [0, 0] at its top left corner; to find "
                       "a place's pixels: {command}", command=f"python run_game.py picture-grid {display_path(ctx.pack_folder / picture)}"))
    return Hotspot(picture=picture, regions=tuple(regions), **common)


def _at(region: Region, mode: str):
    yield Use(f"region_{region.id}") if mode == KEYBOARD else Point(*region.anchor())


def _wrong_region(question: Hotspot) -> Region:
    found = next((region for region in question.regions if not region.correct), None)
    if found is None:
        raise LookupError("every region of this picture is a right answer")
    return found


REGION_SCHEMA = {
    "type": "object",
    "description": "A place on the picture: a circle or a polygon, in the picture's own pixels.",
    "properties": {
        "id": ref("id", "The region's id, unique inside the question."),
        "label": ref("text", "The region's name, read to keyboard and speech players."),
        "circle": {
            "type": "object",
            "description": "A circle: {center: [x, y], radius: r}.",
            "properties": {"center": ref("point", "The centre [x, y]."),
                           "radius": {"type": "number", "exclusiveMinimum": 0,
                                      "description": "The radius, above 0."}},
            "required": ["center", "radius"],
            "additionalProperties": False,
        },
        "polygon": {"type": "array", "items": ref("point"), "minItems": 3,
                    "description": "A polygon: at least 3 points [[x, y], [x, y], [x, y]]."},
        "correct": {"type": "boolean", "description": "true for the right place (no quotes)."},
    },
    "required": ["id", "label"],
    "additionalProperties": False,
    "oneOf": [{"required": ["circle"]}, {"required": ["polygon"]}],
}

TYPE = QuestionType(
    "hotspot", parse_hotspot,
    {"picture": ref("imagePath", "The picture to point at (a map, a photo)."),
     "regions": {"type": "array",
                 "description": "The places on the picture; at least one has 'correct: true'. Keyboard players "
                                "Tab through them by their labels.",
                 "minItems": 1, "items": ref("region"), "contains": MARKED_CORRECT}},
    snippet={"picture": "assets/", "regions": [{"id": "", "label": TEXT_SNIPPET,
                                                "circle": {"center": [0, 0], "radius": 50}, "correct": True}]},
    right=lambda question, view, mode: _at(next(r for r in question.regions if r.correct), mode),
    wrong=lambda question, view, mode: _at(_wrong_region(question), mode),
    wrong_answer=lambda question: next((r.id for r in question.regions if not r.correct), "nowhere"),
    required=("picture", "regions"), definitions={"region": REGION_SCHEMA})
