"""Statements run straight on the driver hand back what SQLAlchemy would."""

from datetime import UTC

from sqlalchemy import bindparam, select
from sqlalchemy.dialects import sqlite

from quiz.rounds import scoring
from quiz.storage import driver
from quiz.storage.extensions import db
from quiz.storage.models import Question, Round, RoundQuestion


def test_rows_read_on_the_driver_are_converted_as_their_columns_types_say(build):
    round_, token = scoring.start_round(build.quiz(size=1), "Ada", 1)
    round_id = round_.id
    scoring.serve_current(round_id, token)
    db.session.commit()  # the session's next read sees the serve
    r, rq, q = Round.__table__, RoundQuestion.__table__, Question.__table__
    statement = (
        select(r.c.speed_bonus, rq.c.served_at, q.c.data, q.c.prompt)
        .join(rq, rq.c.round_id == r.c.id)
        .join(q, q.c.id == rq.c.question_id)
        .where(r.c.id == bindparam("round_id"))
    )
    pooled = db.engine.raw_connection()
    try:
        rows = driver.read(
            pooled, driver.Compiled(statement, db.engine.dialect), {"round_id": round_id}
        )
    finally:
        pooled.close()
    expected = db.session.execute(statement, {"round_id": round_id}).one()
    assert rows == [tuple(expected)]
    speed_bonus, served_at, _data, _prompt = rows[0]
    assert speed_bonus is True
    assert served_at.tzinfo is UTC


def test_statements_are_compiled_once_per_dialect():
    made = []
    per_dialect = driver.PerDialect(lambda dialect: made.append(dialect.name) or len(made))
    dialect = sqlite.dialect()
    assert per_dialect(dialect) == per_dialect(dialect) == 1
    assert made == ["sqlite"]
