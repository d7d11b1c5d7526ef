"""F5, or saving the level file in an editor: the level is read again while it plays. The position
is kept where it still exists; new mistakes in the file are shown, and the game goes on."""
from __future__ import annotations

import pygame

from ...core.loader import load_level

CHECK_EVERY = 1.0  # seconds between looks at the file's modification time


class LiveReload:
    """Mixed into the quiz and story scenes: they provide `level`, `runner` and `restore(level, state)`."""

    def _watch_start(self) -> None:
        self._checked_at = 0.0
        self._mtime = self._file_mtime()
        self._read_as = self._signature()  # the file as the playing level was read from it

    def _file_mtime(self) -> float:
        try:
            return self.level.path.stat().st_mtime
        except OSError:
            return 0.0

    def _signature(self) -> tuple[int, int] | None:
        try:
            stat = self.level.path.stat()
        except OSError:
            return None
        return stat.st_mtime_ns, stat.st_size

    def watch_file(self, dt: float) -> None:
        self._checked_at += dt
        if self._checked_at >= CHECK_EVERY:
            self._checked_at = 0.0
            mtime = self._file_mtime()
            if mtime != self._mtime:
                self._mtime = mtime
                self.reload_level()

    def reload_key(self, event: pygame.event.Event) -> bool:
        if event.key == pygame.K_F5:
            self.reload_level()
            return True
        return False

    def reload_level(self) -> None:
        """Reads the level again only when its file changed (a 5,000-question quiz takes seconds), and puts
        the new version in the catalogue in place of the old one: the other levels are not read again."""
        signature = self._signature()
        if signature is not None and signature == self._read_as:
            self.app.notice(self.tr("reload.unchanged"), 3)
            return
        result = load_level(self.level.path, self.level.pack_id, self.level.path.parent)
        self._read_as = signature
        if not result.ok:
            errors = [p for p in result.problems if p.is_error] or result.problems
            first = errors[0].format(self.app.lang).split("\n")[0]  # in the player's language
            self.app.notice(self.tr("reload.broken", count=len(errors), first=first), 8)
            return
        self.app.services.replace_level(result)  # the map shows the new version too
        state = self.runner.to_dict()
        kept = self.restore(result.level, state)
        self.app.notice(self.tr("reload.done" if kept else "reload.restarted"), 3)
        self.rebuild()
