"""The import rules of the architecture, read from the source (no module is run):

- screens are opened by name (game/ui/scenes/SCREENS): no screen module imports another;
- the kit (everything in game/ui outside scenes/) knows no screen; a question view knows no screen;
- no module under game/ui writes progress: writes go through the sessions and services of game/core;
- the tests under tests/core need no window: no pygame, no screen, no pilot.
"""
from __future__ import annotations

import ast
from pathlib import Path

import pytest

GAME = Path(__file__).resolve().parents[2] / "game"
UI = GAME / "ui"
SCENES = UI / "scenes"
# the port's writes (game/core/storage/port.py); a screen may read, never write
WRITES = {"create_profile", "touch_profile", "start_attempt", "record_answer", "finish_attempt",
          "save_position", "save_settings", "save_leader_pin", "save_leader_lock", "rename_profile", "set_avatar", "set_archived",
          "erase_profile", "merge_profiles", "create_group", "rename_group", "delete_group", "add_to_group",
          "remove_from_group", "start_session", "end_session", "save_club_setup", "start_team_game",
          "save_team_game"}


def imported_modules(path: Path) -> set[str]:
    """Every module `path` imports, as a dotted name from `game` (relative imports resolved)."""
    package = ".".join(path.relative_to(GAME.parent).with_suffix("").parts[:-1])
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[:len(base) - node.level + 1]
                module = ".".join(base + ([node.module] if node.module else []))
            else:
                module = node.module or ""
            found.add(module)
            found.update(f"{module}.{alias.name}" for alias in node.names)
    return found


def screen_modules() -> list[Path]:
    """The modules of the screens in SCREENS (the others under scenes/ are parts they share)."""
    from game.ui.scenes import SCREENS
    return sorted({SCENES / f"{target.split(':')[0]}.py" for target in SCREENS.values()})


@pytest.mark.parametrize("path", screen_modules(), ids=lambda p: p.stem)
def test_no_screen_imports_another(path):
    others = {f"game.ui.scenes.{p.stem}" for p in screen_modules() if p != path}
    assert not imported_modules(path) & others


@pytest.mark.parametrize("path", sorted(p for p in UI.rglob("*.py") if SCENES not in p.parents
                                         and p.name != "boot.py"),  # boot composes the app: it hands it SCREENS
                         ids=lambda p: str(p.relative_to(UI)))
def test_the_kit_and_question_views_know_no_screen(path):
    assert not {m for m in imported_modules(path) if m.startswith("game.ui.scenes")}


@pytest.mark.parametrize("path", sorted(UI.rglob("*.py")), ids=lambda p: str(p.relative_to(UI)))
def test_no_ui_module_writes_progress(path):
    calls = {node.func.attr for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
             if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)}
    references = {node.attr for node in ast.walk(ast.parse(path.read_text(encoding="utf-8")))
                  if isinstance(node, ast.Attribute)}
    assert not (calls | references) & WRITES


@pytest.mark.parametrize("path", sorted((GAME.parent / "tests" / "core").glob("test_*.py")), ids=lambda p: p.stem)
def test_the_core_tests_need_no_window(path):
    window = {m for m in imported_modules(path)
              if m.split(".")[0] in ("pygame", "pygame_gui", "pilot_steps") or m.startswith(("game.ui", "game.testing"))}
    assert not window, f"{path.name} imports {sorted(window)}: it belongs in tests/ui"


def test_the_rules_can_fail(tmp_path):
    """The checks above see what they look for (so that a green run means something)."""
    probe = SCENES / "quiz.py"
    assert "game.core.sessions" in imported_modules(probe)
    assert {"game.ui.scenes.base"} <= imported_modules(probe)
