"""The core must work with pygame absent: scenes draw, the core decides."""
import pkgutil
import subprocess
import sys

import game.core


def test_core_imports_without_pygame():
    modules = [m.name for m in pkgutil.walk_packages(game.core.__path__, "game.core.")]
    assert {"game.core.quiz", "game.core.storage.sqlite", "game.core.sessions.quiz_session"} <= set(modules)
    code = ("import sys; sys.modules['pygame'] = None; sys.modules['pygame_gui'] = None\n"
            + "\n".join(f"import {m}" for m in modules)
            + "\nassert 'pygame' not in [k for k, v in sys.modules.items() if v is not None]")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
