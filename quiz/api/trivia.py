"""Open Trivia DB-compatible endpoints for teachers: questions with their answers, categories,
and session tokens that never hand out a question twice until they are reset.

Paths mirror opentdb.com (`api.php`, `api_token.php`, `api_category.php`) under
/api/v1/opentdb/, so clients only change their base address. They reveal answers, so they need
a teacher API token. Categories are articles (by id) that the teacher may use.
"""

from __future__ import annotations

import random
from datetime import timedelta

from flask import jsonify
from sqlalchemy import select

from quiz.accounts.auth import teacher_token_required
from quiz.accounts.visibility import visible_to
from quiz.api.blueprint import api
from quiz.api.spec import INTEGER, STRING, Field, Query, obj
from quiz.authoring import exchange
from quiz.authoring.exchange import item_of
from quiz.errors import Invalid
from quiz.formats import opentdb
from quiz.rules import MAX_ID
from quiz.storage.extensions import db
from quiz.storage.models import Article, Question, QuestionStatus, Teacher, TriviaSession, utcnow

MAX_AMOUNT = 50
# Open Trivia DB forgets a session token after six hours without use.
TOKEN_IDLE = timedelta(hours=6)
SUCCESS, NO_RESULTS, INVALID, TOKEN_NOT_FOUND, TOKEN_EMPTY = range(5)

QUESTIONS = Query(
    (
        Field("amount", "integer", "How many questions.", required=True, low=1, high=MAX_AMOUNT),
        Field("category", "integer", "An article id from api_category.php.", low=1, high=MAX_ID),
        Field("difficulty", "string", "Only this difficulty.", enum=("easy", "medium", "hard")),
        Field(
            "type", "string", "Only multiple choice or true/false.", enum=("multiple", "boolean")
        ),
        Field("token", "string", "A session token from api_token.php."),
        Field(
            "encode",
            "string",
            "How text is encoded (default: HTML entities).",
            enum=opentdb.ENCODINGS,
            default="default",
        ),
    )
)
TOKENS = Query(
    (
        Field(
            "command",
            "string",
            "request a new token, or reset one.",
            required=True,
            enum=("request", "reset"),
        ),
        Field("token", "string", "The token to reset."),
    )
)
RESULT = obj(
    {
        "type": {"enum": ["multiple", "boolean"]},
        "difficulty": STRING,
        "category": STRING,
        "question": STRING,
        "correct_answer": STRING,
        "incorrect_answers": {"type": "array", "items": STRING},
    }
)
RESULTS = obj(
    {
        "response_code": {"enum": [SUCCESS, NO_RESULTS, TOKEN_EMPTY]},
        "results": {"type": "array", "items": RESULT},
    }
)
REFUSED = obj(
    {
        "response_code": {"enum": [INVALID, TOKEN_NOT_FOUND]},
        "results": {"type": "array", "maxItems": 0},
        "error": obj({"code": STRING, "message": STRING}),
    }
)
# Open Trivia DB's refusals, with the API's usual 4xx statuses and error body beside the code.
REFUSALS = {
    404: ("Session token not found (code 3).", REFUSED),
    422: ("Invalid parameter (code 2).", REFUSED),
}
TOKEN = obj({"response_code": {"const": SUCCESS}, "token": STRING}, {"response_message": STRING})


def _refuse(code: int, status: int, message: str):
    error = "invalid" if status == 422 else "not_found"
    body = {"response_code": code, "results": [], "error": {"code": error, "message": message}}
    return jsonify(body), status


def _session(teacher: Teacher, token: str | None) -> TriviaSession | None:
    """Return the teacher's live session for a token (None when unknown or expired)."""
    found = db.session.scalar(
        select(TriviaSession).where(
            TriviaSession.token == token, TriviaSession.teacher_id == teacher.id
        )
    )
    if found is None or utcnow() - found.used_at > TOKEN_IDLE:
        return None
    return found


def _pool(teacher: Teacher, given: dict) -> list[Question]:
    """Return the active questions with options that the teacher may read, as asked."""
    query = (
        select(Question)
        .join(Article, Article.id == Question.article_id)
        .where(
            Question.status == QuestionStatus.ACTIVE,
            Question.kind.not_in(("short", "order")),
            visible_to(teacher.id, Article.owner_id),
        )
        .order_by(Question.id)
    )
    if given["category"] is not None:
        query = query.where(Article.id == given["category"])
    if given["difficulty"]:
        query = query.where(Question.difficulty == given["difficulty"])
    if given["type"] == "boolean":
        query = query.where(Question.kind == "true_false")
    elif given["type"] == "multiple":
        query = query.where(Question.kind != "true_false")
    return list(db.session.scalars(query))


@api.route(
    "GET",
    "/api/v1/opentdb/api.php",
    tag="opentdb",
    query=QUESTIONS,
    security="teacherToken",
    errors=(401,),
    responses={
        200: ("Questions (code 0); too few for the query (1); token used up (4).", RESULTS),
        **REFUSALS,
    },
)
@teacher_token_required
def trivia_questions(teacher: Teacher):
    """Return random questions with their answers, in Open Trivia DB's shape."""
    try:
        given = QUESTIONS.parse()
    except Invalid as exc:
        return _refuse(INVALID, 422, exc.message)
    session = None
    if given["token"] is not None:
        session = _session(teacher, given["token"])
        if session is None:
            return _refuse(TOKEN_NOT_FOUND, 404, "No such session token (or it expired).")
    pool = _pool(teacher, given)
    if len(pool) < given["amount"]:
        return jsonify(response_code=NO_RESULTS, results=[])
    if session is not None:
        seen = set(session.seen or [])
        pool = [q for q in pool if q.id not in seen]
        if len(pool) < given["amount"]:
            return jsonify(response_code=TOKEN_EMPTY, results=[])
    chosen = random.SystemRandom().sample(pool, given["amount"])
    encode = opentdb.encoder(given["encode"])
    results = []
    for question in chosen:
        item = item_of(question)
        item.category = question.category or question.article.title
        results.append(opentdb.result(item, encode))
    if session is not None:
        exchange.mark_trivia_seen(session.id, [q.id for q in chosen])
    return jsonify(response_code=SUCCESS, results=results)


@api.route(
    "GET",
    "/api/v1/opentdb/api_token.php",
    tag="opentdb",
    query=TOKENS,
    security="teacherToken",
    errors=(401,),
    responses={
        200: ("A new or reset session token.", TOKEN),
        **REFUSALS,
    },
)
@teacher_token_required
def trivia_token(teacher: Teacher):
    """Request a session token, or reset one so that every question can come again."""
    try:
        given = TOKENS.parse()
    except Invalid as exc:
        return _refuse(INVALID, 422, exc.message)
    if given["command"] == "request":
        token = exchange.new_trivia_session(teacher)
        return jsonify(
            response_code=SUCCESS, response_message="Token Generated Successfully!", token=token
        )
    session = _session(teacher, given["token"])
    if session is None:
        return _refuse(TOKEN_NOT_FOUND, 404, "No such session token (or it expired).")
    exchange.reset_trivia_session(session.id)
    return jsonify(response_code=SUCCESS, token=given["token"])


CATEGORY = obj({"id": INTEGER, "name": STRING})


@api.route(
    "GET",
    "/api/v1/opentdb/api_category.php",
    tag="opentdb",
    security="teacherToken",
    errors=(401,),
    responses={
        200: (
            "The articles the teacher may use.",
            obj({"trivia_categories": {"type": "array", "items": CATEGORY}}),
        ),
    },
)
@teacher_token_required
def trivia_categories(teacher: Teacher):
    """List the categories (articles) the teacher's questions can come from."""
    rows = db.session.scalars(
        select(Article).where(visible_to(teacher.id, Article.owner_id)).order_by(Article.title)
    )
    return jsonify(trivia_categories=[{"id": a.id, "name": a.title} for a in rows])
