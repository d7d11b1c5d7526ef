"""Building the app: pygame, the window, the services. Used by the game, the pilot and screenshots."""
from __future__ import annotations

from pathlib import Path

import pygame

from ..core.datadir import level_roots
from ..core.storage import ProgressPort
from ..core.storage.opening import open_progress
from ..core.speech import RecordingSpeaker, Speaker
from ..paths import LEVELS
from .app import App, Services
from .scenes import make_screen, play_screen
from .display import Display


def create_app(data_dir: Path, speaker: Speaker | None = None, language: str = "kk",
               fullscreen: bool = False, store: ProgressPort | None = None,
               level_dirs: list[Path] | None = None, window_size: tuple[int, int] | None = None,
               speaker_factory=None, database: str | None = None) -> App:
    """`database`: a postgresql:// URL (the room's server), else progress is kept in `data_dir`."""
    pygame.init()
    display = Display(fullscreen=fullscreen, window_size=window_size)
    roots = level_dirs if level_dirs is not None else level_roots(LEVELS, data_dir)
    services = Services(
        store=store or open_progress(data_dir, database),
        level_roots=list(roots),
        speaker=speaker or RecordingSpeaker(),
        data_dir=data_dir,
        speaker_factory=speaker_factory,
    )
    app = App(services, display, make_screen, play_screen, language)
    app.load_settings(rebuild=False)  # the computer's defaults until a player is chosen
    problem = getattr(services.store, "problem", None)
    if problem is not None:  # the saved progress could only be opened for reading, or not at all
        app.notice(app.tr(f"storage.{problem.reason}"), 8)
    if hasattr(services.store, "on_offline"):  # the room's server: a calm word when it cannot be reached
        services.store.on_offline = lambda: app.notice(app.tr("storage.offline"), 8)
        if not services.store.online:
            app.notice(app.tr("storage.offline"), 8)
    app.show("title")
    return app
