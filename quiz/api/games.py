"""JSON API v1 for live games: a teacher hosts with an API token, players join with a PIN."""

from __future__ import annotations

from flask import jsonify, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from quiz.accounts.auth import teacher_from_bearer
from quiz.api import validation as v
from quiz.api.blueprint import api
from quiz.api.spec import BOOLEAN, INTEGER, STRING, Body, Field, obj
from quiz.errors import Invalid, NotFound, Unauthorized
from quiz.limiting import limit_view
from quiz.live import games, results, state, stream
from quiz.rounds.nicknames import MAX_NICKNAME, clean_nickname
from quiz.rules import MAX_ID
from quiz.security import ANSWER_LIMIT_MESSAGE, answer_limit, limit_round_starts, round_token_key
from quiz.storage.extensions import db
from quiz.storage.models import Assignment, Classroom, LiveGame

NULLABLE_STRING = {"type": ["string", "null"]}
# Places are shared by tied scores, the next skipping as many (1, 1, 3): see state.standings.
PLAYER_ROW = obj({"place": INTEGER, "nickname": STRING, "score": INTEGER, "correct": INTEGER})
GAME = obj(
    {
        "pin": STRING,
        "state": {"enum": [s.value for s in games.State]},
        "version": INTEGER,
        "players": INTEGER,
        "locked": BOOLEAN,
        "number": INTEGER,
        "of": INTEGER,
        "answered": INTEGER,
        "leaderboard": {"type": "array", "items": PLAYER_ROW, "maxItems": state.TOP},
    },
    {
        "title": STRING,
        "time_limit": INTEGER,
        "question": obj(
            {
                "id": INTEGER,
                "number": INTEGER,
                "of": INTEGER,
                "prompt": STRING,
                "options": {"type": "array", "items": STRING},
                "kind": STRING,
                "time_limit": INTEGER,
                "remaining_ms": {"type": "integer", "minimum": 0},
            },
            description="The open question, without its answer (state 'question' only).",
        ),
        "result": obj(
            {
                "question_id": INTEGER,
                "number": INTEGER,
                "prompt": STRING,
                "correct_answer": STRING,
                "explanation": STRING,
                "distribution": {
                    "type": "array",
                    "items": obj({"answer": STRING, "count": INTEGER, "correct": BOOLEAN}),
                },
            },
            description="The closed question's answer and the spread of answers (state 'closed').",
        ),
        "podium": {
            "type": "array",
            "items": obj(
                {"place": INTEGER, "nickname": STRING, "score": INTEGER, "correct": INTEGER}
            ),
        },
        "you": {
            "oneOf": [
                {"type": "null"},
                obj(
                    {
                        "id": INTEGER,
                        "nickname": STRING,
                        "score": INTEGER,
                        "correct": INTEGER,
                        "rank": INTEGER,
                        "answered": BOOLEAN,
                        "last": {
                            "oneOf": [
                                {"type": "null"},
                                obj(
                                    {
                                        "question_id": INTEGER,
                                        "number": INTEGER,
                                        "answer": NULLABLE_STRING,
                                        "correct": BOOLEAN,
                                        "points": INTEGER,
                                    }
                                ),
                            ]
                        },
                    }
                ),
            ],
            "description": "The player's own standing (player tokens only).",
        },
    },
)

NEW_GAME = Body(
    (
        Field("article", "string", "The article's slug.", required=True),
        Field(
            "size",
            "integer",
            "Number of questions, capped at the article's questions with options.",
            low=1,
            high=games.MAX_GAME_SIZE,
            default=10,
        ),
        Field(
            "time_limit",
            "integer",
            "Seconds per question.",
            low=games.MIN_TIME_LIMIT,
            high=games.MAX_TIME_LIMIT,
            default=games.DEFAULT_TIME_LIMIT,
        ),
        Field("speed_bonus", "boolean", "Whether quick answers earn more points.", default=True),
        Field(
            "assignment",
            "integer",
            "One of your class assignments of this article: the game then counts for the class.",
            low=1,
            high=MAX_ID,
        ),
    )
)


def _host(pin: str) -> LiveGame:
    """Return the game the teacher's token may run: 401 without one, 404 for another's game."""
    teacher = teacher_from_bearer()
    if teacher is None:
        raise Unauthorized(
            _("This needs the hosting teacher's API token: 'Authorization: Bearer …'.")
        )
    game = games.game_by_pin(pin)
    if game.teacher_id != teacher.id:
        raise NotFound(_("No game with this PIN."))
    return game


def _viewer(pin: str) -> tuple[int, int | None]:
    """Return the game and the player a token names (None for the hosting teacher)."""
    token = v.bearer_token()
    if token.startswith(games.TOKEN_PREFIX):
        return games.player_in_game(pin, token)
    games.game_id_for(pin)  # an unknown PIN is 404 whoever asks
    return _host(pin).id, None


def _state(game_id: int, player_id: int | None = None):
    """Return the game's snapshot as JSON."""
    return jsonify(state.view(game_id).document(player_id))


@api.route(
    "POST",
    "/api/v1/games",
    tag="live games",
    body=NEW_GAME,
    security="teacherToken",
    errors=(401, 404, 409, 413, 422),
    responses={201: ("The game in its lobby, with its PIN.", GAME)},
)
def create_game():
    """Create a live game of an article's questions; players join with its PIN."""
    teacher = teacher_from_bearer()
    if teacher is None:
        raise Unauthorized(_("This needs a teacher API token: 'Authorization: Bearer …'."))
    given = NEW_GAME.parse()
    article = v.article_by_slug(given["article"])
    if article.owner_id not in (None, teacher.id):
        raise NotFound(_("No article with the slug “%(given)s”.", given=given["article"]))
    assignment_id = given["assignment"]
    if assignment_id is not None:
        assignment = db.session.scalar(
            select(Assignment)
            .join(Classroom)
            .where(Assignment.id == assignment_id, Classroom.teacher_id == teacher.id)
        )
        if assignment is None or assignment.article_id != article.id:
            raise Invalid(_("'assignment' must be one of your class assignments of this article."))
    game = games.create_game(
        teacher.id, article, given["size"], given["time_limit"], given["speed_bonus"], assignment_id
    )
    location = url_for(".game_state", pin=game.pin)
    return jsonify(state.view(game.id).document()), 201, {"Location": location}


JOIN = Body(
    (
        Field(
            "nickname",
            "string",
            "The player's nickname, unique in the game (trimmed).",
            required=True,
            max_length=MAX_NICKNAME,
            clean=clean_nickname,
        ),
    )
)
JOINED = obj({"token": STRING, "player": obj({"id": INTEGER, "nickname": STRING})})


@api.route(
    "POST",
    "/api/v1/games/<pin>/players",
    tag="live games",
    body=JOIN,
    errors=(404, 409, 413, 422, 423, 429),
    responses={201: ("The player's token: send it with every call.", JOINED)},
)
@limit_round_starts
def join_game(pin: str):
    """Join a game with its PIN and a nickname; no account needed."""
    given = JOIN.parse()
    game = games.game_by_pin(pin)
    joined = games.join(game.id, given["nickname"])
    body = {"token": joined.token, "player": {"id": joined.player_id, "nickname": joined.nickname}}
    return jsonify(body), 201


@api.route(
    "GET",
    "/api/v1/games/<pin>",
    tag="live games",
    security="playerToken|teacherToken",
    errors=(401, 404),
    responses={200: ("The game's state, as one snapshot.", GAME)},
)
def game_state(pin: str):
    """Return the game's state: the open question or the closed one's result, the top five."""
    game_id, player_id = _viewer(pin)
    return _state(game_id, player_id)


@api.route(
    "GET",
    "/api/v1/games/<pin>/events",
    tag="live games",
    security="playerToken|teacherToken",
    errors=(401, 404),
    responses={
        200: (
            "Server-sent events: each event's data is the game's state, its id the "
            "version. A reconnect (Last-Event-ID) gets the current state at once. An event "
            "'kicked' ends a removed player's stream; 'superseded' ends a player's older "
            "stream when the same player opens a newer one.",
            STRING,
            "text/event-stream",
        ),
    },
)
def game_events(pin: str):
    """Stream the game's state as server-sent events, one each time it changes."""
    game_id, player_id = _viewer(pin)
    return stream.response(game_id, player_id)


ANSWER = Body(
    (
        Field(
            "question_id", "integer", "The open question's id.", required=True, low=1, high=MAX_ID
        ),
        Field("answer", "string", "The text of one of the question's options.", required=True),
    )
)
ACCEPTED = obj({"accepted": {"const": True}, "question_id": INTEGER})


@api.route(
    "POST",
    "/api/v1/games/<pin>/answers",
    tag="live games",
    body=ANSWER,
    security="playerToken",
    errors=(401, 404, 409, 413, 422, 423, 429),
    responses={202: ("Stored; whether it was right is shown when the question closes.", ACCEPTED)},
)
@limit_view(answer_limit, key_func=round_token_key, error_message=ANSWER_LIMIT_MESSAGE)
def game_answer(pin: str):
    """Answer the open question; the server's clock decides whether it is in time."""
    token = v.bearer_token()
    given = ANSWER.parse()
    ack = games.answer(games.game_id_for(pin), token, given["question_id"], given["answer"])
    return jsonify(accepted=True, question_id=ack.question_id), 202


def _host_action(pin: str, action):
    game = _host(pin)
    game_id = game.id
    action(game_id)
    return jsonify(state.view(game_id).document())


@api.route(
    "POST",
    "/api/v1/games/<pin>/start",
    tag="live games",
    security="teacherToken",
    errors=(401, 404, 409),
    responses={200: ("The first question is open.", GAME)},
)
def game_start(pin: str):
    """Start the game: open its first question."""
    return _host_action(pin, games.start)


@api.route(
    "POST",
    "/api/v1/games/<pin>/next",
    tag="live games",
    security="teacherToken",
    errors=(401, 404, 409),
    responses={200: ("The game's new state.", GAME)},
)
def game_next(pin: str):
    """Close the open question; else open the next one; else finish the game."""
    return _host_action(pin, games.advance)


@api.route(
    "POST",
    "/api/v1/games/<pin>/lock",
    tag="live games",
    security="teacherToken",
    errors=(401, 404, 409),
    responses={200: ("Locked: no one else can join.", GAME)},
)
def game_lock(pin: str):
    """Lock the game: no one else can join."""
    return _host_action(pin, lambda game_id: games.set_locked(game_id, True))


@api.route(
    "POST",
    "/api/v1/games/<pin>/unlock",
    tag="live games",
    security="teacherToken",
    errors=(401, 404, 409),
    responses={200: ("Open again to late joiners.", GAME)},
)
def game_unlock(pin: str):
    """Open the game to new players again."""
    return _host_action(pin, lambda game_id: games.set_locked(game_id, False))


@api.route(
    "DELETE",
    "/api/v1/games/<pin>/players/<player_id>",
    tag="live games",
    security="teacherToken",
    errors=(401, 404),
    responses={204: ("Removed: the player's token opens nothing any more.", None)},
)
def game_kick(pin: str, player_id: str):
    """Remove a player from the game."""
    game = _host(pin)
    if not (player_id.isascii() and player_id.isdigit()) or int(player_id) > MAX_ID:
        raise NotFound(_("No such player in this game."))
    game_id = game.id
    games.kick(game_id, int(player_id))
    return "", 204


RESULTS = obj(
    {
        "pin": STRING,
        "state": STRING,
        "players": {
            "type": "array",
            "items": obj(
                {
                    "id": INTEGER,
                    "place": {
                        "type": ["integer", "null"],
                        "description": "As on the podium; null for a removed player.",
                    },
                    "nickname": STRING,
                    "score": INTEGER,
                    "correct": INTEGER,
                    "answered": INTEGER,
                    "removed": BOOLEAN,
                    "answers": {
                        "type": "array",
                        "items": obj(
                            {
                                "question_id": INTEGER,
                                "answer": STRING,
                                "correct": BOOLEAN,
                                "points": INTEGER,
                                "elapsed_ms": INTEGER,
                            }
                        ),
                    },
                }
            ),
        },
        "questions": {
            "type": "array",
            "items": obj(
                {
                    "number": INTEGER,
                    "id": INTEGER,
                    "prompt": STRING,
                    "correct_answer": STRING,
                    "answered": INTEGER,
                    "correct": INTEGER,
                }
            ),
        },
    }
)


@api.route(
    "GET",
    "/api/v1/games/<pin>/results",
    tag="live games",
    security="teacherToken",
    errors=(401, 404),
    responses={200: ("Every player's answers, and each question's.", RESULTS)},
)
def game_results(pin: str):
    """Return the game's results per player and per question."""
    game = _host(pin)
    return jsonify(results.game_results(game))
