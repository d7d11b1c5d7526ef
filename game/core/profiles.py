"""A child's profile: the nickname rules, kept here once for every screen and every store.

A nickname is what a child types, made safe to keep and to draw: Unicode NFC (so that Ә typed as
А + a combining mark is the same Ә), no invisible or control characters (a zero-width space, a
right-to-left override, a BOM, NUL), single spaces, at most MAX_NICKNAME characters. Two
nicknames that differ only in case are the same child (Айгүл, АЙГҮЛ).
"""
from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from .storage import NicknameTaken, ProgressPort
from .storage.records import MAX_NICKNAME, Profile
from .visible import bounded


def normalise_nickname(typed: str) -> str:
    return bounded(unicodedata.normalize("NFC", typed), MAX_NICKNAME)


@dataclass(frozen=True)
class Created:
    """The outcome of making a profile: the profile, or the catalog key of what is wrong."""

    profile: Profile | None
    problem: str | None = None


class ProfileBook:
    """Making and choosing profiles through the storage port."""

    def __init__(self, store: ProgressPort) -> None:
        self.store = store

    def problem(self, typed: str) -> str | None:
        """None when `typed` can be a new nickname, else the catalog key to tell the child."""
        nickname = normalise_nickname(typed)
        if not nickname:
            return "create.empty"
        if self.store.nickname_taken(nickname):
            return "create.taken"
        return None

    def create(self, typed: str, avatar: str, language: str, settings: dict) -> Created:
        """A new profile with the computer's current settings as its own. Raises StorageError."""
        problem = self.problem(typed)
        if problem is not None:
            return Created(None, problem)
        try:
            profile = self.store.create_profile(normalise_nickname(typed), avatar, language)
        except NicknameTaken:  # made a moment ago elsewhere (another computer on the same database)
            return Created(None, "create.taken")
        self.store.save_settings(profile.id, settings)
        return Created(profile)

    def choose(self, profile: Profile, language: str) -> None:
        self.store.touch_profile(profile.id, language)
