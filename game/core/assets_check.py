"""Checks that an asset path named in a level stays inside its pack and exists with the exact case."""
from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

IMAGE_SUFFIXES = {".svg", ".png", ".jpg", ".jpeg"}


def asset_problem(pack_folder: Path, relative: str, suffixes: set[str]) -> tuple[str, str] | None:
    """None if `relative` names a usable file in the pack, else (message, hint)."""
    if "\\" in relative:
        return (f"'{relative}' uses backslashes", "write paths with '/' as in assets/picture.svg")
    path = PurePosixPath(relative)
    if path.is_absolute() or (len(relative) > 1 and relative[1] == ":"):
        return (f"'{relative}' is an absolute path", "name files relative to the pack folder: assets/picture.svg")
    if ".." in path.parts:
        return (f"'{relative}' points outside the pack", "keep the pack's pictures and sounds inside its folder")
    if path.suffix.lower() not in suffixes:
        return (f"'{relative}' is not a supported file type",
                "use one of: " + ", ".join(sorted(suffixes)))
    folder = pack_folder
    for part in path.parts:
        try:
            names = os.listdir(folder)
        except OSError:
            names = []
        if part not in names:
            same_case = [n for n in names if n.lower() == part.lower()]
            if same_case:
                return (f"'{relative}' is not found: the file is called '{same_case[0]}'",
                        "write the name with exactly the same capital and small letters")
            return (f"'{relative}' is not found in the pack", f"put the file at {pack_folder.name}/{relative}")
        folder = folder / part
        if folder.is_symlink():  # a linked file or folder could lead anywhere on the computer
            return (f"'{relative}' goes through a link", "copy the file itself into the pack")
    if not folder.is_file():
        return (f"'{relative}' is not a regular file", "copy the file itself into the pack")
    return None
