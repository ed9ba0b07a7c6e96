"""The values the models' string columns hold, importable without SQLAlchemy.

quiz.storage.models checks them in the database and names them again for its callers.
"""

from enum import StrEnum


class QuestionStatus(StrEnum):
    """A question's life cycle: proposed ones wait for a teacher, active ones are playable,
    retired ones keep their answers but are no longer dealt, rejected ones never come back."""

    PROPOSED = "proposed"
    ACTIVE = "active"
    RETIRED = "retired"
    REJECTED = "rejected"


class Origin(StrEnum):
    """Where an article, fact or template came from."""

    SEED = "seed"
    TEACHER = "teacher"
    EXTRACTED = "extracted"
    IMPORT = "import"


class QuestionOrigin(StrEnum):
    """Generated questions follow their facts and templates; teachers' and imported do not."""

    GENERATED = "generated"
    TEACHER = "teacher"
    IMPORT = "import"


class MemoryState(StrEnum):
    """A player's memory of a fact as the FSRS scheduler sees it (fsrs.State, by name):
    learnt for the first time, reviewed at growing intervals, or relearnt after a lapse."""

    LEARNING = "learning"
    REVIEW = "review"
    RELEARNING = "relearning"


class GameState(StrEnum):
    """A live game's life: players gather in the lobby, each question is open then closed,
    then the game is over."""

    LOBBY = "lobby"
    QUESTION = "question"
    CLOSED = "closed"
    FINISHED = "finished"
