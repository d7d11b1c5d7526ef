"""Where the game's own files are.

In a source checkout `assets/` and `levels/` sit beside the `game` package; a wheel and the standalone
build carry them inside it, as the package data folders `game/assets` and `game/levels` (pyproject.toml
maps one to the other), so the same names work from any folder.
"""
from importlib.resources import files
from pathlib import Path

PACKAGE = Path(str(files("game")))
ROOT = PACKAGE.parent


def _data_folder(name: str) -> Path:
    inside = PACKAGE / name
    return inside if inside.is_dir() else ROOT / name


ASSETS = _data_folder("assets")
LEVELS = _data_folder("levels")
