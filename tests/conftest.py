"""Fixtures: an app on a fresh file database per test, its client and CLI runner."""

import sqlite3

import pytest

from quiz import create_app
from quiz.extensions import db

from .builders import Builder


def _app(path, **config):
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{path}",
            "QUIZ_TIMEZONE": "UTC",
            **config,
        }
    )


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory):
    """Build a database with `quiz init` once; tests get copies of it."""
    folder = tmp_path_factory.mktemp("template")
    path = folder / "seeded.sqlite3"
    app = _app(path)
    app.instance_path = str(folder / "instance")
    result = app.test_cli_runner().invoke(args=["init"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        db.engine.dispose()
    return path


def _copy_sqlite(source, target):
    # The online backup API copies a consistent database, WAL included.
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


@pytest.fixture
def db_path(tmp_path, seeded_db):
    path = tmp_path / "quiz.sqlite3"
    _copy_sqlite(seeded_db, path)
    return path


@pytest.fixture
def app(db_path, tmp_path):
    app = _app(db_path)
    app.instance_path = str(tmp_path / "instance")
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def empty_app(tmp_path):
    """An app whose database does not exist yet."""
    app = _app(tmp_path / "empty.sqlite3")
    app.instance_path = str(tmp_path / "instance")
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture
def client(app):
    return app.test_client()


@pytest.fixture
def runner(app):
    return app.test_cli_runner()


@pytest.fixture
def ctx(app):
    with app.app_context():
        yield


@pytest.fixture
def build(ctx):
    """Make articles and questions with keyword defaults."""
    return Builder()
