"""Fixtures: an app on a fresh file database per test, its client and CLI runner."""

import os
import sqlite3
from pathlib import Path

import pytest

from quiz import create_app
from quiz.live import broker
from quiz.storage.extensions import db
from tests.builders import Builder

# Set to a PostgreSQL URL to run the whole suite there: each test gets its own database.
TEST_DATABASE_URL = os.environ.get("QUIZ_TEST_DATABASE_URL")


def on_postgresql() -> bool:
    """Tell whether this run builds its databases on PostgreSQL (QUIZ_TEST_DATABASE_URL)."""
    return bool(TEST_DATABASE_URL)


def pytest_configure(config):
    if on_postgresql():
        # Each test's database is dropped WITH (FORCE); a psycopg connection a server thread
        # still held is then closed by the garbage collector, which warns from __del__.
        config.addinivalue_line(
            "filterwarnings",
            "ignore:Exception ignored in.*BaseConnection.__del__"
            ":pytest.PytestUnraisableExceptionWarning",
        )


# Tests under these folders carry the marker of the same name, so `make check` can leave
# them out (-m "not browser and not load and not slow").
FOLDER_MARKERS = {"browser": "browser", "load": "load"}
TESTS = Path(__file__).resolve().parent


def pytest_collection_modifyitems(config, items):
    for item in items:
        path = Path(item.path).resolve()
        folder = path.relative_to(TESTS).parts[0] if path.is_relative_to(TESTS) else None
        if folder in FOLDER_MARKERS:
            item.add_marker(FOLDER_MARKERS[folder])


@pytest.fixture(autouse=True, scope="session")
def cheap_password_hashes():
    """Hash passwords with argon2id at its lowest cost: tests check the hash, not its cost.

    A hash carries its own parameters, so every hash made here still verifies and none is
    taken for outdated; `quiz` run as a subprocess keeps the real cost.
    """
    from argon2 import PasswordHasher

    from quiz.accounts import auth

    real = auth._hasher
    auth._hasher = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)
    yield
    auth._hasher = real


def _app(path, **config):
    text = str(path)
    return create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "test-secret",
            "SQLALCHEMY_DATABASE_URI": text if "://" in text else f"sqlite:///{text}",
            "QUIZ_TIMEZONE": "UTC",
            **config,
        }
    )


@pytest.fixture(scope="session")
def postgres():
    """The PostgreSQL server of QUIZ_TEST_DATABASE_URL, or None on SQLite."""
    if not on_postgresql():
        return None
    from tests.databases import PostgresServer

    return PostgresServer(TEST_DATABASE_URL)


@pytest.fixture(scope="session")
def seeded_db(tmp_path_factory, postgres):
    """Build a database with `quiz init` once; tests get copies of it."""
    folder = tmp_path_factory.mktemp("template")
    path = postgres.create("template") if postgres else folder / "seeded.sqlite3"
    app = _app(path)
    app.instance_path = str(folder / "instance")
    result = app.test_cli_runner().invoke(args=["init"])
    assert result.exit_code == 0, result.output
    with app.app_context():
        db.engine.dispose()
    yield path
    if postgres:
        postgres.drop(path)


def _copy_sqlite(source, target):
    # The online backup API copies a consistent database, WAL included.
    with sqlite3.connect(source) as src, sqlite3.connect(target) as dst:
        src.backup(dst)


@pytest.fixture
def db_path(tmp_path, seeded_db, postgres):
    if postgres:
        # On PostgreSQL, the URL of a fresh copy of the template database.
        url = postgres.create("test", template=seeded_db)
        yield url
        postgres.drop(url)
        return
    path = tmp_path / "quiz.sqlite3"
    _copy_sqlite(seeded_db, path)
    yield path


@pytest.fixture
def app(db_path, tmp_path):
    app = _app(db_path)
    app.instance_path = str(tmp_path / "instance")
    yield app
    # Its live-game listener threads end before its database goes.
    broker.stop_hub(app)
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


@pytest.fixture
def empty_app(tmp_path, postgres):
    """An app whose database does not exist yet."""
    app = _app(postgres.create("empty") if postgres else tmp_path / "empty.sqlite3")
    app.instance_path = str(tmp_path / "instance")
    yield app
    with app.app_context():
        db.engine.dispose()
    if postgres:
        postgres.drop(app.config["SQLALCHEMY_DATABASE_URI"])


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
