"""Each player's memory of facts: every answer is an FSRS review of the facts its question tests.

Questions are built from facts, so the fact is what is scheduled: a player who missed the year
of Gagarin's flight meets that fact again through another question. A question that tests no
fact (imported from a file) is scheduled as itself. The scheduling is the `fsrs` package's.

A question of several claims ("which of these does the article say?", the odd one out) asks
about the claim of its own sentence; the other claims, each another sentence's fact, are there
to be told apart from it. Only the fact it asks is reviewed, and practice asks a fact only
through the questions that ask it (`asks_fact`).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from fsrs import Card, Rating, Scheduler, State
from sqlalchemy import ColumnElement, Table, and_, bindparam, exists, or_, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Connection

from quiz.storage.extensions import write_transaction
from quiz.storage.models import Fact, Memory, MemoryState, Question, question_fact

# FSRS-6 with its default parameters: 90% desired retention, learning steps of 1 and 10 minutes.
SCHEDULER = Scheduler()
# A right answer that took most of the time limit (over two thirds of it) was hard-won.
HARD_AFTER = 2 / 3
# A fact the player should still recall in three weeks counts as mastered (Anki's "mature").
MASTERED_DAYS = 21.0
LEVELS = ("learning", "reviewing", "mastered")
# Questions of several claims, one per fact: each asks only the fact of its own sentence.
CLAIM_KINDS = ("statement", "odd_one_out")


def rating_for(correct: bool, elapsed: float, time_limit: float) -> Rating:
    """Rate an answer for FSRS: wrong is Again; right is Good, or Hard when it came late."""
    if not correct:
        return Rating.Again
    if time_limit > 0 and elapsed > HARD_AFTER * time_limit:
        return Rating.Hard
    return Rating.Good


def level(state: str, stability: float | None) -> str:
    """Name how far a memory has come: learning, reviewing, or mastered."""
    if state != MemoryState.REVIEW:
        return "learning"
    return "mastered" if (stability or 0.0) >= MASTERED_DAYS else "reviewing"


def card_of(row, card_id: int = 0) -> Card:
    """Return the FSRS card of a stored memory (a row or a Memory with its columns)."""
    return Card(
        card_id=card_id,
        state=State[MemoryState(row.state).name.capitalize()],
        step=row.step,
        stability=row.stability,
        difficulty=row.difficulty,
        due=row.due,
        last_review=row.last_review,
    )


def recall(row, now: datetime) -> float:
    """Return the predicted probability that the player recalls the memory at `now`."""
    return SCHEDULER.get_card_retrievability(card_of(row), now.astimezone(UTC))


@dataclass(frozen=True)
class Review:
    """One memory after an answer: which fact (or question), where it was and where it is."""

    fact_id: int | None
    question_id: int | None
    correct: bool
    before: str | None  # None for a fact met for the first time
    after: str
    due: datetime


_m = Memory.__table__
_by_fact, _by_question = _m.alias("by_fact"), _m.alias("by_question")
_q, _qf, _f = Question.__table__, question_fact, Fact.__table__


def asks_fact(question: Table = _q, link: Table = _qf) -> ColumnElement[bool]:
    """Return the clause that a question's fact (a `question_fact` row) is one it asks about.

    Every fact a question tests, except in a question of several claims, which asks the fact
    of its own sentence: its other claims (other sentences' facts) are only told apart from it.
    One whose sentence is none of its facts' asks none, and is scheduled as itself.
    """
    return or_(
        question.c.kind.not_in(CLAIM_KINDS),
        exists().where(_f.c.id == link.c.fact_id, _f.c.sentence_id == question.c.sentence_id),
    )


_STATE = (
    "id",
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reviews",
    "lapses",
)

# The facts the question asks (or, with none, the question itself) with the player's memory of
# each: one indexed read, then one upsert, in the caller's transaction.
LOAD = (
    select(
        _q.c.article_id,
        _qf.c.fact_id,
        *(_by_fact.c[name].label(f"f_{name}") for name in _STATE),
        *(_by_question.c[name].label(f"q_{name}") for name in _STATE),
    )
    .select_from(
        _q.outerjoin(_qf, and_(_qf.c.question_id == _q.c.id, asks_fact()))
        .outerjoin(
            _by_fact,
            and_(
                _by_fact.c.player_id == bindparam("player_id"),
                _by_fact.c.fact_id == _qf.c.fact_id,
            ),
        )
        .outerjoin(
            _by_question,
            and_(
                _by_question.c.player_id == bindparam("player_id"),
                _by_question.c.question_id == _q.c.id,
                _qf.c.fact_id.is_(None),
            ),
        )
    )
    .where(_q.c.id == bindparam("question_id"))
)

_UPDATED = (
    "state",
    "step",
    "stability",
    "difficulty",
    "due",
    "last_review",
    "reviews",
    "lapses",
    "last_question_id",
    "served_question_id",
    "served_at",
)


def _upsert(dialect: str, by_fact: bool):
    insert = postgresql.insert if dialect == "postgresql" else sqlite.insert
    statement = insert(_m)
    target = ["player_id", "fact_id" if by_fact else "question_id"]
    return statement.on_conflict_do_update(
        index_elements=target, set_={name: statement.excluded[name] for name in _UPDATED}
    )


UPSERTS = {
    (dialect, by_fact): _upsert(dialect, by_fact)
    for dialect in ("sqlite", "postgresql")
    for by_fact in (True, False)
}


class Unrecorded(LookupError):
    """The question to record a review of does not exist."""


def record_review(
    player_id: str,
    question_id: int,
    *,
    correct: bool,
    elapsed: float,
    time_limit: float,
    at: datetime,
    connection: Connection | None = None,
) -> list[Review]:
    """Review the player's memory of every fact the question asks (or of the question itself).

    Wrong is FSRS's Again, right is Good, or Hard past two thirds of `time_limit` (seconds).
    `at` is the time of the answer: pass it to move the scheduler's clock (tests, imports).
    Runs in `connection`'s transaction when given (the answer's own), else in a new one.
    """
    if connection is None:
        with write_transaction() as own:
            return record_review(
                player_id,
                question_id,
                correct=correct,
                elapsed=elapsed,
                time_limit=time_limit,
                at=at,
                connection=own,
            )
    at = at.astimezone(UTC)
    rows = connection.execute(LOAD, {"player_id": player_id, "question_id": question_id}).all()
    if not rows:
        raise Unrecorded(f"No question {question_id}.")
    rating = rating_for(correct, elapsed, time_limit)
    by_fact = rows[0].fact_id is not None
    values, reviews = [], []
    for row in rows:
        prefix = "f_" if by_fact else "q_"
        known = getattr(row, prefix + "id") is not None
        stored = _Stored.read(row, prefix) if known else None
        card = card_of(stored) if stored else Card(card_id=0, due=at)
        card, _log = SCHEDULER.review_card(card, rating, at)
        state = MemoryState[card.state.name.upper()]
        values.append(
            {
                "player_id": player_id,
                "article_id": row.article_id,
                "fact_id": row.fact_id,
                "question_id": None if by_fact else question_id,
                "state": state,
                "step": card.step,
                "stability": card.stability,
                "difficulty": card.difficulty,
                "due": card.due,
                "last_review": at,
                "reviews": (stored.reviews if stored else 0) + 1,
                "lapses": (stored.lapses if stored else 0) + (not correct),
                "last_question_id": question_id,
                "served_question_id": None,
                "served_at": None,
            }
        )
        reviews.append(
            Review(
                fact_id=row.fact_id,
                question_id=None if by_fact else question_id,
                correct=correct,
                before=level(stored.state, stored.stability) if stored else None,
                after=level(state, card.stability),
                due=card.due,
            )
        )
    dialect = "postgresql" if connection.dialect.name == "postgresql" else "sqlite"
    connection.execute(UPSERTS[dialect, by_fact], values)
    return reviews


@dataclass(frozen=True)
class _Stored:
    """A memory's columns, read from a LOAD row under their prefix."""

    id: int
    state: str
    step: int | None
    stability: float | None
    difficulty: float | None
    due: datetime
    last_review: datetime | None
    reviews: int
    lapses: int

    @classmethod
    def read(cls, row, prefix: str) -> _Stored:
        return cls(**{name: getattr(row, prefix + name) for name in _STATE})


def until(due: datetime, now: datetime) -> timedelta:
    """Return how long until a memory is due (zero when it is due already)."""
    return max(due - now, timedelta(0))
