"""Teacher accounts: created on the command line, argon2id hashes, login, logout, limits."""

import pytest
from sqlalchemy import select

from quiz.storage.extensions import db
from quiz.storage.models import Teacher
from tests.pages import csrf_token
from tests.teach.conftest import PASSWORD, log_in, make_teacher


def create(runner, name, stdin):
    return runner.invoke(args=["create-teacher", name], input=stdin)


def test_create_teacher_reads_the_password_from_stdin_and_hashes_it(app, runner):
    result = create(runner, "ms-frizzle", PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert PASSWORD not in result.output
    with app.app_context():
        teacher = db.session.scalar(select(Teacher).where(Teacher.name == "ms-frizzle"))
        assert teacher.password_hash.startswith("$argon2id$")
        assert PASSWORD not in teacher.password_hash
    client = app.test_client()
    assert log_in(client).status_code == 302


@pytest.mark.parametrize(
    "password,message",
    [
        ("short1", "at least 8"),
        ("password123", "too common"),
        ("", "at least 8"),
        ("ms-frizzle", "too common"),
    ],
)
def test_weak_passwords_are_refused(app, runner, password, message):
    result = create(runner, "ms-frizzle", password + "\n")
    assert result.exit_code == 1
    assert message in result.output
    with app.app_context():
        assert db.session.scalar(select(Teacher)) is None


@pytest.mark.parametrize(
    "name,message",
    [
        ("", "1 to 64 characters"),
        ("   ", "1 to 64 characters"),
        ("x" * 65, "1 to 64 characters"),
        ("ms\nfrizzle", "control or invisible characters"),
        ("ms-friz\u200bzle", "control or invisible characters"),
        ("ms\x1b[31mfrizzle", "control or invisible characters"),
    ],
)
def test_a_name_no_one_could_type_at_the_login_form_is_refused(app, runner, name, message):
    result = create(runner, name, PASSWORD + "\n")
    assert result.exit_code == 1
    assert result.output.startswith("Error: ") and message in result.output
    with app.app_context():
        assert db.session.scalar(select(Teacher)) is None


def test_a_name_the_login_form_takes_is_accepted_trimmed(app, runner):
    result = create(runner, "  Ms Frizzle (science)  ", PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert "Teacher 'Ms Frizzle (science)' created" in result.output
    with app.app_context():
        assert db.session.scalar(select(Teacher.name)) == "Ms Frizzle (science)"
    assert log_in(app.test_client(), "Ms Frizzle (science)").status_code == 302


def test_a_taken_name_is_refused(app, runner, teacher):
    result = create(runner, "ms-frizzle", "another good one\n")
    assert result.exit_code == 1 and "already exists" in result.output


def test_the_password_is_never_an_argument(runner):
    result = runner.invoke(args=["create-teacher", "x", "--password", "secret123"])
    assert result.exit_code == 2


def test_no_default_account_exists(app):
    with app.app_context():
        assert db.session.scalar(select(Teacher)) is None


def test_login_page_and_wrong_password(app, teacher):
    client = app.test_client()
    assert client.get("/teach/login").status_code == 200
    response = log_in(client, password="wrong password")
    assert response.status_code == 401
    assert "do not match" in response.get_data(as_text=True)
    response = log_in(client, name="nobody")
    assert response.status_code == 401
    assert client.get("/teach/").status_code == 302


def test_login_starts_a_new_session_and_logout_ends_every_copy(app, teacher):
    client = app.test_client()
    with client.session_transaction() as session:
        session["planted"] = "by an attacker"
    log_in(client)
    with client.session_transaction() as session:
        assert "planted" not in session
    cookie = client.get_cookie("session").value
    assert client.get("/teach/").status_code == 200
    page = client.get("/teach/").get_data(as_text=True)
    assert client.post("/teach/logout", data={"csrf_token": csrf_token(page)}).status_code == 302
    assert client.get("/teach/").status_code == 302
    # A copy of the old cookie no longer works either.
    thief = app.test_client()
    thief.set_cookie("session", cookie)
    assert thief.get("/teach/").status_code == 302


def test_failed_logins_are_limited_per_account_and_address(app, teacher):
    client = app.test_client()
    for _ in range(10):
        assert log_in(client, password="wrong password").status_code == 401
    limited = log_in(client, password="wrong password")
    assert limited.status_code == 429
    assert "Too many failed logins" in limited.get_data(as_text=True)
    assert "Retry-After" in limited.headers

    def from_elsewhere(name, password):
        other = app.test_client()
        page = other.get("/teach/login").get_data(as_text=True)
        data = {"csrf_token": csrf_token(page), "name": name, "password": password}
        return other.post("/teach/login", data=data, environ_base={"REMOTE_ADDR": "10.0.0.9"})

    # The guessed account waits out the minute wherever its guesses come from…
    assert from_elsewhere("ms-frizzle", PASSWORD).status_code == 429
    # …and other teachers elsewhere log in as usual.
    make_teacher(app, "mr-keating")
    assert from_elsewhere("mr-keating", PASSWORD).status_code == 302


def test_a_successful_login_does_not_count_toward_the_limit(app, teacher):
    client = app.test_client()
    for _ in range(12):
        assert log_in(client).status_code == 302


def test_login_redirects_only_to_pages_of_this_site(app, teacher):
    for target, expected in [
        ("/teach/templates", "/teach/templates"),
        ("https://evil.example/", "/teach/"),
        ("//evil.example", "/teach/"),
    ]:
        client = app.test_client()
        page = client.get("/teach/login").get_data(as_text=True)
        response = client.post(
            f"/teach/login?next={target}",
            data={"csrf_token": csrf_token(page), "name": "ms-frizzle", "password": PASSWORD},
        )
        assert response.headers["Location"] == expected
