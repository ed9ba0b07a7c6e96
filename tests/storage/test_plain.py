"""The database URL read as SQLAlchemy and Flask-SQLAlchemy read it, without them."""

import os
import sqlite3

import pytest

from quiz.storage import plain

INSTANCE = os.path.abspath("instance")


@pytest.mark.parametrize(
    "url,path",
    [
        ("sqlite:////srv/quiz/quiz.sqlite3", "/srv/quiz/quiz.sqlite3"),
        ("sqlite+pysqlite:////srv/quiz.db", "/srv/quiz.db"),
        # Relative to the instance folder, as Flask-SQLAlchemy has it.
        ("sqlite:///quiz.sqlite3", os.path.join(INSTANCE, "quiz.sqlite3")),
        ("sqlite:///data/my%20quiz.db", os.path.join(INSTANCE, "data/my quiz.db")),
        ("sqlite://", ":memory:"),
        ("sqlite:///:memory:", ":memory:"),
    ],
)
def test_an_sqlite_url_names_its_file(url, path):
    assert plain.sqlite_path(url, INSTANCE) == path


@pytest.mark.parametrize(
    "url",
    [
        "sqlite:///quiz.sqlite3?timeout=5",
        "sqlite:///file:quiz.db?mode=ro&uri=true",
        "sqlite+aiosqlite:///quiz.db",
        "postgresql+psycopg://u@h/d",
        "postgresql+psycopg2://u@h/d",
    ],
)
def test_other_urls_are_not_read_as_an_sqlite_file(url):
    assert plain.sqlite_path(url, INSTANCE) is None


def test_a_psycopg_url_is_a_libpq_uri_and_no_other_is():
    url = "postgresql+psycopg://quiz:p%40ss@db.local:5433/quiz?sslmode=require"
    assert plain.postgresql_conninfo(url) == (
        "postgresql://quiz:p%40ss@db.local:5433/quiz?sslmode=require"
    )
    assert plain.postgresql_conninfo("postgresql://u@h/d") is None
    assert plain.postgresql_conninfo("postgresql+psycopg2://u@h/d") is None


def test_other_urls_are_left_to_sqlalchemy():
    with plain.open_plain("postgresql+psycopg2://u@h/d", INSTANCE) as opened:
        assert opened is None


def test_a_missing_file_is_not_set_up_and_not_created(tmp_path):
    with pytest.raises(plain.NotSetUp), plain.open_plain("sqlite:///none.db", str(tmp_path)):
        pass
    assert list(tmp_path.iterdir()) == []


def test_an_sqlite_file_opens_with_its_tables(tmp_path):
    with sqlite3.connect(tmp_path / "quiz.db") as made:
        made.execute("CREATE TABLE article (id INTEGER PRIMARY KEY)")
    made.close()
    with plain.open_plain("sqlite:///quiz.db", str(tmp_path)) as opened:
        assert opened is not None and opened.paramstyle == "qmark"
        assert plain.has_table(opened, "article")
        assert not plain.has_table(opened, "question")
    with pytest.raises(sqlite3.ProgrammingError):  # closed at the end
        opened.connection.execute("SELECT 1")
