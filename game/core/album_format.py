"""The album in the level format: a level's fact `card` (a picture, one sentence, its source) and a pack's
`badges` (a picture and a title for a milestone). Read here, kept on model.Level and model.Pack, and
earned in game/core/album.py.

    card: {picture: assets/mosque.svg, text: {kk: ..., ru: ..., en: ...}, source: "..."}
    badges:
      - {id: first-tale, title: {...}, picture: assets/owl.svg, when: puppet-tale}
      - {id: three-visits, title: {...}, picture: assets/horse.svg, when: {visits: 3}}
"""
from __future__ import annotations

from pathlib import Path

import yaml

from . import model
from .assets_check import picture_ok
from .problems import Msg
from .reader import Reader

MAX_VISITS = 100


def parse_card(r: Reader, node: yaml.Node, folder: Path | None) -> model.Card | None:
    keys = r.mapping(node, Msg("the card"), required=("picture", "text", "source"))
    if keys is None or not all(k in keys for k in ("picture", "text", "source")):
        return None
    picture = r.string(keys["picture"], Msg("the picture"))
    if picture is not None and folder is not None and not picture_ok(r, keys["picture"], folder, picture):
        picture = None
    words = r.text(keys["text"], Msg("the card text"))
    source = r.string(keys["source"], Msg("the source"))
    if source is not None and not source.strip():
        r.error(keys["source"], Msg("the source is empty"),
                Msg("say where the fact comes from: a book, a page, a web site"))
        source = None
    if picture is None or words is None or source is None:
        return None
    return model.Card(picture, words, source.strip())


def parse_badges(r: Reader, node: yaml.Node, folder: Path) -> tuple[model.Badge, ...] | None:
    items = r.sequence(node, Msg("badges"))
    if items is None:
        return None
    badges: list[model.Badge] = []
    seen: set[str] = set()
    for item in items:
        keys = r.mapping(item, Msg("a badge"), required=("id", "title", "picture", "when"))
        if keys is None or not all(k in keys for k in ("id", "title", "picture", "when")):
            continue
        badge_id = r.ident(keys["id"], Msg("the badge id"))
        if badge_id in seen:
            r.error(keys["id"], Msg("two badges have the id '{id}'", id=badge_id), Msg("give each badge its own id"))
        seen.add(badge_id)
        title = r.text(keys["title"], Msg("the badge title"))
        picture = r.string(keys["picture"], Msg("the picture"))
        if picture is not None and not picture_ok(r, keys["picture"], folder, picture):
            picture = None
        when = _when(r, keys["when"])
        if badge_id and title and picture and when and not any(b.id == badge_id for b in badges):
            badges.append(model.Badge(badge_id, title, picture, *when))
    return tuple(badges)


def _when(r: Reader, node: yaml.Node) -> tuple[str, int] | None:
    if isinstance(node, yaml.MappingNode):
        keys = r.mapping(node, Msg("when"), required=("visits",))
        if keys is None or "visits" not in keys:
            return None
        visits = r.integer(keys["visits"], Msg("visits"))
        if visits is not None and not 1 <= visits <= MAX_VISITS:
            r.error(keys["visits"], Msg("visits should be from 1 to {most}, not {value}", most=MAX_VISITS,
                                        value=visits), Msg("count the days a child came to play: 3"))
            return None
        return ("visits", visits) if visits is not None else None
    value = r.string(node, Msg("when"))
    if value is None:
        return None
    if value not in model.BADGE_WHEN:
        r.error(node, Msg("unknown badge condition '{value}'", value=value),
                Msg("write one of: puppet-tale, all-right, whole-pack, or {{visits: 3}}"))
        return None
    return value, 0
