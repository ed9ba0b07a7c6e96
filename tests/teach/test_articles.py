"""Teachers create, edit and delete articles in the browser, and review what is proposed."""

import io

import pytest
from sqlalchemy import func, select

from quiz.storage.extensions import db
from quiz.storage.models import Article, Question
from tests.teach.conftest import post_form

NEWS = (
    "Sputnik 1 was launched on 4 October 1957 from Baikonur.\n\n"
    "The satellite weighed 83.6 kilograms and orbited the Earth for three weeks.\n\n"
    "In 1961, Yuri Gagarin became the first person to fly into space."
)


def create(client, **fields):
    return post_form(
        client,
        "/teach/articles/new",
        {"title": "Sputnik", **fields},
        content_type="multipart/form-data",
    )


def only(app, title="Sputnik") -> Article:
    with app.app_context():
        return db.session.scalar(select(Article).where(Article.title == title))


def test_pasting_an_article_proposes_questions_for_review(app, teacher_client, teacher):
    response = create(teacher_client, text=NEWS)
    assert response.status_code == 302, response.get_data(as_text=True)
    article = only(app)
    assert article.owner_id == teacher
    with app.app_context():
        statuses = set(
            db.session.scalars(select(Question.status).where(Question.article_id == article.id))
        )
    assert statuses == {"proposed"}
    review = teacher_client.get(f"/teach/articles/{article.id}/review").get_data(as_text=True)
    assert "Sputnik 1 was launched on 4 October 1957 from Baikonur." in review

    approved = post_form(
        teacher_client,
        f"/teach/articles/{article.id}/review",
        {"action": "approve", "all": "1"},
    )
    assert approved.status_code == 302
    with app.app_context():
        assert set(
            db.session.scalars(select(Question.status).where(Question.article_id == article.id))
        ) == {"active"}
    # Now students can play it.
    assert "Sputnik" in app.test_client().get("/").get_data(as_text=True)


def test_rejecting_some_questions_keeps_them_out_after_an_edit(app, teacher_client):
    create(teacher_client, text=NEWS)
    article = only(app)
    with app.app_context():
        first = db.session.scalars(
            select(Question.id).where(Question.article_id == article.id)
        ).first()
    url = f"/teach/articles/{article.id}/review"
    post_form(teacher_client, url, {"action": "reject", "question": str(first)})
    edit = f"/teach/articles/{article.id}/edit"
    post_form(teacher_client, edit, {"title": "Sputnik", "text": NEWS + "\n\nIt was a success."})
    with app.app_context():
        assert db.session.get(Question, first).status == "rejected"


@pytest.mark.parametrize(
    "fields,message",
    [
        ({"text": ""}, "Paste the article"),
        ({"text": "   "}, "Paste the article"),
        ({"title": "", "text": NEWS}, "Give the article a title."),
        ({"upload": (io.BytesIO(b""), "empty.txt")}, "empty"),
        ({"upload": (io.BytesIO(b"\x00\x01\x02binary"), "x.txt")}, "binary"),
        ({"upload": (io.BytesIO(b"text"), "x.pdf")}, ".txt, .md or .html"),
        ({"upload": (io.BytesIO(b"x" * 3000), "big.txt")}, "the limit is 2 KiB"),
    ],
)
def test_bad_articles_are_refused_with_a_message_and_nothing_written(
    app, teacher_client, fields, message
):
    # A small limit: the test client would spool a real 512 KiB form to an unclosed temp file.
    app.config["QUIZ_MAX_UPLOAD"] = 2048
    with app.app_context():
        before = db.session.scalar(select(func.count()).select_from(Article))
    response = create(teacher_client, **fields)
    assert response.status_code == 422
    assert message in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Article)) == before


def test_an_html_upload_is_reduced_to_its_text(app, teacher_client):
    html = (
        b"<html><head><script>alert(1)</script><style>p{}</style></head><body><p>"
        + NEWS.encode()
        + b"</p></body></html>"
    )
    response = create(teacher_client, upload=(io.BytesIO(html), "sputnik.html"))
    assert response.status_code == 302
    article = only(app)
    assert "alert" not in article.body and "Sputnik 1 was launched" in article.body


def test_review_needs_a_choice(app, teacher_client):
    create(teacher_client, text=NEWS)
    article = only(app)
    url = f"/teach/articles/{article.id}/review"
    assert post_form(teacher_client, url, {"action": "approve"}).status_code == 422
    assert post_form(teacher_client, url, {"action": "publish", "all": "1"}).status_code == 400
    assert post_form(teacher_client, url, {"action": "approve", "question": "x"}).status_code == 400
    with app.app_context():
        assert set(
            db.session.scalars(select(Question.status).where(Question.article_id == article.id))
        ) == {"proposed"}


def test_an_article_is_deleted_only_after_confirmation(app, teacher_client):
    create(teacher_client, text=NEWS)
    article = only(app)
    url = f"/teach/articles/{article.id}/delete"
    page = teacher_client.get(url).get_data(as_text=True)
    assert "cannot be undone" in page and only(app) is not None
    assert post_form(teacher_client, url).status_code == 302
    assert only(app) is None


def test_editing_needs_text(app, teacher_client):
    create(teacher_client, text=NEWS)
    article = only(app)
    response = post_form(
        teacher_client, f"/teach/articles/{article.id}/edit", {"title": "Sputnik", "text": ""}
    )
    assert response.status_code == 422
    assert only(app).body == NEWS
