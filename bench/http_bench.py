"""HTTP figures against a real `quiz serve`, beside a bare Flask app served the same way.

wrk (a load generator in C, so the client is not what is measured) drives `/healthz`, the
leaderboard and a student's real cycle: read the round's current question (its first
serve, which records the time) and answer it, over rounds made beforehand (bench/cycle.lua).
The bare app of bench/bare_app.py, on the same gunicorn set-up and database, is measured in
the same run as the reference. Then bursts of 1,000 answers and 1,000 `/healthz` at once, the
leaderboard over a million stored answers, and `quiz init` on an empty database.

Run with `make bench` (bench/run.py calls main()). Loopback only; every request has a timeout.
"""

from __future__ import annotations

import asyncio
import http.client
import json
import os
import re
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

BIN = Path(sys.executable).parent
HERE = Path(__file__).resolve().parent
DURATION = float(os.environ.get("QUIZ_BENCH_SECONDS", "3"))
# Each wrk figure is taken this many times, in turn with the others; the median is kept.
REPEATS = 3
# Concurrent connections (and wrk threads: one connection each keeps a cycle in order).
CONNECTIONS = 16
# Rounds of MAX_ROUND_SIZE questions made per connection for the cycle: more than it uses.
CYCLE_ROUNDS_EACH = 20
MAX_ROUND_SIZE = 50
# The burst is repeated on this noisy machine, and its median compared with the target.
BURSTS = 3


def call(port, method, path, body=None, token=None):
    """Send one request; return (status, JSON body)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    try:
        headers = {"Content-Type": "application/json"}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        connection.request(method, path, json.dumps(body) if body is not None else None, headers)
        response = connection.getresponse()
        raw = response.read()
        return response.status, (json.loads(raw) if raw else None)
    finally:
        connection.close()


def percentile(values, fraction):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


class Served:
    """A `quiz serve` on a fresh database made by `quiz init`."""

    def __init__(self, folder: Path, workers: int):
        self.database = folder / "bench.sqlite3"
        self.env = {
            **os.environ,
            "QUIZ_DATABASE_URL": f"sqlite:///{self.database}",
            "QUIZ_SECRET_KEY": "bench",
            # Measured here is the server, not the rate limits.
            "QUIZ_ANSWER_LIMIT": "100000 per minute",
            "QUIZ_ROUND_LIMIT": "100000 per minute",
        }
        self.folder = folder
        self.port = 18000 + os.getpid() % 1000
        self.workers = workers

    def init(self) -> float:
        start = time.perf_counter()
        subprocess.run(
            [BIN / "quiz", "init"], env=self.env, cwd=self.folder, check=True, capture_output=True
        )
        return time.perf_counter() - start

    def __enter__(self):
        command = [BIN / "quiz", "serve", "--port", str(self.port), "--workers", str(self.workers)]
        self.process = _start(command, self.env, self.folder)
        _wait_for(self.port, "quiz serve")
        return self

    def __exit__(self, *exc):
        _stop(self.process)


def new_rounds(port, count, size=50):
    """Create rounds; return [(id, token, [question ids in order])]."""
    rounds = []
    for n in range(count):
        _, created = call(
            port,
            "POST",
            "/api/v1/rounds",
            {"nickname": f"b{n}", "article": "baikonur", "size": size},
        )
        rounds.append((created["id"], created["token"]))
    return rounds


def dealt(database, rounds):
    """Return each round's question ids in order, read from the database."""
    with sqlite3.connect(database) as connection:
        return {
            rid: [
                q
                for (q,) in connection.execute(
                    "SELECT question_id FROM round_question WHERE round_id=? ORDER BY position",
                    (rid,),
                )
            ]
            for rid, _ in rounds
        }


def options(database):
    """Return, per question id, one acceptable answer text."""
    with sqlite3.connect(database) as connection:
        picks = dict(
            connection.execute(
                "SELECT question_id, min(text) FROM option JOIN question q ON q.id = question_id"
                " WHERE q.kind != 'order' GROUP BY 1"
            )
        )
        for qid, answer in connection.execute("SELECT id, answer FROM question"):
            picks.setdefault(qid, answer)
    return picks


def ensure_wrk() -> str:
    """Return the path of wrk, installing Debian's package first if it is missing."""
    found = shutil.which("wrk")
    if found is None:
        print("installing wrk (Debian package) for the HTTP figures")
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.STDOUT}
        subprocess.run(["apt-get", "update", "-qq"], check=False, **quiet)
        env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
        subprocess.run(["apt-get", "install", "-y", "-qq", "wrk"], check=False, env=env, **quiet)
        found = shutil.which("wrk")
    if found is None:
        raise SystemExit("wrk is needed for the HTTP figures: apt-get install wrk")
    return found


@dataclass
class Load:
    """What wrk measured: requests per second, latency percentiles, refusals."""

    rate: float
    p50: float
    p99: float
    failed: int
    output: str


def _seconds(text: str) -> float:
    number, unit = re.fullmatch(r"([\d.]+)(us|ms|s|m)", text).groups()
    return float(number) * {"us": 1e-6, "ms": 1e-3, "s": 1.0, "m": 60.0}[unit]


def run_wrk(port, path, *, seconds=None, script=None, args=()) -> Load:
    """Drive one URL (or a script's requests) for DURATION seconds with wrk."""
    command = [ensure_wrk(), "-t", str(CONNECTIONS), "-c", str(CONNECTIONS)]
    command += ["-d", f"{seconds or DURATION:g}s", "--timeout", "10s", "--latency"]
    if script is not None:
        command += ["-s", str(script)]
    command.append(f"http://127.0.0.1:{port}{path}")
    if args:
        command += ["--", *map(str, args)]
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    p50 = _seconds(re.search(r"\s50%\s+(\S+)", output).group(1))
    p99 = _seconds(re.search(r"\s99%\s+(\S+)", output).group(1))
    refused = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    errors = re.search(
        r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", output
    )
    failed = int(refused.group(1)) if refused else 0
    failed += sum(map(int, errors.groups())) if errors else 0
    return Load(rate, p50, p99, failed, output)


class Bare:
    """The bare Flask app of bench/bare_app.py, served like the quiz on the same database."""

    def __init__(self, folder: Path, database: Path, workers: int):
        self.folder, self.database, self.workers = folder, database, workers
        self.port = 19000 + os.getpid() % 1000

    def __enter__(self):
        command = [sys.executable, HERE / "bare_app.py", self.port, self.workers, self.database]
        self.process = _start([str(part) for part in command], os.environ, self.folder)
        _wait_for(self.port, "bench/bare_app.py")
        return self

    def __exit__(self, *exc):
        _stop(self.process)


def cycle_steps(served, folder: Path, threads: int, rounds_each: int) -> None:
    """Write, per wrk thread, its rounds' steps: read the question, then answer it."""
    rounds = new_rounds(served.port, threads * rounds_each, size=MAX_ROUND_SIZE)
    order = dealt(served.database, rounds)
    picks = options(served.database)
    for number in range(threads):
        lines = []
        for rid, token in rounds[number::threads]:
            for qid in order[rid]:
                answer = json.dumps({"question_id": qid, "answer": picks[qid]})
                lines.append(f"GET\t/api/v1/rounds/{rid}/question\t{token}\t")
                lines.append(f"POST\t/api/v1/rounds/{rid}/answers\t{token}\t{answer}")
        (folder / f"steps-{number}.tsv").write_text("\n".join(lines) + "\n", encoding="utf-8")


def cycle(served, steps: Path) -> Load:
    """Measure the student's cycle over the rounds of a steps folder (cycle_steps)."""
    load = run_wrk(served.port, "/", script=HERE / "cycle.lua", args=[steps])
    check = re.search(r"cycle-check spare=(\d+) refused=(\d+)", load.output)
    spare, refused = int(check.group(1)), int(check.group(2))
    if spare:
        raise SystemExit(f"the cycle ran out of prepared rounds ({spare} spare requests)")
    load.failed += refused
    # A cycle is two requests: read the question, answer it.
    load.rate /= 2
    return load


def median_load(loads: list[Load]) -> Load:
    """Return the run with the median rate (its latencies with it), counting every failure."""
    middle = sorted(loads, key=lambda load: load.rate)[len(loads) // 2]
    failed = sum(load.failed for load in loads)
    return Load(middle.rate, middle.p50, middle.p99, failed, middle.output)


def raw_request(port, method, path, body=None, token=None) -> bytes:
    """Return the bytes of one HTTP/1.1 request that closes its connection."""
    payload = json.dumps(body).encode() if body is not None else b""
    head = [
        f"{method} {path} HTTP/1.1",
        f"Host: 127.0.0.1:{port}",
        "Connection: close",
        f"Content-Length: {len(payload)}",
    ]
    if body is not None:
        head.append("Content-Type: application/json")
    if token:
        head.append(f"Authorization: Bearer {token}")
    return ("\r\n".join(head) + "\r\n\r\n").encode() + payload


async def _send_all(port, requests):
    """Open one connection per request, all at once; return each response's status."""

    async def one(raw):
        reader, writer = await asyncio.wait_for(asyncio.open_connection("127.0.0.1", port), 30)
        try:
            writer.write(raw)
            await writer.drain()
            response = await asyncio.wait_for(reader.read(), 30)
        finally:
            writer.close()
        return int(response.split(b" ", 2)[1])

    return await asyncio.gather(*(one(raw) for raw in requests))


def server_cpu(served) -> float:
    """Return the CPU seconds the server's process group has used so far (Linux /proc)."""
    ticks = 0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # a process that ended meanwhile
        if int(fields[2]) == served.process.pid:  # the group `quiz serve` leads
            ticks += int(fields[11]) + int(fields[12])  # utime + stime
    return ticks / os.sysconf("SC_CLK_TCK")


def timed_burst(served, requests):
    """Send the requests at once; return (seconds, statuses, server CPU ms per request)."""
    cpu = server_cpu(served)
    start = time.perf_counter()
    statuses = asyncio.run(_send_all(served.port, requests))
    elapsed = time.perf_counter() - start
    return elapsed, statuses, (server_cpu(served) - cpu) * 1000 / len(requests)


def burst(served, players=1000):
    """1,000 players answer at once, each on a connection of its own; beside it, /healthz.

    Return the seconds the answers and the /healthz took, whether every answer was stored,
    and printable rows.
    """
    port = served.port
    rounds = new_rounds(port, players, size=1)
    for rid, token in rounds:  # each player has seen the question before answering it
        call(port, "GET", f"/api/v1/rounds/{rid}/question", token=token)
    order = dealt(served.database, rounds)
    picks = options(served.database)
    answers = [
        raw_request(
            port,
            "POST",
            f"/api/v1/rounds/{rid}/answers",
            {"question_id": order[rid][0], "answer": picks[order[rid][0]]},
            token,
        )
        for rid, token in rounds
    ]
    health, _, health_cpu = timed_burst(served, [raw_request(port, "GET", "/healthz")] * players)
    elapsed, statuses, answer_cpu = timed_burst(served, answers)
    with sqlite3.connect(served.database) as connection:
        ids = [rid for rid, _ in rounds]
        marks = ",".join("?" * len(ids))
        stored = connection.execute(
            f"SELECT count(*) FROM answer WHERE round_id IN ({marks})", ids
        ).fetchone()[0]
    refused = sum(status != 200 for status in statuses)
    return (
        elapsed,
        health,
        stored == players and refused == 0,
        [
            f"burst: {players} players answering at once (a connection each): {stored} stored, "
            f"{refused} refused, in {elapsed:.2f} s; {players} /healthz at once: {health:.2f} s",
            f"server CPU per request in those bursts: answer {answer_cpu:.2f} ms, "
            f"/healthz {health_cpu:.2f} ms",
        ],
    )


def big_leaderboard(served, answers=1_000_000, size=10):
    """Fill the database with a million answers in finished rounds; time the leaderboard."""
    rounds = answers // size
    with sqlite3.connect(served.database) as connection:
        article = connection.execute("SELECT id FROM article WHERE slug='baikonur'").fetchone()[0]
        questions = [
            q
            for (q,) in connection.execute(
                "SELECT id FROM question WHERE article_id=? LIMIT ?", (article, size)
            )
        ]
        now = "2026-01-01 10:00:00.000000"
        connection.executemany(
            "INSERT INTO round (id, token_hash, article_id, nickname, size, speed_bonus, score,"
            " correct, answered, started_at, finished_at) VALUES (?,?,?,?,?,1,?,?,?,?,?)",
            (
                (
                    f"bench{i:08d}",
                    f"h{i}",
                    article,
                    f"p{i}",
                    size,
                    (i * 7919) % 10000,
                    i % 11,
                    size,
                    now,
                    now,
                )
                for i in range(rounds)
            ),
        )
        connection.executemany(
            "INSERT INTO answer (round_id, question_id, given, correct, points, elapsed_ms,"
            " answered_at) VALUES (?,?,?,?,?,?,?)",
            (
                (f"bench{i // size:08d}", questions[i % size], "x", 1, 500, 1000, now)
                for i in range(answers)
            ),
        )
    latencies = []
    for _ in range(50):
        start = time.perf_counter()
        call(served.port, "GET", "/api/v1/leaderboard?article=baikonur&limit=10")
        latencies.append(time.perf_counter() - start)
    p50, p99 = percentile(latencies, 0.5), percentile(latencies, 0.99)
    return p99, (
        f"leaderboard with {answers:,} stored answers in {rounds:,} rounds: "
        f"p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms"
    )


def _start(command, env, folder: Path):
    with open(folder / "serve.log", "ab") as log:
        return subprocess.Popen(
            command,
            env=env,
            cwd=folder,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )


def _wait_for(port, name):
    for _ in range(300):
        try:
            if call(port, "GET", "/healthz")[0] == 200:
                return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"{name} did not start")


def _stop(process):
    os.killpg(process.pid, signal.SIGTERM)
    process.wait(20)


def row(name: str, load: Load, base: Load | None = None, unit: str = "requests") -> str:
    """Return one printable line of wrk figures."""
    against = f"  x{load.rate / base.rate:4.2f} of /healthz" if base else ""
    return (
        f"{name:<34} {load.rate:7.0f} {unit}/s  p50 {load.p50 * 1000:6.1f} ms  "
        f"p99 {load.p99 * 1000:6.1f} ms  failed: {load.failed}{against}"
    )


def targets(init_seconds, figures, bursts, leaderboard_p99):
    """Return one line per target of the benchmark: the figure, the target, met or not."""
    health, bare_db, cycle_load = figures["/healthz"], figures["bare /db"], figures["cycle"]
    answers = statistics.median(seconds for seconds, _, _ in bursts)
    healths = statistics.median(health for _, health, _ in bursts)
    all_stored = all(complete for *_, complete in bursts)
    no_failures = all(load.failed == 0 for load in figures.values())
    checks = [
        (
            f"/healthz x{health.rate / bare_db.rate:.2f} of the bare Flask app's /db",
            "at least x0.70",
            health.rate >= 0.7 * bare_db.rate,
        ),
        (
            f"question-then-answer cycle x{cycle_load.rate / health.rate:.2f} of /healthz",
            "at least x0.30",
            cycle_load.rate >= 0.3 * health.rate,
        ),
        (
            f"1,000 answers at once in x{answers / healths:.2f} the time of 1,000 /healthz "
            f"(medians of {len(bursts)} bursts: {answers:.2f} s and {healths:.2f} s)",
            "at most x1.20, every answer stored",
            all_stored and answers <= 1.2 * healths,
        ),
        (
            f"failed requests under wrk: {sum(load.failed for load in figures.values())}",
            "none",
            no_failures,
        ),
        (
            f"leaderboard over a million answers: p99 {leaderboard_p99 * 1000:.1f} ms",
            "under 50 ms",
            leaderboard_p99 < 0.05,
        ),
        (f"quiz init on an empty database: {init_seconds:.2f} s", "under 3 s", init_seconds < 3),
    ]
    return [
        f"target {'met    ' if ok else 'NOT MET'}  {figure} (target: {goal})"
        for figure, goal, ok in checks
    ]


def main(workers: int = 2) -> None:
    """Print the HTTP figures: the bare Flask app first, then the quiz, in one run."""
    ensure_wrk()
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        served = Served(folder, workers)
        init_seconds = served.init()
        print(f"quiz init on an empty database: {init_seconds:.2f} s")
        print(
            f"HTTP with wrk, {CONNECTIONS} connections, median of {REPEATS} runs of "
            f"{DURATION:g} s per figure; gunicorn, {workers} threaded (gthread) workers as "
            "quiz serve runs them, SQLite"
        )
        runs: dict[str, list[Load]] = {}
        with served, Bare(folder, served.database, workers) as bare:
            steps = []
            for n in range(REPEATS):
                steps.append(folder / f"steps{n}")
                steps[-1].mkdir()
                cycle_steps(served, steps[-1], CONNECTIONS, CYCLE_ROUNDS_EACH)
            # Both servers warm (workers started, first connections and queries made), then
            # the figures taken in turn, several times, so that a busy moment of this shared
            # machine falls on all of them alike; the medians are compared.
            run_wrk(bare.port, "/db", seconds=1)
            run_wrk(served.port, "/healthz", seconds=1)
            for n in range(REPEATS):
                measured = {
                    "bare /healthz": lambda: run_wrk(bare.port, "/healthz"),
                    "bare /db": lambda: run_wrk(bare.port, "/db"),
                    "/healthz": lambda: run_wrk(served.port, "/healthz"),
                    "cycle": lambda n=n: cycle(served, steps[n]),
                }
                for name, measure in measured.items():
                    runs.setdefault(name, []).append(measure())
            figures = {name: median_load(loads) for name, loads in runs.items()}
            figures["leaderboard"] = run_wrk(
                served.port, "/api/v1/leaderboard?article=baikonur&limit=10"
            )
            bursts = [burst(served) for _ in range(BURSTS)]
            leaderboard_p99, leaderboard_row = big_leaderboard(served)
        cycles = int(figures["cycle"].rate * DURATION)
        base = figures["/healthz"]
        print(row("bare Flask app: /healthz", figures["bare /healthz"]))
        print(row("bare Flask app: /db (SELECT 1)", figures["bare /db"]))
        print(row("quiz: /healthz (SELECT 1)", base, base))
        print(row("quiz: leaderboard (API)", figures["leaderboard"], base))
        print(row("quiz: question, then answer (API)", figures["cycle"], base, "cycles"))
        print(f"  ({cycles} cycles: each the first serve of a question, then its answer)")
        for *_, rows in bursts:
            for line in rows:
                print(line)
        print(leaderboard_row)
        outcomes = [(seconds, health, complete) for seconds, health, complete, _ in bursts]
        for line in targets(init_seconds, figures, outcomes, leaderboard_p99):
            print(line)


if __name__ == "__main__":
    main()
