"""`new-pack NAME`: a new, valid pack with a commented example of every question type and story feature.

The pack is written from the templates beside this module into a hidden temporary folder next to the
target, then renamed into place, so that a failure never leaves half a pack behind.
"""
from __future__ import annotations

import os
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..core.problems import Msg
from ..core.reader import IDENT
from ..paths import LEVELS
from .schema import SCHEMA_FILE_NAME

TEMPLATES = Path(__file__).resolve().parent / "templates"
LEVEL_FILES = ("first-quiz.yaml", "first-story.yaml")


class ScaffoldError(Exception):
    """Why a pack could not be created, in words for the person who typed the command (a Msg)."""


@dataclass
class Created:
    folder: Path
    files: list[Path]


def check_name(name: str) -> None:
    if not IDENT.match(name):
        raise ScaffoldError(Msg(
            "'{name}' cannot be a pack id: use lowercase Latin letters, digits, '-' and '_', starting with a "
            "letter, at most 64 characters (for example: my-library)", name=name))


def _schema_line(folder: Path) -> str:
    """The `# yaml-language-server: $schema=...` line for files in `folder`, or '' if no schema is found."""
    beside = folder.parent / SCHEMA_FILE_NAME
    target = beside if beside.is_file() else LEVELS / SCHEMA_FILE_NAME
    if not target.is_file():
        return ""
    try:
        location = Path(os.path.relpath(target.resolve(), folder.resolve())).as_posix()
    except ValueError:  # another drive on Windows
        location = target.resolve().as_uri()
    return f"# yaml-language-server: $schema={location}"


def _fill(template: str, name: str, folder_shown: str, schema_line: str) -> str:
    text = template.replace("{{NAME}}", name).replace("{{FOLDER}}", folder_shown)
    if schema_line:
        return text.replace("{{SCHEMA}}", schema_line + "\n# (the line above lets VS Code's YAML extension "
                                                        "complete keys and show mistakes: see docs/levels.md)")
    return text.replace("{{SCHEMA}}\n", "")


def _shown(folder: Path) -> str:
    try:
        return folder.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return str(folder)


def new_pack(name: str, parent: Path = LEVELS) -> Created:
    """Creates `parent/name/` with pack.yaml, first-quiz.yaml, first-story.yaml and assets/."""
    check_name(name)
    folder = parent / name
    if folder.exists() or folder.is_symlink():
        raise ScaffoldError(Msg("{folder} already exists: choose another name, or delete that folder first",
                                folder=_shown(folder)))
    if parent.exists() and not parent.is_dir():
        raise ScaffoldError(Msg("{folder} is not a folder", folder=_shown(parent)))
    try:
        parent.mkdir(parents=True, exist_ok=True)
        schema_line = _schema_line(folder)
        work = Path(tempfile.mkdtemp(prefix=f".{name}.new-", dir=parent))
        try:
            stage = work / name  # made with the usual permissions (mkdtemp's own folder is private)
            stage.mkdir()
            files = []
            for template_name in ("pack.yaml", *LEVEL_FILES):
                template = (TEMPLATES / template_name).read_text(encoding="utf-8")
                target = stage / template_name
                target.write_text(_fill(template, name, _shown(folder), schema_line), encoding="utf-8",
                                  newline="\n")
                files.append(folder / template_name)
            (stage / "assets").mkdir()
            for picture in sorted((TEMPLATES / "assets").iterdir()):
                if picture.is_file() and not picture.name.startswith("."):
                    shutil.copyfile(picture, stage / "assets" / picture.name)
                    files.append(folder / "assets" / picture.name)
            if folder.exists():
                raise ScaffoldError(Msg("{folder} appeared while the pack was being made: nothing was changed",
                                        folder=_shown(folder)))
            os.rename(stage, folder)
        finally:
            if work.exists():
                shutil.rmtree(work, ignore_errors=True)
    except OSError as exc:
        raise ScaffoldError(Msg("cannot create {folder}: {reason}", folder=_shown(folder),
                                reason=exc.strerror or str(exc))) from None
    return Created(folder, files)
