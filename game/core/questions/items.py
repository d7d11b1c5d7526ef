"""Reading items (text and/or picture) and pairs from YAML, shared by several question types."""
from __future__ import annotations

import yaml

from ..assets_check import picture_ok
from ..problems import Msg
from ..text import LANGUAGES
from ..yamlsrc import where
from .base import Item, ParseContext


def read_image(ctx: ParseContext, node: yaml.Node, what: str) -> str | None:
    path = ctx.reader.string(node, what)
    if path is None:
        return None
    return path if picture_ok(ctx.reader, node, ctx.pack_folder, path) else None


def read_item(ctx: ParseContext, node: yaml.Node, what: str, extra: tuple[str, ...] = ()) -> tuple[Item, dict] | None:
    """Either `{kk: ..., ru: ..., en: ...}` or `{text: {...}, image: assets/x.svg, ...extra}`."""
    r = ctx.reader
    if isinstance(node, yaml.MappingNode) and node.value and all(
            isinstance(k, yaml.ScalarNode) and k.value in LANGUAGES for k, _ in node.value):
        text = r.text(node, what)
        return (Item(text, None, where(r.path, node)), {}) if text is not None else None
    keys = r.mapping(node, what, optional=("text", "image") + extra)
    if keys is None:
        return None
    if "text" not in keys and "image" not in keys:
        r.error(node, Msg("{what} needs a text or an image", what=what),
                Msg("add '{example}'", example="text: {kk: ..., ru: ..., en: ...}"))
        return None
    text = r.text(keys["text"], what) if "text" in keys else None
    image = read_image(ctx, keys["image"], Msg("the picture of {what}", what=what)) if "image" in keys else None
    if ("text" in keys and text is None) or ("image" in keys and image is None):
        return None
    return Item(text, image, where(r.path, node)), keys


def read_items(ctx: ParseContext, node: yaml.Node, low: int, high: int) -> list[Item]:
    """The `items` of an ordering question."""
    nodes = ctx.reader.sequence(node, "items")
    if nodes is None:
        return []
    items = [found[0] for found in (read_item(ctx, n, Msg("an item")) for n in nodes) if found]
    if not low <= len(nodes) <= high:
        ctx.reader.error(node, Msg("this question needs {low} to {high} items, not {count}", low=low, high=high,
                                   count=len(nodes)))
    return items if len(items) == len(nodes) else []


def read_pairs(ctx: ParseContext, node: yaml.Node, first: str, second: str, low: int, high: int):
    """Pairs written as `- {first: item, second: item}`; returns a list of (item, item)."""
    r = ctx.reader
    nodes = r.sequence(node, "pairs")
    if nodes is None:
        return []
    pairs = []
    for pair_node in nodes:
        keys = r.mapping(pair_node, Msg("a pair"), required=(first, second))
        if keys is None or first not in keys or second not in keys:
            continue
        a = read_item(ctx, keys[first], Msg("'{key}'", key=first))
        b = read_item(ctx, keys[second], Msg("'{key}'", key=second))
        if a and b:
            pairs.append((a[0], b[0]))
    if not low <= len(nodes) <= high:
        r.error(node, Msg("this question needs {low} to {high} pairs, not {count}", low=low, high=high,
                          count=len(nodes)))
    return pairs if len(pairs) == len(nodes) else []
