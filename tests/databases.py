"""Per-test PostgreSQL databases, copied from a template that `quiz init` built once."""

from __future__ import annotations

import secrets

from sqlalchemy.engine import make_url


class PostgresServer:
    """Create and drop throwaway databases on the server that QUIZ_TEST_DATABASE_URL names."""

    def __init__(self, url: str):
        import psycopg

        self._psycopg = psycopg
        parsed = make_url(url)
        # The admin connection speaks plain libpq; the app gets the SQLAlchemy psycopg 3 driver.
        self.admin_url = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
        self.app_url = parsed.set(drivername="postgresql+psycopg")
        self.prefix = f"quiz_test_{secrets.token_hex(3)}"

    def _execute(self, sql: str) -> None:
        with self._psycopg.connect(self.admin_url, autocommit=True, connect_timeout=5) as admin:
            admin.execute(sql)

    def create(self, label: str, template: str | None = None) -> str:
        """Create an empty database, or a copy of the template database at that URL."""
        name = f"{self.prefix}_{label}_{secrets.token_hex(4)}"
        # FILE_COPY copies a small template much faster than the default WAL_LOG strategy.
        copy = f' TEMPLATE "{make_url(template).database}" STRATEGY FILE_COPY' if template else ""
        self._execute(f'CREATE DATABASE "{name}"{copy}')
        return self.url_of(name)

    def url_of(self, name: str) -> str:
        """Return the SQLAlchemy URL of one of the server's databases."""
        return self.app_url.set(database=name).render_as_string(hide_password=False)

    def drop(self, url: str) -> None:
        """Drop a database made by create(), ending any connection still open to it."""
        name = make_url(url).database
        self._execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
