"""Teachers import and export question files, and manage API tokens, in the browser."""

import io

import pytest
from sqlalchemy import func, select

from quiz.storage.extensions import db
from quiz.storage.models import ApiToken, Article, Question
from tests.teach.conftest import post_form

GIFT = """// A Moodle export
::Gagarin::In which year did Yuri Gagarin fly?{=1961 ~1957 ~1969}

::Satellite::The first artificial satellite was launched in 1957.{T}
"""


def _upload(data: bytes, name="bank.gift"):
    return (io.BytesIO(data), name)


def _import(client, fields):
    return post_form(client, "/teach/questions/import", fields, content_type="multipart/form-data")


def test_a_gift_file_becomes_a_playable_question_bank(app, teacher_client, teacher):
    response = _import(
        teacher_client,
        {"upload": _upload(GIFT.encode()), "format": "gift", "article": "0", "title": "Space race"},
    )
    assert response.status_code == 200, response.get_data(as_text=True)
    body = response.get_data(as_text=True)
    assert "2 added" in body and "Space race" in body
    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.title == "Space race"))
        assert article.owner_id == teacher
        assert (
            len(db.session.scalars(select(Question).where(Question.article_id == article.id)).all())
            == 2
        )
    again = _import(
        teacher_client,
        {"upload": _upload(GIFT.encode()), "format": "gift", "article": str(article.id)},
    )
    assert "0 added, 2 already there" in again.get_data(as_text=True)


@pytest.mark.parametrize(
    "fields,message",
    [
        (
            {"upload": _upload(b"::Broken::Who? {=A ~B"), "format": "gift", "title": "Bank"},
            "line 1",
        ),
        ({"format": "gift", "title": "Bank"}, "Choose a file"),
        (
            {"upload": _upload(GIFT.encode()), "format": "gift", "title": ""},
            "Give the new question bank a title",
        ),
        (
            {"upload": _upload(GIFT.encode(), "bank.exe"), "format": "gift", "title": "Bank"},
            ".gift",
        ),
        (
            {"upload": _upload(GIFT.encode()), "format": "docx", "title": "Bank"},
            "Not a valid choice",
        ),
        ({"upload": _upload(b"\xff\xfe\x00bad"), "format": "gift", "title": "Bank"}, "UTF-8"),
    ],
)
def test_bad_imports_say_why_and_write_nothing(app, teacher_client, fields, message):
    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(Question))
    response = _import(teacher_client, {"article": "0", **fields})
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Question)) == before
        assert db.session.scalar(select(Article).where(Article.title == "Bank")) is None


def test_importing_into_another_teachers_article_is_refused(app, teacher_client):
    from tests.teach.conftest import make_teacher

    other = make_teacher(app, "other")
    with app.app_context():
        article = Article(slug="theirs", title="Theirs", body="", owner_id=other)
        db.session.add(article)
        db.session.commit()
        article_id = article.id
    response = _import(
        teacher_client,
        {"upload": _upload(GIFT.encode()), "format": "gift", "article": str(article_id)},
    )
    assert response.status_code == 422
    with app.app_context():
        assert (
            db.session.scalar(
                select(func.count()).select_from(Question).where(Question.article_id == article_id)
            )
            == 0
        )


@pytest.mark.parametrize(
    "fmt,mimetype,marker",
    [
        ("gift", "text/plain", "{"),
        ("aiken", "text/plain", "ANSWER:"),
        ("csv", "text/csv", ","),
        ("opentdb", "application/json", "response_code"),
    ],
)
def test_an_article_exports_in_every_format(app, teacher_client, fmt, mimetype, marker):
    with app.app_context():
        article_id = db.session.scalar(select(Article.id).where(Article.slug == "baikonur"))
    response = teacher_client.get(f"/teach/articles/{article_id}/export/{fmt}")
    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert "attachment" in response.headers["Content-Disposition"]
    assert marker in response.get_data(as_text=True)
    assert teacher_client.get(f"/teach/articles/{article_id}/export/docx").status_code == 404


def test_a_token_is_shown_once_works_and_can_be_revoked(app, teacher_client):
    response = post_form(teacher_client, "/teach/tokens", {"name": "trivia app"})
    body = response.get_data(as_text=True)
    token = body.split('<code class="token">')[1].split("</code>")[0]
    assert token.startswith("qt_")
    assert token not in teacher_client.get("/teach/tokens").get_data(as_text=True)
    api = app.test_client()
    headers = {"Authorization": f"Bearer {token}"}
    assert api.get("/api/v1/opentdb/api.php?amount=1", headers=headers).status_code == 200
    with app.app_context():
        token_id = db.session.scalar(select(ApiToken.id))
    revoke = post_form(teacher_client, f"/teach/tokens/{token_id}/revoke", page_url="/teach/tokens")
    assert revoke.status_code == 302
    assert api.get("/api/v1/opentdb/api.php?amount=1", headers=headers).status_code == 401


def test_a_token_needs_a_name(app, teacher_client):
    response = post_form(teacher_client, "/teach/tokens", {"name": " "})
    assert response.status_code == 422
    with app.app_context():
        assert db.session.scalar(select(ApiToken)) is None


@pytest.mark.parametrize(
    "data,name,message",
    [
        # A sheet uploaded as GIFT: read as one description, which is no question.
        (b"Question,Answer 1,Answer 2\nWho flew first?,Gagarin,Titov\n", "bank.csv", "line 1"),
        (b"", "bank.gift", "bank.gift: the file is empty."),
        (b"// a comment and nothing else\n", "bank.gift", "bank.gift: the file is empty."),
    ],
)
def test_a_file_with_no_question_in_it_is_refused_and_makes_no_bank(
    app, teacher_client, data, name, message
):
    response = _import(
        teacher_client,
        {"upload": _upload(data, name), "format": "gift", "article": "0", "title": "Empty bank"},
    )
    body = response.get_data(as_text=True)
    assert response.status_code == 422, body
    assert message in body and "added" not in body
    with app.app_context():
        assert db.session.scalar(select(Article).where(Article.title == "Empty bank")) is None
