"""The game installed from its wheel, not from the source tree, finds every file it needs."""
import importlib.util
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import ROOT

spec = importlib.util.spec_from_file_location("check_program", ROOT / "tools" / "check_program.py")
check_program = importlib.util.module_from_spec(spec)
spec.loader.exec_module(check_program)

SOURCES = ("game", "assets", "levels", "pyproject.toml", "README.md")


def _pyproject() -> dict:
    tomllib = pytest.importorskip("tomllib")
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_of_the_game_is_in_the_wheel():
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "game").rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert listed - found == {"game.assets", "game.levels"}


def _wheel(tmp_path: Path) -> Path:
    """The wheel, built from a copy of the source so that nothing is written into the repository."""
    source = tmp_path / "source"
    for name in SOURCES:
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copyfile
        copy(ROOT / name, source / name, **({"ignore": shutil.ignore_patterns("__pycache__")}
                                            if (ROOT / name).is_dir() else {}))
    # The setuptools of this environment builds it: no network needed.
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--no-build-isolation",
                    "--no-index", "--wheel-dir", str(tmp_path / "dist"), str(source)], check=True)
    return next((tmp_path / "dist").glob("olketanu-*.whl"))


def test_the_wheel_installed_in_a_fresh_environment_plays_from_any_folder(tmp_path):
    (tmp_path / "source").mkdir()
    wheel = _wheel(tmp_path)
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(venv)], check=True)
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    subprocess.run([sys.executable, "-m", "pip", "--python", str(python), "install", "--quiet", "--no-deps",
                    "--no-index", str(wheel)], check=True)
    site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_path('purelib'))"],
                               capture_output=True, text=True, check=True).stdout.strip())
    # pygame-ce, pygame-gui, PyYAML and platformdirs come from this environment (offline); the game itself
    # from the wheel, which the fresh environment's own site-packages puts first.
    (site / "olketanu-deps.pth").write_text(sysconfig.get_path("purelib") + "\n", encoding="utf-8")
    where = subprocess.run([str(python), "-c", "import game.paths as p; print(p.ASSETS); print(p.LEVELS)"],
                           cwd=tmp_path, capture_output=True, text=True, check=True).stdout.split()
    assert [Path(w) for w in where] == [site / "game" / "assets", site / "game" / "levels"]
    script = venv / ("Scripts/olketanu.exe" if os.name == "nt" else "bin/olketanu")
    assert check_program.check_program([str(script)]) == []
