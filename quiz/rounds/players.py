"""Players: a nickname and, for class members, their class; no account, no e-mail."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from quiz.errors import NotFound
from quiz.rounds.scoring import start_round
from quiz.storage.models import Article, Player, Round
from quiz.storage.work import unit_of_work


def save_player(player_id: str | None, nickname: str, *, classroom_id: int | None = None) -> Player:
    """Return the browser's player, created on first play, with the nickname just used."""
    with unit_of_work() as session:
        player = session.get(Player, player_id) if player_id else None
        if player is None:
            player = Player(nickname=nickname)
            session.add(player)
        player.nickname = nickname
        if classroom_id is not None:
            player.classroom_id = classroom_id
        session.flush()
    return player


def start_player_round(
    player_id: str | None, nickname: str, article_slug: str, size: int, *, speed_bonus: bool
) -> tuple[Player, Round]:
    """Save the player and deal them a round of an article, in one transaction."""
    with unit_of_work() as session:
        article = session.scalar(select(Article).where(Article.slug == article_slug))
        if article is None:
            raise NotFound(_("No such article."))
        player = save_player(player_id, nickname)
        round_, _token = start_round(
            article, nickname, size, player_id=player.id, speed_bonus=speed_bonus
        )
    return player, round_
