"""The app's database opened with its driver alone, for commands that only read a little.

Importing SQLAlchemy and mapping the models takes longer than `quiz export` takes to read
an article's questions. This opens the database the app's URL names (QUIZ_DATABASE_URL, or
the SQLite file in the instance folder) straight with sqlite3 or psycopg, reading the URL
as SQLAlchemy and Flask-SQLAlchemy do: a relative SQLite path is relative to the instance
folder. A URL it does not read that way (another driver, or connection arguments in a query
string) is left to SQLAlchemy: open_plain() yields None for it.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

# How long an SQLite connection, the app's or this one, waits for a writer's lock before
# "database is locked".
BUSY_TIMEOUT_SECONDS = 10

# sqlite:///relative/path, sqlite:////absolute/path, sqlite:// (in memory); no query string.
SQLITE_URL = re.compile(r"sqlite(?:\+pysqlite)?://(?:/(?P<database>[^?]*))?")
POSTGRESQL_PREFIX = "postgresql+psycopg://"
IN_MEMORY = ("", ":memory:")


class NotSetUp(Exception):
    """The database does not exist yet, or `quiz init` has not made its tables."""


class CannotOpen(Exception):
    """The driver could not open the database (no server, no such database, no access)."""


@dataclass
class Plain:
    """An open driver connection, and how its statements mark their parameters (PEP 249)."""

    connection: Any
    paramstyle: str


def sqlite_path(url: str, instance_path: str) -> str | None:
    """Return the SQLite file (or ":memory:") a URL names, or None if it is not read here."""
    found = SQLITE_URL.fullmatch(url)
    if found is None:
        return None
    database = unquote(found["database"] or "")
    if database in IN_MEMORY:
        return ":memory:"
    return database if os.path.isabs(database) else os.path.join(instance_path, database)


def postgresql_conninfo(url: str) -> str | None:
    """Return the libpq URI of a postgresql+psycopg URL, or None for any other URL."""
    if not url.startswith(POSTGRESQL_PREFIX):
        return None
    # libpq reads the same user:password@host:port/database?parameters, percent-decoded.
    return "postgresql://" + url.removeprefix(POSTGRESQL_PREFIX)


@contextmanager
def open_plain(url: str, instance_path: str) -> Iterator[Plain | None]:
    """Yield the database opened with its driver, or None when the URL is left to SQLAlchemy.

    Raises NotSetUp for an SQLite file that does not exist (opening it would create it), and
    CannotOpen when the driver cannot open the database. The connection is closed at the end,
    with nothing written (PostgreSQL's transaction is rolled back).
    """
    path = sqlite_path(url, instance_path)
    conninfo = postgresql_conninfo(url)
    if path is not None:
        if path != ":memory:" and not os.path.isfile(path):
            raise NotSetUp(path)
        driver: Any = sqlite3
        try:
            connection: Any = sqlite3.connect(path, timeout=BUSY_TIMEOUT_SECONDS)
        except sqlite3.Error as exc:
            raise CannotOpen(str(exc)) from exc
    elif conninfo is not None:
        import psycopg

        driver = psycopg
        try:
            connection = psycopg.connect(conninfo)
        except psycopg.Error as exc:
            raise CannotOpen(str(exc)) from exc
    else:
        yield None
        return
    try:
        yield Plain(connection, driver.paramstyle)
    finally:
        connection.close()


def has_table(plain: Plain, name: str) -> bool:
    """Tell whether the database has a table of that name (in PostgreSQL's search path).

    Raises CannotOpen when the database cannot be read (a file that is not SQLite's).
    """
    errors: type[Exception]
    if isinstance(plain.connection, sqlite3.Connection):
        sql = "SELECT count(*) FROM sqlite_master WHERE type = 'table' AND name = ?"
        errors = sqlite3.Error
    else:
        import psycopg

        sql = "SELECT to_regclass(%s) IS NOT NULL"
        errors = psycopg.Error
    cursor = plain.connection.cursor()
    try:
        cursor.execute(sql, (name,))
        return bool(cursor.fetchone()[0])
    except errors as exc:
        raise CannotOpen(str(exc)) from exc
    finally:
        cursor.close()
