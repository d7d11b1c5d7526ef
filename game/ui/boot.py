"""Building the app: pygame, the window, the services. Used by the game, the pilot and screenshots."""
from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import pygame

from ..core.datadir import level_roots
from ..core.i18n import keep_parsed_in
from ..core.library_settings import first_defaults, load_library_settings
from ..core.leader import needs_the_leader
from ..core.storage import ProgressPort, StorageError
from ..core.storage.opening import open_progress
from ..core.storage.sqlite_recovery import StartupReport, prepare_progress_file
from ..core.speech import RecordingSpeaker, Speaker
from ..paths import LEVELS
from .app import App, Services
from .scenes import make_screen, play_screen
from .display import Display

BUSY_WAIT = 0.2  # seconds an answer's write waits for another program's lock; then it waits in the recorder


def create_app(data_dir: Path, speaker: Speaker | None = None, language: str | None = None,
               fullscreen: bool = False, store: ProgressPort | None = None,
               level_dirs: list[Path] | None = None, window_size: tuple[int, int] | None = None,
               speaker_factory=None, database: str | None = None) -> App:
    """`language` None: the library's (library.toml), else Kazakh. `database`: a postgresql:// URL (the
    room's server), else progress is kept in the data folder (or library.toml's folder)."""
    keep_parsed_in(data_dir / "cache")
    pygame.init()
    display = Display(fullscreen=fullscreen, window_size=window_size)
    library, mistakes = load_library_settings(data_dir)
    report = StartupReport()
    if store is None:
        folder = library.progress_folder(data_dir)
        if not database:  # this computer's file: a damaged one is replaced before the store opens it
            report = prepare_progress_file(folder)
        store = open_progress(folder, database)
        if report.damaged:  # the PIN may be lost with the damaged file: nobody at the keyboard chooses a new one
            with contextlib.suppress(StorageError):
                needs_the_leader(store)
        getattr(store, "wait_when_busy", lambda seconds: None)(BUSY_WAIT)
        first_defaults(store, library)
    roots = level_dirs if level_dirs is not None else level_roots(LEVELS, data_dir)
    services = Services(
        store=store,
        level_roots=list(roots),
        speaker=speaker or RecordingSpeaker(),
        data_dir=data_dir,
        speaker_factory=speaker_factory,
        library_name=library.library_name,
    )
    app = App(services, display, make_screen, play_screen, language or library.language)
    app.load_settings(rebuild=False)  # the computer's defaults until a player is chosen
    _tell_the_leader(app, report, mistakes)
    if hasattr(services.store, "on_offline"):  # the room's server: a calm word when it cannot be reached
        services.store.on_offline = lambda: app.notice(app.tr("storage.offline"), 8)
        if not services.store.online:
            app.notice(app.tr("storage.offline"), 8)
    app.show("title")
    return app


def _tell_the_leader(app: App, report: StartupReport, mistakes: list) -> None:
    """On stderr, and as a notice on the title screen (the most urgent one last: it stays)."""
    lines = [mistake.format(app.tr) for mistake in mistakes]
    if lines:
        app.notice(app.tr("library.notice", first=lines[0]), 12)
    problem = getattr(app.store, "problem", None)
    if problem is not None:  # the saved progress could only be opened for reading, or not at all
        app.notice(app.tr(f"storage.{problem.reason}"), 8)
        if problem.reason == "denied":
            lines.append(app.tr("storage.denied_hint", path=problem.detail))
    recovery = report.notice(app.tr)
    if recovery is not None:
        app.notice(recovery, 20)
    for line in (*lines, recovery, report.backup_failure(app.tr)):
        if line is not None:
            print(line, file=sys.stderr)
