"""One way to write: a unit of work owns the transaction of a service call."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.orm import Session

from quiz.storage.extensions import begin_write, db

_DEPTH = "unit_of_work_depth"


@contextmanager
def unit_of_work() -> Iterator[Session]:
    """Run the block as one write transaction: commit at its end, roll back if it raises.

    The write lock is taken before the first statement (BEGIN IMMEDIATE on SQLite), so a read
    never has to upgrade to a write. A unit of work inside another joins the outer one, which
    alone commits. Also usable as a decorator: ``@unit_of_work()``.
    """
    session = db.session()
    depth = session.info.get(_DEPTH, 0)
    if depth:
        session.info[_DEPTH] = depth + 1
        try:
            yield session
        finally:
            session.info[_DEPTH] = depth
        return
    begin_write()
    session.info[_DEPTH] = 1
    try:
        yield session
        session.commit()
    except BaseException:
        session.rollback()
        raise
    finally:
        session.info[_DEPTH] = 0
