"""The scale-out path: the same schema and scoring on PostgreSQL, when a server answers."""

import os
import secrets

import pytest

from quiz import create_app
from quiz.authoring.exchange import FORMATS, export_file
from quiz.rounds import scoring
from quiz.storage.extensions import db
from quiz.storage.models import Answer, Article, Round
from tests.concurrency import race_answers
from tests.exports import add_every_kind, orm_export

psycopg = pytest.importorskip("psycopg", reason="psycopg is not installed")

ADMIN_URL = os.environ.get("QUIZ_TEST_POSTGRES", "postgresql://postgres@127.0.0.1:5432/test")


def _admin():
    try:
        return psycopg.connect(ADMIN_URL, autocommit=True, connect_timeout=3)
    except psycopg.OperationalError as exc:
        pytest.skip(f"PostgreSQL does not answer at {ADMIN_URL}: PostgreSQL tests skipped ({exc})")


@pytest.fixture(scope="module")
def pg_url():
    name = f"quiz_test_{secrets.token_hex(4)}"
    with _admin() as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base = ADMIN_URL.rsplit("/", 1)[0].replace("postgresql://", "postgresql+psycopg://")
    yield f"{base}/{name}"
    with _admin() as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


@pytest.fixture(scope="module")
def pg_app(pg_url, tmp_path_factory):
    app = create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": pg_url, "SECRET_KEY": "t"})
    app.instance_path = str(tmp_path_factory.mktemp("pg-instance"))
    result = app.test_cli_runner().invoke(args=["init"])
    assert result.exit_code == 0, result.output
    yield app
    with app.app_context():
        db.session.remove()
        db.engine.dispose()


def test_init_on_postgresql_loads_the_seed_and_is_idempotent(pg_app):
    result = pg_app.test_cli_runner().invoke(args=["init"])
    assert result.exit_code == 0 and "questions added: 0" in result.output
    response = pg_app.test_client().get("/api/v1/articles")
    seed = next(a for a in response.get_json()["articles"] if a["slug"] == "baikonur")
    assert seed["question_count"] >= 25


def test_concurrent_double_answers_count_once_on_postgresql(pg_app):
    with pg_app.app_context():
        article = db.session.scalar(db.select(Article).where(Article.slug == "baikonur"))
        round_, _ = scoring.start_round(article, "Ada", 2)
        round_id = round_.id
        question = round_.items[0].question
        qid, pick = question.id, question.answer
    outcomes = race_answers(pg_app, round_id, qid, pick, threads=6)
    assert outcomes == ["conflict"] * 5 + ["ok"]
    with pg_app.app_context():
        assert db.session.get(Round, round_id).answered == 1
        assert db.session.query(Answer).filter_by(round_id=round_id).count() == 1


@pytest.mark.parametrize("fmt", FORMATS)
def test_export_on_postgresql_writes_what_the_models_read_writes(pg_app, tmp_path, fmt):
    with pg_app.app_context():
        if db.session.scalar(db.select(Article.id).where(Article.slug == "export-bank")) is None:
            add_every_kind("export-bank")
    for slug in ("baikonur", "export-bank"):
        target = tmp_path / f"{slug}.{fmt}"
        args = ["export", "--format", fmt, "--article", slug, "--output", str(target)]
        result = pg_app.test_cli_runner().invoke(args=args)
        assert result.exit_code == 0, result.output
        with pg_app.app_context():
            data, left_out = orm_export(slug, fmt)
            article = db.session.scalar(db.select(Article).where(Article.slug == slug))
            assert export_file(article, fmt) == (data, left_out)
        assert target.read_bytes() == data
        assert result.stderr.splitlines() == [
            f"left out {prompt[:60]!r}: {reason}" for prompt, reason in left_out
        ]
