"""A unit of work commits what its block wrote, or nothing at all."""

import pytest
from sqlalchemy import func, select

from quiz.storage.extensions import db
from quiz.storage.models import Teacher
from quiz.storage.work import unit_of_work


def _teachers() -> int:
    return db.session.scalar(select(func.count()).select_from(Teacher))


def _teacher(name: str) -> Teacher:
    return Teacher(name=name, password_hash="x")


def test_commits_at_the_end_of_the_block(app):
    with app.app_context():
        before = _teachers()
        with unit_of_work() as session:
            session.add(_teacher("ada"))
        db.session.remove()
        assert _teachers() == before + 1


def test_rolls_back_everything_when_the_block_raises(app):
    with app.app_context():
        before = _teachers()
        with pytest.raises(RuntimeError), unit_of_work() as session:
            session.add(_teacher("ada"))
            session.flush()
            raise RuntimeError("half-way")
        db.session.remove()
        assert _teachers() == before


def test_an_inner_unit_joins_the_outer_one(app):
    with app.app_context():
        before = _teachers()
        with pytest.raises(RuntimeError), unit_of_work() as session:
            with unit_of_work() as inner:
                inner.add(_teacher("ada"))
            # The inner block ended without committing: the outer failure undoes it too.
            assert session.in_transaction()
            raise RuntimeError("after the inner unit")
        db.session.remove()
        assert _teachers() == before


def test_works_as_a_decorator(app):
    @unit_of_work()
    def add(name):
        db.session.add(_teacher(name))

    with app.app_context():
        before = _teachers()
        add("grace")
        db.session.remove()
        assert _teachers() == before + 1
