"""The command line: init, generate, serve."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from sqlalchemy import func, select

from quiz.storage.extensions import db
from quiz.storage.models import Article, Fact, Question, Round, Template

ROOT = Path(__file__).resolve().parent.parent


def counts():
    return {
        model.__name__: db.session.scalar(select(func.count()).select_from(model))
        for model in (Article, Fact, Template, Question)
    }


def test_init_creates_the_database_and_loads_the_seed(empty_app):
    result = empty_app.test_cli_runner().invoke(args=["init"])
    assert result.exit_code == 0, result.output
    assert "Database ready" in result.output
    with empty_app.app_context():
        numbers = counts()
        assert numbers["Article"] == 1 and numbers["Fact"] >= 15 and numbers["Question"] >= 25
    key = Path(empty_app.instance_path) / "secret_key"
    assert key.exists() and len(key.read_text()) >= 32


def test_init_twice_duplicates_nothing(empty_app):
    runner = empty_app.test_cli_runner()
    assert runner.invoke(args=["init"]).exit_code == 0
    with empty_app.app_context():
        before = counts()
    key = (Path(empty_app.instance_path) / "secret_key").read_text()
    result = runner.invoke(args=["init"])
    assert result.exit_code == 0, result.output
    assert "questions added: 0" in result.output
    with empty_app.app_context():
        assert counts() == before
    assert (Path(empty_app.instance_path) / "secret_key").read_text() == key


def test_init_never_overwrites_a_fact_a_teacher_changed(app, runner):
    with app.app_context():
        fact = db.session.scalars(select(Fact).order_by(Fact.id)).first()
        fact.about = "changed by a teacher"
        fact.edited = True
        db.session.commit()
        fact_id = fact.id
    assert runner.invoke(args=["init"]).exit_code == 0
    with app.app_context():
        assert db.session.get(Fact, fact_id).about == "changed by a teacher"


def test_init_reports_bad_seed_files_by_line_and_writes_nothing(empty_app, tmp_path):
    seed = tmp_path / "seed"
    seed.mkdir()
    (seed / "a.txt").write_text("Yuri Gagarin flew in 1961.\n", encoding="utf-8")
    (seed / "a.toml").write_text(
        '[article]\nslug = "a"\ntitle = "A"\nfile = "a.txt"\n\n'
        '[[fact]]\nkey = "flight"\ntype = "year"\nabout = "Gagarin"\nvalue = "soon"\n'
        'event = "Gagarin\'s flight"\nsentence = "Yuri Gagarin flew in 1961."\n',
        encoding="utf-8",
    )
    result = empty_app.test_cli_runner().invoke(args=["init", "--seed", str(seed)])
    assert result.exit_code == 1
    assert "a.toml:6" in result.output or "a.toml:10" in result.output
    assert "Traceback" not in result.output
    with empty_app.app_context():
        assert counts()["Article"] == 0


def test_generate_keeps_answered_questions_and_retires_them_when_gone(app, runner):
    with app.app_context():
        article = db.session.scalar(select(Article).where(Article.slug == "baikonur"))
        from quiz.rounds import scoring

        # A year question: asked by its one fact alone (a true/false may be made alike from
        # two facts of one sentence, and then rightly stays when one of them goes).
        question = db.session.scalar(
            select(Question)
            .where(Question.article_id == article.id, Question.kind == "year")
            .order_by(Question.id)
        )
        others = select(Question).where(
            Question.article_id == article.id, Question.id != question.id
        )
        for other in db.session.scalars(others):
            other.status = "retired"
        db.session.commit()
        round_, _ = scoring.start_round(article, "Ada", 1)
        assert round_.items[0].question is question
        scoring.record_answer(round_.id, question.id, question.answer)
        question_id, round_id = question.id, round_.id
        # The fact behind it changes: the old question is no longer generated.
        for fact in question.facts:
            db.session.delete(fact)
        db.session.commit()
    result = runner.invoke(args=["generate"])
    assert result.exit_code == 0, result.output
    assert "retired" in result.output
    with app.app_context():
        question = db.session.get(Question, question_id)
        assert question is not None and question.status == "retired"
        assert db.session.get(Round, round_id).score > 0


def test_generate_for_an_unknown_article_fails_cleanly(runner):
    result = runner.invoke(args=["generate", "--article", "nope"])
    assert result.exit_code == 1
    assert "no article with the slug 'nope'" in result.output


def test_generate_adds_nothing_when_nothing_changed(runner):
    result = runner.invoke(args=["generate"])
    assert result.exit_code == 0
    assert "Done: 0 questions added." in result.output


def test_serve_refuses_an_uninitialised_database(empty_app):
    result = empty_app.test_cli_runner().invoke(args=["serve"])
    assert result.exit_code == 1
    assert "quiz init" in result.output


def test_serve_refuses_a_bad_port(runner):
    result = runner.invoke(args=["serve", "--port", "99999"])
    assert result.exit_code == 2
    assert "99999" in result.output


def _quiz(*args, env=None, timeout=60):
    return subprocess.run(
        [sys.executable, "-c", "from quiz.cli import main; main()", *args],
        capture_output=True,
        text=True,
        env={**os.environ, **(env or {})},
        timeout=timeout,
        cwd=ROOT,
    )


def test_the_console_script_lists_its_commands():
    result = _quiz("--help")
    assert result.returncode == 0
    for command in ("init", "serve", "generate"):
        assert command in result.stdout


def test_a_bad_time_zone_is_a_clear_error(tmp_path):
    result = _quiz(
        "generate",
        env={"QUIZ_TIMEZONE": "Mars/Olympus", "QUIZ_DATABASE_URL": f"sqlite:///{tmp_path}/x.db"},
    )
    assert result.returncode == 1
    assert "QUIZ_TIMEZONE" in result.stderr and "Traceback" not in result.stderr


def _stop(proc) -> str:
    """Stop a `quiz serve` process group as Ctrl+C in its terminal would; return its output."""
    import signal

    os.killpg(proc.pid, signal.SIGINT)
    try:
        return proc.communicate(timeout=60)[0]
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        output = proc.communicate()[0]
        raise AssertionError(f"quiz serve did not stop on Ctrl+C:\n{output[-3000:]}") from None


@pytest.mark.slow
@pytest.mark.parametrize("access_log", [False, True])
def test_serve_runs_a_production_server_that_answers(tmp_path, access_log):
    env = {"QUIZ_DATABASE_URL": f"sqlite:///{tmp_path}/serve.db", "QUIZ_SECRET_KEY": "k" * 32}
    assert _quiz("init", env=env).returncode == 0
    import http.client
    import socket
    import time
    import urllib.request

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "from quiz.cli import main; main()",
            "serve",
            "--port",
            str(port),
            "--workers",
            "2",
            *(["--access-log"] if access_log else []),
        ],
        env={**os.environ, **env, "HOME": str(tmp_path)},
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,  # its own process group, stopped as a whole below
    )
    try:
        body = None
        for _ in range(100):
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as r:
                    body = r.read().decode()
                    break
            except OSError:
                time.sleep(0.1)
        assert body is not None and '"ok"' in body
        # Keep-alive: a browser's next request goes out on the connection it already has.
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("GET", "/healthz")
            first = connection.getresponse()
            first.read()
            opened = connection.sock
            connection.request("GET", "/api/v1/articles")
            second = connection.getresponse()
            second.read()
            reused = opened is not None and connection.sock is opened
        finally:
            connection.close()
        assert first.getheader("Connection", "").lower() != "close"
        assert reused and second.status == 200 and not second.will_close
    finally:
        output = _stop(proc)
    assert f"http://127.0.0.1:{port}/" in output
    # One line per request only when asked for: a classroom's requests would flood the terminal.
    # (An access line, not an error line a Ctrl+C mid-response may log with the request in it.)
    assert ('"GET /healthz HTTP/1.1" 200' in output) is access_log
    # Nothing left in the user's home folder (gunicorn's control socket is off).
    assert not (tmp_path / ".gunicorn").exists()
    assert "gunicorn" in output.lower() or "Booting worker" in output
    assert "No keepalived connections" not in output


def _serve_env(db_path):
    url = str(db_path) if "://" in str(db_path) else f"sqlite:///{db_path}"
    return {"QUIZ_DATABASE_URL": url, "QUIZ_SECRET_KEY": "k" * 32}


def test_serve_on_a_port_in_use_says_so_at_once(db_path):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = _quiz("serve", "--port", str(port), env=_serve_env(db_path), timeout=30)
    assert result.returncode == 1
    assert result.stderr.strip() == f"Error: port {port} is in use: choose another with --port"
    assert "running" not in result.stdout and "Connection in use" not in result.stderr


@pytest.mark.parametrize("host", ["999.1.1.1", "no-such-host.invalid"])
def test_serve_on_an_address_this_computer_has_not_says_so(db_path, host):
    result = _quiz("serve", "--host", host, "--port", "5088", env=_serve_env(db_path), timeout=30)
    assert result.returncode == 1
    assert result.stderr.strip() == (
        f"Error: {host} is not an address of this computer: choose another with --host"
    )
    assert "running" not in result.stdout


@pytest.mark.slow
def test_a_body_refused_unread_closes_the_connection_and_says_so(tmp_path):
    """A 413 is answered from Content-Length alone; the connection is not kept after it."""
    import http.client
    import socket
    import time

    env = {"QUIZ_DATABASE_URL": f"sqlite:///{tmp_path}/serve.db", "QUIZ_SECRET_KEY": "k" * 32}
    assert _quiz("init", env=env).returncode == 0
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    proc = subprocess.Popen(
        [sys.executable, "-c", "from quiz.cli import main; main()", "serve", "--port", str(port)],
        env={**os.environ, **env, "HOME": str(tmp_path)},
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        headers = {"Content-Type": "application/json"}
        # Over the API's 16 KiB: sent whole (and more than gunicorn reads past an answer), and
        # announced but not sent yet (a client may wait to hear before sending a large body).
        for size, send in [(100 * 1024, True), (20 * 1024, True), (20 * 1024, False)]:
            body = b'{"nickname": "' + b"a" * size + b'"}'
            raw = socket.create_connection(("127.0.0.1", port), timeout=10)
            with raw:
                raw.sendall(
                    b"POST /api/v1/rounds HTTP/1.1\r\nHost: quiz\r\n"
                    b"Content-Type: application/json\r\n"
                    + f"Content-Length: {len(body)}\r\n\r\n".encode()
                    + (body if send else b"")
                )
                answer = http.client.HTTPResponse(raw)
                answer.begin()
                answer.read()
                assert answer.status == 413
                assert answer.getheader("Connection", "").lower() == "close", (size, send)
                assert answer.will_close
        # A client that keeps its connection: the request after a 413 is answered.
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        try:
            connection.request("POST", "/api/v1/rounds", body=b"x" * 100 * 1024, headers=headers)
            refused = connection.getresponse()
            refused.read()
            connection.request("GET", "/healthz")
            after = connection.getresponse()
            after.read()
            assert (refused.status, after.status) == (413, 200)
            # A body read whole (refused for what it says) keeps the connection.
            opened = connection.sock
            connection.request("POST", "/api/v1/rounds", body=b"{}", headers=headers)
            invalid = connection.getresponse()
            invalid.read()
            assert invalid.status == 422 and not invalid.will_close
            assert connection.sock is opened
        finally:
            connection.close()
    finally:
        output = _stop(proc)
    assert "Traceback" not in output
