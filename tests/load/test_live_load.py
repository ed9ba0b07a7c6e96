"""A live game of 200 players against a real `quiz serve`: every player holds an event stream
and answers over the API; a worker is SIGKILLed mid-question. No 5xx, no acknowledged answer
lost, every player back in the game with their score, results that agree with the answers.

Bounded: loopback only, a fixed number of players, timeouts on every wait.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from sqlalchemy import text

from quiz import create_app
from quiz.accounts.auth import hash_password, issue_api_token
from quiz.storage.extensions import db
from quiz.storage.models import Teacher
from tests.load.conftest import request
from tests.load.test_load import engine_for

PLAYERS = 200
SIZE = 2
TIME_LIMIT = 120


def teacher_token(database: str) -> str:
    """Store a teacher with an API token in the test database, before the server starts."""
    url = database if "://" in database else f"sqlite:///{database}"
    app = create_app({"SQLALCHEMY_DATABASE_URI": url, "SECRET_KEY": "x", "TESTING": True})
    with app.app_context():
        teacher = Teacher(name="host", password_hash=hash_password("correct horse battery"))
        db.session.add(teacher)
        db.session.commit()
        token = issue_api_token(teacher)
        db.session.commit()
        db.engine.dispose()
    return token


def right_answers(database: str) -> dict[int, str]:
    engine = engine_for(database)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT id, answer FROM question"))
            return dict(rows.all())
    finally:
        engine.dispose()


def worker_pids(master: int) -> list[int]:
    """Return the gunicorn master's worker processes."""
    children = Path(f"/proc/{master}/task/{master}/children")
    return [int(pid) for pid in children.read_text().split()]


@dataclass
class Tally:
    acknowledged: set[tuple[int, int]] = field(default_factory=set)  # (player id, question id)
    server_errors: list[str] = field(default_factory=list)
    reconnects: int = 0
    finals: dict[int, dict] = field(default_factory=dict)
    resumed_after_kill: set[int] = field(default_factory=set)
    lock: threading.Lock = field(default_factory=threading.Lock)


def events(port: int, path: str, token: str, last_id: int | None):
    """Yield (id, data) of a server-sent event stream until the connection ends."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
    if last_id is not None:
        headers["Last-Event-ID"] = str(last_id)
    try:
        connection.request("GET", path, headers=headers)
        response = connection.getresponse()
        if response.status != 200:
            raise OSError(f"stream answered {response.status}")
        event_id, data = None, None
        while True:
            line = response.readline()
            if not line:
                return
            line = line.decode().rstrip("\n")
            if line.startswith("id: "):
                event_id = int(line[4:])
            elif line.startswith("data: "):
                data = json.loads(line[6:])
            elif line == "" and data is not None:
                yield event_id, data
                event_id, data = None, None
    finally:
        connection.close()


def play(port, pin, token, player_id, answers, tally: Tally, killed: threading.Event):
    """Follow the game's stream and answer each question once, as a phone would."""
    url = f"/api/v1/games/{pin}"
    last_id = None
    done: set[int] = set()
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            for event_id, game in events(port, url + "/events", token, last_id):
                last_id = event_id
                if killed.is_set():
                    with tally.lock:
                        tally.resumed_after_kill.add(player_id)
                if game["state"] == "finished":
                    with tally.lock:
                        tally.finals[player_id] = game["you"]
                    return
                question = game.get("question")
                if game["state"] == "question" and question["id"] not in done:
                    body = {"question_id": question["id"], "answer": answers[question["id"]]}
                    status = answer(port, url + "/answers", body, token, tally)
                    if status == 202:
                        with tally.lock:
                            tally.acknowledged.add((player_id, question["id"]))
                    if status in (202, 409, 423):
                        done.add(question["id"])
        except (OSError, http.client.HTTPException):
            pass  # the connection broke (a worker killed under it): connect again
        with tally.lock:
            tally.reconnects += 1
        time.sleep(0.2)


def answer(port, path, body, token, tally: Tally) -> int:
    for _attempt in range(20):
        try:
            status, _ = request(port, "POST", path, body, token=token)
        except (OSError, http.client.HTTPException):
            time.sleep(0.2)  # the worker went away mid-request: send it again
            continue
        if status >= 500:
            with tally.lock:
                tally.server_errors.append(f"answer {status}")
        return status
    return 0


def host_state(port, pin, token) -> dict:
    for _attempt in range(50):
        try:
            status, body = request(port, "GET", f"/api/v1/games/{pin}", token=token)
            if status == 200:
                return body
        except (OSError, http.client.HTTPException):
            pass
        time.sleep(0.1)
    raise AssertionError("the host could not read the game")


def wait_for(condition, seconds=120.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return
        time.sleep(0.1)
    raise AssertionError("timed out waiting")


def test_200_players_a_worker_killed_mid_question_nothing_lost(server, db_path):
    database = str(db_path)
    host = teacher_token(database)
    answers = right_answers(database)
    running = server(workers=2)
    port = running.port
    status, game = request(
        port,
        "POST",
        "/api/v1/games",
        {"article": "baikonur", "size": SIZE, "time_limit": TIME_LIMIT},
        token=host,
    )
    assert status == 201
    pin = game["pin"]

    tally, killed = Tally(), threading.Event()
    joined = []
    for n in range(PLAYERS):
        status, body = request(port, "POST", f"/api/v1/games/{pin}/players", {"nickname": f"p{n}"})
        assert status == 201, body
        joined.append((body["token"], body["player"]["id"]))
    players = [
        threading.Thread(target=play, args=(port, pin, token, pid, answers, tally, killed))
        for token, pid in joined
    ]
    for thread in players:
        thread.start()
    time.sleep(2)  # every stream is open and has the lobby

    assert request(port, "POST", f"/api/v1/games/{pin}/start", token=host)[0] == 200
    # Everyone answers, so the question closes without the host.
    wait_for(lambda: host_state(port, pin, host)["state"] == "closed")
    assert host_state(port, pin, host)["answered"] == PLAYERS

    assert request(port, "POST", f"/api/v1/games/{pin}/next", token=host)[0] == 200
    wait_for(lambda: host_state(port, pin, host)["answered"] >= PLAYERS // 4, 60)
    victim = worker_pids(running.process.pid)[0]
    os.kill(victim, signal.SIGKILL)
    killed.set()
    # The killed worker's players reconnect, get the open question at once and answer it.
    wait_for(lambda: host_state(port, pin, host)["state"] == "closed")
    assert host_state(port, pin, host)["answered"] == PLAYERS
    assert request(port, "POST", f"/api/v1/games/{pin}/next", token=host)[0] == 200

    for thread in players:
        thread.join(120)
    assert not any(thread.is_alive() for thread in players)
    assert tally.server_errors == []
    assert tally.reconnects > 0, "no stream was on the killed worker"
    assert len(tally.resumed_after_kill) == PLAYERS
    assert len(tally.finals) == PLAYERS

    engine = engine_for(database)
    try:
        with engine.connect() as connection:
            stored = set(
                connection.execute(
                    text(
                        "SELECT live_player.id, answer.question_id FROM answer "
                        "JOIN live_player ON live_player.round_id = answer.round_id"
                    )
                ).all()
            )
            scores = dict(
                connection.execute(
                    text(
                        "SELECT live_player.id, round.score FROM live_player "
                        "JOIN round ON round.id = live_player.round_id"
                    )
                ).all()
            )
    finally:
        engine.dispose()
    missing = tally.acknowledged - stored
    assert missing == set(), f"{len(missing)} acknowledged answers were lost"
    assert len(stored) == PLAYERS * SIZE
    # Each player's final standing, as the stream sent it, is what the database holds.
    assert all(tally.finals[pid]["score"] == scores[pid] for pid in scores)
    results = request(port, "GET", f"/api/v1/games/{pin}/results", token=host)[1]
    assert sum(q["answered"] for q in results["questions"]) == PLAYERS * SIZE
    assert sorted(p["score"] for p in results["players"]) == sorted(scores.values())
