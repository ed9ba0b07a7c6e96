"""JSON API v1: articles, rounds, answers, leaderboard, the health check, the OpenAPI document."""

from flask import current_app, jsonify, url_for
from sqlalchemy import select
from sqlalchemy.exc import SQLAlchemyError

from quiz.api import validation as v
from quiz.api.blueprint import api, bp
from quiz.api.spec import BOOLEAN, INTEGER, STRING, Body, Field, Query, obj
from quiz.generation.templates import KINDS
from quiz.limiting import limit_view
from quiz.rounds import scoring
from quiz.rounds.nicknames import MAX_NICKNAME, clean_nickname
from quiz.rules import MAX_ID
from quiz.security import ANSWER_LIMIT_MESSAGE, answer_limit, limit_round_starts, round_token_key
from quiz.storage.driver import DRIVER_ERRORS
from quiz.storage.extensions import counted_in_its_write, db
from quiz.storage.models import Article

__all__ = ["api", "bp"]


HEALTHY = b'{"status":"ok"}\n'


@api.route(
    "GET",
    "/healthz",
    tag="health",
    responses={
        200: ("The database answers.", obj({"status": {"const": "ok"}})),
        503: ("The database does not answer.", obj({"status": {"const": "unavailable"}})),
    },
)
def healthz():
    """Report whether the database answers."""
    try:
        # A pooled connection, straight on the driver: the check needs no ORM session and no
        # transaction, so it costs the one statement.
        pooled = db.engine.raw_connection()
        try:
            pooled.cursor().execute("SELECT 1").fetchone()
        finally:
            pooled.close()
    except (SQLAlchemyError, *DRIVER_ERRORS):
        current_app.logger.exception("health check failed")
        return jsonify(status="unavailable"), 503
    # The same body every time: made once, not serialised per call.
    return current_app.response_class(HEALTHY, mimetype="application/json")


ARTICLE = obj(
    {"slug": STRING, "title": STRING, "question_count": {"type": "integer", "minimum": 0}}
)


@api.route(
    "GET",
    "/api/v1/articles",
    tag="articles",
    responses={
        200: (
            "Every article with questions to play.",
            obj({"articles": {"type": "array", "items": ARTICLE}}),
        ),
    },
)
def articles():
    """List the articles a round can be played on, with their number of playable questions:
    an article still under review (none approved yet) is its teacher's alone, as on the home
    page."""
    counts = scoring.question_counts()
    rows = db.session.scalars(select(Article).order_by(Article.title))
    return jsonify(
        articles=[
            {"slug": a.slug, "title": a.title, "question_count": counts[a.id]}
            for a in rows
            if counts.get(a.id)
        ]
    )


NEW_ROUND = Body(
    (
        Field(
            "nickname",
            "string",
            "The player's nickname (trimmed).",
            required=True,
            max_length=MAX_NICKNAME,
            clean=clean_nickname,
        ),
        Field("article", "string", "The article's slug.", required=True),
        Field(
            "size",
            "integer",
            "Number of questions (default 10), capped at the playable ones.",
            low=1,
            high=scoring.MAX_ROUND_SIZE,
            default=lambda: current_app.config["QUIZ_DEFAULT_ROUND_SIZE"],
        ),
        Field("speed_bonus", "boolean", "Whether quick answers earn more points.", default=True),
    )
)
ROUND = obj({"id": STRING, "token": STRING, "article": STRING, "size": INTEGER})


@api.route(
    "POST",
    "/api/v1/rounds",
    tag="rounds",
    body=NEW_ROUND,
    security="playerToken",
    security_optional=True,
    errors=(400, 401, 404, 409, 413, 422, 429),
    responses={201: ("The round, with the token its calls need.", ROUND)},
)
@limit_round_starts
def create_round():
    """Start a round for a nickname on an article; with a player's token, it counts for practice."""
    player = v.optional_player()
    given = NEW_ROUND.parse()
    article = v.article_by_slug(given["article"])
    round_, token = scoring.start_round(
        article,
        given["nickname"],
        given["size"],
        speed_bonus=given["speed_bonus"],
        player_id=player.id if player else None,
    )
    body = {"id": round_.id, "token": token, "article": article.slug, "size": round_.size}
    return jsonify(body), 201, {"Location": url_for(".round_state", round_id=round_.id)}


QUESTION = obj(
    {
        "position": INTEGER,
        "of": INTEGER,
        "question": obj(
            {
                "id": INTEGER,
                "prompt": STRING,
                "kind": {"enum": list(KINDS)},
                "options": {"type": "array", "items": STRING},
                "time_limit": INTEGER,
            }
        ),
    }
)
FINISHED = obj({"finished": {"const": True}})


@api.route(
    "GET",
    "/api/v1/rounds/<round_id>/question",
    tag="rounds",
    security="roundToken",
    errors=(401, 404),
    responses={
        200: (
            "The current question, or that the round is finished.",
            {"oneOf": [QUESTION, FINISHED]},
        ),
    },
)
def current_question(round_id: str):
    """Return the round's current question, recording when it was first served."""
    token = v.bearer_token()
    try:
        served = scoring.serve_current(round_id, token)
    except scoring.WrongToken:
        v.refuse_token(token)
    if served is None:
        return jsonify(finished=True)
    return jsonify(
        position=served.position,
        of=served.size,
        question={
            "id": served.question_id,
            "prompt": served.prompt,
            "kind": served.kind,
            "options": served.options,
            "time_limit": served.time_limit,
        },
    )


ANSWER = Body(
    (
        Field(
            "question_id",
            "integer",
            "The current question's id.",
            required=True,
            low=1,
            high=MAX_ID,
        ),
        Field(
            "answer",
            "answer",
            "An option's text, free text for short questions, or for an order question the "
            "list of its events (option texts), earliest first.",
            required=True,
        ),
    )
)
VERDICT = obj(
    {
        "correct": BOOLEAN,
        "correct_answer": STRING,
        "explanation": STRING,
        "points": INTEGER,
        "score": INTEGER,
    }
)


@api.route(
    "POST",
    "/api/v1/rounds/<round_id>/answers",
    tag="rounds",
    body=ANSWER,
    security="roundToken",
    errors=(400, 401, 404, 409, 413, 422, 429),
    responses={200: ("Whether it was right, why, and the points.", VERDICT)},
)
@counted_in_its_write
@limit_view(answer_limit, key_func=round_token_key, error_message=ANSWER_LIMIT_MESSAGE)
def answer(round_id: str):
    """Grade and store an answer to the round's current question."""
    token = v.bearer_token()
    given = ANSWER.parse()
    try:
        verdict = scoring.record_answer(
            round_id, given["question_id"], given["answer"], token=token
        )
    except scoring.WrongToken:
        v.refuse_token(token)
    return jsonify(
        correct=verdict.correct,
        correct_answer=verdict.correct_answer,
        explanation=verdict.explanation,
        points=verdict.points,
        score=verdict.score,
    )


STATE = obj(
    {
        "id": STRING,
        "nickname": STRING,
        "article": STRING,
        "size": INTEGER,
        "answered": INTEGER,
        "correct": INTEGER,
        "score": INTEGER,
        "finished": BOOLEAN,
    }
)


@api.route(
    "GET",
    "/api/v1/rounds/<round_id>",
    tag="rounds",
    security="roundToken",
    errors=(401, 404),
    responses={200: ("The round's progress and totals.", STATE)},
)
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


BOARD = Query(
    (
        Field("article", "string", "The article's slug.", required=True),
        Field("limit", "integer", "How many entries.", low=1, high=100, default=10),
        Field(
            "period", "string", "All time, or since midnight.", enum=("all", "today"), default="all"
        ),
    )
)
ENTRY = obj(
    {
        "nickname": STRING,
        "score": INTEGER,
        "correct": INTEGER,
        "size": INTEGER,
        "finished_at": {"type": "string", "format": "date-time"},
    }
)


@api.route(
    "GET",
    "/api/v1/leaderboard",
    tag="leaderboard",
    query=BOARD,
    errors=(404, 422),
    responses={
        200: ("Best finished rounds first.", obj({"entries": {"type": "array", "items": ENTRY}}))
    },
)
def leaderboard():
    """Return an article's best finished rounds, all time or today."""
    given = BOARD.parse()
    article = v.article_by_slug(given["article"])
    zone = current_app.config["QUIZ_ZONE"]
    since = scoring.start_of_today(zone) if given["period"] == "today" else None
    rounds = scoring.leaderboard(article, limit=given["limit"], since=since)
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


@api.route(
    "GET",
    "/api/v1/openapi.json",
    tag="documentation",
    responses={
        200: ("This document.", {"type": "object"}),
    },
)
def openapi():
    """Return the OpenAPI 3.1 document of this API."""
    return jsonify(
        api.document(
            "Baikonur Quiz API",
            "1",
            "Play rounds of an article's questions; teachers read questions in Open Trivia DB's"
            " shape.",
        )
    )
