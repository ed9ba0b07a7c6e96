"""Players without accounts: a personal code to continue on another device, API player tokens.

Students are minors, so there is no e-mail: a short code (shown with a QR code) brings a
player's memory to another browser. Only hashes of codes and tokens are stored.
"""

from __future__ import annotations

import secrets

import segno
from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from quiz.accounts.tokens import hash_token
from quiz.classroom.classes import CODE_ALPHABET, normalise_code
from quiz.storage.extensions import db
from quiz.storage.models import Player
from quiz.storage.work import unit_of_work

# Ten characters of 31: about 50 bits, guessed only by trying, and trying is rate-limited.
CODE_LENGTH = 10
TOKEN_PREFIX = "qp_"


def format_code(code: str) -> str:
    """Return a code as shown to people: two groups of five, easy to read out and type."""
    return f"{code[:5]}-{code[5:]}"


def issue_code(player_id: str) -> str:
    """Give the player a new personal code and return it; the previous code stops working."""
    for _attempt in range(3):
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        try:
            with unit_of_work() as session:
                session.execute(
                    update(Player).where(Player.id == player_id).values(code_hash=hash_token(code))
                )
        except IntegrityError:
            # Another player holds that code (a one-in-10^14 chance): draw another one.
            continue
        return format_code(code)
    raise RuntimeError("could not draw a personal code no player has")


def player_by_code(typed: str) -> Player | None:
    """Return the player whose personal code was typed (dashes, spaces and case aside)."""
    code = normalise_code(typed)
    if len(code) != CODE_LENGTH:
        return None
    return db.session.scalar(select(Player).where(Player.code_hash == hash_token(code)))


def create_api_player(nickname: str) -> tuple[Player, str]:
    """Create a player for an API client; return it with its bearer token (shown once)."""
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    player = Player(nickname=nickname, token_hash=hash_token(token))
    with unit_of_work() as session:
        session.add(player)
    return player, token


def player_by_token(token: str) -> Player | None:
    """Return the player an API bearer token belongs to, or None."""
    if not token.startswith(TOKEN_PREFIX):
        return None
    return db.session.scalar(select(Player).where(Player.token_hash == hash_token(token)))


def code_qr(url: str) -> str:
    """Return a QR code of the URL that continues with a code, as an SVG data URI.

    Inline, because the code is shown once and never stored: no second request could draw it.
    """
    return segno.make(url, error="m").svg_data_uri(scale=6, border=2)
