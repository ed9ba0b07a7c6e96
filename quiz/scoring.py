"""Rounds and scores: deal a round, serve its questions, record answers, rank finished rounds."""

from __future__ import annotations

import hashlib
import hmac
import math
import random
import secrets
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlalchemy import func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload

from .errors import Closed, Conflict, Invalid, NotFound
from .extensions import begin_write, db
from .generation import grade
from .models import (
    Answer,
    Article,
    Assignment,
    Option,
    Question,
    Round,
    RoundQuestion,
    utcnow,
)

MAX_ROUND_SIZE = 50
FULL_POINTS = 1000


def hash_token(token: str) -> str:
    """Return the stored form of a round's bearer token."""
    return hashlib.sha256(token.encode()).hexdigest()


def token_matches(round_: Round, token: str) -> bool:
    """Tell whether a bearer token is this round's, in constant time."""
    return hmac.compare_digest(round_.token_hash, hash_token(token))


def playable_questions(article: Article) -> list[int]:
    """Return the ids of the article's playable questions."""
    query = select(Question.id).where(
        Question.article_id == article.id, Question.status == "active"
    )
    return list(db.session.scalars(query.order_by(Question.id)))


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
    pool = playable_questions(article)
    if not pool:
        raise Conflict(f"The article {article.slug!r} has no playable questions yet.")
    chosen = random.SystemRandom().sample(pool, min(size, len(pool)))
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
    if not (db.session.new or db.session.dirty or db.session.deleted):
        # Take the write lock before writing: on SQLite, upgrading the read transaction above
        # fails at once ("database is locked") when another process wrote in between.
        begin_write()
    db.session.add(round_)
    db.session.commit()
    return round_, token


def current_item(round_: Round, *, with_options: bool = False) -> RoundQuestion | None:
    """Return the round's first unanswered question, or None when it is finished."""
    # Answers are accepted only in order, so the running count names the current position.
    if round_.answered >= round_.size:
        return None
    query = select(RoundQuestion).where(
        RoundQuestion.round_id == round_.id, RoundQuestion.position == round_.answered + 1
    )
    if with_options:
        # Grading needs the question and its options: one query instead of three.
        query = query.options(joinedload(RoundQuestion.question).joinedload(Question.options))
    return db.session.execute(query).unique().scalar_one()


def serve(item: RoundQuestion) -> RoundQuestion:
    """Record when a question was first served; later fetches keep the first time."""
    if item.served_at is None:
        begin_write()  # as in start_round: never upgrade a read transaction to a write
        db.session.execute(
            update(RoundQuestion)
            .where(RoundQuestion.id == item.id, RoundQuestion.served_at.is_(None))
            .values(served_at=utcnow())
        )
        db.session.commit()
        db.session.refresh(item)
    return item


def shuffled_options(round_id: str, question: Question) -> list[Option]:
    """Return the question's options in this round's order, the same on every fetch."""
    options = list(question.options)
    if question.kind == "true_false":
        # Always True then False, so the pair reads the same in every question.
        return sorted(options, key=lambda o: o.text != "True")
    random.Random(f"{round_id}:{question.id}").shuffle(options)
    return options


def points_for(correct: bool, elapsed: float, limit: int, speed_bonus: bool) -> int:
    """Score an answer: full points at once, half at the time limit and after it."""
    if not correct:
        return 0
    if not speed_bonus:
        return FULL_POINTS
    t = min(max(elapsed, 0.0), float(limit))
    return math.floor(FULL_POINTS * (1 - t / (2 * limit)) + 0.5)


def check_answer(question: Question, given: str) -> tuple[bool, Option | None]:
    """Grade an answer without writing; refuse one that is not among the options."""
    if not question.options:
        return grade(question.kind, given, question.answer, question.data), None
    wanted = " ".join(given.split()).casefold()
    for option in question.options:
        if " ".join(option.text.split()).casefold() == wanted:
            return option.correct, option
    raise Invalid("The answer must be the text of one of the question's options.")


def _check_deadline(round_: Round) -> None:
    """Refuse answers to an assignment after its deadline."""
    if round_.assignment_id is None:
        return
    deadline = db.session.scalar(
        select(Assignment.deadline).where(Assignment.id == round_.assignment_id)
    )
    if deadline is not None and utcnow() >= deadline:
        raise Closed("The deadline for this assignment has passed; answers are closed.")


@dataclass
class Verdict:
    correct: bool
    correct_answer: str
    explanation: str
    points: int
    score: int
    finished: bool
    position: int


def record_answer(round_id: str, question_id: int, given: str) -> Verdict:
    """Store one answer and update the round's totals in a single write transaction."""
    begin_write()
    try:
        round_ = db.session.execute(
            select(Round).where(Round.id == round_id).with_for_update()
        ).scalar_one_or_none()
        if round_ is None:
            raise NotFound("No such round.")
        item = current_item(round_, with_options=True)
        if item is None:
            raise Conflict("This round is finished.")
        _check_deadline(round_)
        if item.question_id != question_id:
            dealt = db.session.scalar(
                select(RoundQuestion.id).where(
                    RoundQuestion.round_id == round_id, RoundQuestion.question_id == question_id
                )
            )
            if dealt is None:
                raise Invalid("That question is not part of this round.")
            raise Conflict("That question is not the round's current one.")
        question = item.question
        correct, option = check_answer(question, given)
        now = utcnow()
        served = item.served_at or now
        elapsed = (now - served).total_seconds()
        points = points_for(correct, elapsed, question.time_limit, round_.speed_bonus)
        db.session.add(
            Answer(
                round_id=round_id,
                question_id=question_id,
                option_id=option.id if option else None,
                given=given,
                correct=correct,
                points=points,
                elapsed_ms=int(elapsed * 1000),
                answered_at=now,
            )
        )
        if item.served_at is None:
            item.served_at = now
        finished = round_.answered + 1 >= round_.size
        # Read before the commit expires them: the verdict needs no further query.
        verdict = Verdict(
            correct=correct,
            correct_answer=question.answer,
            explanation=question.explanation,
            points=points,
            score=round_.score + points,
            finished=finished,
            position=item.position,
        )
        db.session.execute(
            update(Round)
            .where(Round.id == round_id)
            .values(
                score=Round.score + points,
                correct=Round.correct + int(correct),
                answered=Round.answered + 1,
                finished_at=now if finished else None,
            )
        )
        db.session.commit()
    except IntegrityError as exc:
        db.session.rollback()
        raise Conflict("That question has already been answered in this round.") from exc
    except Exception:
        db.session.rollback()
        raise
    return verdict


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
    """Return a player's rounds that still have questions left, newest first."""
    return [r for r in player_rounds(player_id) if not r.finished]


def round_duration(round_: Round) -> timedelta | None:
    """Return how long a finished round took."""
    if round_.finished_at is None:
        return None
    return round_.finished_at - round_.started_at


def question_counts() -> dict[int, int]:
    """Return the number of playable questions per article id."""
    rows = db.session.execute(
        select(Question.article_id, func.count())
        .where(Question.status == "active")
        .group_by(Question.article_id)
    )
    return {article_id: count for article_id, count in rows}
