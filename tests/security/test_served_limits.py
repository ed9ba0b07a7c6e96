"""Guessing meets 429 from outside, against `quiz serve` with its default number of workers on a
fresh database: each worker process counts in the same database, so the limits hold whichever
worker takes a request."""

import http.client
import sqlite3
import sys
from pathlib import Path
from urllib.parse import urlencode

import pytest

from tests.conftest import on_postgresql
from tests.load.conftest import Server
from tests.pages import csrf_token

PASSWORD = "correct horse battery"


class DefaultServer(Server):
    """`quiz serve` exactly as a teacher starts it: no --workers, so its default (4)."""

    def command(self) -> list[str]:
        return [str(Path(sys.executable).parent / "quiz"), "serve", "--port", str(self.port)]


class Browser:
    """One browser: its own cookie jar, a new connection per request, no redirects followed."""

    def __init__(self, port: int):
        self.port = port
        self.cookies: dict[str, str] = {}

    def request(self, method: str, path: str, form: dict | None = None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        headers = {"Cookie": "; ".join(f"{k}={v}" for k, v in self.cookies.items())}
        body = None
        if form is not None:
            body = urlencode(form)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        try:
            connection.request(method, path, body=body, headers=headers)
            response = connection.getresponse()
            text = response.read().decode()
            for header in response.headers.get_all("Set-Cookie") or []:
                name, _, value = header.split(";", 1)[0].partition("=")
                self.cookies[name] = value
            return response.status, response.headers, text
        finally:
            connection.close()

    def post_form(self, path: str, fields: dict):
        """Fetch the form's page for its CSRF token, then post it, as a person would."""
        _, _, page = self.request("GET", path)
        return self.request("POST", path, {"csrf_token": csrf_token(page), **fields})


@pytest.fixture
def served(db_path, tmp_path):
    if on_postgresql():
        pytest.skip("the served database here is the SQLite copy made for this test")
    with sqlite3.connect(db_path) as connection:
        connection.execute(
            "INSERT INTO teacher (name, password_hash, session_token, created_at) "
            "VALUES ('ms-frizzle', ?, 'x', '2026-01-01 00:00:00')",
            (_hash(PASSWORD),),
        )
        connection.execute(
            "INSERT INTO classroom (teacher_id, name, code, leaderboard_hidden, relaxed, "
            "created_at) VALUES (1, '7B', 'RIGHT7', 0, 0, '2026-01-01 00:00:00')"
        )
    # Default settings: whatever this shell exports, the counters stay in the database.
    server = DefaultServer(
        str(db_path), tmp_path / "instance", env={"QUIZ_RATELIMIT_STORAGE": ""}
    ).start()
    yield server
    server.stop()


def _hash(password: str) -> str:
    from quiz.accounts.auth import hash_password

    return hash_password(password)


def test_the_eleventh_failed_login_within_a_minute_is_refused(served):
    statuses = [
        Browser(served.port).post_form(
            "/teach/login", {"name": "ms-frizzle", "password": f"guess {n}"}
        )[0]
        for n in range(10)
    ]
    assert statuses == [401] * 10
    status, headers, page = Browser(served.port).post_form(
        "/teach/login", {"name": "ms-frizzle", "password": "guess 11"}
    )
    assert status == 429
    assert "Too many failed logins" in page and int(headers["Retry-After"]) > 0


def test_a_run_of_wrong_class_codes_is_refused_and_a_right_code_still_works(served):
    walker = Browser(served.port)
    statuses = [
        walker.post_form("/join", {"code": f"WRONG{n}", "nickname": "Mallory"})[0]
        for n in range(10)
    ]
    assert statuses == [422] * 10
    status, headers, page = walker.post_form("/join", {"code": "WRONG10", "nickname": "M"})
    assert status == 429
    assert "Too many wrong class codes" in page and int(headers["Retry-After"]) > 0
    # A classmate's browser, on the same address, joins with the right code.
    status, headers, _ = Browser(served.port).post_form(
        "/join", {"code": "RIGHT7", "nickname": "Ada"}
    )
    assert status == 302 and headers["Location"].endswith("/class")
