"""A live game's state as one snapshot with a version number, built once per version per process.

The public part is the same for every viewer (the open question, or the closed one's result,
the top five, the podium); a player also gets `you`. The right answer is in the snapshot only
once the question has closed, and scores shown while a question is open leave out its points,
which would tell who was right.
"""

from __future__ import annotations

import random
import threading
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quiz.errors import NotFound
from quiz.live.games import State, expire, is_due
from quiz.storage.extensions import db, end_read
from quiz.storage.models import (
    Answer,
    Article,
    LiveGame,
    LivePlayer,
    LiveQuestion,
    Question,
    Round,
    utcnow,
)

TOP = 5
PODIUM = 3
# A tie for the last podium place brings everyone on it up, up to this many players.
PODIUM_MOST = 10
# Colour and shape of each answer button, in order; the shape tells them apart without colour.
SHAPES = ("triangle", "diamond", "circle", "square", "star", "hexagon")
G = LiveGame.__table__


@dataclass(frozen=True)
class Item:
    """A question of the game, with its options in the game's order."""

    number: int
    id: int
    kind: str
    prompt: str
    options: tuple[str, ...]
    answer: str
    explanation: str


@dataclass(frozen=True)
class Row:
    id: int
    nickname: str
    score: int
    correct: int
    rank: int


@dataclass
class View:
    """One version of a game, as every viewer in this process is sent it."""

    game_id: int
    pin: str
    state: str
    version: int
    answered: int
    closes_at: datetime | None
    public: dict
    ranks: dict[int, Row]
    answered_open: set[int]
    last: dict[int, dict]
    last_item: Item | None
    kicked: set[int] = field(default_factory=set)

    def key(self) -> tuple[int, int]:
        return (self.version, self.answered)

    def remaining_ms(self, now: datetime | None = None) -> int:
        """Return the milliseconds left on the open question (0 when none is open)."""
        if self.state != State.QUESTION or self.closes_at is None:
            return 0
        left = (self.closes_at - (now or utcnow())).total_seconds()
        return max(0, int(left * 1000))

    def document(self, player_id: int | None = None, now: datetime | None = None) -> dict:
        """Return the snapshot as sent: remaining time as of now, and `you` for a player."""
        found = dict(self.public)
        if "question" in found:
            found["question"] = {**found["question"], "remaining_ms": self.remaining_ms(now)}
        if player_id is not None:
            found["you"] = self.you(player_id)
        return found

    def you(self, player_id: int) -> dict | None:
        """Return a player's own score, number right, rank and last result."""
        row = self.ranks.get(player_id)
        if row is None:
            return None
        return {
            "id": row.id,
            "nickname": row.nickname,
            "score": row.score,
            "correct": row.correct,
            "rank": row.rank,
            "answered": player_id in self.answered_open,
            "last": self.last.get(player_id),
        }


def standings(players: Iterable[tuple[int, str, int, int]]) -> list[Row]:
    """Rank players (id, nickname, score, correct): the one ranking rule of live games.

    Places go by score, ties sharing a place and the next place skipping as many (1, 1, 3):
    the top five, the podium, a player's own place and the full results all read them from
    here. Tied players are listed by number right, then nickname.
    """
    ordered = sorted(players, key=lambda p: (-p[2], -p[3], p[1].casefold(), p[0]))
    rows: list[Row] = []
    for index, (pid, nickname, score, correct) in enumerate(ordered):
        tied = bool(rows) and rows[-1].score == score
        rows.append(Row(pid, nickname, score, correct, rows[-1].rank if tied else index + 1))
    return rows


# Keyed by (database, game id): one process may serve several apps (tests do).
_items: dict[tuple[str, int], list[Item]] = {}
_views: dict[tuple[str, int], View] = {}
_lock = threading.Lock()
_building: dict[tuple[str, int], threading.Lock] = {}


def _key(game_id: int) -> tuple[str, int]:
    return (str(db.engine.url), game_id)


def items(game_id: int) -> list[Item]:
    """Return the game's questions, options in the game's order (they never change)."""
    found = _items.get(_key(game_id))
    if found is None:
        rows = db.session.scalars(
            select(LiveQuestion)
            .where(LiveQuestion.game_id == game_id)
            .order_by(LiveQuestion.position)
            .options(selectinload(LiveQuestion.question).selectinload(Question.options))
        )
        found = [_item(game_id, row.position, row.question) for row in rows]
        with _lock:
            _items[_key(game_id)] = found
    return found


def _item(game_id: int, number: int, question: Question) -> Item:
    options = list(question.options)
    if question.kind == "true_false":
        options.sort(key=lambda o: o.text != "True")
    else:
        random.Random(f"live:{game_id}:{question.id}").shuffle(options)
    return Item(
        number=number,
        id=question.id,
        kind=question.kind,
        prompt=question.prompt,
        options=tuple(o.text for o in options),
        answer=question.answer,
        explanation=question.explanation,
    )


def header(game_id: int):
    """Read the game's version row, closing its question first if the time is up."""
    row = db.session.execute(
        select(G.c.id, G.c.version, G.c.answered, G.c.state, G.c.closes_at).where(G.c.id == game_id)
    ).first()
    if row is None:
        raise NotFound(_("No such game."))
    if is_due(row.state, row.closes_at):
        end_read()  # the close is a write of its own
        expire(row.id, row.version)
        return header(game_id)
    return row


def view(game_id: int, key: tuple[int, int] | None = None) -> View:
    """Return the game's snapshot; `key` (version, answers) lets a stream skip the read."""
    if key is None:
        row = header(game_id)
        key = (row.version, row.answered)
    where = _key(game_id)
    cached = _views.get(where)
    if cached is not None and cached.key() >= key:
        return cached
    with _lock:
        building = _building.setdefault(where, threading.Lock())
    with building:  # one thread builds a version; the others wait and share it
        cached = _views.get(where)
        if cached is not None and cached.key() >= key:
            return cached
        built = _build(game_id)
        end_read()  # so that the next read sees newer writes
        with _lock:
            if where not in _views or _views[where].key() <= built.key():
                _views[where] = built
        return built


def _build(game_id: int) -> View:
    game = db.session.get(LiveGame, game_id, populate_existing=True)
    if game is None:
        raise NotFound(_("No such game."))
    title = db.session.scalar(select(Article.title).where(Article.id == game.article_id))
    questions = items(game_id)
    current = questions[game.position - 1] if game.position else None
    # The last question whose result may be shown: the current one once closed, else the one before.
    shown = game.position if game.state in (State.CLOSED, State.FINISHED) else game.position - 1
    last_item = questions[shown - 1] if shown >= 1 else None

    players = db.session.execute(
        select(
            LivePlayer.id,
            LivePlayer.nickname,
            LivePlayer.kicked,
            LivePlayer.round_id,
            Round.score,
            Round.correct,
        )
        .join(Round, Round.id == LivePlayer.round_id)
        .where(LivePlayer.game_id == game_id)
    ).all()
    round_of = {p.round_id: p.id for p in players}
    open_answers = _answers(game_id, current.id) if current and game.state == State.QUESTION else {}
    last_answers = _answers(game_id, last_item.id) if last_item else {}

    scores = []
    kicked = set()
    for p in players:
        if p.kicked:
            kicked.add(p.id)
            continue
        score, correct = p.score, p.correct
        pending = open_answers.get(p.round_id)
        if pending is not None:  # not shown until the question closes
            score, correct = score - pending.points, correct - int(pending.correct)
        scores.append((p.id, p.nickname, score, correct))
    ranks = {row.id: row for row in standings(scores)}

    answered_open = {round_of[r] for r in open_answers if r in round_of}
    last = {}
    if last_item is not None:
        for p in players:
            given = last_answers.get(p.round_id)
            last[p.id] = {
                "question_id": last_item.id,
                "number": last_item.number,
                "answer": given.given if given else None,
                "correct": bool(given and given.correct),
                "points": given.points if given else 0,
            }

    public: dict = {
        "pin": game.pin,
        "title": title,
        "state": game.state,
        "version": game.version,
        "players": game.players,
        "locked": game.locked,
        "number": game.position,
        "of": game.size,
        "time_limit": game.time_limit,
        "answered": game.answered if game.state == State.QUESTION else len(last_answers),
        "leaderboard": [
            {"place": r.rank, "nickname": r.nickname, "score": r.score, "correct": r.correct}
            for r in list(ranks.values())[:TOP]
        ],
    }
    if game.state == State.QUESTION and current is not None:
        public["question"] = {
            "id": current.id,
            "number": current.number,
            "of": game.size,
            "prompt": current.prompt,
            "options": list(current.options),
            "kind": current.kind,
            "time_limit": game.time_limit,
        }
    if game.state == State.CLOSED and last_item is not None:
        counts = Counter(
            a.given for a in last_answers.values() if round_of.get(a.round_id) not in kicked
        )
        public["result"] = {
            "question_id": last_item.id,
            "number": last_item.number,
            "prompt": last_item.prompt,
            "correct_answer": last_item.answer,
            "explanation": last_item.explanation,
            "distribution": [
                {"answer": text, "count": counts.get(text, 0), "correct": text == last_item.answer}
                for text in last_item.options
            ],
        }
    if game.state == State.FINISHED:
        public["podium"] = [
            {"place": r.rank, "nickname": r.nickname, "score": r.score, "correct": r.correct}
            for r in [r for r in ranks.values() if r.rank <= PODIUM][:PODIUM_MOST]
        ]
    return View(
        game_id=game_id,
        pin=game.pin,
        state=game.state,
        version=game.version,
        answered=game.answered,
        closes_at=game.closes_at,
        public=public,
        ranks=ranks,
        answered_open=answered_open,
        last=last,
        last_item=last_item,
        kicked=kicked,
    )


def _answers(game_id: int, question_id: int) -> dict:
    """Return the game's answers to one question, by round id."""
    in_game = select(LivePlayer.round_id).where(LivePlayer.game_id == game_id)
    rows = db.session.execute(
        select(Answer.round_id, Answer.given, Answer.correct, Answer.points).where(
            Answer.question_id == question_id, Answer.round_id.in_(in_game)
        )
    ).all()
    return {row.round_id: row for row in rows}


def forget(game_id: int) -> None:
    """Drop a game's cached snapshot (tests that rewrite the clock use it)."""
    with _lock:
        _views.pop(_key(game_id), None)
