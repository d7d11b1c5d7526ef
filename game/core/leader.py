"""The club leader's PIN: it guards what a child should not change (this computer's defaults).

Only a salted, slow hash is kept. After a few wrong tries the lock waits before it listens again,
so that guessing a four-digit PIN by trying them all takes hours, not minutes.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

MIN_DIGITS, MAX_DIGITS = 4, 6
ROUNDS = 60_000  # about 60 ms on an old computer: unnoticed once, slow for guessing
FREE_TRIES = 5
WAIT_SECONDS = 30.0


@dataclass(frozen=True)
class StoredPin:
    salt: str
    digest: str


def pin_problem(pin: str) -> str | None:
    """None for a good PIN, else the catalog key of what is wrong with it."""
    if not pin.isdigit() or not pin.isascii():
        return "leader.only_digits"
    if not MIN_DIGITS <= len(pin) <= MAX_DIGITS:
        return "leader.length"
    return None


def _digest(pin: str, salt: str) -> str:
    import hashlib  # with OpenSSL: a few ms of start-up the title screen need not wait for
    return hashlib.pbkdf2_hmac("sha256", pin.encode(), bytes.fromhex(salt), ROUNDS).hex()


def make_pin(pin: str) -> StoredPin:
    if pin_problem(pin) is not None:
        raise ValueError("not a valid PIN")
    import secrets
    salt = secrets.token_hex(16)
    return StoredPin(salt, _digest(pin, salt))


def pin_matches(pin: str, stored: StoredPin) -> bool:
    import hmac
    return hmac.compare_digest(_digest(pin, stored.salt), stored.digest)


class TryLimit:
    """Counts wrong tries; after FREE_TRIES the next try must wait WAIT_SECONDS (time comes from outside)."""

    def __init__(self) -> None:
        self.wrong = 0
        self.blocked_until = 0.0

    def wait_left(self, now: float) -> float:
        return max(0.0, self.blocked_until - now)

    def record(self, right: bool, now: float) -> None:
        if right:
            self.wrong, self.blocked_until = 0, 0.0
            return
        self.wrong += 1
        if self.wrong >= FREE_TRIES:
            self.blocked_until = now + WAIT_SECONDS


class PinStore(Protocol):
    def leader_pin(self) -> StoredPin | None: ...
    def save_leader_pin(self, pin: StoredPin | None) -> None: ...


@dataclass(frozen=True)
class Verdict:
    """What the lock says to a PIN typed: opened, or the catalog key (and values) to tell the leader."""

    opened: bool
    message: str | None = None
    values: tuple[tuple[str, int], ...] = ()


class LeaderLock:
    """The PIN flow, once: choose a PIN (typed twice) when there is none, else check it with a try limit.

    Time comes from outside (`now`), so a test can wait without waiting."""

    def __init__(self, store: PinStore, tries: TryLimit) -> None:
        self.store = store
        self.tries = tries
        self.creating = store.leader_pin() is None
        self.first = ""  # creating: the PIN typed once, waiting to be typed again

    def submit(self, typed: str, now: float) -> Verdict:
        return self._create(typed) if self.creating else self._check(typed, now)

    def _create(self, typed: str) -> Verdict:
        problem = pin_problem(typed)
        if problem is not None:
            return Verdict(False, problem)
        if not self.first:
            self.first = typed
            return Verdict(False, "leader.again")
        if typed != self.first:
            self.first = ""
            return Verdict(False, "leader.differ")
        self.store.save_leader_pin(make_pin(typed))  # raises StorageError: not opened, not saved
        return Verdict(True, "leader.saved")

    def _check(self, typed: str, now: float) -> Verdict:
        wait = self.tries.wait_left(now)
        if wait > 0:
            return Verdict(False, "leader.wait", (("seconds", int(wait) + 1),))
        stored = self.store.leader_pin()
        right = stored is None or pin_matches(typed, stored)
        self.tries.record(right, now)
        return Verdict(True) if right else Verdict(False, "leader.wrong")
