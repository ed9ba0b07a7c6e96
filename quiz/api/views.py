"""JSON API v1: articles, rounds, answers, leaderboard, and the health check."""

from flask import Blueprint, current_app, jsonify, request, url_for
from sqlalchemy import select, text
from sqlalchemy.exc import SQLAlchemyError

from .. import scoring
from ..extensions import csrf, db, limiter
from ..models import Article
from ..security import ANSWER_LIMIT_MESSAGE, answer_limit, round_token_key
from . import validation as v

bp = Blueprint("api", __name__)
# Bearer tokens, not cookies, authenticate API calls, so there is no CSRF to guard against.
csrf.exempt(bp)


@bp.before_request
def limit_body():
    """Hold API bodies to a small size limit."""
    request.max_content_length = current_app.config["API_MAX_BODY"]


@bp.get("/healthz")
def healthz():
    """Report whether the database answers."""
    try:
        db.session.execute(text("SELECT 1"))
    except SQLAlchemyError:
        current_app.logger.exception("health check failed")
        return jsonify(status="unavailable"), 503
    return jsonify(status="ok")


@bp.get("/api/v1/articles")
def articles():
    """List the articles with their number of playable questions."""
    counts = scoring.question_counts()
    rows = db.session.scalars(select(Article).order_by(Article.title))
    return jsonify(
        articles=[
            {"slug": a.slug, "title": a.title, "question_count": counts.get(a.id, 0)} for a in rows
        ]
    )


@bp.post("/api/v1/rounds")
def create_round():
    """Start a round for a nickname on an article."""
    body = v.json_object()
    nickname = v.nickname(body)
    slug = v.string(body, "article")
    size = v.integer(
        body,
        "size",
        low=1,
        high=scoring.MAX_ROUND_SIZE,
        default=current_app.config["QUIZ_DEFAULT_ROUND_SIZE"],
    )
    speed_bonus = body.get("speed_bonus", True)
    if not isinstance(speed_bonus, bool):
        raise v.Invalid("'speed_bonus' must be true or false.")
    article = v.article_by_slug(slug)
    round_, token = scoring.start_round(article, nickname, size, speed_bonus=speed_bonus)
    body = {"id": round_.id, "token": token, "article": article.slug, "size": round_.size}
    return jsonify(body), 201, {"Location": url_for(".round_state", round_id=round_.id)}


@bp.get("/api/v1/rounds/<round_id>/question")
def current_question(round_id: str):
    """Return the round's current question, recording when it was first served."""
    round_ = v.owned_round(round_id)
    item = scoring.current_item(round_)
    if item is None:
        return jsonify(finished=True)
    scoring.serve(item)
    question = item.question
    return jsonify(
        position=item.position,
        of=round_.size,
        question={
            "id": question.id,
            "prompt": question.prompt,
            "kind": question.kind,
            "options": [o.text for o in scoring.shuffled_options(round_.id, question)],
            "time_limit": question.time_limit,
        },
    )


@bp.post("/api/v1/rounds/<round_id>/answers")
@limiter.limit(answer_limit, key_func=round_token_key, error_message=ANSWER_LIMIT_MESSAGE)
def answer(round_id: str):
    """Grade and store an answer to the round's current question."""
    round_ = v.owned_round(round_id)
    body = v.json_object()
    question_id = v.integer(body, "question_id", low=1, high=2**62)
    given = v.string(body, "answer")
    verdict = scoring.record_answer(round_.id, question_id, given)
    return jsonify(
        correct=verdict.correct,
        correct_answer=verdict.correct_answer,
        explanation=verdict.explanation,
        points=verdict.points,
        score=verdict.score,
    )


@bp.get("/api/v1/rounds/<round_id>")
def round_state(round_id: str):
    """Return a round's progress and totals."""
    round_ = v.owned_round(round_id)
    return jsonify(
        id=round_.id,
        nickname=round_.nickname,
        article=round_.article.slug,
        size=round_.size,
        answered=round_.answered,
        correct=round_.correct,
        score=round_.score,
        finished=round_.finished,
    )


@bp.get("/api/v1/leaderboard")
def leaderboard():
    """Return an article's best finished rounds, all time or today."""
    slug = request.args.get("article")
    if not slug:
        raise v.Invalid("'article' is required.")
    limit = v.query_integer("limit", low=1, high=100, default=10)
    period = request.args.get("period", "all")
    if period not in ("all", "today"):
        raise v.Invalid("'period' must be 'all' or 'today'.")
    article = v.article_by_slug(slug)
    since = scoring.start_of_today(current_app.config["QUIZ_ZONE"]) if period == "today" else None
    rounds = scoring.leaderboard(article, limit=limit, since=since)
    return jsonify(
        entries=[
            {
                "nickname": r.nickname,
                "score": r.score,
                "correct": r.correct,
                "size": r.size,
                "finished_at": r.finished_at.isoformat(),
            }
            for r in rounds
        ]
    )
