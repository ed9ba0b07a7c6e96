"""Cookies HttpOnly and SameSite=Lax, Secure over HTTPS; answer rate limits per round and player."""

import re
import time

import pytest
from limits import parse
from sqlalchemy import select

from quiz import create_app
from quiz.accounts.tokens import hash_token
from quiz.storage.counters import stored_key
from quiz.storage.extensions import db
from quiz.storage.models import RateLimit
from tests.answers import first_answer
from tests.pages import answer_current, csrf_token, start_round
from tests.teach.conftest import PASSWORD, make_teacher


def session_cookie(response) -> str:
    cookies = [c for c in response.headers.getlist("Set-Cookie") if c.startswith("session=")]
    assert cookies, response.headers
    return cookies[-1].lower()


def _start(client, base="http://localhost"):
    page = client.get("/", base_url=base).get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "article": "baikonur", "size": 2, "nickname": "A"}
    # Over HTTPS the CSRF check also wants a same-site Referer, as browsers send.
    response = client.post("/", data=data, base_url=base, headers={"Referer": base + "/"})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response


def test_the_student_cookie_is_httponly_lax_and_not_secure_over_http(client):
    cookie = session_cookie(_start(client))
    assert "httponly" in cookie and "samesite=lax" in cookie
    # A laptop on the classroom network serves plain HTTP: a Secure cookie would never return.
    assert "; secure" not in cookie


def test_the_student_cookie_is_secure_over_https(app):
    cookie = session_cookie(_start(app.test_client(), "https://localhost"))
    assert "; secure" in cookie and "httponly" in cookie and "samesite=lax" in cookie


def test_the_teacher_cookie_is_secure_over_https(app):
    make_teacher(app)
    client = app.test_client()
    page = client.get("/teach/login", base_url="https://localhost").get_data(as_text=True)
    response = client.post(
        "/teach/login",
        data={"csrf_token": csrf_token(page), "name": "ms-frizzle", "password": PASSWORD},
        base_url="https://localhost",
        headers={"Referer": "https://localhost/teach/login"},
    )
    assert response.status_code == 302
    cookie = session_cookie(response)
    assert "; secure" in cookie and "httponly" in cookie and "samesite=lax" in cookie


@pytest.mark.parametrize(("behind_proxy", "secure"), [(True, True), (False, False)])
def test_a_forwarded_https_counts_only_behind_a_configured_proxy(app, behind_proxy, secure):
    proxied = create_app({**app.config, "QUIZ_BEHIND_PROXY": behind_proxy})
    client = proxied.test_client()
    # The start form's CSRF token is the first thing kept in the session cookie.
    cookie = session_cookie(client.get("/", headers={"X-Forwarded-Proto": "https"}))
    with proxied.app_context():
        db.engine.dispose()
    assert ("; secure" in cookie) is secure


def api_rounds(client, count):
    """Start rounds of ten questions through the API; return their ids and tokens."""
    return [
        client.post(
            "/api/v1/rounds", json={"nickname": f"p{n}", "article": "baikonur", "size": 10}
        ).get_json()
        for n in range(count)
    ]


def api_answer(client, created):
    """Fetch a round's current question through the API and answer it with its first option."""
    auth = {"Authorization": f"Bearer {created['token']}"}
    url = f"/api/v1/rounds/{created['id']}"
    question = client.get(url + "/question", headers=auth).get_json()["question"]
    pick = first_answer(question)
    body = {"question_id": question["id"], "answer": pick}
    return client.post(url + "/answers", json=body, headers=auth)


def test_the_api_limits_answers_per_round_token_not_per_address(app):
    app.config["QUIZ_ANSWER_LIMIT"] = "3 per minute"
    client = app.test_client()
    rounds = api_rounds(client, 2)
    assert [api_answer(client, rounds[0]).status_code for _ in range(3)] == [200] * 3
    refused = api_answer(client, rounds[0])
    assert refused.status_code == 429
    assert refused.get_json()["error"]["code"] == "too_many_requests"
    assert "Retry-After" in refused.headers
    # A classmate on the same address plays on.
    assert api_answer(client, rounds[1]).status_code == 200
    state = client.get(
        f"/api/v1/rounds/{rounds[0]['id']}",
        headers={"Authorization": f"Bearer {rounds[0]['token']}"},
    ).get_json()
    assert state["answered"] == 3


def test_an_answer_carries_its_limit_in_headers_and_a_refusal_says_when_to_retry(app):
    app.config["QUIZ_ANSWER_LIMIT"] = "2 per minute; 50 per hour"
    client = app.test_client()
    (created,) = api_rounds(client, 1)
    first = api_answer(client, created)
    # The strictest limit is shown, once, with what is left of it and when its window ends.
    assert first.headers.getlist("X-RateLimit-Limit") == ["2"]
    assert first.headers.getlist("X-RateLimit-Remaining") == ["1"]
    (reset,) = first.headers.getlist("X-RateLimit-Reset")
    assert int(reset) > time.time()
    (retry,) = first.headers.getlist("Retry-After")
    assert 0 <= int(retry) <= 60
    assert api_answer(client, created).headers["X-RateLimit-Remaining"] == "0"
    refused = api_answer(client, created)
    assert refused.status_code == 429
    assert refused.headers["X-RateLimit-Limit"] == "2"
    assert refused.headers["X-RateLimit-Remaining"] == "0"
    message = refused.get_json()["error"]["message"]
    assert message.startswith("Too many answers in a short time: wait a moment")
    assert re.search(r"You can try again in \d+ seconds?\.$", message), message


def test_refused_answers_count_too_and_a_request_over_the_limit_is_refused_first(app):
    app.config["QUIZ_ANSWER_LIMIT"] = "2 per minute"
    client = app.test_client()
    (created,) = api_rounds(client, 1)
    auth = {"Authorization": f"Bearer {created['token']}"}
    url = f"/api/v1/rounds/{created['id']}"
    refused = [client.post(url + "/answers", json={}, headers=auth) for _ in range(2)]
    assert [r.status_code for r in refused] == [422, 422]
    assert client.post(url + "/answers", json={}, headers=auth).status_code == 429
    assert api_answer(client, created).status_code == 429
    assert client.get(url, headers=auth).get_json()["answered"] == 0


def test_the_answer_limit_is_counted_in_the_database_every_worker_reads(app):
    app.config["QUIZ_ANSWER_LIMIT"] = "3 per minute"
    client = app.test_client()
    (created,) = api_rounds(client, 1)
    assert api_answer(client, created).status_code == 200
    # The key Flask-Limiter's own decorator counts the view's limit under, in the shared table.
    key = parse("3 per minute").key_for("token:" + hash_token(created["token"])[:32], "api.answer")
    with app.app_context():
        hits = db.session.scalar(select(RateLimit.hits).where(RateLimit.key == stored_key(key)))
    assert hits == 1


def test_the_pages_limit_answers_per_player_not_per_address(app):
    app.config["QUIZ_ANSWER_LIMIT"] = "2 per minute"
    ada, bob = app.test_client(), app.test_client()
    ada_url = start_round(ada, size=5, nickname="Ada")
    bob_url = start_round(bob, size=5, nickname="Bob")
    assert [answer_current(ada, ada_url)[0].status_code for _ in range(2)] == [302, 302]
    refused = answer_current(ada, ada_url)[0]
    assert refused.status_code == 429
    assert "Too many" in refused.get_data(as_text=True)
    # Reading the question page is never limited, and a classmate can still answer.
    assert ada.get(ada_url).status_code == 200
    assert answer_current(bob, bob_url)[0].status_code == 302


def test_https_responses_ask_browsers_to_keep_to_https(app):
    client = app.test_client()
    secure = client.get("/", base_url="https://localhost")
    assert secure.headers["Strict-Transport-Security"] == "max-age=31536000"
    # Over plain HTTP the header means nothing to a browser, and a classroom laptop serves HTTP.
    assert "Strict-Transport-Security" not in client.get("/").headers


def _api_round(client, nickname="Ada"):
    return client.post(
        "/api/v1/rounds", json={"nickname": nickname, "article": "baikonur", "size": 2}
    )


def test_starting_rounds_is_limited_per_address_and_refusals_write_nothing(app):
    app.config["QUIZ_ROUND_LIMIT"] = "3 per minute"
    client = app.test_client()
    assert [_api_round(client, f"p{n}").status_code for n in range(3)] == [201] * 3
    refused = _api_round(client, "p4")
    assert refused.status_code == 429
    assert refused.get_json()["error"]["code"] == "too_many_requests"
    assert "Too many rounds" in refused.get_json()["error"]["message"]
    assert "Retry-After" in refused.headers
    # Another address (another school) starts rounds as usual.
    other = client.post(
        "/api/v1/rounds",
        json={"nickname": "elsewhere", "article": "baikonur", "size": 2},
        environ_base={"REMOTE_ADDR": "192.0.2.7"},
    )
    assert other.status_code == 201
    with app.app_context():
        from quiz.storage.models import Round

        assert db.session.scalar(db.select(db.func.count()).select_from(Round)) == 4


def test_the_start_form_shares_the_round_limit_with_the_api(app):
    app.config["QUIZ_ROUND_LIMIT"] = "2 per minute"
    client = app.test_client()
    start_round(client, nickname="Ada")
    assert _api_round(client).status_code == 201
    page = client.get("/").get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "article": "baikonur", "size": 2, "nickname": "Ada"}
    refused = client.post("/", data=data)
    assert refused.status_code == 429
    assert "Too many rounds" in refused.get_data(as_text=True)
    # Reading the start page is never limited.
    assert client.get("/").status_code == 200


def test_the_limits_come_from_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("QUIZ_ANSWER_LIMIT", "5 per second")
    monkeypatch.setenv("QUIZ_ROUND_LIMIT", "7 per hour")
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'q.sqlite3'}"})
    assert app.config["QUIZ_ANSWER_LIMIT"] == "5 per second"
    assert app.config["QUIZ_ROUND_LIMIT"] == "7 per hour"
