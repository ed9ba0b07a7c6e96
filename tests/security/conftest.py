"""A populated site for attacks: a student mid-round in a class, a logged-in teacher, every URL."""

from dataclasses import dataclass, field

import pytest
from flask import Flask
from sqlalchemy import select

from quiz.storage.extensions import db
from quiz.storage.models import (
    Article,
    Assignment,
    Classroom,
    Fact,
    LivePlayer,
    Question,
    Template,
)
from tests.pages import answer_current, csrf_token, start_round
from tests.teach.conftest import log_in, make_teacher


@dataclass
class World:
    """Clients and the ids that fill every URL rule of the app."""

    student: object
    teacher: object
    api_round: dict
    ids: dict = field(default_factory=dict)

    def url(self, rule) -> str:
        """Return a concrete URL for a rule, filled with the world's ids."""
        missing = rule.arguments - self.ids.keys()
        # A new kind of URL argument must be given an id here, so that every URL is attacked.
        assert not missing, f"give the security world an id for {missing} ({rule.rule})"
        return rule.build({name: self.ids[name] for name in rule.arguments}, False)[1]


def make_classroom(app: Flask, teacher_id: int, article_id: int) -> tuple[int, int, str]:
    """Store a class with one assignment; return their ids and the join code."""
    with app.app_context():
        classroom = Classroom(name="7B", code="SECUR1TY", teacher_id=teacher_id)
        db.session.add(classroom)
        db.session.flush()
        assignment = Assignment(classroom_id=classroom.id, article_id=article_id, size=3)
        db.session.add(assignment)
        db.session.commit()
        return classroom.id, assignment.id, classroom.code


@pytest.fixture
def world(app) -> World:
    """Build a teacher, a class with an assignment, a student mid-round and an API round."""
    teacher_id = make_teacher(app)
    teacher = app.test_client()
    assert log_in(teacher).status_code == 302
    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.slug == "baikonur"))
        ids = {
            "article_id": article.id,
            "question_id": db.session.scalar(select(Question.id).order_by(Question.id)),
            "fact_id": db.session.scalar(select(Fact.id).order_by(Fact.id)),
            "template_id": db.session.scalar(select(Template.id).order_by(Template.id)),
        }
    classroom_id, assignment_id, code = make_classroom(app, teacher_id, ids["article_id"])
    student = app.test_client()
    url = start_round(student, size=4, nickname="Ada")
    answer_current(student, url)
    page = student.get("/join").get_data(as_text=True)
    joined = student.post(
        "/join", data={"csrf_token": csrf_token(page), "code": code, "nickname": "Ada"}
    )
    assert joined.status_code == 302, joined.get_data(as_text=True)
    api_round = (
        app.test_client()
        .post("/api/v1/rounds", json={"nickname": "Bot", "article": "baikonur", "size": 3})
        .get_json()
    )
    with student.session_transaction() as cookie:
        player_id = cookie["player_id"]
    pin, live_player_id = _finished_game(app, teacher_id, student)
    ids.update(
        player_id=player_id,
        round_id=url.rsplit("/", 1)[1],
        position=1,
        classroom_id=classroom_id,
        assignment_id=assignment_id,
        filename="quiz.css",
        fmt="gift",
        token_id=1,
        report_id=1,
        pin=pin,
        action="next",
        live_player_id=live_player_id,
    )
    return World(student=student, teacher=teacher, api_round=api_round, ids=ids)


def _finished_game(app: Flask, teacher_id: int, student) -> tuple[str, int]:
    """Play a one-question live game with the student to its end (its streams then end too)."""
    from quiz.live import games

    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.slug == "baikonur"))
        game = games.create_game(teacher_id, article, 1, 30)
        pin, game_id = game.pin, game.id
    page = student.get("/live").get_data(as_text=True)
    joined = student.post(
        "/live", data={"csrf_token": csrf_token(page), "pin": pin, "nickname": "Ada"}
    )
    assert joined.status_code == 302, joined.get_data(as_text=True)
    with app.app_context():
        for _step in range(3):
            games.advance(game_id)
        live_player_id = db.session.scalar(select(LivePlayer.id))
    return pin, live_player_id


def snapshot() -> dict[str, list[tuple]]:
    """Return every row of every table, to compare before and after a request."""
    tables = {}
    for table in db.metadata.sorted_tables:
        rows = db.session.execute(select(table)).all()
        tables[table.name] = sorted(tuple(map(repr, row)) for row in rows)
    db.session.rollback()
    return tables


def rules(app: Flask, method: str):
    """Return the app's URL rules that accept a method."""
    return [r for r in app.url_map.iter_rules() if method in r.methods]
