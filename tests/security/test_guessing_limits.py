"""Guessing is limited: failed logins per account and per address, wrong class codes per
browser and per address; right answers are never counted, and a refusal says when to retry."""

import pytest
from sqlalchemy import func, select

from quiz.storage.extensions import db
from quiz.storage.models import Classroom, Player
from tests.pages import csrf_token
from tests.teach.conftest import PASSWORD, make_teacher

SCHOOL = {"REMOTE_ADDR": "198.51.100.7"}
ELSEWHERE = {"REMOTE_ADDR": "203.0.113.9"}


def log_in(client, name, password, environ=None):
    """Post the login form with a real CSRF token, from an address."""
    environ = environ or SCHOOL
    page = client.get("/teach/login", environ_base=environ).get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "name": name, "password": password}
    return client.post("/teach/login", data=data, environ_base=environ)


def join(client, code, nickname="Ada", environ=None):
    """Post the join form with a real CSRF token, from an address."""
    environ = environ or SCHOOL
    page = client.get("/join", environ_base=environ).get_data(as_text=True)
    data = {"csrf_token": csrf_token(page), "code": code, "nickname": nickname}
    return client.post("/join", data=data, environ_base=environ)


def assert_refused(response, text):
    assert response.status_code == 429
    page = response.get_data(as_text=True)
    assert text in page and "You can try again in" in page
    assert int(response.headers["Retry-After"]) > 0


@pytest.fixture
def classroom(app):
    teacher = make_teacher(app, "owner")
    with app.app_context():
        db.session.add(Classroom(teacher_id=teacher, name="7B", code="RIGHT7"))
        db.session.commit()
    return "RIGHT7"


def test_the_eleventh_failed_login_for_an_account_is_refused_even_with_the_password(app):
    make_teacher(app, "ms-frizzle")
    client = app.test_client()
    assert [log_in(client, "ms-frizzle", "wrong").status_code for _ in range(10)] == [401] * 10
    assert_refused(log_in(client, "ms-frizzle", "wrong"), "Too many failed logins")
    # Refused before the password is looked at, so the refusal tells a guesser nothing.
    assert_refused(log_in(client, "ms-frizzle", PASSWORD), "Too many failed logins")
    # However the name is written, from another address too: the account is what is guessed.
    refused = log_in(app.test_client(), " MS-Frizzle ", PASSWORD, ELSEWHERE)
    assert refused.status_code == 429


def test_failed_logins_are_counted_per_address_across_accounts(app):
    make_teacher(app, "ms-frizzle")
    client = app.test_client()
    for n in range(10):
        assert log_in(client, f"nobody-{n}", "wrong").status_code == 401
    assert_refused(log_in(client, "ms-frizzle", PASSWORD), "Too many failed logins")
    # The teacher logs in from another address.
    assert log_in(app.test_client(), "ms-frizzle", PASSWORD, ELSEWHERE).status_code == 302


def test_successful_logins_are_not_counted(app):
    make_teacher(app, "ms-frizzle")
    for _ in range(12):
        assert log_in(app.test_client(), "ms-frizzle", PASSWORD).status_code == 302


def test_the_login_limit_comes_from_the_settings(app):
    app.config["QUIZ_LOGIN_LIMIT"] = "2 per minute"
    make_teacher(app, "ms-frizzle")
    client = app.test_client()
    assert [log_in(client, "ms-frizzle", "wrong").status_code for _ in range(2)] == [401, 401]
    assert log_in(client, "ms-frizzle", PASSWORD).status_code == 429


def test_a_browser_walking_class_codes_is_refused_and_a_classmate_still_joins(app, classroom):
    walker = app.test_client()
    statuses = [join(walker, f"WRONG{n}").status_code for n in range(10)]
    assert statuses == [422] * 10
    assert_refused(join(walker, "WRONG10"), "Too many wrong class codes")
    # The right code from the walking browser is refused too: a refusal is no oracle.
    assert join(walker, classroom).status_code == 429
    # A classmate behind the same school address joins.
    classmate = app.test_client()
    assert join(classmate, classroom, nickname="Bob").status_code == 302
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Player)) == 1


def test_dropping_cookies_meets_the_address_limit(app, classroom):
    app.config["QUIZ_JOIN_ADDRESS_LIMIT"] = "4 per 10 minutes"
    # A fresh browser (no cookie) for every guess.
    statuses = [join(app.test_client(), f"WRONG{n}").status_code for n in range(4)]
    assert statuses == [422] * 4
    assert_refused(join(app.test_client(), classroom), "Too many wrong class codes")
    # Another address is not concerned.
    assert join(app.test_client(), classroom, environ=ELSEWHERE).status_code == 302


def test_right_codes_and_other_mistakes_are_not_counted(app, classroom):
    app.config["QUIZ_JOIN_LIMIT"] = "2 per 10 minutes"
    student = app.test_client()
    for _ in range(4):
        assert join(student, classroom).status_code == 302
    # A missing nickname is a mistake, not a guess.
    for _ in range(4):
        assert join(student, classroom, nickname="").status_code == 422
    assert [join(student, "WRONG1").status_code for _ in range(2)] == [422, 422]
    assert join(student, classroom).status_code == 429


def test_a_join_post_without_its_csrf_token_is_not_counted(app, classroom):
    app.config["QUIZ_JOIN_LIMIT"] = "1 per 10 minutes"
    student = app.test_client()
    student.get("/join")
    for _ in range(3):
        assert student.post("/join", data={"code": "WRONG1", "nickname": "A"}).status_code == 400
    assert join(student, classroom).status_code == 302
