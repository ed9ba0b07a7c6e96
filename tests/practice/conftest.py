"""Practice fixtures: a student who played (and missed) questions of the seed article."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import select

from quiz.generation import ORDER_SEPARATOR
from quiz.practice import record_review
from quiz.storage.extensions import db
from quiz.storage.models import Article, Memory, Question, QuestionStatus, question_fact, utcnow
from tests.pages import csrf_token, hidden, order_positions, radio_values, start_round
from tests.teach.conftest import PASSWORD, log_in, make_teacher, teacher, teacher_client

__all__ = ["PASSWORD", "log_in", "make_teacher", "teacher", "teacher_client"]


def seed_article_id(app) -> int:
    with app.app_context():
        return db.session.scalar(select(Article.id).where(Article.slug == "baikonur"))


def player_of(client) -> str:
    with client.session_transaction() as cookie:
        return cookie["player_id"]


def right_answer(app, question_id: int) -> str:
    with app.app_context():
        return db.session.get(Question, question_id).answer


def wrong_answer(app, question_id: int, options: list[str]) -> str:
    """Return an answer that is certainly wrong but well formed for the question's kind."""
    with app.app_context():
        question = db.session.get(Question, question_id)
        kind, answer = question.kind, question.answer
    if kind == "order":
        # The events latest first: every event placed once, in certainly the wrong order.
        return ORDER_SEPARATOR.join(answer.split(ORDER_SEPARATOR)[::-1])
    return next((o for o in options if o != answer), "certainly not this")


def facts_of(app, question_id: int) -> set[int]:
    with app.app_context():
        rows = db.session.scalars(
            select(question_fact.c.fact_id).where(question_fact.c.question_id == question_id)
        )
        return set(rows)


def asked_facts(app, question_id: int) -> set[int]:
    """Return the facts an answer to the question reviews: all it tests, but in a question of
    several claims only the one its explanation opens with (its own sentence's claim)."""
    with app.app_context():
        question = db.session.get_one(Question, question_id)
        facts = question.facts
        if question.kind in ("statement", "odd_one_out"):
            facts = [
                f
                for f in facts
                if f.sentence is not None and question.explanation.startswith(f.sentence.text)
            ]
        return {f.id for f in facts}


def miss_in_a_round(app, client, nickname="Ada") -> tuple[int, str]:
    """Play a one-question round through the pages and answer it wrong; return its question."""
    url = start_round(client, size=1, nickname=nickname)
    page = client.get(url).get_data(as_text=True)
    question_id = int(hidden(page, "question_id"))
    options = radio_values(page)
    data = {"csrf_token": csrf_token(page), "question_id": question_id}
    positions = order_positions(page)
    if positions:
        # An order question: the events latest first is certainly wrong.
        events = right_answer(app, question_id).split(ORDER_SEPARATOR)[::-1]
        data.update({name: event for (name, _), event in zip(positions, events, strict=True)})
    else:
        data["answer"] = wrong_answer(app, question_id, options)
    response = client.post(url, data=data)
    assert response.status_code == 302, response.get_data(as_text=True)
    return question_id, player_of(client)


def memories(app, player_id: str) -> list[Memory]:
    with app.app_context():
        rows = db.session.scalars(select(Memory).where(Memory.player_id == player_id)).all()
        db.session.expunge_all()
        return list(rows)


def questions_with_facts(app, count: int) -> list[int]:
    """Return playable seed questions about `count` different facts that no question shares.

    Such a fact is asked alone, so each practice answer reviews exactly one of them.
    """
    with app.app_context():
        rows = db.session.execute(
            select(Question.id, question_fact.c.fact_id)
            .join(question_fact, question_fact.c.question_id == Question.id)
            .join(Article, Article.id == Question.article_id)
            .where(Article.slug == "baikonur", Question.status == "active")
            .order_by(Question.id)
        ).all()
    per_question: dict[int, set[int]] = {}
    for question_id, fact_id in rows:
        per_question.setdefault(question_id, set()).add(fact_id)
    shared = set().union(*(facts for facts in per_question.values() if len(facts) > 1))
    chosen, seen = [], set()
    for question_id, facts in per_question.items():
        if not facts & (seen | shared):
            chosen.append(question_id)
            seen |= facts
        if len(chosen) == count:
            break
    assert len(chosen) == count
    return chosen


def asked_alone(app, article_id: int, kind: str) -> tuple[int, set[int]]:
    """Return a playable seed question of this kind and its facts, after retiring every other
    question about those facts: the facts are then asked through it alone."""
    with app.app_context():
        question = db.session.scalar(
            select(Question).where(
                Question.article_id == article_id,
                Question.kind == kind,
                Question.status == QuestionStatus.ACTIVE,
            )
        )
        assert question is not None, f"the seed has a {kind!r} question"
        question_id = question.id
    facts = facts_of(app, question_id)
    with app.app_context():
        others = select(question_fact.c.question_id).where(
            question_fact.c.fact_id.in_(facts), question_fact.c.question_id != question_id
        )
        for other in db.session.scalars(select(Question).where(Question.id.in_(others))):
            other.status = QuestionStatus.RETIRED
        db.session.commit()
    return question_id, facts


def missed_earlier(app, player_id: str, question_ids, hours=2, correct=False) -> datetime:
    """Record that the player answered these questions some hours ago (the scheduler's clock)."""
    at = utcnow() - timedelta(hours=hours)
    with app.app_context():
        for question_id in question_ids:
            record_review(player_id, question_id, correct=correct, elapsed=5, time_limit=30, at=at)
    return at


@pytest.fixture
def student(app, client):
    """A browser whose player missed one question of the seed article in a round."""
    question_id, player_id = miss_in_a_round(app, client)
    return client, player_id, question_id
