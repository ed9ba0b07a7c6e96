"""Statements run straight on the driver hand back what SQLAlchemy would."""

from datetime import UTC

import pytest
from sqlalchemy import bindparam, func, insert, select
from sqlalchemy.dialects import sqlite

from quiz.rounds import scoring
from quiz.storage import driver
from quiz.storage.extensions import db
from quiz.storage.models import Question, RateLimit, Round, RoundQuestion
from tests.conftest import on_postgresql


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


@pytest.mark.skipif(on_postgresql(), reason="SQLite's own transactions")
@pytest.mark.parametrize("count", [1, 2])
def test_one_statement_is_written_as_its_own_transaction_more_in_one_begun(app, count):
    table = RateLimit.__table__
    with app.app_context():
        engine = db.engine
        add = driver.Compiled(
            insert(table).values(key=bindparam("key"), hits=1, expires_at=0.0), engine.dialect
        )
        pooled = engine.raw_connection()
        sent: list[str] = []
        pooled.driver_connection.set_trace_callback(sent.append)
        try:
            driver.write(engine, pooled, [(add, {"key": f"k{n}"}) for n in range(count)])
            assert not pooled.driver_connection.in_transaction
        finally:
            pooled.driver_connection.set_trace_callback(None)
            pooled.close()
        words = [statement.split()[0] for statement in sent]
        assert words == (["INSERT"] if count == 1 else ["BEGIN", "INSERT", "INSERT", "COMMIT"])
        assert db.session.scalar(select(func.count()).select_from(table)) == count
