"""CSRF on every state-changing form, no state change on GET, and a 413 for oversized bodies."""

import pytest

from quiz.storage.extensions import db
from tests.pages import csrf_token
from tests.security.conftest import rules, snapshot

# Only when a question was first shown may change on a GET: it starts the speed-bonus clock.
SERVED_AT = "served_at"


def _without_served_times(tables):
    from quiz.storage.models import RoundQuestion

    column = list(RoundQuestion.__table__.columns.keys()).index(SERVED_AT)
    tables = dict(tables)
    tables["round_question"] = sorted(
        row[:column] + row[column + 1 :] for row in tables["round_question"]
    )
    return tables


def _form_rules(app):
    # The API authenticates with bearer tokens, not cookies, so a forged form cannot use it.
    return [r for r in rules(app, "POST") if not r.rule.startswith("/api/")]


def test_every_form_refuses_a_post_without_its_csrf_token(app, world):
    assert app.config.get("WTF_CSRF_ENABLED", True)
    posted = 0
    for rule in _form_rules(app):
        url = world.url(rule)
        for client in (world.student, world.teacher):
            with app.app_context():
                before = snapshot()
            response = client.post(url, data={"nickname": "Mallory", "name": "x", "size": 3})
            if client is world.student and url.startswith("/teach/") and "login" not in url:
                # Not logged in as a teacher: sent to the login page before anything else.
                assert response.status_code == 302, url
                assert "/teach/login" in response.headers["Location"]
            else:
                assert response.status_code == 400, (url, response.status_code)
                assert "did not come from this site" in response.get_data(as_text=True)
            with app.app_context():
                assert snapshot() == before, f"POST {url} without a CSRF token changed data"
            posted += 1
    assert posted >= 2 * 20


def test_a_token_from_another_browser_is_refused(app, world):
    page = world.student.get("/").get_data(as_text=True)
    stranger = app.test_client()
    response = stranger.post(
        "/",
        data={"csrf_token": csrf_token(page), "article": "baikonur", "size": 3, "nickname": "M"},
    )
    assert response.status_code == 400


def test_no_get_anywhere_changes_stored_data(app, world):
    with app.app_context():
        before = _without_served_times(snapshot())
    fetched = 0
    for rule in rules(app, "GET"):
        url = world.url(rule)
        for client in (world.student, world.teacher, app.test_client()):
            client.get(url).close()
            fetched += 1
    auth = {"Authorization": f"Bearer {world.api_round['token']}"}
    for path in ("/question", ""):
        app.test_client().get(f"/api/v1/rounds/{world.api_round['id']}{path}", headers=auth)
    with app.app_context():
        assert _without_served_times(snapshot()) == before
    assert fetched >= 3 * 25


@pytest.mark.parametrize("path", ["/", "/join", "/teach/login"])
def test_a_form_body_over_the_limit_gets_413(app, client, path):
    app.config["MAX_CONTENT_LENGTH"] = 64 * 1024
    response = client.post(path, data={"nickname": "x" * (65 * 1024)})
    assert response.status_code == 413
    assert "larger than this server accepts" in response.get_data(as_text=True)


def test_an_api_body_over_16_kib_gets_413_json(client, world):
    url = f"/api/v1/rounds/{world.api_round['id']}/answers"
    auth = {"Authorization": f"Bearer {world.api_round['token']}"}
    response = client.post(url, data="{" + " " * 17000 + "}", headers=auth)
    assert response.status_code == 413
    assert response.get_json()["error"]["code"] == "too_large"
    with client.application.app_context():
        from quiz.storage.models import Round

        assert db.session.get(Round, world.api_round["id"]).answered == 0


def test_a_nul_character_is_refused_in_forms_queries_and_json(client):
    page = client.get("/").get_data(as_text=True)
    form = {"csrf_token": csrf_token(page), "article": "baikonur", "size": 2, "nickname": "A\x00"}
    response = client.post("/", data=form)
    assert response.status_code == 400 and "NUL" in response.get_data(as_text=True)
    response = client.get("/api/v1/leaderboard", query_string={"article": "\x00"})
    assert response.status_code == 400 and "NUL" in response.get_json()["error"]["message"]
    response = client.post("/api/v1/rounds", json={"nickname": "A", "article": "bai\x00konur"})
    assert response.status_code == 422 and "NUL" in response.get_json()["error"]["message"]
