"""Where progress is kept: --data-dir, else $OLKETANU_DATA_DIR, else the per-user data folder."""
from __future__ import annotations

import os
from pathlib import Path

ENV_VAR = "OLKETANU_DATA_DIR"


def data_dir(explicit: str | None = None) -> Path:
    if explicit:
        return Path(explicit)
    if os.environ.get(ENV_VAR):
        return Path(os.environ[ENV_VAR])
    import platformdirs
    return Path(platformdirs.user_data_dir("olketanu", appauthor=False))


def level_roots(project_levels: Path, data: Path) -> list[Path]:
    """Shipped levels first, then packs installed in the data folder."""
    return [project_levels, data / "packs"]
