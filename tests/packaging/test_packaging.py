"""The game installed from its wheel, not from the source tree, finds every file it needs."""
import importlib.util
import os
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from conftest import ROOT


def _tool(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


check_program = _tool("check_program")
wheelhouse = _tool("wheelhouse")


def _pyproject() -> dict:
    tomllib = pytest.importorskip("tomllib")
    return tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_every_package_of_the_game_is_in_the_wheel():
    listed = set(_pyproject()["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "game").rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert listed - found == {"game.assets", "game.levels"}


def test_the_wheel_installed_in_a_fresh_environment_plays_from_any_folder(tmp_path):
    wheel = wheelhouse.game_wheel(tmp_path / "dist", isolated=False)  # this environment's setuptools: offline
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


def _fake_wheel(folder: Path, name: str, *requires: str) -> None:
    import zipfile
    with zipfile.ZipFile(folder / f"{name}-1.0-py3-none-any.whl", "w") as archive:
        archive.writestr(f"{name}-1.0.dist-info/METADATA",
                         "Metadata-Version: 2.1\nName: x\n" + "".join(f"Requires-Dist: {r}\n" for r in requires))


def test_the_wheel_folder_for_windows_gets_the_windows_only_dependencies(tmp_path):
    _fake_wheel(tmp_path, "olketanu", "pygame-ce>=2.5", 'pyttsx3>=2.90; extra == "speech"',
                'pytest>=8; extra == "test"')
    _fake_wheel(tmp_path, "pygame_ce")
    _fake_wheel(tmp_path, "pyttsx3", 'comtypes; platform_system == "Windows"', "pypiwin32; sys_platform == 'win32'",
                'pyobjc>=2.4; platform_system == "Darwin"')
    windows = wheelhouse.target_markers("win_amd64", "3.11")
    assert wheelhouse.missing_for_target(tmp_path, windows, "speech") == ["comtypes", "pypiwin32"]
    assert wheelhouse.missing_for_target(tmp_path, wheelhouse.target_markers("manylinux2014_x86_64", "3.11"),
                                         "speech") == []
    (tmp_path / "pyttsx3-1.0-py3-none-any.whl").unlink()
    assert wheelhouse.missing_for_target(tmp_path, windows, "speech") == ["pyttsx3>=2.90"]
    assert wheelhouse.missing_for_target(tmp_path, windows, None) == []
