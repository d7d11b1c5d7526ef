import os

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"

import shutil  # noqa: E402
import subprocess  # noqa: E402
import tempfile  # noqa: E402
import sys  # noqa: E402
import uuid  # noqa: E402
from contextlib import contextmanager  # noqa: E402
from dataclasses import dataclass  # noqa: E402
from pathlib import Path  # noqa: E402
from urllib.parse import quote  # noqa: E402

import pytest  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402
from hypothesis.configuration import set_hypothesis_home_dir  # noqa: E402

# nothing of hypothesis in the repository (.hypothesis/): no example database, its other files in /tmp
hypothesis_settings.register_profile("olketanu", database=None)
hypothesis_settings.load_profile("olketanu")
set_hypothesis_home_dir(Path(tempfile.gettempdir()) / "olketanu-hypothesis")

ROOT = Path(__file__).resolve().parent.parent
TESTS = Path(__file__).resolve().parent
# the folders of tests (tests/core: no pygame; tests/ui: screens through the pilot; tests/robustness: fuzzing,
# crashes, storage trouble; tests/content: the shipped levels; tests/packaging): a test may reuse another's helpers
sys.path[:0] = [str(TESTS / folder) for folder in ("core", "ui", "robustness", "content", "packaging")]
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
STORAGE_BACKENDS = ["sqlite", "postgresql", "postgresql+outbox"]


def open_store(backend: str, folder: Path, postgres_url: str | None = None):
    if backend == "sqlite":
        from game.core.storage import SqliteStore
        return SqliteStore.in_folder(folder)
    if backend == "postgresql":
        from game.core.storage.postgres import PostgresStore
        return PostgresStore(postgres_url)
    if backend == "postgresql+outbox":  # `--database`: the server, with this computer's outbox in front
        from game.core.storage.resilient import ResilientStore
        return ResilientStore(postgres_url, folder)
    raise ValueError(backend)


@pytest.fixture(params=STORAGE_BACKENDS)
def store(request, tmp_path):
    """A fresh, empty store behind the storage port, once per backend."""
    url = request.getfixturevalue("postgres_url") if request.param.startswith("postgresql") else None
    store = open_store(request.param, tmp_path / request.param, url)
    yield store
    store.close()


# -- PostgreSQL: a real server ---------------------------------------------------------------------
# OLKETANU_TEST_POSTGRES (a libpq URL) names one; else the test session starts a throwaway cluster with
# .ci/postgres-setup (it needs PostgreSQL's programs). Without a server the PostgreSQL tests skip on a
# developer's computer, and fail when CI=true.
@dataclass
class PostgresServer:
    url: str
    ctl: str | None  # a script that can `stop` and `start` the server (None: a server we must not stop)

    def control(self, action: str) -> None:
        subprocess.run([self.ctl, action], check=True, capture_output=True, timeout=120)


def no_postgres(reason: str):
    message = f"no PostgreSQL server for the tests: {reason}"
    if os.environ.get("CI") == "true":
        pytest.fail(message, pytrace=False)
    pytest.skip(message)


def start_cluster(tmp_path_factory) -> PostgresServer:
    """A throwaway cluster of this test session's own (.ci/postgres-setup), or a skip/failure saying why."""
    try:
        import psycopg  # noqa: F401
    except ImportError:
        no_postgres("psycopg is not installed (pip install -e '.[test]')")
    env_file = tmp_path_factory.mktemp("postgres") / "env"
    started = subprocess.run([str(ROOT / ".ci" / "postgres-setup"), str(env_file)], capture_output=True, text=True,
                             timeout=300, env={**os.environ, "OLKETANU_PG_NO_INSTALL": "1"})
    if started.returncode != 0:
        no_postgres(started.stderr.strip().splitlines()[-1] if started.stderr.strip() else "setup failed")
    values = dict(line.removeprefix("export ").split("=", 1) for line in env_file.read_text().splitlines())
    return PostgresServer(values["OLKETANU_TEST_POSTGRES"], values["OLKETANU_TEST_POSTGRES_CTL"])


def remove_cluster(server: PostgresServer) -> None:
    server.control("stop")
    shutil.rmtree(Path(server.ctl).parent, ignore_errors=True)


@pytest.fixture(scope="session")
def postgres_server(tmp_path_factory):
    """The server the PostgreSQL tests share: OLKETANU_TEST_POSTGRES, else a cluster started for them."""
    url = os.environ.get("OLKETANU_TEST_POSTGRES")
    if url:
        try:
            import psycopg  # noqa: F401
        except ImportError:
            no_postgres("psycopg is not installed (pip install -e '.[test]')")
        yield PostgresServer(url, os.environ.get("OLKETANU_TEST_POSTGRES_CTL"))
        return
    server = start_cluster(tmp_path_factory)
    yield server
    remove_cluster(server)


@pytest.fixture(scope="session")
def stoppable_server(tmp_path_factory):
    """A server of these tests' own, which they may stop and start: stopping the shared one would cut off
    the tests that run at the same time in the other workers (pytest -n)."""
    server = start_cluster(tmp_path_factory)
    yield server
    remove_cluster(server)


@contextmanager
def schema_on(server: PostgresServer):
    """A postgresql:// URL whose tables go to an empty schema of their own, dropped afterwards."""
    import psycopg
    schema = f"test_{uuid.uuid4().hex}"
    with psycopg.connect(server.url, autocommit=True) as db:
        db.execute(f"CREATE SCHEMA {schema}")
    separator = "&" if "?" in server.url else "?"
    yield f"{server.url}{separator}options={quote(f'-c search_path={schema}')}"
    try:
        with psycopg.connect(server.url, autocommit=True) as db:
            db.execute(f"DROP SCHEMA {schema} CASCADE")
    except psycopg.OperationalError:
        pass  # a test that stopped the server for good leaves its schema to the throwaway cluster


@pytest.fixture
def postgres_url(postgres_server):
    with schema_on(postgres_server) as url:
        yield url


# -- A reading room: the game played on each backend -----------------------------------------------
@dataclass
class Room:
    """Where a played test keeps progress: this computer's SQLite file, or the room's PostgreSQL server
    (with this computer's outbox in `folder`, as `--database` opens it)."""
    folder: Path
    database: str | None = None

    def open_store(self):
        """The store the game itself opens, for a test to prepare or to check."""
        from game.core.storage.opening import open_progress
        return open_progress(self.folder, self.database)

    def play(self, **options):
        from game.testing import run_test
        return run_test(self.folder, database=self.database, **options)


@pytest.fixture(params=["sqlite", "postgresql"])
def room(request, tmp_path):
    """The same pilot test on both backends of the storage port."""
    url = request.getfixturevalue("postgres_url") if request.param == "postgresql" else None
    return Room(tmp_path, url)
