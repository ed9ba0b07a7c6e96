"""Rate-limit counters in the app's own database, seen by every server process.

A `limits` storage registered as `database://` (the default QUIZ_RATELIMIT_STORAGE): Flask-
Limiter's fixed windows are kept in the `rate_limit` table of whatever database the app uses,
SQLite or PostgreSQL, so all the workers of `quiz serve` share one count with no extra server.

Each hit is one upsert statement in a short transaction on a connection of its own: on SQLite
it queues with the other writers (quiz.storage.writers) and holds the write lock for that one
statement; on PostgreSQL `INSERT … ON CONFLICT DO UPDATE` is atomic. It never joins the
request's session, whose transaction may be reading, or about to write; so it is counted
only where that session holds no write of its own (before the view runs, or after it has
committed), lest the two wait for each other.
"""

from __future__ import annotations

import hashlib
import time
from typing import Any

from flask import g, has_request_context
from limits.storage import Storage
from sqlalchemy import bindparam, case, delete, select, text
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.engine import Engine
from sqlalchemy.exc import SQLAlchemyError

from quiz.storage.driver import DRIVER_ERRORS, Compiled, execute, write_alone
from quiz.storage.extensions import db, request_write
from quiz.storage.models import RateLimit

SCHEME = "database"
# How often each process deletes the windows that have ended, in seconds.
PURGE_EVERY = 60.0
TABLE = RateLimit.__table__
INSERTS: dict[str, Any] = {"sqlite": sqlite.insert, "postgresql": postgresql.insert}
READ = select(TABLE.c.hits, TABLE.c.expires_at).where(TABLE.c.key == bindparam("key"))
PURGE = delete(TABLE).where(TABLE.c.expires_at <= bindparam("now"))


def _upsert(dialect: str):
    """Return the statement that adds to a window, or starts a new one where it has ended."""
    insert = INSERTS.get(dialect)
    if insert is None:
        raise NotImplementedError(f"database:// counters need SQLite or PostgreSQL, not {dialect}")
    statement = insert(TABLE)
    ended = TABLE.c.expires_at <= bindparam("now")
    return statement.on_conflict_do_update(
        index_elements=[TABLE.c.key],
        set_={
            "hits": case(
                (ended, statement.excluded.hits), else_=TABLE.c.hits + statement.excluded.hits
            ),
            "expires_at": case((ended, statement.excluded.expires_at), else_=TABLE.c.expires_at),
        },
    ).returning(TABLE.c.hits, TABLE.c.expires_at)


def stored_key(key: str) -> str:
    """Return the form a limit's key is kept in: its SHA-256, one length, no address as such."""
    return hashlib.sha256(key.encode()).hexdigest()


class _Statements:
    """The counters' writes for one dialect."""

    def __init__(self, dialect):
        self.upsert = Compiled(_upsert(dialect.name), dialect)
        self.purge = Compiled(PURGE, dialect)
        self.clear = Compiled(delete(TABLE).where(TABLE.c.key == bindparam("key")), dialect)
        self.reset = Compiled(delete(TABLE), dialect)


class DatabaseStorage(Storage):
    """Fixed-window counters in the `rate_limit` table of the current app's database."""

    STORAGE_SCHEME = [SCHEME]

    def __init__(self, uri: str | None = None, wrap_exceptions: bool = False, **options: Any):
        super().__init__(uri, wrap_exceptions=wrap_exceptions, **options)
        self._statements: dict[str, _Statements] = {}
        self._purged_at = 0.0

    @property
    def base_exceptions(self) -> tuple[type[Exception], ...]:
        return (SQLAlchemyError, *DRIVER_ERRORS)

    def _for(self, engine: Engine) -> _Statements:
        found = self._statements.get(engine.dialect.name)
        if found is None:
            found = self._statements[engine.dialect.name] = _Statements(engine.dialect)
        return found

    def incr(self, key: str, expiry: int, amount: int = 1) -> int:
        """Add `amount` to the key's window, starting one of `expiry` seconds if there is none."""
        engine = db.engine
        statements = self._for(engine)
        now = time.time()
        values = {"key": stored_key(key), "hits": amount, "expires_at": now + expiry, "now": now}
        writes = [(statements.upsert, values)]
        if now - self._purged_at > PURGE_EVERY:
            self._purged_at = now
            writes.insert(0, (statements.purge, {"now": now}))
        shared = request_write()
        if shared is not None:
            # The view began its write before its limits were counted: one transaction.
            hits, expires_at = execute(shared.connection, writes)
        else:
            hits, expires_at = write_alone(engine, writes)
        _remember(key, hits, expires_at)
        return hits

    def get(self, key: str) -> int:
        """Return the count of the key's current window (0 when none is open)."""
        return self._window(key)[0]

    def get_expiry(self, key: str) -> float:
        """Return when the key's window ends (now when none is open)."""
        return self._window(key)[1]

    def _window(self, key: str) -> tuple[int, float]:
        seen = _remembered(key)
        if seen is not None:
            return seen
        with db.engine.connect() as connection:
            row = connection.execute(READ, {"key": stored_key(key)}).one_or_none()
        now = time.time()
        window = (row.hits, row.expires_at) if row and row.expires_at > now else (0, now)
        _remember(key, *window)
        return window

    def check(self) -> bool:
        """Tell whether the database answers."""
        try:
            with db.engine.connect() as connection:
                connection.execute(text("SELECT 1"))
        except SQLAlchemyError:
            return False
        return True

    def reset(self) -> int | None:
        """Delete every counter; return how many there were."""
        engine = db.engine
        _forget()
        return write_alone(engine, [(self._for(engine).reset, {})])

    def clear(self, key: str) -> None:
        """Delete one key's counter."""
        engine = db.engine
        _forget()
        write_alone(engine, [(self._for(engine).clear, {"key": stored_key(key)})])


def _remember(key: str, hits: int, expires_at: float) -> None:
    """Keep a window's figures for the rest of the request.

    Flask-Limiter reads the count and the window's end again for the response's headers just
    after counting: within one request the figures it has just written are the ones to show.
    """
    if has_request_context():
        g.setdefault("quiz_rate_limits", {})[key] = (hits, expires_at)


def _forget() -> None:
    if has_request_context():
        g.pop("quiz_rate_limits", None)


def _remembered(key: str) -> tuple[int, float] | None:
    if not has_request_context():
        return None
    return g.get("quiz_rate_limits", {}).get(key)
