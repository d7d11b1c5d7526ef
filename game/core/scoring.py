"""Stars from first-try accuracy: the learning result, kept apart from any game score."""
from __future__ import annotations

THREE_STARS = 0.9
TWO_STARS = 0.6


def stars_for(correct: int, total: int) -> int:
    """3 stars for >= 90 % right, 2 for >= 60 %, 1 for finishing; 0 for nothing to score."""
    if total <= 0:
        return 0
    ratio = correct / total
    if ratio >= THREE_STARS:
        return 3
    if ratio >= TWO_STARS:
        return 2
    return 1
