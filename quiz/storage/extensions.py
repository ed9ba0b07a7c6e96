"""Extension singletons, bound to the app in create_app."""

import functools
import sqlite3
import threading
from collections.abc import Callable
from contextlib import contextmanager
from typing import TYPE_CHECKING, ClassVar

from flask import g, has_request_context
from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import MetaData, Table, event
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.pool import Pool

from quiz.storage import writers
from quiz.storage.plain import BUSY_TIMEOUT_SECONDS

# Named constraints keep Alembic batch migrations on SQLite able to drop and alter them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    if TYPE_CHECKING:
        # Every model maps one Table (SQLAlchemy declares the wider FromClause).
        __table__: ClassVar[Table]


db = SQLAlchemy(model_class=Base)
# The models' base class. db.Model is Base with Flask-SQLAlchemy's table naming mixed in; a
# type checker cannot take a base class from an attribute, so it is told it is Base.
if TYPE_CHECKING:
    Model = Base
else:
    Model = db.Model

if TYPE_CHECKING:
    from flask_limiter import Limiter
    from flask_login import LoginManager
    from flask_migrate import Migrate
    from flask_wtf import CSRFProtect

    migrate: Migrate
    csrf: CSRFProtect
    login: LoginManager
    limiter: Limiter


def _make_migrate() -> "Migrate":
    from flask_migrate import Migrate

    return Migrate()


def _make_csrf() -> "CSRFProtect":
    from flask_wtf import CSRFProtect

    return CSRFProtect()


def _make_login() -> "LoginManager":
    from flask_login import LoginManager

    return LoginManager()


def _make_limiter() -> "Limiter":
    from flask_limiter.util import get_remote_address

    from quiz.limiting import QuizLimiter

    # No default limits: each limit is declared beside the view it protects, keyed by what
    # it guards.
    return QuizLimiter(key_func=get_remote_address, default_limits=[])


# The extensions of pages and migrations are made when first imported: importing them
# (Alembic, behind Flask-Migrate, above all) takes longer than a command that only reads
# the database takes to run.
_MADE_ON_USE: dict[str, Callable[[], object]] = {
    "migrate": _make_migrate,
    "csrf": _make_csrf,
    "login": _make_login,
    "limiter": _make_limiter,
}
_making = threading.Lock()


def __getattr__(name: str) -> object:
    """Make one of the extensions above on its first import (PEP 562), once."""
    make = _MADE_ON_USE.get(name)
    if make is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    with _making:
        if name not in globals():
            globals()[name] = make()
    return globals()[name]


# Connections each server process keeps open. A request holds one while it runs, and one
# beyond the pool is closed when it is returned: under a classroom's load that meant opening
# (and setting up) a connection for many requests. SQLite connections cost a file handle,
# so a pool as large as the busiest moment; a PostgreSQL server has a connection ceiling
# (100 by default) that every process shares.
SQLITE_POOL = {"pool_size": 32, "max_overflow": 224}
SERVER_POOL = {"pool_size": 10, "max_overflow": 20}


def engine_options(url: str) -> dict:
    """Return the engine's pool settings for a database URL."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite":
        return dict(SERVER_POOL)
    if not parsed.database or parsed.database == ":memory:" or parsed.query.get("uri"):
        return {}  # one in-memory database: Flask-SQLAlchemy's own pool keeps it
    return dict(SQLITE_POOL)


@event.listens_for(Engine, "connect")
def _sqlite_connect(dbapi_connection, _record):
    """Turn on WAL, a busy timeout and foreign keys; let SQLAlchemy emit BEGIN itself."""
    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    # pysqlite's own transaction handling defers BEGIN; take it over so we can BEGIN IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_SECONDS * 1000}")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


@event.listens_for(Engine, "begin")
def _sqlite_begin(connection):
    """Begin SQLite transactions, IMMEDIATE when the caller is about to write."""
    if connection.dialect.name != "sqlite":
        return
    immediate = connection.get_execution_options().get("sqlite_immediate")
    pooled = connection.connection
    if immediate:
        # Queue behind the other writers instead of sleeping in SQLite's busy handler.
        writers.wait_turn(connection.engine.url, pooled.info, BUSY_TIMEOUT_SECONDS)
    # Straight to the driver: every transaction starts here, so it is kept cheap.
    pooled.dbapi_connection.execute("BEGIN IMMEDIATE" if immediate else "BEGIN")


@event.listens_for(Pool, "checkin")
def _leave_writer_queue(_dbapi_connection, record):
    """Let the next writer in once a connection is back in the pool (its write has ended)."""
    writers.done(record.info)


def end_read() -> None:
    """End the session's read-only transaction, if one is open, so later reads are fresh."""
    # A read that later upgrades to a write is where "database is locked" comes from, and an
    # open read keeps an old snapshot on SQLite; so both kinds of write end it first.
    if not db.session.registry.has():
        return
    session = db.session()
    if session.in_transaction():
        if session.new or session.dirty or session.deleted:
            raise RuntimeError("a write transaction was asked for with unsaved changes")
        session.commit()


def begin_write():
    """Start the session's transaction for writing (BEGIN IMMEDIATE on SQLite)."""
    end_read()
    return db.session.connection(execution_options={"sqlite_immediate": True})


# Where a request keeps the write transaction it began before its rate limits were counted.
REQUEST_WRITE = "quiz_request_write"


def request_write():
    """Return the Core connection of this request's own write transaction, if it began one."""
    return g.get(REQUEST_WRITE) if has_request_context() else None


@contextmanager
def write_transaction():
    """Yield a Core connection of its own in a write transaction (BEGIN IMMEDIATE on SQLite).

    Committed when the block ends, rolled back if it raises. For hot paths that need no ORM
    objects: it skips the session's bookkeeping. The session's read, if any, is ended first,
    so that what the session reads afterwards includes this write. Inside a view that began
    its write before its limits were counted (`counted_in_its_write`), the block joins that
    transaction, in a savepoint of its own: undone alone if it raises.
    """
    end_read()
    shared = request_write()
    if shared is not None:
        # Straight on the driver, as the counters are: SQLAlchemy's nested transaction would
        # cost this hot path as much as the counter's own transaction did.
        _driver_sql(shared, "SAVEPOINT quiz_write")
        try:
            yield shared
        except BaseException:
            _driver_sql(shared, "ROLLBACK TO SAVEPOINT quiz_write")
            raise
        _driver_sql(shared, "RELEASE SAVEPOINT quiz_write")
        return
    with (
        db.engine.connect().execution_options(sqlite_immediate=True) as connection,
        connection.begin(),
    ):
        yield connection


def _driver_sql(connection, sql: str) -> None:
    cursor = connection.connection.cursor()
    try:
        cursor.execute(sql)
    finally:
        cursor.close()


def counted_in_its_write(view):
    """Run a view in one write transaction, begun before its rate limits are counted.

    Put above the view's limits. A rate-limit counter in the database (database://) is then
    written in this transaction rather than in one of its own, so that an answer is one write,
    not two. Committed once the view has answered or raised: a counted hit stays, as it
    would have in its own transaction, while what the view wrote in write_transaction() is
    undone by its savepoint when it raises.
    """

    @functools.wraps(view)
    def wrapper(*args, **kwargs):
        end_read()
        with db.engine.connect().execution_options(sqlite_immediate=True) as connection:
            transaction = connection.begin()
            g.setdefault(REQUEST_WRITE, connection)
            try:
                result = view(*args, **kwargs)
            except BaseException:
                g.pop(REQUEST_WRITE, None)
                try:
                    transaction.commit()
                except Exception:
                    transaction.rollback()
                raise
            g.pop(REQUEST_WRITE, None)
            transaction.commit()
            return result

    return wrapper
