"""Checks that an asset path named in a level stays inside its pack and exists with the exact case."""
from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

import yaml

from .pictures import picture_info
from .problems import Msg
from .reader import Reader, closest

IMAGE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg"}


def asset_problem(pack_folder: Path, relative: str, suffixes: set[str]) -> tuple[Msg, Msg] | None:
    """None if `relative` names a usable file in the pack, else (message, hint)."""
    if "\\" in relative:
        return (Msg("'{path}' uses backslashes", path=relative), Msg("write paths with '/' as in assets/picture.svg"))
    if any(ord(char) < 32 for char in relative):  # "assets\rocks.svg" in double quotes: \r became a control code
        shown = relative.encode("unicode_escape").decode("ascii")
        return (Msg("'{path}' has a backslash that double quotes turned into a special character", path=shown),
                Msg("write paths with '/' as in assets/picture.svg"))
    path = PurePosixPath(relative)
    if path.is_absolute() or (len(relative) > 1 and relative[1] == ":"):
        return (Msg("'{path}' is an absolute path", path=relative),
                Msg("name files relative to the pack folder: assets/picture.svg"))
    if ".." in path.parts:
        return (Msg("'{path}' points outside the pack", path=relative),
                Msg("keep the pack's pictures and sounds inside its folder"))
    if path.suffix.lower() not in suffixes:
        return (Msg("'{path}' is not a supported file type", path=relative),
                Msg("use one of: {suffixes}", suffixes=", ".join(sorted(suffixes))))
    folder = pack_folder
    for part in path.parts:
        try:
            names = os.listdir(folder)
        except OSError:
            names = []
        if part not in names:
            same_case = [n for n in names if n.lower() == part.lower()]
            if same_case:
                return (Msg("'{path}' is not found: the file is called '{name}'", path=relative, name=same_case[0]),
                        Msg("write the name with exactly the same capital and small letters"))
            similar = closest(part, [n for n in names if not n.startswith(".")])
            if similar:
                return (Msg("'{path}' is not found in the pack", path=relative),
                        Msg("did you mean '{name}'?", name=str(PurePosixPath(*path.parts[:path.parts.index(part)],
                                                                               similar))))
            return (Msg("'{path}' is not found in the pack", path=relative),
                    Msg("put the file at {place}", place=f"{pack_folder.name}/{relative}"))
        folder = folder / part
        if folder.is_symlink():  # a linked file or folder could lead anywhere on the computer
            return (Msg("'{path}' goes through a link", path=relative), Msg("copy the file itself into the pack"))
    if not folder.is_file():
        return (Msg("'{path}' is not a regular file", path=relative), Msg("copy the file itself into the pack"))
    return None


def picture_ok(r: Reader, node: yaml.Node, pack_folder: Path, relative: str) -> bool:
    """Whether `relative` names a usable picture of the pack (else an error); warns about an SVG whose
    texts the game would not draw."""
    trouble = asset_problem(pack_folder, relative, IMAGE_SUFFIXES)
    if trouble:
        r.error(node, *trouble)
        return False
    if picture_info(pack_folder / relative).has_text:
        r.warn(node, Msg("the picture '{path}' has text in it (<text>), which the game does not draw", path=relative),
               Msg("turn the text into paths (in Inkscape: select all, then Path > Object to Path) and save the "
                   "picture again; or write the words in the level's texts"))
    return True
