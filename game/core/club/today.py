"""What a session changes for the children: its group first on the profile screen, its levels first
on the map (in the leader's order), and the profile screen's pages by first letter."""
from __future__ import annotations

from dataclasses import dataclass

from ..storage import Profile, ProgressPort


def todays_levels(store: ProgressPort, profile_id: int) -> tuple[tuple[str, str], ...]:
    """The levels of the session that is on, when this child is in its group; else none."""
    session = store.active_session()
    if session is None or session.group_id is None:
        return ()
    group = next((g for g in store.groups() if g.id == session.group_id), None)
    return session.levels if group is not None and profile_id in group.member_ids else ()


@dataclass(frozen=True)
class ProfileScreenPage:
    profiles: list[Profile]   # this page's children
    pages: int
    letters: list[str]        # the first letters of every child not archived, in alphabetical order
    everyone: int             # how many children are not archived
    session_ids: set[int]     # the children of the session that is on


def profile_screen_page(store: ProgressPort, page: int, per_page: int, letter: str | None = None
                        ) -> ProfileScreenPage:
    """One page of the children not archived (those whose nickname starts with `letter`, if given): the
    children of the session's group first (by nickname), then the others as before (who played last
    first). Storage is asked for this page only, however many children the library keeps."""
    session = store.active_session()
    members: set[int] = set()
    if session is not None and session.group_id is not None:
        group = next((g for g in store.groups() if g.id == session.group_id), None)
        members = set(group.member_ids) if group is not None else set()
    initials = _initials(letter)
    first = sorted((p for p in map(store.profile, members)
                    if p is not None and not p.archived and (letter is None or first_letter(p.nickname) == letter)),
                   key=lambda p: nickname_order(p.nickname))
    start = page * per_page
    shown = first[start:start + per_page]
    rest = store.profile_page(max(0, start - len(first)), per_page - len(shown), initials, sorted(members))
    counts: dict[str, int] = {}
    for initial, count in rest.initials.items():
        counts[first_letter(initial)] = counts.get(first_letter(initial), 0) + count
    pages = max(1, -(-(len(first) + rest.matching) // per_page))
    return ProfileScreenPage(shown + rest.profiles, pages, sorted(counts, key=_letter_key), sum(counts.values()),
                             members)


def _initials(letter: str | None) -> tuple[str, ...]:
    """The first characters of the nicknames `first_letter` gives `letter` for (none: every nickname)."""
    if letter is None:
        return ()
    return tuple(sorted({letter, letter.lower(), letter.casefold()} | ({""} if letter == "?" else set())))


def first_letter(nickname: str) -> str:
    return nickname[:1].upper() or "?"


def _letter_key(letter: str) -> tuple[int, str]:
    order = KAZAKH_ORDER.find(letter)
    return (0, f"{order:03d}") if order >= 0 else (1, letter)


def nickname_order(nickname: str) -> tuple:
    """Sorts nicknames as the Kazakh alphabet does (Ә after А, Ғ after Г), others after."""
    return tuple(_letter_key(ch) for ch in nickname.upper())


KAZAKH_ORDER = "АӘБВГҒДЕЁЖЗИЙКҚЛМНҢОӨПРСТУҰҮФХҺЦЧШЩЪЫІЬЭЮЯ"
