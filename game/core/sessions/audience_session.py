"""A story played by the whole room (audience mode): at a choice or an in-story question the options get
numbers, the leader counts the hands raised for each (or types the number the room shouted for after a
"hands up" countdown), and the tale goes on with the majority; a tie is broken by the leader.

It reuses StorySession without a child, so no answer is kept for anyone; at an ending the group's
session keeps that the room saw the tale and which ending it chose."""
from __future__ import annotations

from dataclasses import dataclass

from ..model import StoryLevel
from ..questions import Question
from ..questions.choice import SingleChoice, TrueFalse
from ..story import StoryRunner
from ..storage import ProgressPort
from .common import Feedback, Outcome
from .recorder import TriedOnce, TroubleListener
from .story_session import StorySession

HANDS_UP_SECONDS = 10
MAX_VOTES = 999  # more hands than a reading room holds: a typing slip


@dataclass(frozen=True)
class Tally:
    """What the counted hands decide: a winner, or the options tied at the most votes."""

    winner: int | None
    tied: tuple[int, ...] = ()


def tally(votes: list[int]) -> Tally:
    """The majority of the votes; no votes at all decide nothing; a tie leaves the tied options."""
    most = max(votes, default=0)
    if most <= 0:
        return Tally(None)
    leaders = tuple(i for i, count in enumerate(votes) if count == most)
    return Tally(leaders[0]) if len(leaders) == 1 else Tally(None, leaders)


def votable(question: Question | None) -> bool:
    """A question the room answers by a show of hands: one right option among a few."""
    return isinstance(question, (SingleChoice, TrueFalse))


def answer_of(question: Question, option: int) -> object:
    """The answer value of the room's option: an option's index, or True/False (numbered 1 true, 2 false)."""
    return option == 0 if isinstance(question, TrueFalse) else option


class AudienceSession:
    def __init__(self, store: ProgressPort, level: StoryLevel, session_id: int | None = None,
                 on_trouble: TroubleListener | None = None) -> None:
        self.store = store
        self.level = level
        self.session_id = session_id
        self.recorder = TriedOnce(on_trouble)
        self.story = StorySession(store, None, level, fresh=True, on_trouble=on_trouble)
        self.votes: list[int] = []
        self.tied: tuple[int, ...] = ()
        self.timer = 0.0  # seconds left of a "hands up" countdown; 0 when none runs
        self._new_ballot()

    # -- state for the screen -------------------------------------------------------------------
    @property
    def runner(self) -> StoryRunner:
        return self.story.runner

    @property
    def feedback(self) -> Feedback | None:
        return self.story.feedback

    @property
    def option_count(self) -> int:
        """How many numbered options the room decides between now (0: nothing to decide)."""
        if self.runner.choices:
            return len(self.runner.choices)
        question = self.story.question
        if not self.story.accepting_answers:
            return 0
        if isinstance(question, TrueFalse):
            return 2
        return len(question.options) if isinstance(question, SingleChoice) else 0

    @property
    def shows_answer(self) -> bool:
        """An in-story question the room cannot vote on (ordering, a map…): the leader shows its answer."""
        return self.story.accepting_answers and not votable(self.story.question)

    # -- intents --------------------------------------------------------------------------------
    def advance(self) -> Outcome | None:
        return self._after(self.story.advance())

    def count(self, option: int, votes: int) -> None:
        """The hands the leader counted for one option (typed again: the new count replaces it)."""
        if 0 <= option < len(self.votes):
            self.votes[option] = max(0, min(int(votes), MAX_VOTES))
            self.tied = ()

    def decide(self) -> Outcome | Tally | None:
        """Goes on with the majority; a tie (or no votes) comes back as a Tally for the leader to break."""
        result = tally(self.votes)
        if result.winner is None:
            self.tied = result.tied
            return result
        return self.pick(result.winner)

    def pick(self, option: int) -> Outcome | Tally | None:
        """The leader's number: after a "hands up" countdown, or to break a tie (among the tied only)."""
        if not 0 <= option < self.option_count or (self.tied and option not in self.tied):
            return Tally(None, self.tied)
        self.timer = 0.0
        if self.runner.choices:
            return self._after(self.story.choose(option))
        question = self.story.question
        if question is not None:
            self.story.answer(answer_of(question, option))
        self.votes, self.tied = [], ()
        return None

    def show_answer(self) -> None:
        if self.shows_answer:
            question = self.story.question
            if question is not None:
                self.story.answer(question.correct_answer())

    def hands_up(self, seconds: float = HANDS_UP_SECONDS) -> None:
        if self.option_count:
            self.timer = float(seconds)

    def tick(self, dt: float) -> bool:
        """True when the countdown ran out just now."""
        if self.timer <= 0:
            return False
        self.timer = max(0.0, self.timer - dt)
        return self.timer == 0.0

    # -- inside ---------------------------------------------------------------------------------
    def _new_ballot(self) -> None:
        self.votes, self.tied, self.timer = [0] * self.option_count, (), 0.0

    def _after(self, outcome: Outcome | None) -> Outcome | None:
        self._new_ballot()
        if outcome is not None and outcome.ending is not None:
            level, ending = self.level, outcome.ending.id
            saved, _ = self.recorder.write(lambda: self.store.record_group_tale(
                self.session_id, level.pack_id, level.id, ending))
            return Outcome(outcome.stars, outcome.correct, outcome.total, outcome.ending, saved)
        return outcome
