"""The server's clock of a live game: when an open question's time, and its grace, are up."""

from __future__ import annotations

from datetime import datetime, timedelta

from quiz.storage.models import GameState, utcnow

# Answers sent just before the limit still count: the network takes a moment.
GRACE = timedelta(milliseconds=800)


def is_due(state: str, closes_at: datetime | None, now: datetime | None = None) -> bool:
    """Tell whether an open question's time and grace are up."""
    if state != GameState.QUESTION or closes_at is None:
        return False
    return (now or utcnow()) >= closes_at + GRACE
