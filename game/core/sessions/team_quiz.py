"""A team quiz: one quiz level played by 2-4 teams of the club around one computer and a projector.

The leader sets the teams up at the desk (names and colours from fixed lists, never typed), the
seconds of "team talk" and whether a quick right answer earns a bonus. Every question goes to every
team, in turn (the first turn moves on by one team each question); a team answers by its own keys
or, on its turn, with the mouse. When all have answered or the talk time is over, the leader reveals
the answer; the explanation and source follow, then the scoreboard. The leader may pause, skip a
question and end the game at any time. Only questions a team can answer with one key are played
(single choice with up to four options, and true/false); the checking is the quiz's own.

The game is kept through the storage port when it starts and after every reveal, skip and end, so a
game cut short still shows in the leader's reports. Nothing is recorded for a child.
"""
from __future__ import annotations

import random
from dataclasses import dataclass
from enum import Enum

from ..model import QuizLevel
from ..questions import Question
from ..questions.choice import SingleChoice, TrueFalse
from ..storage import ProgressPort, TeamGame, TeamResult
from .recorder import TriedOnce, TroubleListener

TEAM_NAMES = ("argali", "eagle", "stork", "marmot", "corsac", "karkaraly", "kent", "shaitankol", "bassein")
TEAM_COLOURS = ("red", "blue", "green", "gold", "purple", "orange")
MIN_TEAMS, MAX_TEAMS = 2, 4
MAX_KEYS = 4  # options a team can answer by its own keys
TALK_SECONDS = (15, 30, 45, 60, 90, 0)  # 0: no countdown, the leader reveals
DEFAULT_TALK = 30
POINT, BONUS = 1, 1  # a right answer; a right answer given in the first half of the talk time (if on)


class TeamPhase(str, Enum):
    ASKING = "asking"          # teams talk and answer in turn
    REVEALED = "revealed"      # the right answer, each team's, the explanation and the source
    SCOREBOARD = "scoreboard"  # between questions
    OVER = "over"              # the last question played, or the leader ended the game


@dataclass(frozen=True)
class Team:
    name: str    # a key of TEAM_NAMES
    colour: str  # a key of TEAM_COLOURS


@dataclass
class TeamScore:
    points: int = 0
    right: int = 0
    answered: int = 0


def playable(question: Question) -> bool:
    """A question a team answers with one key: single choice (up to MAX_KEYS options) or true/false."""
    return isinstance(question, TrueFalse) or (isinstance(question, SingleChoice)
                                                and len(question.options) <= MAX_KEYS)


def default_teams(count: int) -> list[Team]:
    return [Team(TEAM_NAMES[i], TEAM_COLOURS[i]) for i in range(count)]


def next_free(values: tuple[str, ...], current: str, taken: set[str]) -> str:
    """The next value after `current` that no other team has (names and colours are never shared)."""
    start = values.index(current) if current in values else -1
    for step in range(1, len(values) + 1):
        value = values[(start + step) % len(values)]
        if value not in taken:
            return value
    return current


class TeamQuizSession:
    def __init__(self, store: ProgressPort, level: QuizLevel, teams: list[Team], *, talk_seconds: int = DEFAULT_TALK,
                 speed_bonus: bool = False, seed: int | None = None, on_trouble: TroubleListener | None = None) -> None:
        if not MIN_TEAMS <= len(teams) <= MAX_TEAMS:
            raise ValueError(f"a team quiz is for {MIN_TEAMS} to {MAX_TEAMS} teams")
        if len({t.name for t in teams}) != len(teams) or len({t.colour for t in teams}) != len(teams):
            raise ValueError("each team has its own name and colour")
        self.store, self.level, self.teams = store, level, list(teams)
        self.talk_seconds, self.speed_bonus = talk_seconds, speed_bonus
        self.seed = random.randrange(1 << 30) if seed is None else seed
        rng = random.Random(self.seed)
        questions = [q for q in level.questions if playable(q)]
        if level.pool is not None and level.pool < len(questions):
            questions = rng.sample(questions, level.pool)
        self.questions = questions
        self.left_out = sum(not playable(q) for q in level.questions)
        self.scores = [TeamScore() for _ in teams]
        self.position = 0
        self.played = 0   # questions revealed
        self.skipped = 0
        self.paused = False
        self.phase = TeamPhase.ASKING if questions else TeamPhase.OVER
        self.choices: dict[int, int] = {}  # team -> the option chosen (shown index) for this question
        self.gained: dict[int, int] = {}   # team -> points this question
        self.time_left: float | None = None
        self.elapsed = 0.0
        self._answered_at: dict[int, float] = {}
        self.recorder = TriedOnce(on_trouble)
        session = store.active_session()
        self.record = TeamGame(None, session.id if session else None, session.group_id if session else None,
                                     level.pack_id, level.id, talk_seconds, speed_bonus, len(questions), 0, False,
                                     tuple(TeamResult(t.name, t.colour, 0, 0, 0) for t in teams))
        self.saved, self.game_id = self.recorder.write(lambda: store.start_team_game(self.record))
        self._question_shown()

    # -- state for the screen ---------------------------------------------------------------------
    @property
    def question(self) -> Question | None:
        return self.questions[self.position] if self.phase is not TeamPhase.OVER else None

    @property
    def number(self) -> int:
        return self.position + 1

    @property
    def total(self) -> int:
        return len(self.questions)

    def order(self, question: Question) -> list[int]:
        """The options in the order shown (seeded, as in solo play); true/false: yes, then no."""
        if isinstance(question, TrueFalse):
            return [0, 1]
        indices = list(range(question.part_count()))
        if self.level.shuffle and question.shuffles:
            random.Random(f"{self.seed}:{question.id}").shuffle(indices)
        return indices

    def option_count(self) -> int:
        question = self.question
        return 0 if question is None else len(self.order(question))

    def turn_order(self) -> list[int]:
        first = self.position % len(self.teams)
        return [(first + i) % len(self.teams) for i in range(len(self.teams))]

    @property
    def turn(self) -> int | None:
        """Whose turn it is to answer, or None when every team has (or the time is up)."""
        if self.phase is not TeamPhase.ASKING or self.time_up:
            return None
        return next((team for team in self.turn_order() if team not in self.choices), None)

    @property
    def time_up(self) -> bool:
        return self.time_left is not None and self.time_left <= 0

    @property
    def waiting_for_reveal(self) -> bool:
        return self.phase is TeamPhase.ASKING and self.turn is None

    def right_option(self) -> int | None:
        """The shown index of the right option."""
        question = self.question
        if question is None:
            return None
        return next(shown for shown, original in enumerate(self.order(question))
                    if question.check(self._value(question, original)).correct)

    def leaders(self) -> list[int]:
        """The teams with the most points (more than one when tied)."""
        best = max(score.points for score in self.scores)
        return [i for i, score in enumerate(self.scores) if score.points == best]

    # -- intents ----------------------------------------------------------------------------------
    def answer(self, team: int, shown: int) -> bool:
        """Team `team` picks the option shown at `shown`, on its turn; False when not taken (not its turn,
        paused, already answered, no such option)."""
        if self.paused or team != self.turn or not 0 <= shown < self.option_count():
            return False
        self.choices[team] = shown
        self._answered_at[team] = self.elapsed
        return True

    def answer_for_turn(self, shown: int) -> bool:
        """The mouse (or the focus ring): the answer of the team whose turn it is."""
        turn = self.turn
        return turn is not None and self.answer(turn, shown)

    def tick(self, dt: float) -> None:
        if self.phase is not TeamPhase.ASKING or self.paused:
            return
        self.elapsed += dt
        if self.time_left is not None and self.time_left > 0:
            self.time_left = max(0.0, self.time_left - dt)

    def toggle_pause(self) -> bool:
        if self.phase is TeamPhase.OVER:
            return False
        self.paused = not self.paused
        return self.paused

    @property
    def over(self) -> bool:
        return self.phase is TeamPhase.OVER

    def reveal(self) -> bool:
        """The leader shows the right answer: each team's answer is checked and scored, then kept."""
        question = self.question
        if self.phase is not TeamPhase.ASKING or question is None:
            return False
        order = self.order(question)
        self.paused = False
        self.gained = {}
        for team, score in enumerate(self.scores):
            if team not in self.choices:
                continue
            score.answered += 1
            if question.check(self._value(question, order[self.choices[team]])).correct:
                quick = self.talk_seconds and self._answered_at[team] <= self.talk_seconds / 2
                gained = POINT + (BONUS if self.speed_bonus and quick else 0)
                score.right += 1
                score.points += gained
                self.gained[team] = gained
        self.played += 1
        self.phase = TeamPhase.REVEALED
        self._keep()
        return True

    def go_on(self) -> bool:
        """From the revealed answer to the scoreboard, from the scoreboard to the next question."""
        if self.phase is TeamPhase.REVEALED:
            self.phase = TeamPhase.SCOREBOARD
            return True
        if self.phase is TeamPhase.SCOREBOARD:
            self._next()
            return True
        return False

    def skip(self) -> bool:
        """The leader skips the question being asked: no points, on to the next."""
        if self.phase is not TeamPhase.ASKING:
            return False
        self.skipped += 1
        self.paused = False
        self._next()
        if not self.over:
            self._keep()
        return True

    def end(self) -> bool:
        """The leader ends the game now; what was played is kept."""
        if self.phase is TeamPhase.OVER:
            return False
        self.phase, self.paused = TeamPhase.OVER, False
        self._keep()
        return True

    # -- inside -----------------------------------------------------------------------------------
    @staticmethod
    def _value(question: Question, original: int) -> object:
        return original == 0 if isinstance(question, TrueFalse) else original

    def _next(self) -> None:
        self.position += 1
        if self.position >= len(self.questions):
            self.phase = TeamPhase.OVER
            self._keep()
            return
        self.phase = TeamPhase.ASKING
        self._question_shown()

    def _question_shown(self) -> None:
        self.choices, self.gained, self._answered_at = {}, {}, {}
        self.elapsed = 0.0
        self.time_left = float(self.talk_seconds) if self.talk_seconds and self.phase is TeamPhase.ASKING else None

    def _keep(self) -> None:
        self.record = TeamGame(
            self.game_id, self.record.session_id, self.record.group_id, self.record.pack_id, self.record.level_id,
            self.talk_seconds, self.speed_bonus, len(self.questions), self.played, self.phase is TeamPhase.OVER,
            tuple(TeamResult(t.name, t.colour, s.points, s.right, s.answered) for t, s in zip(self.teams, self.scores)))
        if self.game_id is not None:
            record = self.record
            self.saved, _ = self.recorder.write(lambda: self.store.save_team_game(record))
