"""Exports read with plain SQL (quiz.authoring.exported) write what the models' read wrote.

The fixtures' database is SQLite, or PostgreSQL when QUIZ_TEST_DATABASE_URL names one;
tests/storage/test_postgres.py runs the same comparison on a PostgreSQL server that answers.
"""

import pytest

from quiz.authoring import exported
from quiz.authoring.exchange import FORMATS, export_file
from tests.exports import add_every_kind, orm_export


@pytest.fixture
def every_kind(app):
    """The seed article, with imported questions of every kind and some unplayable ones."""
    with app.app_context():
        add_every_kind("baikonur")
    return "baikonur"


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_command_writes_what_the_models_read_writes(app, runner, every_kind, tmp_path, fmt):
    target = tmp_path / f"export.{fmt}"
    args = ["export", "--format", fmt, "--article", every_kind, "--output", str(target)]
    result = runner.invoke(args=args)
    assert result.exit_code == 0, result.output
    with app.app_context():
        data, left_out = orm_export(every_kind, fmt)
    assert target.read_bytes() == data
    assert result.stderr.splitlines() == [
        f"left out {prompt[:60]!r}: {reason}" for prompt, reason in left_out
    ]


@pytest.mark.parametrize("fmt", FORMATS)
def test_the_download_writes_what_the_models_read_writes(app, every_kind, fmt):
    from sqlalchemy import select

    from quiz.storage.extensions import db
    from quiz.storage.models import Article

    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.slug == every_kind))
        assert export_file(article, fmt) == orm_export(every_kind, fmt)


def test_the_read_leaves_out_unplayable_and_order_questions_and_keeps_every_field(app, every_kind):
    with app.app_context():
        items = exported.read_in_session(every_kind)
    assert items is not None
    prompts = [item.prompt for item in items]
    assert "A question without options?" in prompts
    assert not {"A retired question?", "A proposed question?", "A rejected question?"} & {*prompts}
    assert {item.kind for item in items} >= {"year", "true_false", "cloze", "choice", "short"}
    assert "order" not in {item.kind for item in items}
    part = next(item for item in items if item.prompt == "Part?")
    assert [(o.text, o.correct) for o in part.options] == [("a", True), ("b", False), ("c", False)]
    assert isinstance(part.options[0].correct, bool) and isinstance(part.data, dict)
    trivia = next(item for item in items if item.prompt == "Who flew second?")
    assert (trivia.category, trivia.difficulty) == ("Космос", "hard")


def test_an_article_without_playable_questions_reads_empty_and_an_unknown_one_as_none(ctx, build):
    article = build.article(slug="empty-bank")
    build.question(article, status="proposed")
    assert exported.read_in_session("empty-bank") == []
    assert exported.read_in_session("no-such-bank") is None


@pytest.mark.parametrize("paramstyle", ["named", "pyformat-dict"])
def test_a_paramstyle_without_markers_is_refused(paramstyle):
    with pytest.raises(ValueError, match="paramstyle"):
        exported.statement(paramstyle)


def test_each_paramstyle_marks_three_parameters():
    assert exported.statement("qmark").count("?") == 3
    assert exported.statement("pyformat").count("%s") == 3
    assert [m in exported.statement("numeric") for m in (":1", ":2", ":3")] == [True] * 3
