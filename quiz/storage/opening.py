"""Whether the app's database can be opened, and why not, in one line a person can act on.

Light on purpose: the `quiz` command checks its database URL before SQLAlchemy (or, for
`quiz export`, instead of it) reads the URL.
"""

from __future__ import annotations

import os
import re
from importlib.util import find_spec

from quiz.config import ConfigError

# The databases the app runs on: SQLite, and PostgreSQL through psycopg (3).
SQLITE_SCHEMES = ("sqlite", "sqlite+pysqlite")
POSTGRESQL_SCHEME = "postgresql+psycopg"
SUPPORTED = "sqlite:///path/to/quiz.sqlite3 or postgresql+psycopg://user@host/database"
NOT_SET_UP = "the database is not set up yet: run `quiz init` first"

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*)://")
_PASSWORD = re.compile(r"(://[^:/@]*:)[^@/]*@")


def shown(url: str) -> str:
    """Return a database URL as it may be printed: without its password."""
    return _PASSWORD.sub(r"\1***@", url)


def check_url(url: str) -> None:
    """Refuse a database URL the app cannot use, saying which ones it can (ConfigError)."""
    found = _SCHEME.match(url)
    if found is None:
        raise ConfigError(
            f"QUIZ_DATABASE_URL {shown(url)!r} is not a database URL: use {SUPPORTED}"
        )
    scheme = found[1]
    if scheme in SQLITE_SCHEMES:
        return
    if scheme == POSTGRESQL_SCHEME:
        if find_spec("psycopg") is None:
            raise ConfigError(
                "PostgreSQL needs the psycopg driver, which is not installed: "
                'pip install -e ".[postgres]"'
            )
        return
    if scheme == "postgresql" or scheme.startswith("postgresql+"):
        # Plain postgresql:// means psycopg2 to SQLAlchemy; the app speaks psycopg (3).
        raise ConfigError(
            f"{scheme}:// is not supported: write {POSTGRESQL_SCHEME}://user@host/database "
            "for PostgreSQL"
        )
    raise ConfigError(f"{scheme} databases are not supported: use {SUPPORTED}")


def unreadable(url: str, error: Exception) -> ConfigError:
    """Say that SQLAlchemy could not read a URL that looked like a supported one."""
    reason = one_line(error)
    return ConfigError(
        f"QUIZ_DATABASE_URL {shown(url)!r} cannot be read ({reason}): use {SUPPORTED}"
    )


def missing_folder(path: str) -> str | None:
    """Say that an SQLite file's folder does not exist, or return None when it does."""
    folder = os.path.dirname(os.path.abspath(path))
    if os.path.isdir(folder):
        return None
    return (
        f"the folder {folder} of the database file does not exist: create it, "
        "or set QUIZ_DATABASE_URL to a file in a folder that does"
    )


def cannot_open(error: BaseException) -> str:
    """Say in one line why the driver could not open the database."""
    # SQLAlchemy's errors wrap the driver's own (and add the statement and a link).
    original = getattr(error, "orig", None) or error
    reason = one_line(original)
    if reason == "unable to open database file":
        reason += " (check that its folder exists and that you may write to it)"
    return f"cannot open the database: {reason}"


def one_line(error: BaseException) -> str:
    """Return an error's message on one line (drivers spread theirs over several)."""
    lines = [line.strip() for line in str(error).splitlines() if line.strip()]
    return " ".join(lines) or type(error).__name__


def sqlite_file(url) -> str | None:
    """Return the file of an SQLAlchemy URL's SQLite database, or None (in memory, a server)."""
    if url.get_backend_name() != "sqlite":
        return None
    database = url.database
    if not database or database == ":memory:" or url.query.get("uri"):
        return None
    return database
