"""Progress the disk refused: the child is told calmly, once per kind of trouble and screen, and sees "not
saved yet" on a play screen while answers wait; the leader reads on stderr when it began and ended. The
picture cache is the first thing given up on a full disk."""
from __future__ import annotations

import sys

import pygame

from ..core.sessions import Recorder, Trouble
from ..core.storage import StorageError
from . import palette


class StorageWatch:
    def __init__(self, app) -> None:
        self.app = app
        self.recorder = Recorder(self.trouble, self._saved_again)
        self._told: set[tuple[str, int]] = set()
        self._logged: Trouble | None = None

    def trouble(self, error: StorageError) -> None:
        app = self.app
        if error.reason == "full":
            app.images.give_up()  # its files are freed at once, for progress
        key = (error.reason, id(app.scene))
        if key not in self._told:
            self._told.add(key)
            app.notice(app.tr(f"storage.{error.reason}"), 6)
        trouble = self.recorder.trouble
        if trouble is not None and trouble is not self._logged:  # for the leader: once a stretch of trouble
            self._logged = trouble
            print(app.tr("storage.log_began", time=trouble.began, why=app.tr(f"storage.why_{error.reason}"),
                         detail=error.detail), file=sys.stderr)

    def _saved_again(self, trouble: Trouble) -> None:
        self.app.notice(self.app.tr("storage.saved_again"), 4)
        print(self.app.tr("storage.log_saved", time=trouble.ended, answers=trouble.answers), file=sys.stderr)

    def last_try(self) -> None:
        """On the way out: one more try at what waits; what still cannot be kept is told on stderr."""
        self.recorder.retry(float("inf"))
        if self.recorder.waiting:
            print(self.app.tr("storage.log_lost", answers=self.recorder.answers_waiting), file=sys.stderr)

    def words(self) -> str:
        return self.app.tr("storage.not_saved") if self.recorder.waiting else ""

    def draw(self, canvas: pygame.Surface, bottom_left: tuple[int, int] | None) -> None:
        """A calm mark where a play screen puts it while answers wait: never a claim that they are kept."""
        if bottom_left is None or not self.recorder.waiting:
            return
        text, words = self.app.text, self.words()
        size = text.fitting_size(words, 22, 680, 96, bold=True)
        width, height = text.measure(words, size, 680, bold=True)
        box = pygame.Rect(0, 0, width + 40, height + 12)
        box.bottomleft = bottom_left
        pygame.draw.rect(canvas, palette.PAPER, box, border_radius=12)
        pygame.draw.rect(canvas, palette.OCHRE, box, width=3, border_radius=12)
        text.draw(canvas, words, (box.x + 20, box.y + 6), size, palette.INK, width + 2, bold=True)
