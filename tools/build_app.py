"""Builds the standalone one-folder app with PyInstaller (tools/olketanu.spec).

    python tools/build_app.py [--out DIR] [--measure N]

needs `pip install -e '.[build]'`. It writes DIR/olketanu/ (default dist/olketanu/): the program
`olketanu` (`olketanu.exe` on Windows) and `_internal/` with Python, pygame-ce, pygame-gui, PyYAML, the
levels, pictures, fonts, themes and catalogs. It prints the folder's size; --measure N then times `list`
and a headless `screenshot` N times each, from source and built, alternately, and prints the medians.
PyInstaller builds for the system it runs on: build on Windows for Windows (README, "Standalone build").
"""
from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "tools" / "olketanu.spec"
LIMIT_MIB = 80


def program(folder: Path) -> Path:
    return folder / ("olketanu.exe" if os.name == "nt" else "olketanu")


def build(out: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="olketanu-pyinstaller-") as work:
        subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                        "--distpath", str(out), "--workpath", work, str(SPEC)], check=True)
    return out / "olketanu"


def size_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def _seconds(command: list[str], cwd: Path, env: dict) -> float:
    started = time.perf_counter()
    subprocess.run(command, cwd=cwd, env=env, check=True, capture_output=True)
    return time.perf_counter() - started


def measure(app: Path, repeats: int) -> None:
    """Medians of whole-process wall time: the built program against `python run_game.py`."""
    with tempfile.TemporaryDirectory(prefix="olketanu-measure-") as tmp:
        env = dict(os.environ, SDL_VIDEODRIVER="dummy", SDL_AUDIODRIVER="dummy", OLKETANU_DATA_DIR=tmp)
        source = [sys.executable, str(REPO / "run_game.py")]
        built = [str(program(app))]
        for words in (["list"], ["screenshot", "--level", "aldar-coat", "--out", str(Path(tmp) / "shot.png")]):
            times: dict[str, list[float]] = {"source": [], "built": []}
            for name, command in (("source", source), ("built", built)):
                _seconds(command + words, Path(tmp), env)  # warm-up: bytecode and files in the cache
            for _ in range(repeats):
                for name, command in (("source", source), ("built", built)):
                    times[name].append(_seconds(command + words, Path(tmp), env))
            from_source, frozen = statistics.median(times["source"]), statistics.median(times["built"])
            print(f"{words[0]:>10}: source {from_source * 1000:.0f} ms, built {frozen * 1000:.0f} ms, "
                  f"built/source {frozen / from_source:.2f} (medians of {repeats})")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.strip().splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "dist", help="where to put olketanu/ (default: dist/)")
    parser.add_argument("--measure", type=int, metavar="N", default=0,
                        help="then time list and screenshot N times each, built against source")
    args = parser.parse_args(argv)
    app = build(args.out.resolve())
    size = size_mib(app)
    print(f"built {program(app)}: {size:.1f} MiB (target <= {LIMIT_MIB} MiB)")
    if args.measure:
        measure(app, args.measure)
    return 0 if size <= LIMIT_MIB else 1


if __name__ == "__main__":
    raise SystemExit(main())
