"""Practice: what is due per article, the next due fact through a fresh question, its answer."""

from __future__ import annotations

import random
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import or_, select, update

from quiz.errors import Conflict, Invalid
from quiz.generation import grade, matching_option
from quiz.i18n import ngettext
from quiz.practice.memory import Review, asks_fact, level, record_review
from quiz.storage.extensions import db, write_transaction
from quiz.storage.models import (
    Article,
    Fact,
    Memory,
    Option,
    Question,
    QuestionStatus,
    question_fact,
    utcnow,
)

# A practice session: ten items, or fewer when fewer are due.
SESSION_SIZE = 10
# A question shown but left unanswered this long is dealt afresh (maybe through another one).
PENDING_FOR = timedelta(minutes=30)


@dataclass
class Progress:
    """Where a player stands on one article's facts."""

    article: Article
    due: int = 0
    learning: int = 0
    reviewing: int = 0
    mastered: int = 0
    # The earliest time a fact not yet due falls due.
    next_due: datetime | None = None

    @property
    def total(self) -> int:
        return self.learning + self.reviewing + self.mastered


def _playable(article_ids: Iterable[int]) -> tuple[set[int], set[int]]:
    """Return the facts that have a playable question, and the playable questions, of articles."""
    ids = list(article_ids)
    if not ids:
        return set(), set()
    active = (
        (Question.article_id.in_(ids))
        & (Question.status == QuestionStatus.ACTIVE)
        & (Question.kind != "order")
    )
    facts = db.session.scalars(
        select(question_fact.c.fact_id)
        .join(Question, Question.id == question_fact.c.question_id)
        .where(active, asks_fact())
        .distinct()
    )
    questions = db.session.scalars(select(Question.id).where(active))
    return set(facts), set(questions)


def _is_playable(row, facts: set[int], questions: set[int]) -> bool:
    return row.fact_id in facts if row.fact_id is not None else row.question_id in questions


def overview(player_id: str, now: datetime | None = None) -> list[Progress]:
    """Return, per article the player has met, how many facts are due, learning and mastered."""
    now = now or utcnow()
    rows = db.session.execute(
        select(
            Memory.article_id,
            Memory.fact_id,
            Memory.question_id,
            Memory.state,
            Memory.stability,
            Memory.due,
        ).where(Memory.player_id == player_id)
    ).all()
    articles = {row.article_id for row in rows}
    facts, questions = _playable(articles)
    found: dict[int, Progress] = {}
    for row in rows:
        if not _is_playable(row, facts, questions):
            continue
        progress = found.get(row.article_id)
        if progress is None:
            progress = found[row.article_id] = Progress(db.session.get_one(Article, row.article_id))
        name = level(row.state, row.stability)
        setattr(progress, name, getattr(progress, name) + 1)
        if row.due <= now:
            progress.due += 1
        elif progress.next_due is None or row.due < progress.next_due:
            progress.next_due = row.due
    return sorted(found.values(), key=lambda p: (p.article.title, p.article.id))


@dataclass
class Served:
    """A due fact asked through one of its questions."""

    memory_id: int
    question: Question
    options: list[Option]
    # How many items of the article are due now, this one included.
    due: int


def _questions_for(memory: Memory) -> list[int]:
    """Return the playable questions that ask about a memory's fact (or the question itself)."""
    if memory.fact_id is None:
        question = db.session.get(Question, memory.question_id)
        return (
            [question.id]
            if question is not None and question.status == QuestionStatus.ACTIVE
            else []
        )
    return list(
        db.session.scalars(
            select(Question.id)
            .join(question_fact, question_fact.c.question_id == Question.id)
            .where(
                question_fact.c.fact_id == memory.fact_id,
                Question.status == QuestionStatus.ACTIVE,
                Question.kind != "order",  # one tap or one typed answer: order is for rounds
                asks_fact(),  # not a claim beside the one a question of claims asks
            )
            .order_by(Question.id)
        )
    )


def _pending(player_id: str, article_id: int, now: datetime) -> Memory | None:
    """Return the item shown to the player and not answered yet, if it is still fresh."""
    query = (
        select(Memory)
        .where(
            Memory.player_id == player_id,
            Memory.article_id == article_id,
            Memory.served_question_id.is_not(None),
            Memory.served_at > now - PENDING_FOR,
        )
        .order_by(Memory.served_at.desc())
        .limit(1)
    )
    return db.session.scalar(query)


def _served(memory: Memory, due: int) -> Served | None:
    question = db.session.get(Question, memory.served_question_id)
    if question is None or question.status != QuestionStatus.ACTIVE:
        return None
    return Served(memory.id, question, list(question.options), max(due, 1))


def due_count(player_id: str, article_id: int, now: datetime | None = None) -> int:
    """Return how many of the article's items are due for the player now."""
    now = now or utcnow()
    rows = db.session.execute(
        select(Memory.fact_id, Memory.question_id).where(
            Memory.player_id == player_id, Memory.article_id == article_id, Memory.due <= now
        )
    ).all()
    facts, questions = _playable([article_id])
    return sum(_is_playable(row, facts, questions) for row in rows)


def next_question(player_id: str, article_id: int, now: datetime | None = None) -> Served | None:
    """Return the next due item of an article, asked through a question other than last time.

    The question waiting for an answer is returned again (a reload does not skip it); else the
    item due the longest is marked as shown, with the time, which is all this writes.
    """
    now = now or utcnow()
    due = due_count(player_id, article_id, now)
    pending = _pending(player_id, article_id, now)
    if pending is not None:
        served = _served(pending, due)
        if served is not None:
            return served
    candidates = db.session.scalars(
        select(Memory)
        .where(Memory.player_id == player_id, Memory.article_id == article_id, Memory.due <= now)
        .order_by(Memory.due, Memory.id)
    ).all()
    for memory in candidates:
        choices = _questions_for(memory)
        if not choices:
            continue
        # Through another question than last time, when the fact has one: the fact is what
        # should be learnt, not the place of a button.
        fresh = [qid for qid in choices if qid != memory.last_question_id] or choices
        question_id = random.SystemRandom().choice(fresh)
        memory_id = memory.id
        with write_transaction() as connection:
            connection.execute(
                update(Memory.__table__)
                .where(
                    Memory.__table__.c.id == memory_id,
                    or_(
                        Memory.__table__.c.served_question_id.is_(None),
                        Memory.__table__.c.served_at <= now - PENDING_FOR,
                    ),
                )
                .values(served_question_id=question_id, served_at=now)
            )
        # Another tab may have shown it a moment earlier: then that question stands.
        shown = db.session.get(Memory, memory_id)
        if shown is not None and shown.served_question_id is not None:
            return _served(shown, due)
    return None


def next_due_at(player_id: str, article_id: int) -> datetime | None:
    """Return when the article's next item falls due for the player (None if none is known)."""
    rows = db.session.execute(
        select(Memory.fact_id, Memory.question_id, Memory.due)
        .where(Memory.player_id == player_id, Memory.article_id == article_id)
        .order_by(Memory.due)
    ).all()
    facts, questions = _playable([article_id])
    return next((row.due for row in rows if _is_playable(row, facts, questions)), None)


@dataclass
class Item:
    """A fact (or question) an answer reviewed, with what it is about."""

    label: str
    review: Review


@dataclass
class PracticeVerdict:
    correct: bool
    given: str
    correct_answer: str
    explanation: str
    question_id: int
    article_id: int
    items: list[Item] = field(default_factory=list)

    @property
    def next_due(self) -> datetime:
        """Return when the soonest of the reviewed items is due again."""
        return min(item.review.due for item in self.items)


def answer(
    player_id: str, question_id: int, given: str, now: datetime | None = None
) -> PracticeVerdict:
    """Grade the answer to the practice question shown to the player and review its facts."""
    now = now or utcnow()
    m, q, o = Memory.__table__, Question.__table__, Option.__table__
    with write_transaction() as connection:
        shown = connection.execute(
            select(m.c.served_at)
            .where(m.c.player_id == player_id, m.c.served_question_id == question_id)
            .order_by(m.c.served_at)
            .limit(1)
        ).first()
        if shown is None:
            raise Conflict(
                _("That question is not waiting for your answer: open practice for the next one.")
            )
        question = connection.execute(
            select(
                q.c.article_id, q.c.kind, q.c.answer, q.c.explanation, q.c.data, q.c.time_limit
            ).where(q.c.id == question_id)
        ).one()
        options = connection.execute(
            select(o.c.text, o.c.correct).where(o.c.question_id == question_id)
        ).all()
        correct = _check(question, options, given)
        elapsed = (now - shown.served_at).total_seconds()
        reviews = record_review(
            player_id,
            question_id,
            correct=correct,
            elapsed=elapsed,
            time_limit=question.time_limit,
            at=now,
            connection=connection,
        )
    return PracticeVerdict(
        correct=correct,
        given=given,
        correct_answer=question.answer,
        explanation=question.explanation,
        question_id=question_id,
        article_id=question.article_id,
        items=[Item(label_of(r.fact_id, r.question_id), r) for r in reviews],
    )


def _check(question, options, given: str) -> bool:
    """Grade as rounds do: a choice by its text, a short answer loosely."""
    if not options:
        return grade(question.kind, given, question.answer, question.data)
    option = matching_option(options, given)
    if option is None:
        raise Invalid(_("The answer must be the text of one of the question's options."))
    return bool(option.correct)


def label_of(fact_id: int | None, question_id: int | None) -> str:
    """Return what a reviewed fact (or question without a fact) is about, in words."""
    if fact_id is not None:
        fact = db.session.get(Fact, fact_id)
        return fact.about if fact is not None else _("a fact")
    question = db.session.get(Question, question_id)
    return (question.title or question.prompt) if question is not None else _("a question")


def wait_words(due: datetime, now: datetime) -> str:
    """Say in words how long until `due`: "now", "in 10 minutes", "in 3 days"."""
    seconds = (due - now).total_seconds()
    if seconds < 30:
        return _("now")
    for unit, size in (("minute", 60), ("hour", 3600), ("day", 86400)):
        count = round(seconds / size)
        limit = {"minute": 60, "hour": 24, "day": None}[unit]
        if limit is None or count < limit:
            return WAITS[unit](count)
    raise AssertionError("unreachable")


# "in 3 days", with each language's plural forms.
WAITS = {
    "minute": lambda n: ngettext("in %(num)s minute", "in %(num)s minutes", n),
    "hour": lambda n: ngettext("in %(num)s hour", "in %(num)s hours", n),
    "day": lambda n: ngettext("in %(num)s day", "in %(num)s days", n),
}
