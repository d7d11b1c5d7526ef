"""The game's writes of progress, in order, and what happens when the disk refuses one.

A write that fails (a full disk, a file locked by another program, a read-only folder) is kept and
tried again later, in the order it was made, until it is committed: the session plays on without
claiming it was kept, and nothing is ever written twice (a failed write was rolled back). Each try is
short (the store waits only briefly for a lock), and the tries come further apart while the trouble
lasts, so the game never freezes. Time comes from outside (`now`), so a test can wait without waiting.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Callable, Hashable, TypeVar

from ..storage import StorageError

T = TypeVar("T")
TroubleListener = Callable[[StorageError], None]
FIRST_WAIT, LONGEST_WAIT = 0.5, 30.0  # seconds before the next try: doubles while the trouble lasts


@dataclass
class Trouble:
    """One stretch of time when progress could not be kept, for the leader (desk and stderr)."""

    reason: str
    began: str  # UTC, HH:MM
    answers: int = 0  # answers that had to wait
    ended: str = ""  # UTC, HH:MM: every waiting write was committed then


@dataclass
class _Write:
    action: Callable[[], object]
    answer: bool
    key: Hashable | None


@dataclass
class Recorder:
    """Shared by every session of a game, so that what waits is still tried after the child left the level.

    `on_trouble` hears every refusal; `on_saved` hears when every waiting write has been committed."""

    on_trouble: TroubleListener | None = None
    on_saved: Callable[[Trouble], None] | None = None
    troubles: list[Trouble] = field(default_factory=list)
    _waiting: deque[_Write] = field(default_factory=deque)
    _now: float = 0.0
    _next_try: float = 0.0
    _wait: float = FIRST_WAIT

    @property
    def waiting(self) -> int:
        return len(self._waiting)

    @property
    def answers_waiting(self) -> int:
        return sum(1 for write in self._waiting if write.answer)

    @property
    def trouble(self) -> Trouble | None:
        """The trouble going on now, if any."""
        return self.troubles[-1] if self.troubles and not self.troubles[-1].ended else None

    def write(self, action: Callable[[], T], *, answer: bool = False,
              key: Hashable | None = None) -> tuple[bool, T | None]:
        """(True, what the write returned) once committed; (False, None) when it waits for a later try.

        A write with a `key` (a saved position) replaces a waiting one with the same key: only the newest
        counts. Behind writes that wait, a new one waits too (the order is kept)."""
        if self._waiting:
            if key is not None:
                self._waiting = deque(w for w in self._waiting if w.key != key)
            self._waiting.append(_Write(action, answer, key))
            if answer and self.trouble is not None:
                self.trouble.answers += 1
            self.retry(self._now)
            return (True, None) if not self._waiting else (False, None)
        try:
            return True, action()
        except StorageError as error:
            self._waiting.append(_Write(action, answer, key))
            self._refused(error)
            return False, None

    def retry(self, now: float) -> bool:
        """Tries what waits, oldest first, when its time has come. True when the last of it was committed now."""
        self._now = now
        if not self._waiting or now < self._next_try:
            return False
        while self._waiting:
            try:
                self._waiting[0].action()
            except StorageError as error:
                self._refused(error)
                return False
            self._waiting.popleft()
        self._wait = FIRST_WAIT
        trouble = self.trouble
        if trouble is not None:
            trouble.ended = _clock()
            if self.on_saved is not None:
                self.on_saved(trouble)
        return True

    def _refused(self, error: StorageError) -> None:
        self._next_try = self._now + self._wait
        self._wait = min(self._wait * 2, LONGEST_WAIT)
        current = self.trouble
        if current is None or current.reason != error.reason:
            if current is not None:
                current.ended = _clock()
            current = Trouble(error.reason, _clock())
            current.answers = self.answers_waiting
            self.troubles.append(current)
        if self.on_trouble is not None:
            self.on_trouble(error)


def _clock() -> str:
    return datetime.now(timezone.utc).strftime("%H:%M")


class TriedOnce:
    """Writes of a desk activity (a team quiz, a tale for the room): a refused one is told to the listener
    (the leader's notice) and not tried again, since what follows it would refer to a record never made."""

    def __init__(self, on_trouble: TroubleListener | None) -> None:
        self.on_trouble = on_trouble

    def write(self, action: Callable[[], T]) -> tuple[bool, T | None]:
        try:
            return True, action()
        except StorageError as error:
            if self.on_trouble is not None:
                self.on_trouble(error)
            return False, None
