"""The club leader's PIN: it guards what a child should not change (this computer's defaults, the desk).

Only a salted, slow hash is kept. After a few wrong tries the lock waits before it listens again, longer
after each further wrong try; the tries are kept with the progress, so a restart does not forget them.
A PIN of 4 to 6 digits keeps children at the keyboard out; it does not protect against someone who can
read or change the progress file (README: The leader's PIN).
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from enum import Enum
from typing import Protocol

MIN_DIGITS, MAX_DIGITS = 4, 6
ROUNDS = 60_000  # about 60 ms on an old computer: unnoticed once, slow for guessing
FREE_TRIES = 5
WAIT_SECONDS = 30.0  # after the fifth wrong try; each further wrong try doubles it, up to LONGEST_WAIT
LONGEST_WAIT = 3600.0


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
    """Counts wrong tries; from the FREE_TRIES-th on, the next try must wait, twice as long each time
    (time comes from outside: seconds since the epoch, so that a wait outlives a restart)."""

    def __init__(self, wrong: int = 0, blocked_until: float = 0.0) -> None:
        self.wrong = wrong
        self.blocked_until = blocked_until

    def wait_left(self, now: float) -> float:
        return min(LONGEST_WAIT, max(0.0, self.blocked_until - now))  # a clock set back waits no longer

    def record(self, right: bool, now: float) -> None:
        if right:
            self.wrong, self.blocked_until = 0, 0.0
            return
        self.wrong += 1
        if self.wrong >= FREE_TRIES:
            self.blocked_until = now + min(LONGEST_WAIT, WAIT_SECONDS * 2 ** min(self.wrong - FREE_TRIES, 20))

    def to_dict(self) -> dict:
        return {"wrong": self.wrong, "blocked_until": self.blocked_until}

    @classmethod
    def from_dict(cls, data: object, now: float) -> "TryLimit":
        """What the store kept; a damaged record counts as the tries used up (it waits, it never frees)."""
        if not data:
            return cls()
        try:
            wrong, until = int(data["wrong"]), float(data["blocked_until"])
            if wrong < 0 or not math.isfinite(until):
                raise ValueError(wrong)
            return cls(wrong, until)
        except (KeyError, TypeError, ValueError):
            return cls(FREE_TRIES, now + WAIT_SECONDS)


class PinState(str, Enum):
    SET = "set"
    FIRST = "first"  # a fresh install: the club leader chooses the first PIN (the screen says it is for them)
    NEEDS_LEADER = "needs_leader"  # missing where there should be one, or damaged: only `leader-pin --set`


def lock_data(text: object) -> dict:
    """The lock's record as a store kept it (JSON), or one that frees nothing when it is not what the game wrote."""
    import json
    try:
        data = json.loads(text)
    except (TypeError, ValueError):
        data = None
    return data if isinstance(data, dict) else {"set_by_command": True, "tries": "damaged"}


def pin_is_whole(pin: StoredPin) -> bool:
    """A salt of 16 bytes and a SHA-256 digest, both in hex: anything else was damaged."""
    try:
        return len(bytes.fromhex(pin.salt)) == 16 and len(bytes.fromhex(pin.digest)) == 32
    except (TypeError, ValueError):
        return False


class PinStore(Protocol):
    def leader_pin(self) -> StoredPin | None: ...
    def save_leader_pin(self, pin: StoredPin | None) -> None: ...
    def leader_lock(self) -> dict: ...
    def save_leader_lock(self, data: dict) -> None: ...


def pin_state(store: PinStore) -> PinState:
    """Whether the PIN can be checked, chosen on screen (a fresh install only), or must be set by the leader."""
    stored = store.leader_pin()
    if stored is not None:
        return PinState.SET if pin_is_whole(stored) else PinState.NEEDS_LEADER
    if store.leader_lock().get("set_by_command"):
        return PinState.NEEDS_LEADER  # a PIN was set here once (or the file was rebuilt): it was lost, not never chosen
    return PinState.FIRST


def needs_the_leader(store: PinStore) -> None:
    """From now on only `leader-pin --set` chooses a PIN here (the progress file was rebuilt after damage)."""
    store.save_leader_lock({**store.leader_lock(), "set_by_command": True})


def set_pin(store: PinStore, pin: str) -> None:
    """A new PIN (the first one on screen, or `leader-pin --set`): its tries start afresh, and from now on a
    missing PIN means a lost one. Raises ValueError for a PIN that breaks the rules, StorageError."""
    store.save_leader_pin(make_pin(pin))
    store.save_leader_lock({"set_by_command": True})


def remove_pin(store: PinStore) -> None:
    """`leader-pin --reset`: the forgotten PIN is gone; only `leader-pin --set` chooses the next one."""
    store.save_leader_pin(None)
    store.save_leader_lock({"set_by_command": True})


@dataclass(frozen=True)
class Verdict:
    """What the lock says to a PIN typed: opened, or the catalog key (and values) to tell the leader."""

    opened: bool
    message: str | None = None
    values: tuple[tuple[str, int], ...] = ()


class LeaderLock:
    """The PIN flow, once: choose the first PIN (typed twice) on a fresh install, else check it with a try
    limit kept in the store. Where the PIN is missing or damaged, nothing opens: the leader sets it with
    `run_game.py leader-pin --set`. Time comes from outside (`now`, seconds since the epoch), so a test can
    wait without waiting. `memory` counts tries the store could not keep (a full disk, a server away)."""

    def __init__(self, store: PinStore, memory: TryLimit) -> None:
        self.store = store
        self.memory = memory
        self.state = pin_state(store)
        self.first = ""  # creating: the PIN typed once, waiting to be typed again

    @property
    def creating(self) -> bool:
        return self.state is PinState.FIRST

    def submit(self, typed: str, now: float) -> Verdict:
        if self.state is PinState.NEEDS_LEADER:
            return Verdict(False, "leader.needs_leader")
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
        set_pin(self.store, typed)  # raises StorageError: not opened, not saved
        self.state = PinState.SET
        return Verdict(True, "leader.saved")

    def _tries(self, now: float) -> TryLimit:
        """The stricter of what the store kept and what this run counted."""
        kept = TryLimit.from_dict(self.store.leader_lock().get("tries"), now)
        return max(kept, self.memory, key=lambda limit: (limit.blocked_until, limit.wrong))

    def _check(self, typed: str, now: float) -> Verdict:
        tries = self._tries(now)
        wait = tries.wait_left(now)
        if wait > 0:
            return Verdict(False, "leader.wait", (("seconds", int(wait) + 1),))
        right = pin_matches(typed, self.store.leader_pin())
        tries.record(right, now)
        self.memory.wrong, self.memory.blocked_until = tries.wrong, tries.blocked_until
        from .storage.errors import StorageError  # not at the top: the storage package imports this module
        try:
            self.store.save_leader_lock({**self.store.leader_lock(), "tries": tries.to_dict()})
        except StorageError:
            pass  # kept in this run's memory (self.memory), which counts as much
        return Verdict(True) if right else Verdict(False, "leader.wrong")
