"""What storage keeps and gives back: plain values, the same whatever the backend."""
from __future__ import annotations

from dataclasses import dataclass

from ..visible import bounded

MAX_NICKNAME = 20


@dataclass(frozen=True)
class Profile:
    id: int
    nickname: str
    avatar: str
    language: str
    archived: bool = False

    def __post_init__(self) -> None:
        # a nickname written into the file by something else than the game (10,000 letters, NUL) is
        # shown in the form the game would have kept
        object.__setattr__(self, "nickname", bounded(self.nickname, MAX_NICKNAME))


@dataclass(frozen=True)
class ProfilePage:
    """Children not archived, one page of them (who played last first) and what the page's screen needs
    to know of the others."""

    profiles: list[Profile]
    matching: int                # how many children match what was asked, on every page
    initials: dict[str, int]     # how many nicknames not archived start with each character


@dataclass(frozen=True)
class AnswerRecord:
    """One answer as it is kept: what was chosen, whether it was right, how long it took."""

    question_id: str
    answer: object
    correct: bool
    time_ms: int = 0
    attempt_number: int = 1  # 1: the first try; 2: the question came back at the end
    hint_used: bool = False
    right_parts: int = 0
    total_parts: int = 1


@dataclass(frozen=True)
class SavedPosition:
    """Where a child left a level that is not finished: its attempt and the runner's state."""

    attempt_id: int
    state: dict


@dataclass(frozen=True)
class LevelSummary:
    pack_id: str
    level_id: str
    children: int  # children who finished the level at least once
    average_stars: float  # their best stars, on average
    three_stars: int  # children with all three stars
    attempts: int  # attempts started, finished or not


@dataclass(frozen=True)
class ChildSummary:
    profile_id: int
    nickname: str
    levels_finished: int
    stars: int  # the sum of the best stars of every level
    three_star_levels: int
    attempts: int  # attempts started, finished or not
    last_played_at: str | None


@dataclass(frozen=True)
class Group:
    """A club's group of children ("Ертекші, Tuesday")."""

    id: int
    name: str
    member_ids: tuple[int, ...]


@dataclass(frozen=True)
class PlaySession:
    """One meeting of a group: today's levels in order, from its start to its end (None: still on)."""

    id: int
    group_id: int | None
    started_at: str
    ended_at: str | None
    levels: tuple[tuple[str, str], ...]  # (pack_id, level_id), in the leader's order


@dataclass(frozen=True)
class GroupTale:
    """A tale the room played together in audience mode, and the ending it chose."""

    session_id: int | None
    group_id: int | None
    pack_id: str
    level_id: str
    ending: str  # the ending scene's id
    seen_at: str


@dataclass(frozen=True)
class ProgressTotals:
    """Attempts summed over a child (key: profile id, nickname) or a level (key: pack, level), counting
    each child's level once."""

    key: tuple
    levels: int  # by child: levels played; by level: children who played it
    finished: int  # ...of which at least one attempt was finished
    stars: int  # the best stars of those finished, summed
    attempts: int  # started, finished or not
    last_started: str


@dataclass(frozen=True)
class AnswerTotals:
    """Answers summed over a key (a child, a level, a question, a child's day)."""

    key: tuple
    first_tries: int  # answers at a question's first asking
    first_right: int
    time_ms: int
    hints: int


@dataclass(frozen=True)
class ReportScope:
    """Which play a report covers: a group's children, one session, one child, a span of dates (inclusive,
    'YYYY-MM-DD'); every field None covers everything."""

    group_id: int | None = None
    session_id: int | None = None
    profile_id: int | None = None
    since: str | None = None
    until: str | None = None


@dataclass(frozen=True)
class ImportReport:
    """What an import of children's progress changed on this computer (all zero: nothing changed)."""

    new_children: int = 0
    same_children: int = 0  # children already here (same nickname, same picture), their progress merged
    attempts: int = 0  # attempts added or finished by the import
    answers: int = 0
    best_stars: int = 0  # levels whose best stars were added or raised
    groups: int = 0  # groups made
    group_members: int = 0  # children put into a group
    positions: int = 0  # levels where the child left off, added or newer
    lines_read: int = 0  # story lines newly marked as read
    renamed: tuple[tuple[str, str], ...] = ()  # (nickname in the file, nickname here) for a nickname clash

    @property
    def changed(self) -> bool:
        return any((self.new_children, self.attempts, self.answers, self.best_stars, self.groups,
                    self.group_members, self.positions, self.lines_read))


@dataclass(frozen=True)
class TeamResult:
    """One team of a team quiz: its name and colour (keys of the fixed lists) and how it did."""

    name: str
    colour: str
    points: int
    right: int
    answered: int


@dataclass(frozen=True)
class TeamGame:
    """A team quiz played on this computer (or in the room): its level, its rules, its teams in order."""

    id: int | None  # None until storage has kept it
    session_id: int | None  # the play session on when it started
    group_id: int | None  # ...and that session's group
    pack_id: str
    level_id: str
    talk_seconds: int
    speed_bonus: bool
    questions: int  # questions it had to play
    played: int  # questions revealed
    finished: bool  # played to the end or ended by the leader (False: the game stopped mid-way)
    teams: tuple[TeamResult, ...]
    started_at: str = ""
