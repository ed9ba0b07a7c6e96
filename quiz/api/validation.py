"""Read and check JSON request bodies and query arguments for the API."""

import json
from typing import NoReturn

from flask import request
from flask_babel import gettext as _
from sqlalchemy import select

from quiz.accounts import tokens
from quiz.accounts.tokens import hash_token
from quiz.errors import Invalid, NotFound, QuizError, Unauthorized
from quiz.practice import players
from quiz.rounds.scoring import token_matches
from quiz.storage.extensions import db
from quiz.storage.models import Article, Player, Round


class BadRequest(QuizError):
    code, status = "bad_request", 400


def json_object() -> dict:
    """Return the request body as a JSON object, or refuse it."""
    raw = request.get_data(cache=True)  # raises 413 past the size limit
    try:
        body = json.loads(raw) if raw else None
    except (ValueError, RecursionError):
        body = None
    if not isinstance(body, dict):
        raise BadRequest(_("The request body must be a JSON object."))
    return body


def integer(body: dict, name: str, *, low: int, high: int, default: int | None = None) -> int:
    """Return an integer field within bounds; null or absent gives the default."""
    value = body.get(name)
    if value is None and default is not None:
        return default
    if value is None:
        raise Invalid(_("'%(name)s' is required.", name=name))
    # bool is an int in Python, but true is not a number to a client.
    if isinstance(value, bool) or not isinstance(value, int):
        raise Invalid(_("'%(name)s' must be a whole number.", name=name))
    if not low <= value <= high:
        raise Invalid(
            _("'%(name)s' must be between %(low)s and %(high)s.", name=name, low=low, high=high)
        )
    return value


def string(body: dict, name: str) -> str:
    """Return a required string field."""
    value = body.get(name)
    if value is None:
        raise Invalid(_("'%(name)s' is required.", name=name))
    if not isinstance(value, str):
        raise Invalid(_("'%(name)s' must be a string.", name=name))
    if "\x00" in value:
        # No field needs it, and PostgreSQL cannot store it.
        raise Invalid(_("'%(name)s' cannot contain a NUL character.", name=name))
    return value


def article_by_slug(slug: str) -> Article:
    """Return the article with this slug, or 404."""
    article = db.session.scalar(select(Article).where(Article.slug == slug))
    if article is None:
        raise NotFound(_("No article with the slug “%(slug)s”.", slug=slug))
    return article


def query_integer(name: str, *, low: int, high: int, default: int) -> int:
    """Return an integer query argument within bounds."""
    raw = request.args.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        raise Invalid(_("'%(name)s' must be a whole number.", name=name)) from None
    if not low <= value <= high:
        raise Invalid(
            _("'%(name)s' must be between %(low)s and %(high)s.", name=name, low=low, high=high)
        )
    return value


def bearer_token() -> str:
    """Return the request's bearer token: 401 without one."""
    token = tokens.bearer_token()
    if token is None:
        raise Unauthorized(_("Send your token as 'Authorization: Bearer <token>'."))
    return token


def owned_round(round_id: str) -> Round:
    """Return the round the bearer token opens: 401 without a valid token, 404 for another's."""
    token = bearer_token()
    round_ = db.session.get(Round, round_id)
    if round_ is None:
        raise NotFound(_("No such round."))
    if token_matches(round_, token):
        return round_
    refuse_token(token)


def refuse_token(token: str) -> NoReturn:
    """Refuse a token that does not open the round asked for: 404 if it opens another."""
    other = db.session.scalar(select(Round.id).where(Round.token_hash == hash_token(token)))
    if other is not None:
        # A real token for a different round: do not confirm that this round exists.
        raise NotFound(_("No such round."))
    raise Unauthorized(_("The token is not valid."))


def player_from_bearer() -> Player:
    """Return the player whose token the request carries: 401 without a player's token."""
    token = tokens.bearer_token()
    if token is None:
        raise Unauthorized(_("Send the player's token as 'Authorization: Bearer <token>'."))
    player = players.player_by_token(token)
    if player is None:
        raise Unauthorized(_("The token is not a player's token."))
    return player


def optional_player() -> Player | None:
    """Return the player whose token the request carries, None without one, 401 for a bad one."""
    if not request.headers.get("Authorization"):
        return None
    return player_from_bearer()
