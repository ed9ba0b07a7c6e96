"""A real `quiz serve` (gunicorn) subprocess on loopback, and players that drive it over HTTP."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    """Return a loopback port nobody listens on right now."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    """Start, stop and SIGKILL one `quiz serve` (or `gunicorn wsgi:app`) process group."""

    def __init__(
        self, database: str, instance: Path, workers: int = 2, wsgi: bool = False, env=None
    ):
        self.port = free_port()
        self.database = database if "://" in database else f"sqlite:///{database}"
        self.instance = instance
        self.workers = workers
        self.wsgi = wsgi
        self.env = env or {}
        self.process: subprocess.Popen | None = None
        self.log = instance / "serve.log"

    def start(self) -> Server:
        """Start the server and wait until /healthz answers."""
        env = {
            **os.environ,
            "QUIZ_DATABASE_URL": self.database,
            "QUIZ_SECRET_KEY": "load-test-secret",
            "QUIZ_TIMEZONE": "UTC",
            **self.env,
        }
        self.instance.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as log:
            self.process = subprocess.Popen(
                self.command(),
                cwd=ROOT if self.wsgi else self.instance,
                env=env,
                stdout=log,
                stderr=subprocess.STDOUT,
                start_new_session=True,  # its own process group: a kill reaches every worker
            )
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise AssertionError(f"the server exited: {self.log.read_text()[-2000:]}")
            try:
                if request(self.port, "GET", "/healthz")[0] == 200:
                    return self
            except OSError:
                time.sleep(0.1)
        raise AssertionError("the server did not answer /healthz within 30 s")

    def command(self) -> list[str]:
        """Return `quiz serve`, or gunicorn serving wsgi.py as the README's deployment does."""
        scripts = Path(sys.executable).parent  # the console scripts beside this Python
        if not self.wsgi:
            return [
                str(scripts / "quiz"),
                "serve",
                "--port",
                str(self.port),
                "--workers",
                str(self.workers),
            ]
        command = [
            str(scripts / "gunicorn"),
            "--workers",
            str(self.workers),
            "--bind",
            f"127.0.0.1:{self.port}",
            "wsgi:app",
        ]
        from gunicorn.config import Config

        if "control_socket_disable" in Config().settings:
            command.append("--no-control-socket")  # nothing left in the home folder
        return command

    def kill(self) -> None:
        """SIGKILL the master and every worker at once, as a power cut would."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self) -> None:
        """Stop the server gracefully."""
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                self.kill()


def request(port: int, method: str, path: str, body=None, token=None, timeout=15.0):
    """Send one HTTP request to the server; return (status, parsed JSON body or None)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        data = json.dumps(body) if body is not None else None
        connection.request(method, path, body=data, headers=headers)
        response = connection.getresponse()
        raw = response.read()
        try:
            return response.status, json.loads(raw) if raw else None
        except ValueError:
            return response.status, None
    finally:
        connection.close()


@dataclass
class Tally:
    """What the players saw: acknowledged answers, server errors, refused connections."""

    acknowledged: list[tuple[str, int]] = field(default_factory=list)
    server_errors: list[str] = field(default_factory=list)
    lost_connections: int = 0


def play(port: int, nickname: str, size: int, tally: Tally, stop=None) -> None:
    """Play one round through the API, recording every acknowledged answer."""
    try:
        status, created = request(
            port,
            "POST",
            "/api/v1/rounds",
            {"nickname": nickname, "article": "baikonur", "size": size},
        )
        if status >= 500:
            tally.server_errors.append(f"create {status}")
        if status != 201:
            return
        url, token = f"/api/v1/rounds/{created['id']}", created["token"]
        while stop is None or not stop.is_set():
            status, body = request(port, "GET", url + "/question", token=token)
            if status >= 500:
                tally.server_errors.append(f"question {status}")
            if status != 200 or body.get("finished"):
                return
            question = body["question"]
            if question["kind"] == "order":
                pick = question["options"]  # the events in the order shown
            else:
                pick = question["options"][0] if question["options"] else "1961"
            answer = {"question_id": question["id"], "answer": pick}
            status, _ = request(port, "POST", url + "/answers", answer, token=token)
            if status >= 500:
                tally.server_errors.append(f"answer {status}")
            if status == 200:
                # Only now has the server acknowledged it: from here it must never be lost.
                tally.acknowledged.append((created["id"], question["id"]))
            elif status != 409:
                return
    except OSError:
        tally.lost_connections += 1


@pytest.fixture
def server(db_path, tmp_path):
    """A `quiz serve` on a copy of the seeded database (or a PostgreSQL copy), stopped after."""
    servers = []

    def start(**kw) -> Server:
        created = Server(str(db_path), tmp_path / "instance", **kw).start()
        servers.append(created)
        return created

    yield start
    for running in servers:
        running.stop()
