"""The teacher's Open Trivia DB-compatible endpoints: token auth, filters, session tokens, codes."""

import base64
from datetime import timedelta

import pytest
from sqlalchemy import select

from quiz.accounts.auth import hash_password, issue_api_token
from quiz.authoring.exchange import import_questions
from quiz.storage.extensions import db
from quiz.storage.models import Article, Teacher, TriviaSession, utcnow

API = "/api/v1/opentdb/api.php"
TOKEN = "/api/v1/opentdb/api_token.php"

BANK = {
    "response_code": 0,
    "results": [
        {
            "type": "multiple",
            "difficulty": "easy",
            "category": "Space",
            "question": f"Q{n} &amp; more?",
            "correct_answer": f"right {n}",
            "incorrect_answers": [f"wrong {n}", f"other {n}"],
        }
        for n in range(4)
    ]
    + [
        {
            "type": "boolean",
            "difficulty": "hard",
            "category": "Space",
            "question": "Sky is blue.",
            "correct_answer": "True",
            "incorrect_answers": ["False"],
        },
    ],
}


@pytest.fixture
def teacher(ctx):
    teacher = Teacher(name="Valentina", password_hash=hash_password("vostok-6-1963"))
    db.session.add(teacher)
    db.session.commit()
    return teacher


@pytest.fixture
def headers(teacher):
    token = issue_api_token(teacher)
    db.session.commit()
    return {"Authorization": f"Bearer {token}"}


@pytest.fixture
def bank(ctx):
    import json

    return import_questions(json.dumps(BANK), "opentdb", "trivia-bank").article.id


def get(client, url, headers, **query):
    return client.get(url, query_string=query, headers=headers)


@pytest.mark.parametrize("url", [API, TOKEN, "/api/v1/opentdb/api_category.php"])
@pytest.mark.parametrize("auth", [{}, {"Authorization": "Bearer qt_wrong"}])
def test_every_endpoint_needs_a_teacher_token(client, url, auth):
    response = client.get(url, query_string={"amount": 1, "command": "request"}, headers=auth)
    assert response.status_code == 401
    assert response.get_json()["error"]["code"] == "unauthorized"


def test_questions_come_with_their_answers_html_encoded(client, headers, bank):
    body = get(client, API, headers, amount=5, category=bank).get_json()
    assert body["response_code"] == 0 and len(body["results"]) == 5
    first = next(r for r in body["results"] if r["type"] == "multiple")
    assert set(first) == {
        "type",
        "difficulty",
        "category",
        "question",
        "correct_answer",
        "incorrect_answers",
    }
    assert first["question"].endswith("&amp; more?") and first["category"] == "Space"
    assert first["correct_answer"].startswith("right") and len(first["incorrect_answers"]) == 2


def test_filters_by_type_difficulty_and_encoding(client, headers, bank):
    boolean = get(client, API, headers, amount=1, category=bank, type="boolean").get_json()
    assert [r["question"] for r in boolean["results"]] == ["Sky is blue."]
    hard = get(client, API, headers, amount=1, category=bank, difficulty="hard").get_json()
    assert hard["results"][0]["type"] == "boolean"
    encoded = get(
        client, API, headers, amount=1, category=bank, type="boolean", encode="base64"
    ).get_json()
    assert base64.b64decode(encoded["results"][0]["question"]).decode() == "Sky is blue."
    url = get(client, API, headers, amount=1, category=bank, type="boolean", encode="url3986")
    assert url.get_json()["results"][0]["question"] == "Sky%20is%20blue."


def test_too_few_questions_is_code_1(client, headers, bank):
    body = get(client, API, headers, amount=2, category=bank, type="boolean").get_json()
    assert body == {"response_code": 1, "results": []}


@pytest.mark.parametrize(
    "query",
    [
        {},
        {"amount": 0},
        {"amount": 51},
        {"amount": "ten"},
        {"amount": 1, "type": "essay"},
        {"amount": 1, "difficulty": "extreme"},
        {"amount": 1, "category": "space"},
        {"amount": 1, "encode": "rot13"},
    ],
)
def test_invalid_parameters_are_code_2(client, headers, query):
    response = get(client, API, headers, **query)
    assert response.status_code == 422
    body = response.get_json()
    assert body["response_code"] == 2 and body["results"] == [] and body["error"]["message"]


def test_a_session_token_never_repeats_a_question_until_reset(client, headers, bank):
    token = get(client, TOKEN, headers, command="request").get_json()
    assert token["response_code"] == 0 and token["token"]
    seen = []
    for _ in range(5):
        body = get(client, API, headers, amount=1, category=bank, token=token["token"]).get_json()
        assert body["response_code"] == 0
        seen.append(body["results"][0]["question"])
    assert len(set(seen)) == 5
    empty = get(client, API, headers, amount=1, category=bank, token=token["token"]).get_json()
    assert empty == {"response_code": 4, "results": []}
    reset = get(client, TOKEN, headers, command="reset", token=token["token"]).get_json()
    assert reset == {"response_code": 0, "token": token["token"]}
    again = get(client, API, headers, amount=5, category=bank, token=token["token"]).get_json()
    assert again["response_code"] == 0 and len(again["results"]) == 5


def test_unknown_foreign_or_expired_tokens_are_code_3(client, headers, bank, teacher):
    assert get(client, API, headers, amount=1, token="nope").get_json()["response_code"] == 3
    other = Teacher(name="Yuri", password_hash=hash_password("vostok-1-1961"))
    db.session.add(other)
    db.session.commit()
    foreign = TriviaSession(teacher_id=other.id, token="theirs", seen=[], used_at=utcnow())
    stale = TriviaSession(
        teacher_id=teacher.id, token="stale", seen=[], used_at=utcnow() - timedelta(hours=7)
    )
    db.session.add_all([foreign, stale])
    db.session.commit()
    for token in ("theirs", "stale"):
        response = get(client, API, headers, amount=1, token=token)
        assert response.status_code == 404 and response.get_json()["response_code"] == 3
    assert (
        get(client, TOKEN, headers, command="reset", token="nope").get_json()["response_code"] == 3
    )
    assert get(client, TOKEN, headers, command="renew").status_code == 422


def test_categories_are_the_articles_a_teacher_may_use(client, headers, bank, teacher):
    private = Article(slug="private", title="Someone else's", body="", owner_id=None)
    db.session.add(private)
    db.session.commit()
    other = Teacher(name="Yuri", password_hash=hash_password("vostok-1-1961"))
    db.session.add(other)
    db.session.commit()
    private.owner_id = other.id
    db.session.commit()
    names = {
        c["name"]
        for c in get(client, "/api/v1/opentdb/api_category.php", headers).get_json()[
            "trivia_categories"
        ]
    }
    assert "trivia-bank" in names and "Someone else's" not in names
    ids = {
        c["id"]
        for c in get(client, "/api/v1/opentdb/api_category.php", headers).get_json()[
            "trivia_categories"
        ]
    }
    assert (
        bank in ids
        and db.session.scalar(select(Article.id).where(Article.slug == "private")) not in ids
    )
