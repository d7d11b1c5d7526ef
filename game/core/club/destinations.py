"""Where the desk can write a report: USB sticks and other removable drives first, then a "reports"
folder in the data folder (always there)."""
from __future__ import annotations

import getpass
import os
import string
import sys
from pathlib import Path


def removable_roots() -> list[Path]:
    """Folders where this system mounts removable drives."""
    if sys.platform == "win32":
        return [Path(f"{letter}:\\") for letter in string.ascii_uppercase[3:]]  # D: onwards; C: is the system
    if sys.platform == "darwin":
        return [Path("/Volumes")]
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = os.environ.get("USER", "")
    return [Path("/media") / user, Path("/run/media") / user, Path("/media")]


def report_folders(data_dir: Path, roots: list[Path] | None = None) -> list[Path]:
    """Writable drives found under `roots` (each mounted drive is a folder there), then the data
    folder's reports/ (made when needed)."""
    found: list[Path] = []
    for root in removable_roots() if roots is None else roots:
        candidates = [root] if sys.platform == "win32" and roots is None else _children(root)
        for folder in candidates:
            if folder not in found and folder.is_dir() and os.access(folder, os.W_OK):
                found.append(folder)
    return found + [data_dir / "reports"]


def _children(root: Path) -> list[Path]:
    try:
        return sorted(p for p in root.iterdir() if p.is_dir())
    except OSError:
        return []
