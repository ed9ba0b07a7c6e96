"""Live game fixtures: a teacher with an API token, a game, players joined over the API."""

from __future__ import annotations

from dataclasses import dataclass, field

import pytest
from sqlalchemy import update

from quiz.accounts.auth import hash_password, issue_api_token
from quiz.live import state
from quiz.storage.extensions import db
from quiz.storage.models import LiveGame, Teacher, utcnow


def make_teacher_token(app, name="ms-frizzle") -> str:
    """Store a teacher and return a new API token of theirs."""
    with app.app_context():
        teacher = Teacher(name=name, password_hash=hash_password("correct horse battery"))
        db.session.add(teacher)
        db.session.commit()
        token = issue_api_token(teacher)
        db.session.commit()
        return token


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


@dataclass
class Game:
    """A game made through the API, and the calls a test makes on it."""

    client: object
    host: str
    pin: str
    players: dict[str, str] = field(default_factory=dict)  # nickname -> token
    ids: dict[str, int] = field(default_factory=dict)

    def url(self, tail: str = "") -> str:
        return f"/api/v1/games/{self.pin}{tail}"

    def join(self, nickname: str):
        response = self.client.post(self.url("/players"), json={"nickname": nickname})
        if response.status_code == 201:
            body = response.get_json()
            self.players[nickname] = body["token"]
            self.ids[nickname] = body["player"]["id"]
        return response

    def state(self, who: str | None = None):
        token = self.players[who] if who else self.host
        return self.client.get(self.url(), headers=bearer(token))

    def host_post(self, action: str, token: str | None = None):
        return self.client.post(self.url("/" + action), headers=bearer(token or self.host))

    def answer(self, who: str, question_id: int, answer: str, token: str | None = None):
        return self.client.post(
            self.url("/answers"),
            json={"question_id": question_id, "answer": answer},
            headers=bearer(token or self.players[who]),
        )


@pytest.fixture
def host_token(app):
    return make_teacher_token(app)


@pytest.fixture
def new_game(app, client, host_token):
    """Make a game over the API: new_game(size=3, time_limit=30, players=("Ada", ...))."""

    def make(size=3, time_limit=30, players=(), **body) -> Game:
        response = client.post(
            "/api/v1/games",
            json={"article": "baikonur", "size": size, "time_limit": time_limit, **body},
            headers=bearer(host_token),
        )
        assert response.status_code == 201, response.get_json()
        game = Game(client, host_token, response.get_json()["pin"])
        for nickname in players:
            assert game.join(nickname).status_code == 201
        return game

    return make


def expire_clock(app, pin: str) -> None:
    """Move the open question's limit into the past, as if its time had run out."""
    with app.app_context():
        db.session.execute(
            update(LiveGame)
            .where(LiveGame.pin == pin)
            .values(closes_at=utcnow().replace(year=2000), opened_at=utcnow().replace(year=2000))
        )
        db.session.commit()
        game_id = db.session.scalar(db.select(LiveGame.id).where(LiveGame.pin == pin))
        state.forget(game_id)


def right_answer(app, question_id: int) -> str:
    from quiz.storage.models import Question

    with app.app_context():
        return db.session.get(Question, question_id).answer


def wrong_answer(app, question_id: int) -> str:
    from quiz.storage.models import Option

    with app.app_context():
        option = db.session.scalar(
            db.select(Option.text).where(Option.question_id == question_id, ~Option.correct)
        )
    return option or "certainly not this"  # a question typed in has no wrong option
