"""Builds the standalone one-folder app with PyInstaller (tools/olketanu.spec).

    python tools/build_app.py [--out DIR] [--espeak PROGRAM] [--measure N]

needs `pip install -e '.[build]'`. It writes DIR/olketanu/ (default dist/olketanu/): the program
`olketanu` (`olketanu.exe` on Windows) and `_internal/` with Python, pygame-ce, pygame-gui, PyYAML, the
levels, pictures, fonts, themes and catalogs. --espeak PROGRAM copies that espeak-ng program (with the
DLLs beside it on Windows) and its Kazakh, Russian and English voice data into `_internal/espeak-ng/`,
which the game then uses before any installed espeak-ng. It prints the folder's size; --measure N then
times `list` and a headless `screenshot` N times each, from source and built, alternately, and prints the
medians. PyInstaller builds for the system it runs on: build on Windows for Windows (README, "Standalone
build").
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "tools" / "olketanu.spec"
LIMIT_MIB = 80
DICTIONARIES = {"kk_dict", "ru_dict", "en_dict"}  # of espeak-ng's ~100: the game's three languages
ESPEAK_NOTE = """espeak-ng: text-to-speech, GPL-3.0-or-later, by Reece H. Dunn, Jonathan Duddington and others.
Copied unchanged from an espeak-ng {version} installation, with the voice data of Kazakh, Russian and
English only. Its source code is published by the espeak-ng project.
"""


def program(folder: Path) -> Path:
    return folder / ("olketanu.exe" if os.name == "nt" else "olketanu")


def stage_espeak(program: Path, into: Path) -> Path:
    """A folder with the espeak-ng program, the DLLs beside it (Windows) and its data for kk, ru and en."""
    said = subprocess.run([str(program), "--version"], capture_output=True, text=True, check=True).stdout
    version, data = said.split("Data at:", 1)
    folder = into / "espeak-ng"
    folder.mkdir(parents=True)
    for file in [program, *program.parent.glob("*.dll")]:
        shutil.copy2(file, folder)
    shutil.copytree(Path(data.strip()), folder / "espeak-ng-data",
                    ignore=lambda _, names: [n for n in names if n.endswith("_dict") and n not in DICTIONARIES])
    (folder / "README.txt").write_text(ESPEAK_NOTE.format(version=version.split(":")[-1].strip()),
                                       encoding="utf-8")
    return folder


def build(out: Path, espeak: Path | None = None) -> Path:
    with tempfile.TemporaryDirectory(prefix="olketanu-pyinstaller-") as work:
        env = dict(os.environ)
        if espeak:
            env["OLKETANU_BUILD_ESPEAK"] = str(stage_espeak(espeak, Path(work) / "staged"))
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                        "--distpath", str(out), "--workpath", work, str(SPEC)], env=env, check=True)
    return out / "olketanu"


def size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def _seconds(command: list[str], cwd: Path, env: dict) -> tuple[float, float]:
    """Wall-clock and CPU (user + system) seconds of one run; CPU time is steadier on a busy machine."""
    before, started = resource_children(), time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - started, resource_children() - before


def resource_children() -> float:
    if os.name == "nt":
        return 0.0  # no per-child CPU time there: only the wall clock is compared
    import resource
    used = resource.getrusage(resource.RUSAGE_CHILDREN)
    return used.ru_utime + used.ru_stime


def measure(app: Path, repeats: int) -> None:
    """Medians of whole processes: the built program against `python run_game.py`, alternately."""
    with tempfile.TemporaryDirectory(prefix="olketanu-measure-") as tmp:
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", OLKETANU_DATA_DIR=tmp)
        runs = {"source": [sys.executable, str(REPO / "run_game.py")], "built": [str(program(app))]}
        for words in (["list"], ["screenshot", "--level", "aldar-coat", "--out", str(Path(tmp) / "shot.png")]):
            for command in runs.values():
                _seconds(command + words, Path(tmp), env)  # warm-up: bytecode and files in the cache
            times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
            for _ in range(repeats):
                for name, command in runs.items():
                    times[name].append(_seconds(command + words, Path(tmp), env))
            wall = {name: statistics.median(t[0] for t in got) for name, got in times.items()}
            cpu = {name: statistics.median(t[1] for t in got) for name, got in times.items()}
            print(f"{words[0]:>10}: wall source {wall['source'] * 1000:.0f} ms, built {wall['built'] * 1000:.0f} ms "
                  f"({wall['built'] / wall['source']:.2f}x); CPU source {cpu['source'] * 1000:.0f} ms, built "
                  f"{cpu['built'] * 1000:.0f} ms ({cpu['built'] / max(cpu['source'], 1e-9):.2f}x); medians of {repeats}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="where to put olketanu/ (default: dist/)")
    parser.add_argument("--espeak", type=Path, metavar="PROGRAM",
                        help="bundle this espeak-ng program and its kk/ru/en voices (e.g. /usr/bin/espeak-ng, "
                             "or C:\\Program Files\\eSpeak NG\\espeak-ng.exe)")
    parser.add_argument("--measure", type=int, metavar="N", default=0,
                        help="then time list and screenshot N times each, built against source")
    args = parser.parse_args(argv)
    app = build(args.out.resolve(), args.espeak)
    size = size_mib(app)
    print(f"built {program(app)}: {size:.1f} MiB (target <= {LIMIT_MIB} MiB)")
    if args.measure:
        measure(app, args.measure)
    return 0 if size <= LIMIT_MIB else 1


if __name__ == "__main__":
    raise SystemExit(main())
