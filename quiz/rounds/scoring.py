"""Rounds and scores: deal a round, serve its questions, record answers, rank finished rounds."""

from __future__ import annotations

import hmac
import math
import random
import secrets
from collections import namedtuple
from dataclasses import dataclass
from datetime import datetime, time, timedelta
from typing import Any

from flask_babel import gettext as _
from sqlalchemy import bindparam, func, select, update
from sqlalchemy.exc import IntegrityError

from quiz.accounts.tokens import hash_token
from quiz.errors import Closed, Conflict, Invalid, NotFound
from quiz.generation import ORDER_SEPARATOR, grade, matching_option
from quiz.practice.memory import record_review
from quiz.storage import driver
from quiz.storage.extensions import db, write_transaction
from quiz.storage.models import (
    Answer,
    Article,
    Assignment,
    LivePlayer,
    Option,
    Question,
    QuestionStatus,
    Round,
    RoundQuestion,
    utcnow,
)
from quiz.storage.work import unit_of_work

MAX_ROUND_SIZE = 50
FULL_POINTS = 1000


def token_matches(round_: Round, token: str) -> bool:
    """Tell whether a bearer token is this round's, in constant time."""
    return hmac.compare_digest(round_.token_hash, hash_token(token))


def playable_questions(article: Article) -> list[tuple[int, int | None]]:
    """Return the article's playable questions as (id, id of the sentence they come from)."""
    query = select(Question.id, Question.sentence_id).where(
        Question.article_id == article.id, Question.status == QuestionStatus.ACTIVE
    )
    return [(qid, sentence) for qid, sentence in db.session.execute(query.order_by(Question.id))]


def deal(pool: list[tuple[int, int | None]], size: int, rng: random.Random) -> list[int]:
    """Pick `size` question ids at random, spread over as many source sentences as possible.

    An article gives several questions about one sentence (its year, a cloze, true or false):
    a round asks about as many different sentences as the pool allows before it repeats one.
    Questions without a sentence (imported or written by a teacher) each count on their own.
    """
    shuffled = rng.sample(pool, len(pool))
    seen: set[int] = set()
    fresh: list[int] = []
    repeats: list[int] = []
    for qid, sentence in shuffled:
        (repeats if sentence in seen else fresh).append(qid)
        if sentence is not None:
            seen.add(sentence)
    chosen = (fresh + repeats)[:size]
    rng.shuffle(chosen)
    return chosen


def start_round(
    article: Article,
    nickname: str,
    size: int,
    *,
    player_id: str | None = None,
    speed_bonus: bool = True,
    assignment_id: int | None = None,
) -> tuple[Round, str]:
    """Deal a random round of the article's playable questions; return it with its token."""
    with unit_of_work():
        pool = playable_questions(article)
        if not pool:
            raise Conflict(
                _("The article “%(slug)s” has no playable questions yet.", slug=article.slug)
            )
        chosen = deal(pool, size, random.SystemRandom())
        token = secrets.token_urlsafe(32)
        round_ = Round(
            token_hash=hash_token(token),
            article_id=article.id,
            player_id=player_id,
            assignment_id=assignment_id,
            nickname=nickname,
            size=len(chosen),
            speed_bonus=speed_bonus,
            score=0,
            correct=0,
            answered=0,
            started_at=utcnow(),
        )
        round_.items = [
            RoundQuestion(question_id=qid, position=n) for n, qid in enumerate(chosen, start=1)
        ]
        db.session.add(round_)
    return round_, token


def current_item(round_: Round) -> RoundQuestion | None:
    """Return the round's first unanswered question, or None when it is finished."""
    # Answers are accepted only in order, so the running count names the current position.
    # A live game's round is finished when the game is, whatever it left unanswered.
    if round_.answered >= round_.size or round_.finished_at is not None:
        return None
    query = select(RoundQuestion).where(
        RoundQuestion.round_id == round_.id, RoundQuestion.position == round_.answered + 1
    )
    return db.session.execute(query).scalar_one()


def serve(item: RoundQuestion) -> RoundQuestion:
    """Record when a question was first served; later fetches keep the first time."""
    if item.served_at is None:
        with unit_of_work():
            db.session.execute(
                update(RoundQuestion)
                .where(RoundQuestion.id == item.id, RoundQuestion.served_at.is_(None))
                .values(served_at=utcnow())
            )
        db.session.refresh(item)
    return item


def shuffled_options(round_id: str, question: Question) -> list[Option]:
    """Return the question's options in this round's order, the same on every fetch."""
    options = list(question.options)
    order = _round_order(round_id, question.id, question.kind, [o.text for o in options])
    return [options[n] for n in order]


def _round_order(round_id: str, question_id: int, kind: str, texts: list[str]) -> list[int]:
    """Return the indexes of a question's options (by position) in this round's order."""
    order = list(range(len(texts)))
    if kind == "true_false":
        # Always True then False, so the pair reads the same in every question.
        return sorted(order, key=lambda n: texts[n] != "True")
    random.Random(f"{round_id}:{question_id}").shuffle(order)
    return order


def points_for(correct: bool, elapsed: float, limit: int, speed_bonus: bool) -> int:
    """Score an answer: full points at once, half at the time limit and after it."""
    if not correct:
        return 0
    if not speed_bonus:
        return FULL_POINTS
    t = min(max(elapsed, 0.0), float(limit))
    return math.floor(FULL_POINTS * (1 - t / (2 * limit)) + 0.5)


def check_answer(question, options, given: str) -> tuple[bool, Option | None]:
    """Grade an answer without writing; refuse one that is not among the options.

    `question` needs kind, answer and data; `options` are rows with id, text and correct.
    """
    if not options:
        return grade(question.kind, given, question.answer, question.data), None
    if question.kind == "order":
        return grade("order", ordered_answer(options, given), question.answer), None
    option = matching_option(options, given)
    if option is None:
        raise Invalid(_("The answer must be the text of one of the question's options."))
    return option.correct, option


def ordered_answer(options, given: str | list[str]) -> str:
    """Return an order question's answer as the events' own texts, in the given order.

    `given` is a list of the events' texts, or one string of them joined like the answer;
    every event must be placed once.
    """
    parts = given.split(ORDER_SEPARATOR) if isinstance(given, str) else list(given)
    texts = {" ".join(o.text.split()).casefold(): o.text for o in options}
    placed = [texts.get(" ".join(str(part).split()).casefold()) for part in parts]
    if None in placed or len(set(placed)) != len(texts) or len(placed) != len(texts):
        raise Invalid(_("Put every event in one position: each event once, none left out."))
    return ORDER_SEPARATOR.join(text for text in placed if text is not None)


@dataclass
class Verdict:
    correct: bool
    correct_answer: str
    explanation: str
    points: int
    score: int
    finished: bool
    position: int


class WrongToken(Exception):
    """The bearer token given with an answer is not the round's."""


def _current_with_options():
    """One query for everything grading needs: the round, its current question, its options.

    One row per option (a single row with no option for free-text questions); the round is
    locked for the rest of the transaction on PostgreSQL (SQLite holds the write lock already).
    """
    r, rq, q = Round.__table__, RoundQuestion.__table__, Question.__table__
    o, a = Option.__table__, Assignment.__table__
    current = (rq.c.round_id == r.c.id) & (rq.c.position == r.c.answered + 1)
    return (
        select(
            r.c.token_hash,
            r.c.player_id,
            r.c.size,
            r.c.answered,
            r.c.score,
            r.c.speed_bonus,
            a.c.deadline,
            rq.c.id.label("item_id"),
            rq.c.question_id,
            rq.c.position,
            rq.c.served_at,
            q.c.kind,
            q.c.answer,
            q.c.explanation,
            q.c.time_limit,
            q.c.data,
            o.c.id.label("option_id"),
            o.c.text.label("option_text"),
            o.c.correct.label("option_correct"),
        )
        .select_from(
            r.outerjoin(rq, current)
            .outerjoin(q, q.c.id == rq.c.question_id)
            .outerjoin(o, o.c.question_id == q.c.id)
            .outerjoin(a, a.c.id == r.c.assignment_id)
        )
        .where(r.c.id == bindparam("round_id"))
        .order_by(o.c.position)
        .with_for_update(of=r)
    )


@dataclass
class _Choice:
    id: int
    text: str
    correct: bool


CURRENT_WITH_OPTIONS = _current_with_options()
# A row of CURRENT_WITH_OPTIONS, its columns by name (made from the query: untyped).
_Current = namedtuple("_Current", CURRENT_WITH_OPTIONS.selected_columns.keys())  # type: ignore[misc]
DEALT = select(RoundQuestion.__table__.c.id).where(
    RoundQuestion.__table__.c.round_id == bindparam("round_id"),
    RoundQuestion.__table__.c.question_id == bindparam("question_id"),
)
ANSWERED = select(Answer.__table__.c.id).where(
    Answer.__table__.c.round_id == bindparam("round_id"),
    Answer.__table__.c.question_id == bindparam("question_id"),
)
INSERT_ANSWER = Answer.__table__.insert().values(
    {
        name: bindparam(name)
        for name in (
            "round_id",
            "question_id",
            "option_id",
            "given",
            "correct",
            "points",
            "elapsed_ms",
            "answered_at",
        )
    }
)
MARK_SERVED = (
    update(RoundQuestion.__table__)
    .where(RoundQuestion.__table__.c.id == bindparam("item_id"))
    .where(RoundQuestion.__table__.c.served_at.is_(None))
    .values(served_at=bindparam("now"))
)
ADD_TO_ROUND = (
    update(Round.__table__)
    .where(Round.__table__.c.id == bindparam("round_id"))
    .values(
        score=Round.__table__.c.score + bindparam("points"),
        correct=Round.__table__.c.correct + bindparam("right"),
        answered=Round.__table__.c.answered + 1,
        finished_at=bindparam("finished_at"),
    )
)


# A second answer to one question of a round, refused by the table's unique constraint.
ALREADY_ANSWERED: tuple[type[Exception], ...] = (IntegrityError, *driver.INTEGRITY_ERRORS)


class _Answering:
    """The statements of answering, compiled for one dialect."""

    def __init__(self, dialect):
        self.read = driver.Compiled(CURRENT_WITH_OPTIONS, dialect)
        self.dealt = driver.Compiled(DEALT, dialect)
        self.answered = driver.Compiled(ANSWERED, dialect)
        self.insert = driver.Compiled(INSERT_ANSWER, dialect)
        self.mark = driver.Compiled(MARK_SERVED, dialect)
        self.add = driver.Compiled(ADD_TO_ROUND, dialect)


_answering = driver.PerDialect(_Answering)


def _current_for_serving():
    """One read for serving: the round, its current question and the question's options.

    One row per option (a single row with no option for free-text questions); no row when
    the round does not exist, and no question when it is finished.
    """
    r, rq, q, o = Round.__table__, RoundQuestion.__table__, Question.__table__, Option.__table__
    current = (rq.c.round_id == r.c.id) & (rq.c.position == r.c.answered + 1)
    return (
        select(
            r.c.token_hash,
            r.c.size,
            rq.c.id.label("item_id"),
            rq.c.position,
            rq.c.served_at,
            q.c.id.label("question_id"),
            q.c.prompt,
            q.c.kind,
            q.c.time_limit,
            o.c.text.label("option_text"),
        )
        .select_from(
            r.outerjoin(rq, current)
            .outerjoin(q, q.c.id == rq.c.question_id)
            .outerjoin(o, o.c.question_id == q.c.id)
        )
        .where(r.c.id == bindparam("round_id"))
        .order_by(o.c.position)
    )


CURRENT_FOR_SERVING = _current_for_serving()


@dataclass
class Served:
    """A round's current question as its player sees it: never its answer."""

    position: int
    size: int
    question_id: int
    prompt: str
    kind: str
    options: list[str]
    time_limit: int


class _Serving:
    """The statements of serving, compiled for one dialect."""

    def __init__(self, dialect):
        self.read = driver.Compiled(CURRENT_FOR_SERVING, dialect)
        self.mark = driver.Compiled(MARK_SERVED, dialect)


_serving = driver.PerDialect(_Serving)


def serve_current(round_id: str, token: str) -> Served | None:
    """Return the round's current question to its bearer token; None once it is finished.

    The first serve records when (the speed bonus counts from it), later ones only read: one
    query, then on the first serve one small write. Every student fetches a question before
    each answer, so both run straight on one pooled driver connection: the read outside any
    transaction (one statement sees one snapshot), the write in a short one of its own.
    """
    engine = db.engine
    statements = _serving(engine.dialect)
    pooled = engine.raw_connection()
    try:
        rows = driver.read(pooled, statements.read, {"round_id": round_id})
        if not rows:
            raise NotFound(_("No such round."))
        # The columns of CURRENT_FOR_SERVING, in order; the last, an option's text, per row.
        token_hash, size, item_id, position, served_at = rows[0][:5]
        question_id, prompt, kind, time_limit = rows[0][5:9]
        if not hmac.compare_digest(token_hash, hash_token(token)):
            raise WrongToken()
        if item_id is None:
            return None
        if served_at is None:
            # Only if still unserved: of two fetches at once, the first time is kept.
            driver.write(engine, pooled, [(statements.mark, {"item_id": item_id, "now": utcnow()})])
    finally:
        pooled.close()
    texts = [row[-1] for row in rows if row[-1] is not None]
    order = _round_order(round_id, question_id, kind, texts)
    return Served(
        position=position,
        size=size,
        question_id=question_id,
        prompt=prompt,
        kind=kind,
        options=[texts[n] for n in order],
        time_limit=time_limit,
    )


def record_answer(
    round_id: str, question_id: int, given: str, *, token: str | None = None
) -> Verdict:
    """Store one answer and update the round's totals in a single write transaction.

    With `token`, the round is opened only by its bearer token (WrongToken otherwise), read
    in the same locked query as the question: answering is the hot path of a full classroom,
    so its statements, compiled once, run straight on the transaction's driver connection.
    """
    try:
        with write_transaction() as connection:
            return _grade_and_store(connection, round_id, question_id, given, token)
    except ALREADY_ANSWERED as exc:
        raise Conflict(_("That question has already been answered in this round.")) from exc


def _grade_and_store(connection, round_id, question_id, given, token) -> Verdict:
    """Check the answer against the locked round, store it and add it to the round's totals."""
    statements = _answering(connection.dialect)
    pooled = connection.connection
    read = driver.read(pooled, statements.read, {"round_id": round_id})
    if not read:
        raise NotFound(_("No such round."))
    rows: list[Any] = [_Current._make(row) for row in read]
    head = rows[0]
    if token is not None and not hmac.compare_digest(head.token_hash, hash_token(token)):
        raise WrongToken()
    if head.item_id is None:
        raise Conflict(_("This round is finished."))
    if head.deadline is not None and utcnow() >= head.deadline:
        raise Closed(_("The deadline for this assignment has passed; answers are closed."))
    if head.question_id != question_id:
        dealt = driver.read(
            pooled, statements.dealt, {"round_id": round_id, "question_id": question_id}
        )
        if not dealt:
            raise Invalid(_("That question is not part of this round."))
        key = {"round_id": round_id, "question_id": question_id}
        if driver.read(pooled, statements.answered, key):
            raise Conflict(_("That question has already been answered in this round."))
        raise Conflict(_("That question is not the round's current one."))
    choices = [
        _Choice(row.option_id, row.option_text, row.option_correct)
        for row in rows
        if row.option_id is not None
    ]
    correct, option = check_answer(head, choices, given)
    if head.kind == "order":
        given = ordered_answer(choices, given)  # kept as the events' own texts, in order
    now = utcnow()
    elapsed = (now - (head.served_at or now)).total_seconds()
    points = points_for(correct, elapsed, head.time_limit, head.speed_bonus)
    finished = head.answered + 1 >= head.size
    writes = [
        (
            statements.insert,
            {
                "round_id": round_id,
                "question_id": question_id,
                "option_id": option.id if option else None,
                "given": given,
                "correct": correct,
                "points": points,
                "elapsed_ms": int(elapsed * 1000),
                "answered_at": now,
            },
        )
    ]
    if head.served_at is None:
        writes.append((statements.mark, {"item_id": head.item_id, "now": now}))
    totals = {
        "round_id": round_id,
        "points": points,
        "right": int(correct),
        "finished_at": now if finished else None,
    }
    driver.execute(pooled, [*writes, (statements.add, totals)])
    if head.player_id is not None:
        # The player's memory of the question's facts, for practice: in the same transaction.
        record_review(
            head.player_id,
            question_id,
            correct=correct,
            elapsed=elapsed,
            time_limit=head.time_limit,
            at=now,
            connection=connection,
        )
    return Verdict(
        correct=correct,
        correct_answer=head.answer,
        explanation=head.explanation,
        points=points,
        score=head.score + points,
        finished=finished,
        position=head.position,
    )


def round_answers(round_: Round) -> list[tuple[RoundQuestion, Answer | None]]:
    """Return each dealt question of a round with its answer, in order."""
    answers = {
        a.question_id: a
        for a in db.session.scalars(select(Answer).where(Answer.round_id == round_.id))
    }
    return [(item, answers.get(item.question_id)) for item in round_.items]


def start_of_today(zone) -> datetime:
    """Return midnight of today in the given zone, as an aware datetime."""
    today = datetime.now(zone).date()
    return datetime.combine(today, time.min, tzinfo=zone)


def leaderboard(article: Article, *, limit: int = 10, since: datetime | None = None) -> list[Round]:
    """Return the article's finished rounds, highest score first, earlier finish on ties."""
    query = select(Round).where(Round.article_id == article.id, Round.finished_at.is_not(None))
    if since is not None:
        query = query.where(Round.finished_at >= since)
    query = query.order_by(Round.score.desc(), Round.finished_at.asc(), Round.id).limit(limit)
    return list(db.session.scalars(query))


def player_rounds(player_id: str) -> list[Round]:
    """Return a player's rounds, newest first."""
    query = select(Round).where(Round.player_id == player_id).order_by(Round.started_at.desc())
    return list(db.session.scalars(query))


def unfinished_rounds(player_id: str) -> list[Round]:
    """Return a player's rounds that still have questions left, newest first.

    Rounds of live games are left out: they are played on the game's page, at its pace.
    """
    live = set(
        db.session.scalars(
            select(LivePlayer.round_id)
            .join(Round, Round.id == LivePlayer.round_id)
            .where(Round.player_id == player_id)
        )
    )
    return [r for r in player_rounds(player_id) if not r.finished and r.id not in live]


def round_duration(round_: Round) -> timedelta | None:
    """Return how long a finished round took."""
    if round_.finished_at is None:
        return None
    return round_.finished_at - round_.started_at


def question_counts() -> dict[int, int]:
    """Return the number of playable questions per article id."""
    rows = db.session.execute(
        select(Question.article_id, func.count())
        .where(Question.status == QuestionStatus.ACTIVE)
        .group_by(Question.article_id)
    )
    return {article_id: count for article_id, count in rows}
