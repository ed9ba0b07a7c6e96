"""JSON API v1 for practice: players with a token, their next due question, its answer."""

from flask import jsonify

from quiz.api import validation as v
from quiz.api.blueprint import api
from quiz.api.spec import BOOLEAN, INTEGER, STRING, Body, Field, Query, obj
from quiz.api.views import QUESTION
from quiz.limiting import limit_view
from quiz.practice import players, sessions
from quiz.practice.memory import LEVELS
from quiz.rounds import scoring
from quiz.rounds.nicknames import MAX_NICKNAME, clean_nickname
from quiz.rules import MAX_ID
from quiz.security import (
    ANSWER_LIMIT_MESSAGE,
    answer_limit,
    limit_player_creation,
    round_token_key,
)

NEW_PLAYER = Body(
    (
        Field(
            "nickname",
            "string",
            "The player's nickname (trimmed).",
            required=True,
            max_length=MAX_NICKNAME,
            clean=clean_nickname,
        ),
    )
)
PLAYER = obj({"id": STRING, "nickname": STRING, "token": STRING})


@api.route(
    "POST",
    "/api/v1/players",
    tag="practice",
    body=NEW_PLAYER,
    errors=(400, 413, 422, 429),
    responses={201: ("The player, with the token that rounds and practice accept.", PLAYER)},
)
@limit_player_creation
def create_player():
    """Create a player whose answers in rounds and practice build up a memory of the facts."""
    given = NEW_PLAYER.parse()
    player, token = players.create_api_player(given["nickname"])
    return jsonify(id=player.id, nickname=player.nickname, token=token), 201


NEXT = Query((Field("article", "string", "The article's slug.", required=True),))
DATE_TIME = {"type": "string", "format": "date-time"}
DUE_QUESTION = obj({"due": INTEGER, "question": QUESTION["properties"]["question"]})
NOTHING_DUE = obj({"due": {"const": 0}, "next_due_at": {"oneOf": [DATE_TIME, {"type": "null"}]}})


@api.route(
    "GET",
    "/api/v1/practice",
    tag="practice",
    query=NEXT,
    security="playerToken",
    errors=(401, 404, 422),
    responses={
        200: (
            "The next due question (the same one until it is answered), or when one falls due.",
            {"oneOf": [DUE_QUESTION, NOTHING_DUE]},
        )
    },
)
def practice_next():
    """Return the player's next due question of an article, through another question than last."""
    player = v.player_from_bearer()
    article = v.article_by_slug(NEXT.parse()["article"])
    served = sessions.next_question(player.id, article.id)
    if served is None:
        at = sessions.next_due_at(player.id, article.id)
        return jsonify(due=0, next_due_at=at.isoformat() if at else None)
    question = served.question
    options = scoring.shuffled_options(f"practice:{served.memory_id}", question)
    return jsonify(
        due=served.due,
        question={
            "id": question.id,
            "prompt": question.prompt,
            "kind": question.kind,
            "options": [o.text for o in options],
            "time_limit": question.time_limit,
        },
    )


ANSWER = Body(
    (
        Field(
            "question_id",
            "integer",
            "The id of the practice question shown.",
            required=True,
            low=1,
            high=MAX_ID,
        ),
        Field(
            "answer", "string", "An option's text, or free text for short questions.", required=True
        ),
    )
)
REVIEWED = obj({"about": STRING, "level": {"enum": list(LEVELS)}, "due_at": DATE_TIME})
VERDICT = obj(
    {
        "correct": BOOLEAN,
        "correct_answer": STRING,
        "explanation": STRING,
        "next_due_at": DATE_TIME,
        "facts": {"type": "array", "items": REVIEWED},
    }
)


@api.route(
    "POST",
    "/api/v1/practice/answers",
    tag="practice",
    body=ANSWER,
    security="playerToken",
    errors=(400, 401, 409, 413, 422, 429),
    responses={200: ("Whether it was right, why, and when its facts are due again.", VERDICT)},
)
@limit_view(answer_limit, key_func=round_token_key, error_message=ANSWER_LIMIT_MESSAGE)
def practice_answer():
    """Grade the answer to the practice question shown, and reschedule the facts it tests."""
    player = v.player_from_bearer()
    given = ANSWER.parse()
    verdict = sessions.answer(player.id, given["question_id"], given["answer"])
    return jsonify(
        correct=verdict.correct,
        correct_answer=verdict.correct_answer,
        explanation=verdict.explanation,
        next_due_at=verdict.next_due.isoformat(),
        facts=[
            {
                "about": item.label,
                "level": item.review.after,
                "due_at": item.review.due.isoformat(),
            }
            for item in verdict.items
        ],
    )
