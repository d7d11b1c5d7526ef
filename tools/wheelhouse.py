"""Fills a folder with every wheel the game needs, for installing on a computer with Python but no internet.

    python tools/wheelhouse.py [--platform TAG] [--python X.Y] [--extras speech] [--out DIR] [--check]

Without --platform and --python the wheels are for this computer; for a school's Windows 10/11 (64-bit)
with Python 3.11: `--platform win_amd64 --python 3.11` (32-bit Windows: win32). It builds the game's own
wheel, then `pip download`s its dependencies as wheels only (never a source package that would need a
compiler). On the other computer, from the USB stick:

    py -m pip install --no-index --find-links DIR olketanu

--check (only for this computer's platform) then installs from DIR into a fresh virtual environment with
the package index switched off (PIP_NO_INDEX=1, no pip configuration) and runs the game's checks
(tools/check_program.py: list, validate, screenshots) from another folder.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import venv
import zipfile
from pathlib import Path

try:
    from packaging.requirements import Requirement
except ImportError:  # pip carries its own copy
    from pip._vendor.packaging.requirements import Requirement

REPO = Path(__file__).resolve().parent.parent
SOURCES = ("game", "assets", "levels", "pyproject.toml", "README.md")


def game_wheel(out: Path, isolated: bool = True) -> Path:
    """The game's wheel, built from a copy of the source (a build leaves build/ and *.egg-info behind).

    Not isolated, it is built with this environment's setuptools, with no network."""
    with tempfile.TemporaryDirectory(prefix="olketanu-wheel-") as tmp:
        source = Path(tmp) / "olketanu"
        for name in SOURCES:
            if (REPO / name).is_dir():
                shutil.copytree(REPO / name, source / name, ignore=shutil.ignore_patterns("__pycache__"))
            else:
                source.mkdir(exist_ok=True)
                shutil.copyfile(REPO / name, source / name)
        for old in out.glob("olketanu-*.whl"):
            old.unlink()
        offline = [] if isolated else ["--no-build-isolation", "--no-index"]
        subprocess.run([sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", *offline, "--wheel-dir",
                        str(out), str(source)], check=True)
    return next(out.glob("olketanu-*.whl"))


def _name(text: str) -> str:
    return re.sub(r"[-_.]+", "_", text).lower()


def _requirements(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as archive:
        metadata = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        lines = archive.read(metadata).decode("utf-8").splitlines()
    return [Requirement(line.split(":", 1)[1].strip()) for line in lines if line.startswith("Requires-Dist:")]


def target_markers(platform: str | None, python: str | None) -> dict[str, str]:
    """The environment markers of the other computer, as far as its platform tag and Python tell them."""
    markers = {}
    if platform:
        system, sys_platform, os_name = (("Windows", "win32", "nt") if platform.startswith("win") else
                                         ("Darwin", "darwin", "posix") if platform.startswith("macosx") else
                                         ("Linux", "linux", "posix"))
        markers.update(platform_system=system, sys_platform=sys_platform, os_name=os_name)
    if python:
        markers.update(python_version=python, python_full_version=f"{python}.0")
    return markers


def missing_for_target(out: Path, markers: dict[str, str], extras: str | None) -> list[str]:
    """What the wheels in `out` need on the other computer and `out` lacks.

    pip download judges a dependency's marker (`pywin32; platform_system == "Windows"`) by this computer,
    not by --platform, so a Windows-only dependency is left out when downloading on Linux."""
    present = {_name(p.name.split("-")[0]) for p in out.glob("*.whl")}
    wanted = []
    for wheel in out.glob("*.whl"):
        chosen = (extras or "").split(",") if wheel.name.startswith("olketanu-") else []
        for req in _requirements(wheel):
            needed = req.marker is None or any(req.marker.evaluate({**markers, "extra": extra})
                                               for extra in ["", *chosen])
            if needed and _name(req.name) not in present:
                wanted.append(str(Requirement(f"{req.name}{req.specifier}")))
    return sorted(set(wanted))


def fill(out: Path, platform: str | None, python: str | None, extras: str | None) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    wheel = game_wheel(out)
    target = []
    if platform:
        target += ["--platform", platform, "--implementation", "cp"]
    if python:
        target += ["--python-version", python]
    wanted = [f"olketanu[{extras}] @ {wheel.resolve().as_uri()}" if extras else str(wheel)]
    asked: set[str] = set()
    while wanted:
        if asked.issuperset(wanted):
            raise SystemExit(f"pip download did not bring a wheel for: {', '.join(wanted)}")
        asked.update(wanted)
        subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--only-binary=:all:", *target,
                        "--dest", str(out), *wanted], check=True)
        wanted = missing_for_target(out, target_markers(platform, python), extras)
    return wheel


def offline_env(wheels: Path) -> dict:
    """The environment of a pip that can reach nothing but the folder of wheels."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env.update(PIP_NO_INDEX="1", PIP_FIND_LINKS=str(wheels), PIP_CONFIG_FILE=os.devnull,
               PIP_DISABLE_PIP_VERSION_CHECK="1")
    return env


def check(wheels: Path) -> int:
    sys.path.insert(0, str(REPO / "tools"))
    from check_program import check_program
    with tempfile.TemporaryDirectory(prefix="olketanu-offline-") as tmp:
        target = Path(tmp) / "venv"
        venv.create(target, with_pip=True)
        bin_dir = target / ("Scripts" if os.name == "nt" else "bin")
        python = bin_dir / ("python.exe" if os.name == "nt" else "python")
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "olketanu"], cwd=tmp,
                       env=offline_env(wheels), check=True)
        failures = check_program([str(bin_dir / ("olketanu.exe" if os.name == "nt" else "olketanu"))])
    for failure in failures:
        print(f"FAILED {failure}")
    if not failures:
        print(f"ok: installed offline from {wheels} into a fresh environment; it lists, validates and draws")
    return 1 if failures else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--platform", help="a wheel platform tag: win_amd64, win32, manylinux2014_x86_64, "
                                           "macosx_11_0_arm64… (default: this computer's)")
    parser.add_argument("--python", help="the Python version there, as 3.11 (default: this one)")
    parser.add_argument("--extras", help="optional parts to include too, e.g. speech (Windows' own voices)")
    parser.add_argument("--out", type=Path, default=REPO / "dist" / "wheelhouse", help="the folder to fill")
    parser.add_argument("--check", action="store_true",
                        help="then install from it offline into a fresh environment and play the checks")
    args = parser.parse_args(argv)
    if args.check and (args.platform or args.python):
        parser.error("--check installs here, so it takes this computer's platform and Python")
    wheel = fill(args.out, args.platform, args.python, args.extras)
    names = sorted(p.name for p in args.out.glob("*.whl"))
    print(f"{args.out}: {len(names)} wheels, {sum((args.out / n).stat().st_size for n in names) / 2**20:.1f} MiB "
          f"(the game: {wheel.name})")
    for name in names:
        print(f"  {name}")
    return check(args.out.resolve()) if args.check else 0


if __name__ == "__main__":
    raise SystemExit(main())
