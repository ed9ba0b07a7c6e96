"""Schema changes go only through Alembic: up from empty, down to base, matching the models."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from flask_migrate import downgrade, upgrade
from sqlalchemy import inspect

from quiz.paths import migrations_dir
from quiz.storage.extensions import db
from tests.conftest import on_postgresql


def test_upgrade_from_empty_to_head_and_down_to_base(empty_app):
    with empty_app.app_context():
        upgrade(directory=str(migrations_dir()))
        tables = set(inspect(db.engine).get_table_names())
        assert {"article", "fact", "question", "option", "round", "answer", "template"} <= tables
        downgrade(directory=str(migrations_dir()), revision="base")
        assert set(inspect(db.engine).get_table_names()) <= {"alembic_version"}
        upgrade(directory=str(migrations_dir()))
        assert "round" in inspect(db.engine).get_table_names()


def test_the_migrations_match_the_models(empty_app):
    with empty_app.app_context():
        upgrade(directory=str(migrations_dir()))
        with db.engine.connect() as connection:
            context = MigrationContext.configure(connection, opts={"render_as_batch": True})
            diff = compare_metadata(context, db.metadata)
        assert diff == []


@pytest.mark.skipif(
    on_postgresql(), reason="PRAGMAs and WAL are SQLite's; PostgreSQL always checks"
)
def test_foreign_keys_are_enforced(app):
    with app.app_context(), db.engine.connect() as connection:
        assert connection.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert connection.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
