"""What a session changes for the children: its group first on the profile screen, its levels first
on the map (in the leader's order), and the profile screen's pages by first letter."""
from __future__ import annotations

from ..storage import Profile, ProgressPort


def todays_levels(store: ProgressPort, profile_id: int) -> tuple[tuple[str, str], ...]:
    """The levels of the session that is on, when this child is in its group; else none."""
    session = store.active_session()
    if session is None or session.group_id is None:
        return ()
    group = next((g for g in store.groups() if g.id == session.group_id), None)
    return session.levels if group is not None and profile_id in group.member_ids else ()


def profiles_in_order(store: ProgressPort) -> tuple[list[Profile], set[int]]:
    """Every child not archived: the children of the session's group first (by nickname), then the
    others as before (who played last first); and the ids of the session's children."""
    profiles = store.profiles()
    session = store.active_session()
    members: set[int] = set()
    if session is not None and session.group_id is not None:
        group = next((g for g in store.groups() if g.id == session.group_id), None)
        members = set(group.member_ids) if group is not None else set()
    first = sorted((p for p in profiles if p.id in members), key=lambda p: nickname_order(p.nickname))
    return first + [p for p in profiles if p.id not in members], members


def first_letter(nickname: str) -> str:
    return nickname[:1].upper() or "?"


def letters(profiles: list[Profile]) -> list[str]:
    """The first letters of the nicknames, in alphabetical order (Kazakh letters among the Cyrillic)."""
    return sorted({first_letter(p.nickname) for p in profiles}, key=_letter_key)


def _letter_key(letter: str) -> tuple[int, str]:
    order = KAZAKH_ORDER.find(letter)
    return (0, f"{order:03d}") if order >= 0 else (1, letter)


def nickname_order(nickname: str) -> tuple:
    """Sorts nicknames as the Kazakh alphabet does (Ә after А, Ғ after Г), others after."""
    return tuple(_letter_key(ch) for ch in nickname.upper())


KAZAKH_ORDER = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
