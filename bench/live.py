"""Live game figures against a real `quiz serve` on the embedded default (SQLite, 2 workers):
one game of 1,000 players, each holding an event stream.

- after the host opens a question, how long until every player has it (p99, target 0.5 s);
- 1,000 answers sent within the same second: every one stored and counted in the closed
  question's distribution;
- 1,000 players reconnecting at once (Last-Event-ID): how long until all are back (target 2 s);
- the leaderboard and podium agree with the stored answers.

Run with `make bench` (bench/run.py calls main()), or alone: `python bench/live.py`.
Loopback only; every wait has a timeout. The players run in this process, on asyncio, so they
share the machine's two cores with the server: the figures include the clients' own work.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import os
import socket
import sqlite3
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from http_bench import Served, call, percentile, raw_request  # noqa: E402

PLAYERS = int(os.environ.get("QUIZ_BENCH_LIVE_PLAYERS", "1000"))
WORKERS = 2
# Threads per worker: every open stream holds one. Room for every player on each worker: when
# all reconnect at once, their old connections hold threads until they are found gone.
THREADS = PLAYERS + 200
OPEN_TARGET, RECONNECT_TARGET = 0.5, 2.0


def teacher_token(database: Path) -> str:
    """Store a teacher with an API token (as `quiz create-teacher` and the tokens page do)."""
    from quiz import create_app
    from quiz.accounts.auth import hash_password, issue_api_token
    from quiz.storage.extensions import db
    from quiz.storage.models import Teacher

    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{database}", "SECRET_KEY": "b"})
    with app.app_context():
        teacher = Teacher(name="bench-host", password_hash=hash_password("bench-password-1"))
        db.session.add(teacher)
        db.session.commit()
        token = issue_api_token(teacher)
        db.session.commit()
        db.engine.dispose()
    return token


class Player:
    """One phone: an event stream of its own, read on asyncio."""

    def __init__(self, port: int, pin: str, token: str, player_id: int):
        self.port, self.pin, self.token, self.id = port, pin, token, player_id
        self.last_id: int | None = None
        self.state: dict | None = None
        self.arrivals: list[tuple[float, dict]] = []
        self.changed = asyncio.Event()
        self.task: asyncio.Task | None = None
        self.transport: asyncio.BaseTransport | None = None

    def connect(self) -> socket.socket:
        """Open the connection and send the request, as a phone does on (re)connecting.

        A plain blocking connect and send: on loopback each takes microseconds, where
        asyncio's connect would make a thousand players' requests wait for each other in this
        process's event loop before the first one is even sent.
        """
        head = [
            f"GET /api/v1/games/{self.pin}/events HTTP/1.1",
            f"Host: 127.0.0.1:{self.port}",
            f"Authorization: Bearer {self.token}",
            "Accept: text/event-stream",
        ]
        if self.last_id is not None:
            head.append(f"Last-Event-ID: {self.last_id}")
        connection = socket.create_connection(("127.0.0.1", self.port), timeout=30)
        connection.sendall(("\r\n".join(head) + "\r\n\r\n").encode())
        connection.setblocking(False)
        return connection

    async def follow(self, connection: socket.socket) -> None:
        """Read the stream (its request already sent) event by event until it is closed."""
        loop = asyncio.get_running_loop()
        ended = loop.create_future()
        self.transport, _ = await loop.create_connection(
            lambda: Stream(self, ended), sock=connection
        )
        await ended

    def _event(self, block: str) -> None:
        fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
        if "data" not in fields:
            return
        self.last_id = int(fields["id"])
        self.state = json.loads(fields["data"])
        self.arrivals.append((time.perf_counter(), self.state))
        self.changed.set()

    def start(self) -> None:
        self.task = asyncio.ensure_future(self.follow(self.connect()))

    async def stop(self) -> None:
        if self.transport is not None:
            self.transport.close()
        if self.task is not None:
            self.task.cancel()
            with contextlib.suppress(asyncio.CancelledError, OSError):
                await self.task


class Stream(asyncio.Protocol):
    """Read one response of chunked server-sent events as it arrives, in one callback per read.

    Cheaper than asyncio's stream reader (a step of a coroutine per line): the players share
    the server's two cores, and what they spend is taken from the server.
    """

    def __init__(self, player: Player, ended: asyncio.Future):
        self.player, self.ended = player, ended
        self.received = b""  # what has come and is not yet parsed
        self.body = b""  # the chunks' data, up to the next whole event
        self.in_head = True
        self.transport: asyncio.BaseTransport | None = None

    def connection_made(self, transport: asyncio.BaseTransport) -> None:
        self.transport = transport

    def data_received(self, data: bytes) -> None:
        self.received += data
        if self.in_head:
            end = self.received.find(b"\r\n\r\n")
            if end < 0:
                return
            status = self.received[: self.received.find(b"\r\n")]
            if b" 200 " not in status:
                self._end(RuntimeError(f"stream refused: {status!r}"))
                return
            self.received, self.in_head = self.received[end + 4 :], False
        while True:
            line = self.received.find(b"\r\n")
            if line < 0:
                return
            size = int(self.received[:line].strip() or b"0", 16)
            if size == 0:
                self._end(None)
                return
            if len(self.received) < line + 2 + size + 2:
                return
            self.body += self.received[line + 2 : line + 2 + size]
            self.received = self.received[line + 4 + size :]
            while b"\n\n" in self.body:
                block, self.body = self.body.split(b"\n\n", 1)
                self.player._event(block.decode())

    def connection_lost(self, exc: Exception | None) -> None:
        self._end(None)

    def _end(self, error: Exception | None) -> None:
        if not self.ended.done():
            if error is None:
                self.ended.set_result(None)
            else:
                self.ended.set_exception(error)
        if error is not None and self.transport is not None:
            self.transport.close()


async def until(players, test, seconds=30.0, stage="") -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if all(p.state is not None and test(p.state) for p in players):
            return
        await asyncio.sleep(0.01)
    missing = [p for p in players if p.state is None or not test(p.state)]
    failures = {repr(p.task.exception())[:200] for p in missing if p.task and p.task.done()}
    raise SystemExit(
        f"live bench: {len(missing)} players never got to {stage}; errors: {failures}; "
        f"states: {sorted({p.state['state'] if p.state else None for p in missing}, key=str)}"
    )


def first_arrival(player: Player, since: float, test) -> float:
    return next(t for t, state in player.arrivals if t >= since and test(state)) - since


async def send_all(port: int, requests: list[bytes]) -> list[int]:
    async def one(raw):
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 30)
        try:
            writer.write(raw)
            await writer.drain()
            response = await asyncio.wait_for(reader.read(), 30)
        finally:
            writer.close()
        return int(response.split(b" ", 2)[1])

    return list(await asyncio.gather(*(one(raw) for raw in requests)))


def right_answers(database: Path) -> dict[int, str]:
    with sqlite3.connect(database) as connection:
        return dict(connection.execute("SELECT id, answer FROM question"))


async def game(served, host: str, rows: list[str]) -> list[tuple[str, float, float, bool]]:
    port = served.port
    status, created = call(
        port, "POST", "/api/v1/games", {"article": "baikonur", "size": 2, "time_limit": 60}, host
    )
    assert status == 201, created
    pin = created["pin"]
    with ThreadPoolExecutor(16) as pool:
        joined = list(
            pool.map(
                lambda n: call(port, "POST", f"/api/v1/games/{pin}/players", {"nickname": f"p{n}"}),
                range(PLAYERS),
            )
        )
    assert all(status == 201 for status, _ in joined), [s for s, _ in joined if s != 201][:3]
    players = [Player(port, pin, body["token"], body["player"]["id"]) for _, body in joined]
    began = time.perf_counter()
    for player in players:
        player.start()
    await until(players, lambda s: s["state"] == "lobby", 60, stage="step 1")
    rows.append(
        f"live: {PLAYERS} players joined and holding a stream after "
        f"{time.perf_counter() - began:.2f} s"
    )

    # The host opens the first question: how soon does every phone have it?
    opened = time.perf_counter()
    assert call(port, "POST", f"/api/v1/games/{pin}/start", token=host)[0] == 200
    await until(players, lambda s: s["state"] == "question", 30, stage="step 2")
    delays = [first_arrival(p, opened, lambda s: s["state"] == "question") for p in players]
    open_p99 = percentile(delays, 0.99)
    rows.append(
        f"question open -> on every phone: p50 {percentile(delays, 0.5) * 1000:.0f} ms, "
        f"p99 {open_p99 * 1000:.0f} ms, last {max(delays) * 1000:.0f} ms"
    )

    # Everyone answers within the same second: one connection per answer, all at once.
    answers = right_answers(served.database)
    question = players[0].state["question"]
    options = question["options"]
    requests = []
    for n, player in enumerate(players):
        pick = answers[question["id"]] if n % 3 == 0 else options[n % len(options)]
        body = {"question_id": question["id"], "answer": pick}
        requests.append(
            raw_request(port, "POST", f"/api/v1/games/{pin}/answers", body, player.token)
        )
    sent = time.perf_counter()
    statuses = await send_all(port, requests)
    answered_in = time.perf_counter() - sent
    await until(players, lambda s: s["state"] == "closed", 30, stage="step 3")
    result = players[0].state["result"]
    counted = sum(d["count"] for d in result["distribution"])
    with sqlite3.connect(served.database) as connection:
        stored = connection.execute(
            "SELECT count(*) FROM answer JOIN live_player ON live_player.round_id = answer.round_id"
        ).fetchone()[0]
    accepted = statuses.count(202)
    all_stored = accepted == PLAYERS == stored == counted
    rows.append(
        f"{PLAYERS} answers at once: {accepted} accepted in {answered_in:.2f} s, "
        f"{stored} stored, {counted} in the closed result's distribution"
    )

    # Every phone reconnects at once (Last-Event-ID): how soon is every one back?
    for player in players:
        await player.stop()
        player.state = None
    again = time.perf_counter()
    for player in players:
        player.start()
    await until(players, lambda s: s["state"] == "closed", 30, stage="step 4")
    back = [first_arrival(p, again, lambda s: True) for p in players]
    reconnect_last = max(back)
    rows.append(
        f"{PLAYERS} reconnecting at once: p50 {percentile(back, 0.5) * 1000:.0f} ms, "
        f"p99 {percentile(back, 0.99) * 1000:.0f} ms, all back in "
        f"{reconnect_last * 1000:.0f} ms"
    )

    # The last question is closed by the host; then the podium.
    assert call(port, "POST", f"/api/v1/games/{pin}/next", token=host)[0] == 200
    await until(players, lambda s: s["state"] == "question", 30, stage="step 5")
    assert call(port, "POST", f"/api/v1/games/{pin}/next", token=host)[0] == 200
    assert call(port, "POST", f"/api/v1/games/{pin}/next", token=host)[0] == 200
    await until(players, lambda s: s["state"] == "finished", 30, stage="step 6")
    final = players[0].state
    with sqlite3.connect(served.database) as connection:
        scores = dict(
            connection.execute(
                "SELECT live_player.nickname, sum(answer.points) FROM live_player "
                "LEFT JOIN answer ON answer.round_id = live_player.round_id "
                "GROUP BY live_player.id"
            ).fetchall()
        )
    board = [(row["nickname"], row["score"]) for row in final["leaderboard"]]
    best = sorted((v or 0 for v in scores.values()), reverse=True)
    agree = (
        all((scores[name] or 0) == score for name, score in board)
        and [s for _, s in board] == best[: len(board)]
        and final["podium"][0]["score"] == best[0]
    )
    mine = all(p.state["you"]["score"] == (scores[f"p{n}"] or 0) for n, p in enumerate(players))
    rows.append(
        f"leaderboard and podium agree with the stored answers: {agree}; "
        f"every player's own score too: {mine}"
    )
    for player in players:
        await player.stop()
    return [
        ("question on every phone, p99", open_p99, OPEN_TARGET, True),
        ("1,000 answers stored and counted", 0.0, 0.0, all_stored),
        ("all reconnected", reconnect_last, RECONNECT_TARGET, True),
        ("results agree with the answers", 0.0, 0.0, agree and mine),
    ]


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        served = Served(Path(folder), WORKERS)
        served.env["QUIZ_SERVE_THREADS"] = str(THREADS)
        served.init()
        host = teacher_token(served.database)
        rows: list[str] = []
        with served:
            try:
                checks = asyncio.run(game(served, host, rows))
            except BaseException:
                log = (Path(folder) / "serve.log").read_text(errors="replace")
                print(log[-3000:], file=sys.stderr)
                raise
        print(f"\nLive game, {PLAYERS} players on `quiz serve` ({WORKERS} workers, SQLite):")
        for row in rows:
            print("  " + row)
        for name, figure, target, ok in checks:
            if target:
                met = "met" if figure <= target and ok else "NOT met"
                print(f"  target {name} <= {target:.1f} s: {figure:.2f} s ({met})")
            else:
                print(f"  target {name}: {'met' if ok else 'NOT met'}")


if __name__ == "__main__":
    main()
