"""The last step of writing a file whole: a finished part file takes the target's place in one rename."""
from __future__ import annotations

import os
import shutil
from pathlib import Path


def put_in_place(part: Path, target: Path) -> None:
    """`part` becomes `target` (a power cut leaves the old file or the new one, never half of one). A target
    that is not a plain file, such as /dev/null or a pipe, is written into instead: a rename would replace the
    device itself with a plain file."""
    try:
        special = target.exists() and not target.is_file()
    except OSError:
        special = False
    if not special:
        os.replace(part, target)
        return
    with open(part, "rb") as source, open(target, "wb") as sink:
        shutil.copyfileobj(source, sink)
    part.unlink()
