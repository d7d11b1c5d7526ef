"""A child process for tests/robustness/test_crash_recovery.py: plays a quiz by keyboard, for ever, until killed.

    python tests/crash_player.py play DATA_DIR LEVELS_DIR OUT_FILE    one fresh process
    python tests/crash_player.py zygote                                 imports once, then forks a
        player for each line "DATA_DIR LEVELS_DIR OUT_FILE" on stdin and prints its pid

Each line the player writes to OUT_FILE (unbuffered, so a SIGKILL loses none) is one of
    STARTED                       the app is up (the database is open and migrated)
    PLAYING <profile id>          a profile was read or created, the quiz is on screen
    SHOWN <attempt> <question> <try>   the feedback for this answer is on the screen
"""
from __future__ import annotations

import ctypes
import os
import signal
import sys
import time
from pathlib import Path

os.environ["SDL_VIDEODRIVER"] = "dummy"
os.environ["SDL_AUDIODRIVER"] = "dummy"
os.environ["PYGAME_HIDE_SUPPORT_PROMPT"] = "1"
LIFETIME = 60.0  # a player never outlives a broken test by more than this
HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import pygame  # noqa: E402,F401  (imported before forking: what the zygote saves each player)
import pygame_gui  # noqa: E402,F401

from game.core.quiz import Phase  # noqa: E402
from game.testing import run_test  # noqa: E402
from game.ui import boot  # noqa: E402,F401
from pilot_steps import tab_to  # noqa: E402

LEVEL_WIDGET = "level_crash_quiz"


def die_with_parent() -> None:
    """Linux: SIGKILL this process when its parent dies, so that no player is ever left running."""
    try:
        ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def play(data_dir: Path, levels_dir: Path, out: int) -> None:
    def say(line: str) -> None:
        os.write(out, (line + "\n").encode())

    born = time.monotonic()
    with run_test(data_dir, language="en", level_dirs=[levels_dir]) as pilot:
        say("STARTED")
        pilot.press("return")  # Play
        cards = [w for w in pilot.widget_ids() if w.startswith("profile_")]
        if cards:
            tab_to(pilot, cards[0])
            pilot.press("return")
        else:
            pilot.press("return")  # New
            pilot.type("Crash")
            tab_to(pilot, "done")
            pilot.press("return")
        assert pilot.scene.name == "map", pilot.scene.name
        tab_to(pilot, LEVEL_WIDGET)
        pilot.press("return")
        say(f"PLAYING {pilot.app.profile.id}")
        while time.monotonic() - born < LIFETIME:
            scene = pilot.scene
            if scene.name == "quiz":
                runner = scene.runner
                if runner.phase is Phase.ASKING:
                    question, tries, answered = runner.current.id, runner.attempt, len(runner.answers)
                    if not (pilot.focused or "").startswith("option_"):
                        tab_to(pilot, "option_0")
                    pilot.press("return")
                    if runner.phase is Phase.FEEDBACK and len(runner.answers) == answered + 1:
                        say(f"SHOWN {scene.session.attempt_id} {question} {tries}")
                else:
                    pilot.press("return")  # Next
            elif scene.name == "results":
                tab_to(pilot, "again")
                pilot.press("return")
            else:
                raise AssertionError(f"unexpected scene {scene.name}")


def preload() -> None:
    """Everything a player will import, imported once before forking (scenes load lazily)."""
    import importlib
    import pkgutil

    import game.ui
    for module in pkgutil.walk_packages(game.ui.__path__, "game.ui."):
        try:
            importlib.import_module(module.name)
        except Exception:  # noqa: BLE001 - a module that cannot load will fail in the player, visibly
            pass


def zygote() -> None:
    die_with_parent()
    preload()
    signal.signal(signal.SIGCHLD, signal.SIG_IGN)  # players are reaped by the kernel
    for line in sys.stdin:
        data_dir, levels_dir, out_file = line.split()
        pid = os.fork()
        if pid == 0:
            code = 0
            try:
                die_with_parent()
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                out = os.open(out_file, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
                play(Path(data_dir), Path(levels_dir), out)
            except BaseException as exc:  # noqa: BLE001 - reported to the test through the file
                os.write(out, f"ERROR {type(exc).__name__}: {exc}\n".encode())
                code = 1
            finally:
                os._exit(code)
        print(f"PID {pid}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "zygote":
        zygote()
    else:
        die_with_parent()
        data, levels, out_path = sys.argv[2:5]
        fd = os.open(out_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o644)
        try:
            play(Path(data), Path(levels), fd)
        except BaseException as exc:  # noqa: BLE001
            os.write(fd, f"ERROR {type(exc).__name__}: {exc}\n".encode())
            raise
