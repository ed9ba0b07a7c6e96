"""`quiz backup PATH`: a consistent, checked copy of the live SQLite database that restores."""

import sqlite3
import threading

import pytest
from sqlalchemy import func, select

from quiz import create_app
from quiz.rounds import scoring
from quiz.storage.extensions import db
from quiz.storage.models import Answer, Article, Round
from tests.conftest import on_postgresql

sqlite_only = pytest.mark.skipif(on_postgresql(), reason="`quiz backup` copies SQLite files only")


def play_rounds(app, count):
    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.slug == "baikonur"))
        for n in range(count):
            round_, _ = scoring.start_round(article, f"p{n}", 3)
            item = round_.items[0]
            scoring.record_answer(round_.id, item.question_id, item.question.answer)
        db.session.remove()


@sqlite_only
def test_backup_while_answers_are_written_is_complete_checked_and_restores(app, runner, tmp_path):
    play_rounds(app, 3)
    writer = threading.Thread(target=play_rounds, args=(app, 20))
    writer.start()
    target = tmp_path / "copy.sqlite3"
    result = runner.invoke(args=["backup", str(target)])
    writer.join()
    assert result.exit_code == 0, result.output
    assert "integrity check: ok" in result.output
    with sqlite3.connect(target) as copy:
        assert copy.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        rounds = copy.execute("SELECT count(*) FROM round").fetchone()[0]
    assert 3 <= rounds <= 23
    assert not (tmp_path / "copy.sqlite3-wal").exists()

    restored = create_app(
        {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{target}", "SECRET_KEY": "t", "TESTING": True}
    )
    with restored.app_context():
        assert db.session.scalar(select(func.count()).select_from(Round)) == rounds
        # One consistent moment: every round's running total matches its stored answers.
        for round_ in db.session.scalars(select(Round)):
            stored = db.session.scalar(select(func.count()).where(Answer.round_id == round_.id))
            assert round_.answered == stored
        db.engine.dispose()
    response = restored.test_client().get("/api/v1/articles")
    assert response.get_json()["articles"][0]["slug"] == "baikonur"


@sqlite_only
def test_backup_never_overwrites_an_existing_file(runner, tmp_path):
    target = tmp_path / "exists.sqlite3"
    target.write_text("keep me")
    result = runner.invoke(args=["backup", str(target)])
    assert result.exit_code == 1
    assert "already exists" in result.output
    assert target.read_text() == "keep me"


@sqlite_only
def test_backup_into_a_missing_folder_says_so(runner, tmp_path):
    result = runner.invoke(args=["backup", str(tmp_path / "nowhere" / "copy.sqlite3")])
    assert result.exit_code == 1
    assert "does not exist" in result.output
    assert not (tmp_path / "nowhere").exists()


@sqlite_only
def test_backup_onto_a_folder_is_refused(runner, tmp_path):
    result = runner.invoke(args=["backup", str(tmp_path)])
    assert result.exit_code == 2
    assert "is a directory" in result.output


@sqlite_only
def test_backup_onto_the_database_itself_is_refused(runner, db_path):
    before = db_path.read_bytes()
    result = runner.invoke(args=["backup", str(db_path)])
    assert result.exit_code == 1
    assert db_path.read_bytes() == before


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("postgresql+psycopg://quiz@127.0.0.1:1/quiz", "pg_dump"),
        ("sqlite://", "in memory"),
    ],
)
def test_backup_of_a_database_that_is_not_a_sqlite_file_is_refused(tmp_path, url, message):
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "t", "TESTING": True})
    result = app.test_cli_runner().invoke(args=["backup", str(tmp_path / "copy.sqlite3")])
    assert result.exit_code == 1
    assert message in result.output
    assert not (tmp_path / "copy.sqlite3").exists()


@sqlite_only
def test_backup_before_init_says_to_run_init(empty_app, tmp_path):
    result = empty_app.test_cli_runner().invoke(args=["backup", str(tmp_path / "copy.sqlite3")])
    assert result.exit_code == 1
    assert "quiz init" in result.output
