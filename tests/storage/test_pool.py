"""Each server process keeps its database connections open between requests."""

import pytest

from quiz.storage.extensions import SERVER_POOL, SQLITE_POOL, db, engine_options
from tests.conftest import on_postgresql


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("sqlite:////srv/quiz/quiz.sqlite3", SQLITE_POOL),
        ("sqlite:///relative.sqlite3", SQLITE_POOL),
        ("sqlite://", {}),
        ("sqlite:///:memory:", {}),
        ("sqlite:///file:shared?mode=memory&cache=shared&uri=true", {}),
        ("postgresql+psycopg://quiz@127.0.0.1/quiz", SERVER_POOL),
    ],
)
def test_the_pool_fits_the_database(url, expected):
    assert engine_options(url) == expected


@pytest.mark.skipif(on_postgresql(), reason="SQLite's pool")
def test_a_classroom_at_once_finds_its_connections_open_the_next_time(app):
    # Twenty requests at once each hold a connection. Afterwards all twenty stay open for the
    # next requests; before, all but five were closed and opened again (with their PRAGMAs).
    with app.app_context():
        pool = db.engine.pool
        held = [db.engine.raw_connection() for _ in range(20)]
        for connection in held:
            connection.close()
        assert pool.checkedin() == 20
        again = [db.engine.raw_connection() for _ in range(20)]
        try:
            assert pool.checkedin() == 0 and pool.overflow() <= 0
        finally:
            for connection in again:
                connection.close()


@pytest.mark.skipif(not on_postgresql(), reason="the PostgreSQL server's pool")
def test_postgresql_keeps_a_smaller_pool_under_the_server_ceiling(app):
    with app.app_context():
        assert db.engine.pool.size() == SERVER_POOL["pool_size"]
