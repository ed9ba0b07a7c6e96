"""Teacher fixtures: accounts and a logged-in browser."""

import pytest

from quiz.accounts.auth import hash_password
from quiz.storage.extensions import db
from quiz.storage.models import Teacher
from tests.pages import csrf_token

PASSWORD = "correct horse battery"


def make_teacher(app, name="ms-frizzle", password=PASSWORD) -> int:
    """Store a teacher account and return its id."""
    with app.app_context():
        teacher = Teacher(name=name, password_hash=hash_password(password))
        db.session.add(teacher)
        db.session.commit()
        return teacher.id


def log_in(client, name="ms-frizzle", password=PASSWORD):
    """Log a test client in through the login form."""
    page = client.get("/teach/login").get_data(as_text=True)
    return client.post(
        "/teach/login",
        data={"csrf_token": csrf_token(page), "name": name, "password": password},
    )


@pytest.fixture
def teacher(app):
    return make_teacher(app)


@pytest.fixture
def teacher_client(app, teacher):
    client = app.test_client()
    response = log_in(client)
    assert response.status_code == 302, response.get_data(as_text=True)
    return client


def post_form(client, url, data=None, page_url=None, **kwargs):
    """Post a form the way a browser does: with the CSRF token of the page it came from."""
    page = client.get(page_url or url).get_data(as_text=True)
    return client.post(url, data={"csrf_token": csrf_token(page), **(data or {})}, **kwargs)


def own_copy_of_seed(app, owner_id: int, slug: str = "own-baikonur") -> int:
    """Store a copy of the seed article, with its sentences and facts, owned by a teacher."""
    from sqlalchemy import select

    from quiz.storage.models import Article, Fact, Sentence

    with app.app_context():
        seed = db.session.scalar(select(Article).where(Article.slug == "baikonur"))
        copy = Article(slug=slug, title=f"Own {slug}", body=seed.body, owner_id=owner_id)
        copy.sentences = [Sentence(position=s.position, text=s.text) for s in seed.sentences]
        db.session.add(copy)
        db.session.flush()
        ids = {s.text: s.id for s in copy.sentences}
        for fact in seed.facts:
            text = fact.sentence.text if fact.sentence else None
            copy.facts.append(
                Fact(
                    key=fact.key,
                    type=fact.type,
                    about=fact.about,
                    data=dict(fact.data),
                    sentence_id=ids.get(text),
                )  # fmt: skip
            )
        db.session.commit()
        return copy.id
