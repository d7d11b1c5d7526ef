import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
LEVELS = ROOT / "levels"
BROKEN = Path(__file__).resolve().parent / "broken"


@pytest.fixture
def shipped_catalog():
    from game.core.catalog import Catalog
    return Catalog.load([LEVELS])


@pytest.fixture
def quiz_level(shipped_catalog):
    return shipped_catalog.find("town-quiz").level


@pytest.fixture
def story_level(shipped_catalog):
    return shipped_catalog.find("shaitankol-walk").level


# Every backend of the storage port runs the same tests: a second backend is added here.
STORAGE_BACKENDS = ["sqlite"]


def open_store(backend: str, folder: Path):
    if backend == "sqlite":
        from game.core.storage import SqliteStore
        return SqliteStore.in_folder(folder)
    raise ValueError(backend)


@pytest.fixture(params=STORAGE_BACKENDS)
def store(request, tmp_path):
    """A fresh, empty store behind the storage port, once per backend."""
    store = open_store(request.param, tmp_path / request.param)
    yield store
    store.close()
