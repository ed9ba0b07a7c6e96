"""Seeding from files: `quiz seed PATH` and the same upload in the teacher pages."""

import io

from sqlalchemy import func, select

from quiz.storage.extensions import db
from quiz.storage.models import Article, Question
from tests.teach.conftest import post_form

ARTICLE = "Valentina Tereshkova flew into space in 1963.\nShe launched from Baikonur.\n"
FACTS = """[article]
slug = "tereshkova"
title = "Tereshkova"
file = "tereshkova.txt"

[[fact]]
key = "flight-year"
type = "year"
about = "Tereshkova's flight"
value = 1963
text = "1963"
event = "Valentina Tereshkova's flight into space"
claim = "Valentina Tereshkova flew into space in {value}."
sentence = "Valentina Tereshkova flew into space in 1963."
"""


def write(folder, facts=FACTS, article=ARTICLE):
    folder.mkdir(exist_ok=True)
    (folder / "tereshkova.toml").write_text(facts, encoding="utf-8")
    (folder / "tereshkova.txt").write_text(article, encoding="utf-8")
    return folder / "tereshkova.toml"


def articles(app):
    with app.app_context():
        return set(db.session.scalars(select(Article.slug)))


def test_quiz_seed_loads_an_article_into_the_shared_library(app, runner, tmp_path):
    path = write(tmp_path / "seed")
    result = runner.invoke(args=["seed", str(path)])
    assert result.exit_code == 0, result.output
    assert "Articles added: 1" in result.output
    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.slug == "tereshkova"))
        assert article.owner_id is None
        playable = db.session.scalar(
            select(func.count())
            .select_from(Question)
            .where(Question.article_id == article.id, Question.status == "active")
        )
        assert playable >= 2
    again = runner.invoke(args=["seed", str(path.parent)])
    assert again.exit_code == 0 and "questions added: 0" in again.output


def test_quiz_seed_reports_errors_with_file_and_line_and_writes_nothing(app, runner, tmp_path):
    bad = FACTS.replace("value = 1963", 'value = "soon"').replace(
        'sentence = "Valentina', 'sentence = "Not in the article. Valentina'
    )
    path = write(tmp_path / "seed", facts=bad)
    result = runner.invoke(args=["seed", str(path)])
    assert result.exit_code == 1
    assert "tereshkova.toml:" in result.output
    assert result.output.count("tereshkova.toml:") >= 2
    assert "Traceback" not in result.output
    assert "tereshkova" not in articles(app)


def test_quiz_seed_refuses_a_missing_path(runner, tmp_path):
    result = runner.invoke(args=["seed", str(tmp_path / "nope.toml")])
    assert result.exit_code == 2 and "does not exist" in result.output


def _files(facts=FACTS, article=ARTICLE, article_name="whatever.txt"):
    return {
        "facts": (io.BytesIO(facts.encode()), "tereshkova.toml"),
        "article": (io.BytesIO(article.encode()), article_name),
    }


def test_the_same_upload_works_in_the_teacher_pages(app, teacher_client):
    response = post_form(
        teacher_client, "/teach/seed", _files(), content_type="multipart/form-data"
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert "tereshkova" in articles(app)


def test_a_bad_upload_lists_every_problem_and_loads_nothing(app, teacher_client):
    bad = FACTS.replace("value = 1963", 'value = "soon"')
    response = post_form(
        teacher_client, "/teach/seed", _files(facts=bad), content_type="multipart/form-data"
    )
    assert response.status_code == 422
    body = response.get_data(as_text=True)
    assert "Nothing was loaded" in body and "tereshkova.toml:" in body
    assert "tereshkova" not in articles(app)


def test_an_upload_needs_both_files_of_the_right_type(app, teacher_client):
    response = post_form(
        teacher_client,
        "/teach/seed",
        {"facts": (io.BytesIO(b"x"), "facts.exe")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert ".toml" in response.get_data(as_text=True)
    response = post_form(
        teacher_client,
        "/teach/seed",
        {"facts": (io.BytesIO(FACTS.encode()), "f.toml")},
        content_type="multipart/form-data",
    )
    assert response.status_code == 422
    assert "tereshkova" not in articles(app)


def test_an_oversized_upload_is_413(app, teacher_client):
    # A raw body: the test client would otherwise spool a large form to a temporary file.
    body = b"--b\r\n" + b"x" * (2 * 1024 * 1024)
    response = teacher_client.post(
        "/teach/seed", data=body, content_type="multipart/form-data; boundary=b"
    )
    assert response.status_code == 413
    assert "larger than this server accepts" in response.get_data(as_text=True)


def test_seed_files_never_write_into_a_teachers_own_article(app, runner, tmp_path):
    from tests.teach.conftest import make_teacher

    owner = make_teacher(app, "owner")
    with app.app_context():
        db.session.add(Article(slug="tereshkova", title="Mine", body="Mine.", owner_id=owner))
        db.session.commit()
    result = runner.invoke(args=["seed", str(write(tmp_path / "seed"))])
    assert result.exit_code == 1
    assert "taken by an article outside the shared library" in result.output
    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.slug == "tereshkova"))
        assert article.title == "Mine" and article.facts == []
