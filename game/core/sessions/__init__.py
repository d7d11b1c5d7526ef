"""Play sessions: each owns one attempt, checks and commits answers, and says what to show."""
from .audience_session import AudienceSession, Tally
from .common import Feedback, Outcome
from .quiz_session import QuizSession
from .recorder import Recorder, Trouble
from .story_session import StorySession

__all__ = ["AudienceSession", "Feedback", "Outcome", "QuizSession", "Recorder", "StorySession", "Tally",
           "Trouble"]
