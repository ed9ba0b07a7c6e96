"""Consistent copies of a running SQLite database."""

from __future__ import annotations

import os
import sqlite3
from pathlib import Path

from sqlalchemy.engine import Engine


class BackupError(Exception):
    """A backup that cannot be made; the message says why and what to do."""


def sqlite_file(engine: Engine) -> Path:
    """Return the file of the engine's SQLite database, or refuse another kind of database."""
    url = engine.url
    if url.get_backend_name() != "sqlite":
        raise BackupError(
            f"`quiz backup` copies SQLite databases; this one is {url.get_backend_name()}: "
            "use that server's own tools (for PostgreSQL, pg_dump)"
        )
    if not url.database or url.database == ":memory:" or url.database.startswith("file::memory:"):
        raise BackupError("the database is in memory: there is no file to back up")
    path = Path(url.database)
    if not path.is_file():
        raise BackupError(f"the database file {path} does not exist: run `quiz init` first")
    return path


def backup_sqlite(source: Path, target: Path) -> None:
    """Copy a live SQLite database into a new file, check the copy, then put it in place."""
    target = Path(target)
    if target.exists():
        raise BackupError(f"{target} already exists: choose a new file name")
    if not target.parent.is_dir():
        raise BackupError(f"the folder {target.parent} does not exist")
    if target.resolve() == source.resolve():
        raise BackupError("the backup cannot be the database itself")
    partial = target.with_name(f".{target.name}.partial")
    try:
        # Created private up front: the copy holds nicknames and teachers' password hashes.
        partial.touch(mode=0o600, exist_ok=False)
        _copy(source, partial)
        _check(partial)
        # A rename, so the target is either absent or a complete, checked copy.
        os.replace(partial, target)
    except FileExistsError as exc:
        raise BackupError(f"{exc.filename} already exists: choose a new file name") from None
    except (OSError, sqlite3.Error) as exc:
        raise BackupError(f"the backup to {target} failed: {exc}") from None
    finally:
        partial.unlink(missing_ok=True)


def _copy(source: Path, target: Path) -> None:
    # The online backup API copies one consistent snapshot; in WAL mode the server's writers
    # carry on meanwhile.
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(target)
        try:
            src.backup(dst)
            # A self-contained file: no -wal beside it is needed to restore.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _check(path: Path) -> None:
    connection = sqlite3.connect(path)
    try:
        rows = [row[0] for row in connection.execute("PRAGMA integrity_check")]
    finally:
        connection.close()
    if rows != ["ok"]:
        raise BackupError("the copy failed its integrity check: " + "; ".join(rows[:5]))
