"""Live game services: create, join, open and close questions, take answers, kick and lock.

Every change is one write transaction that bumps the game's version (the event id its streams
send). The server keeps the time: a question closes at its limit, plus a short grace for the
network, whoever notices first (an answer, a read, a stream's poll) closing it with a
compare-and-set on the version, so no scheduler is needed and a close happens once.
"""

from __future__ import annotations

import random
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from flask_babel import gettext as _
from sqlalchemy import bindparam, exists, func, select, update
from sqlalchemy.exc import IntegrityError

from quiz.errors import Conflict, Invalid, Locked, NotFound, Unauthorized
from quiz.live import broker
from quiz.live.clock import GRACE, is_due
from quiz.practice import record_review
from quiz.rounds import scoring
from quiz.rounds.scoring import hash_token
from quiz.storage.extensions import db, write_transaction
from quiz.storage.models import (
    Answer,
    Article,
    GameState,
    LiveGame,
    LivePlayer,
    LiveQuestion,
    Option,
    Player,
    Question,
    QuestionStatus,
    Round,
    RoundQuestion,
    new_public_id,
    utcnow,
)

MAX_GAME_SIZE = 50
MIN_TIME_LIMIT, MAX_TIME_LIMIT = 5, 240
DEFAULT_TIME_LIMIT = 20
# Answers sent just before the limit still count: they were on their way.
TOKEN_PREFIX = "lp_"

G = LiveGame.__table__
P = LivePlayer.__table__
LQ = LiveQuestion.__table__
R = Round.__table__
A = Answer.__table__


# The game's states, by their short name here.
State = GameState


def new_pin() -> str:
    """Return a random six-digit PIN (no leading zero, so it reads the same as a number)."""
    return str(100000 + secrets.randbelow(900000))


def game_by_pin(pin: str) -> LiveGame:
    """Return the game with this PIN, or 404."""
    game = None
    if len(pin) == 6 and pin.isascii() and pin.isdigit():
        game = db.session.scalar(select(LiveGame).where(LiveGame.pin == pin))
    if game is None:
        raise NotFound(_("No game with this PIN."))
    return game


def playable_with_options(article: Article) -> list[tuple[int, int | None]]:
    """Return the article's playable questions that have one option to tap, with their sentence.

    Order questions have options too, but a class answering together against one clock gets
    one tap each: putting events in order is left to rounds and practice.
    """
    has_options = exists().where(Option.question_id == Question.id)
    query = select(Question.id, Question.sentence_id).where(
        Question.article_id == article.id,
        Question.status == QuestionStatus.ACTIVE,
        Question.kind != "order",
        has_options,
    )
    return [(qid, sentence) for qid, sentence in db.session.execute(query.order_by(Question.id))]


def create_game(
    teacher_id: int,
    article: Article,
    size: int,
    time_limit: int,
    speed_bonus: bool = True,
    assignment_id: int | None = None,
) -> LiveGame:
    """Deal a game of the article's questions that have options, under a fresh PIN."""
    pool = playable_with_options(article)
    if not pool:
        raise Conflict(
            _(
                "The article “%(slug)s” has no questions with options to play yet.",
                slug=article.slug,
            )
        )
    chosen = scoring.deal(pool, size, random.SystemRandom())
    article_id = article.id
    for _attempt in range(20):
        try:
            with write_transaction() as connection:
                game_id = connection.execute(
                    G.insert().values(
                        pin=new_pin(),
                        teacher_id=teacher_id,
                        article_id=article_id,
                        assignment_id=assignment_id,
                        size=len(chosen),
                        time_limit=time_limit,
                        speed_bonus=speed_bonus,
                        state=State.LOBBY,
                        version=1,
                        position=0,
                        players=0,
                        answered=0,
                        locked=False,
                        created_at=utcnow(),
                    )
                ).inserted_primary_key[0]
                connection.execute(
                    LQ.insert(),
                    [
                        {"game_id": game_id, "question_id": qid, "position": n}
                        for n, qid in enumerate(chosen, start=1)
                    ],
                )
        except IntegrityError:
            continue  # the PIN was taken: draw another
        return db.session.get_one(LiveGame, game_id)
    raise Conflict(_("No free game PIN was found; try again."))


@dataclass(frozen=True)
class Joined:
    player_id: int
    nickname: str
    token: str
    # The browser's player (pages only): the one given, or made for this first game.
    browser_id: str | None = None


def join(
    game_id: int, nickname: str, player_id: str | None = None, *, new_browser: bool = False
) -> Joined:
    """Add a player under a nickname unique in the game; return the player's new token.

    The player's answers go into a round of their own, dealt the game's questions, so the
    game's results are read like rounds' (and a class game's count for the class). With
    `new_browser`, a browser playing its first game gets its player made in the same write.
    """
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    now = utcnow()
    try:
        with write_transaction() as c:
            game = _lock(c, game_id)
            if game.state == State.FINISHED:
                raise Locked(_("This game is over: no one can join it any more."))
            if game.locked:
                raise Locked(_("The teacher has locked this game: no one else can join."))
            if player_id is None and new_browser:
                player_id = new_public_id()
                c.execute(
                    Player.__table__.insert().values(
                        id=player_id, nickname=nickname, created_at=now
                    )
                )
            round_id = new_public_id()
            c.execute(
                R.insert().values(
                    id=round_id,
                    # The round is played through the game only: its own token is thrown away.
                    token_hash=hash_token(secrets.token_urlsafe(32)),
                    article_id=game.article_id,
                    player_id=player_id,
                    assignment_id=game.assignment_id,
                    nickname=nickname,
                    size=game.size,
                    speed_bonus=game.speed_bonus,
                    score=0,
                    correct=0,
                    answered=0,
                    started_at=now,
                )
            )
            questions = c.execute(
                select(LQ.c.question_id, LQ.c.position).where(LQ.c.game_id == game_id)
            ).all()
            c.execute(
                RoundQuestion.__table__.insert(),
                [
                    {"round_id": round_id, "question_id": qid, "position": position}
                    for qid, position in questions
                ],
            )
            new_id = c.execute(
                P.insert().values(
                    game_id=game_id,
                    round_id=round_id,
                    nickname=nickname,
                    name_key=nickname.casefold(),
                    token_hash=hash_token(token),
                    kicked=False,
                    joined_at=now,
                )
            ).inserted_primary_key[0]
            c.execute(
                update(G)
                .where(G.c.id == game_id)
                .values(players=G.c.players + 1, version=G.c.version + 1)
            )
            broker.announce(c, game_id)
    except IntegrityError as exc:
        raise Conflict(
            _(
                "The nickname “%(nickname)s” is taken in this game: choose another.",
                nickname=nickname,
            )
        ) from exc
    broker.changed(game_id)
    return Joined(new_id, nickname, token, player_id)


def game_id_for(pin: str) -> int:
    """Return the id of the game with this PIN, or 404 (one small query, for hot paths)."""
    found = None
    if len(pin) == 6 and pin.isascii() and pin.isdigit():
        found = db.session.scalar(select(G.c.id).where(G.c.pin == pin))
    if found is None:
        raise NotFound(_("No game with this PIN."))
    return found


# Built once: the statement's construction costs more than its run.
_PLAYER_IN_GAME = (
    select(G.c.id, P.c.id.label("player_id"), P.c.kicked)
    .select_from(
        G.outerjoin(P, (P.c.game_id == G.c.id) & (P.c.token_hash == bindparam("token_hash")))
    )
    .where(G.c.pin == bindparam("pin"))
)


def player_in_game(pin: str, token: str) -> tuple[int, int]:
    """Return (game id, player id) for a player's token: 404 for an unknown PIN, 401 for a
    forged, foreign or kicked token.

    One query, on a connection of its own rather than the session: every phone of a class
    comes through here when it (re)connects to the game's event stream, all at once after a
    network blip.
    """
    if not (len(pin) == 6 and pin.isascii() and pin.isdigit()):
        raise NotFound(_("No game with this PIN."))
    with db.engine.connect() as connection:
        row = connection.execute(
            _PLAYER_IN_GAME, {"pin": pin, "token_hash": hash_token(token)}
        ).first()
    if row is None:
        raise NotFound(_("No game with this PIN."))
    if row.player_id is None:
        raise Unauthorized(_("The token is not a player's of this game."))
    if row.kicked:
        raise Unauthorized(_("The teacher removed this player from the game."))
    return row.id, row.player_id


def player_for_token(game_id: int, token: str) -> LivePlayer:
    """Return the game's player that a token names: 401 for a forged, foreign or kicked one."""
    player = db.session.scalar(select(LivePlayer).where(LivePlayer.token_hash == hash_token(token)))
    if player is None or player.game_id != game_id:
        raise Unauthorized(_("The token is not a player's of this game."))
    if player.kicked:
        raise Unauthorized(_("The teacher removed this player from the game."))
    return player


def _lock(c, game_id: int):
    """Read the game's row for the rest of the write transaction (locked on PostgreSQL)."""
    row = c.execute(select(G).where(G.c.id == game_id).with_for_update()).first()
    if row is None:
        raise NotFound(_("No such game."))
    return row


def _bump(c, game, **values) -> None:
    c.execute(update(G).where(G.c.id == game.id).values(version=G.c.version + 1, **values))
    broker.announce(c, game.id)


def _open(c, game, position: int, now: datetime) -> None:
    _bump(
        c,
        game,
        state=State.QUESTION,
        position=position,
        opened_at=now,
        closes_at=now + timedelta(seconds=game.time_limit),
        answered=0,
    )


def _finish(c, game, now: datetime) -> None:
    _bump(c, game, state=State.FINISHED, finished_at=now)
    in_game = select(P.c.round_id).where(P.c.game_id == game.id)
    c.execute(update(R).where(R.c.id.in_(in_game)).values(finished_at=now))


def start(game_id: int) -> None:
    """Open the first question; the lobby must have a player."""
    with write_transaction() as c:
        game = _lock(c, game_id)
        if game.state != State.LOBBY:
            raise Conflict(_("The game has started already."))
        _start(c, game)
    broker.changed(game_id)


def _start(c, game) -> None:
    if game.players < 1:
        raise Conflict(_("Wait for at least one player to join before starting."))
    _open(c, game, 1, utcnow())


def advance(game_id: int) -> None:
    """Close the open question; else open the next one; else finish the game."""
    now = utcnow()
    with write_transaction() as c:
        game = _lock(c, game_id)
        if game.state == State.LOBBY:
            _start(c, game)
        elif game.state == State.QUESTION:
            _bump(c, game, state=State.CLOSED)
        elif game.state == State.CLOSED and game.position < game.size:
            _open(c, game, game.position + 1, now)
        elif game.state == State.CLOSED:
            _finish(c, game, now)
        else:
            raise Conflict(_("This game is over."))
    broker.changed(game_id)


def set_locked(game_id: int, locked: bool = True) -> None:
    """Lock the game against new players, or open it again."""
    with write_transaction() as c:
        game = _lock(c, game_id)
        if game.state == State.FINISHED:
            raise Conflict(_("This game is over."))
        if bool(game.locked) != locked:
            _bump(c, game, locked=locked)
    broker.changed(game_id)


def kick(game_id: int, player_id: int) -> None:
    """Remove a player: their token stops working, their nickname stays taken."""
    with write_transaction() as c:
        game = _lock(c, game_id)
        player = c.execute(
            select(P.c.id, P.c.round_id, P.c.kicked).where(
                P.c.id == player_id, P.c.game_id == game_id
            )
        ).first()
        if player is None:
            raise NotFound(_("No such player in this game."))
        if player.kicked:
            return
        c.execute(update(P).where(P.c.id == player_id).values(kicked=True))
        answered_now = False
        if game.state == State.QUESTION:
            current = _question_at(c, game_id, game.position)
            answered_now = (
                c.scalar(
                    select(A.c.id).where(
                        A.c.round_id == player.round_id, A.c.question_id == current
                    )
                )
                is not None
            )
        players, answered = game.players - 1, game.answered - int(answered_now)
        values: dict = {"players": players, "answered": answered}
        if game.state == State.QUESTION and 0 < players <= answered:
            values["state"] = State.CLOSED  # everyone left has answered
        _bump(c, game, **values)
    broker.changed(game_id)


def _question_at(c, game_id: int, position: int) -> int | None:
    return c.scalar(
        select(LQ.c.question_id).where(LQ.c.game_id == game_id, LQ.c.position == position)
    )


def expire(game_id: int, version: int) -> bool:
    """Close an open question whose time (and grace) is up; True if this call closed it.

    A compare-and-set on the version: any number of processes may try at once, one wins.
    """
    with write_transaction() as c:
        closed = c.execute(
            update(G)
            .where(
                G.c.id == game_id,
                G.c.version == version,
                G.c.state == State.QUESTION,
                G.c.closes_at <= utcnow() - GRACE,
            )
            .values(state=State.CLOSED, version=G.c.version + 1)
        ).rowcount
        if closed:
            broker.announce(c, game_id)
    if closed:
        broker.changed(game_id)
    return bool(closed)


@dataclass(frozen=True)
class Ack:
    question_id: int
    answered: int
    closed: bool


def answer(game_id: int, token: str, question_id: int, given: str) -> Ack:
    """Store a player's answer to the open question: one write transaction, no read-then-write.

    The points come from the server's time of receipt. A second answer is refused by the
    database's UniqueConstraint(round, question), the round being this player's in this game.
    The verdict is not returned: the right answer is shown to everyone when the question closes.
    """
    try:
        with write_transaction() as c:
            ack = _store(c, game_id, token, question_id, given, utcnow())
    except IntegrityError as exc:
        raise Conflict(_("You have already answered this question.")) from exc
    broker.changed(game_id)
    if ack is None:
        raise Locked(_("Time is up: this question is closed."))
    return ack


# The hot path of a classroom answering at once: the game (locked), the player and the open
# question's id in one query; the question and its options in another.
OPT = Option.__table__
Q = Question.__table__
SEAT = (
    select(
        G,
        P.c.id.label("player_id"),
        P.c.round_id,
        P.c.kicked,
        LQ.c.question_id.label("current"),
    )
    .select_from(
        P.join(G, G.c.id == P.c.game_id).outerjoin(
            LQ, (LQ.c.game_id == G.c.id) & (LQ.c.position == G.c.position)
        )
    )
    .where(P.c.token_hash == bindparam("token_hash"))
    .with_for_update(of=G)
)
QUESTION_WITH_OPTIONS = (
    select(
        Q.c.kind,
        Q.c.answer,
        Q.c.data,
        OPT.c.id.label("option_id"),
        OPT.c.text.label("option_text"),
        OPT.c.correct.label("option_correct"),
    )
    .select_from(Q.outerjoin(OPT, OPT.c.question_id == Q.c.id))
    .where(Q.c.id == bindparam("question_id"))
    .order_by(OPT.c.position)
)


@dataclass
class _Choice:
    id: int
    text: str
    correct: bool


def _store(c, game_id, token, question_id, given, now) -> Ack | None:
    """Check and store one answer inside the caller's transaction; None when time is up."""
    game = c.execute(SEAT, {"token_hash": hash_token(token)}).first()
    if game is None or game.id != game_id:
        raise Unauthorized(_("The token is not a player's of this game."))
    if game.kicked:
        raise Unauthorized(_("The teacher removed this player from the game."))
    player = game
    current = game.current if game.position else None
    if game.state != State.QUESTION or question_id != current:
        if (
            c.scalar(
                select(LQ.c.id).where(LQ.c.game_id == game_id, LQ.c.question_id == question_id)
            )
            is None
        ):
            raise Invalid(_("That question is not part of this game."))
        raise Locked(_("That question is not open for answers."))
    if is_due(game.state, game.closes_at, now):
        # Too late: close the question now, in this transaction, and refuse the answer.
        _bump(c, game, state=State.CLOSED)
        return None
    rows = c.execute(QUESTION_WITH_OPTIONS, {"question_id": question_id}).all()
    question = rows[0]
    options = [
        _Choice(r.option_id, r.option_text, r.option_correct)
        for r in rows
        if r.option_id is not None
    ]
    correct, option = scoring.check_answer(question, options, given)
    elapsed = max((now - game.opened_at).total_seconds(), 0.0)
    points = scoring.points_for(correct, elapsed, game.time_limit, game.speed_bonus)
    c.execute(
        scoring.INSERT_ANSWER,
        {
            "round_id": player.round_id,
            "question_id": question_id,
            "option_id": option.id if option else None,
            "given": option.text if option else given,
            "correct": correct,
            "points": points,
            "elapsed_ms": int(elapsed * 1000),
            "answered_at": now,
        },
    )
    c.execute(
        scoring.ADD_TO_ROUND,
        {"round_id": player.round_id, "points": points, "right": int(correct), "finished_at": None},
    )
    owner = c.scalar(select(R.c.player_id).where(R.c.id == player.round_id))
    if owner is not None:
        # What a player answers live counts for their practice too, in the same transaction.
        record_review(
            owner,
            question_id,
            correct=correct,
            elapsed=elapsed,
            time_limit=game.time_limit,
            at=now,
            connection=c,
        )
    answered = game.answered + 1
    everyone = answered >= game.players
    if everyone:
        # The last player still in the game has answered: no need to wait for the clock.
        _bump(c, game, answered=answered, state=State.CLOSED)
    else:
        c.execute(update(G).where(G.c.id == game_id).values(answered=G.c.answered + 1))
        broker.announce(c, game_id)
    return Ack(question_id, answered, everyone)


def question_ids(game_id: int) -> list[int]:
    """Return the game's question ids in order."""
    return list(
        db.session.scalars(
            select(LiveQuestion.question_id)
            .where(LiveQuestion.game_id == game_id)
            .order_by(LiveQuestion.position)
        )
    )


def games_of(teacher_id: int, limit: int = 20) -> list[LiveGame]:
    """Return a teacher's games, newest first."""
    return list(
        db.session.scalars(
            select(LiveGame)
            .where(LiveGame.teacher_id == teacher_id)
            .order_by(LiveGame.created_at.desc(), LiveGame.id.desc())
            .limit(limit)
        )
    )


def answer_count(game_id: int) -> int:
    """Return how many answers the game's players have given in all."""
    in_game = select(LivePlayer.round_id).where(LivePlayer.game_id == game_id)
    return db.session.scalar(select(func.count(Answer.id)).where(Answer.round_id.in_(in_game))) or 0


# The listener of each process closes questions whose time is up, through the same service.
broker.close_due_with(expire)
