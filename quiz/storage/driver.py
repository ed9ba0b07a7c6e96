"""Statements compiled once and run straight on the database driver, for the hottest paths.

SQLAlchemy's execution machinery costs as much as a small statement itself; a request that
every student makes before every answer (or a rate-limit counter, counted on each answer)
runs a few fixed statements, compiled here once per dialect and sent to a pooled driver
connection. Writes keep the rules every write of the app follows: on SQLite they queue
behind the other writers and BEGIN IMMEDIATE (quiz.storage.writers).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any, Generic, TypeVar

from sqlalchemy.engine import Dialect, Engine

from quiz.storage import writers
from quiz.storage.extensions import BUSY_TIMEOUT_SECONDS

# Raised by the drivers themselves, since the statements run straight on them.
DRIVER_ERRORS: tuple[type[Exception], ...] = (sqlite3.Error,)
# A constraint refused a write.
INTEGRITY_ERRORS: tuple[type[Exception], ...] = (sqlite3.IntegrityError,)
try:
    import psycopg
except ImportError:  # PostgreSQL support is an optional extra
    pass
else:
    DRIVER_ERRORS += (psycopg.Error,)
    INTEGRITY_ERRORS += (psycopg.IntegrityError,)

Statements = TypeVar("Statements")


class Compiled:
    """A statement compiled once for a dialect, to run straight on the driver's connection."""

    def __init__(self, statement, dialect):
        compiled = statement.compile(dialect=dialect)
        self.sql = compiled.string
        self.positions = compiled.positiontup  # None where the driver takes named parameters
        # The columns' own conversions (a timezone-aware datetime stored as naive UTC text on
        # SQLite, for one), so that what is stored is what SQLAlchemy would store.
        self.processors = {
            name: processor
            for name, bind in compiled.binds.items()
            if (processor := bind.type.bind_processor(dialect)) is not None
        }

        # The values written into the statement itself (the 1 of `answered + 1`).
        self.defaults = {
            name: bind.effective_value for name, bind in compiled.binds.items() if not bind.required
        }
        # What the rows hold is converted as the columns' types say (a datetime stored as text,
        # a boolean as 0 or 1 on SQLite), as SQLAlchemy would hand it back; the conversions
        # are worked out from the driver's description of the first rows, then kept.
        self.dialect = dialect
        self.columns = list(statement.exported_columns)
        self.results: list | None = None

    def params(self, values: dict[str, Any]):
        """Return the values converted, in the form the driver takes them."""
        if self.defaults:
            values = {**self.defaults, **values}
        if self.processors:
            values = {
                name: (self.processors[name](value) if name in self.processors else value)
                for name, value in values.items()
            }
        if self.positions is None:
            return values
        return [values[name] for name in self.positions]

    def rows(self, fetched: list[tuple], description) -> list[tuple]:
        """Return rows the driver fetched with each column converted as its type says."""
        if self.results is None:
            self.results = [
                column.type.dialect_impl(self.dialect).result_processor(self.dialect, described[1])
                for column, described in zip(self.columns, description, strict=True)
            ]
        if not any(self.results):
            return fetched
        return [
            tuple(
                value if convert is None or value is None else convert(value)
                for convert, value in zip(self.results, row, strict=True)
            )
            for row in fetched
        ]


class PerDialect(Generic[Statements]):
    """A set of statements compiled once per dialect, when first needed."""

    def __init__(self, make: Callable[[Dialect], Statements]):
        self._make = make
        self._made: dict[str, Statements] = {}

    def __call__(self, dialect: Dialect) -> Statements:
        made = self._made.get(dialect.name)
        if made is None:
            made = self._made[dialect.name] = self._make(dialect)
        return made


def read(pooled, compiled: Compiled, values: dict[str, Any]) -> list[tuple]:
    """Run a query on a pooled driver connection; return its rows as tuples, converted."""
    cursor = pooled.cursor()
    try:
        cursor.execute(compiled.sql, compiled.params(values))
        return compiled.rows(cursor.fetchall(), cursor.description)
    finally:
        cursor.close()


def execute(pooled, writes: list[tuple[Compiled, dict]]):
    """Run statements in the transaction already open on a pooled driver connection.

    Returns the last statement's row, or how many rows it changed.
    """
    cursor = pooled.cursor()
    try:
        for compiled, values in writes:
            cursor.execute(compiled.sql, compiled.params(values))
        return cursor.fetchone() if cursor.description else cursor.rowcount
    finally:
        cursor.close()


def write(engine: Engine, pooled, writes: list[tuple[Compiled, dict]]):
    """Run statements in one short write transaction on a pooled driver connection.

    On SQLite it waits behind the writer queue, as every write of the app does, and begins
    IMMEDIATE; a single statement is its own transaction there and needs no BEGIN or COMMIT,
    two calls on the driver fewer while the queue waits (during each, other threads may take
    the interpreter). The queue is left when the connection goes back to the pool.
    Committed, or rolled back if a statement fails. Returns the last statement's row, or
    how many rows it changed.
    """
    cursor = pooled.cursor()
    try:
        try:
            if engine.dialect.name == "sqlite":
                writers.wait_turn(engine.url, pooled.info, BUSY_TIMEOUT_SECONDS)
                if len(writes) > 1:
                    cursor.execute("BEGIN IMMEDIATE")
            for compiled, values in writes:
                cursor.execute(compiled.sql, compiled.params(values))
            result = cursor.fetchone() if cursor.description else cursor.rowcount
        finally:
            cursor.close()
        pooled.commit()
    except BaseException:
        pooled.rollback()
        raise
    return result


def write_alone(engine: Engine, writes: list[tuple[Compiled, dict]]):
    """Run statements in one short write transaction on a pooled connection of their own."""
    pooled = engine.raw_connection()
    try:
        return write(engine, pooled, writes)
    finally:
        pooled.close()
