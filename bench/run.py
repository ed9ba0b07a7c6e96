"""Benchmarks that print figures: generation, answering through the API, leaderboard reads.

Run with `make bench`. Figures are measured in one run on this machine; compare the ratios,
not the absolute times, between machines.
"""

from __future__ import annotations

import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from quiz import create_app  # noqa: E402
from quiz.authoring.questions import active_templates, generate_for  # noqa: E402
from quiz.storage.extensions import db  # noqa: E402
from quiz.storage.models import Article, Round, utcnow  # noqa: E402


def timed(fn, repeat=5):
    """Return the median seconds of several runs of fn."""
    runs = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def bench_generation(app):
    with app.app_context():
        article = db.session.scalar(db.select(Article).where(Article.slug == "baikonur"))
        templates = active_templates(article)
        count = len(generate_for(article, templates))
        seconds = timed(lambda: generate_for(article, templates))
    print(f"generation: {count} questions from the seed article in {seconds * 1000:.1f} ms")


def answer_times(app, rounds=40, size=10, player_token=None) -> list[float]:
    """Play rounds through the API; return how long each answer took to record."""
    client = app.test_client()
    durations = []
    start_headers = {"Authorization": f"Bearer {player_token}"} if player_token else {}
    for n in range(rounds):
        created = client.post(
            "/api/v1/rounds",
            json={"nickname": f"bench{n}", "article": "baikonur", "size": size},
            headers=start_headers,
        ).get_json()
        headers = {"Authorization": f"Bearer {created['token']}"}
        url = f"/api/v1/rounds/{created['id']}"
        while True:
            body = client.get(url + "/question", headers=headers).get_json()
            if body.get("finished"):
                break
            question = body["question"]
            pick = (
                question["options"]  # an order question: the events as shown
                if question["kind"] == "order"
                else question["options"][0]
                if question["options"]
                else "1961"
            )
            start = time.perf_counter()
            client.post(
                url + "/answers",
                json={"question_id": question["id"], "answer": pick},
                headers=headers,
            )
            durations.append(time.perf_counter() - start)
    return durations


def bench_answers(app):
    durations = answer_times(app)
    per_second = len(durations) / sum(durations)
    print(
        f"answers: {len(durations)} recorded, median {statistics.median(durations) * 1000:.2f} ms, "
        f"{per_second:.0f} answers/s in one process"
    )
    # A round with a player also reviews the player's memory of the question's facts (FSRS).
    token = app.test_client().post("/api/v1/players", json={"nickname": "bench"}).get_json()
    remembered = answer_times(app, player_token=token["token"])
    ratio = statistics.median(remembered) / statistics.median(durations)
    print(
        f"answers with a player's memory: median {statistics.median(remembered) * 1000:.2f} ms "
        f"(ratio {ratio:.2f} to answers without; one read and one upsert more per answer)"
    )


def answer_cpu(app, rounds, size=10):
    """Return the CPU seconds per answer of playing rounds through the API in this process."""
    client = app.test_client()
    spent, count = 0.0, 0
    for n in range(rounds):
        created = client.post(
            "/api/v1/rounds", json={"nickname": f"cpu{n}", "article": "baikonur", "size": size}
        ).get_json()
        headers = {"Authorization": f"Bearer {created['token']}"}
        url = f"/api/v1/rounds/{created['id']}"
        while not (body := client.get(url + "/question", headers=headers).get_json()).get(
            "finished"
        ):
            question = body["question"]
            pick = (
                question["options"]  # an order question: the events as shown
                if question["kind"] == "order"
                else (question["options"] or ["1961"])[0]
            )
            answer = {"question_id": question["id"], "answer": pick}
            start = time.process_time()
            client.post(url + "/answers", json=answer, headers=headers)
            spent += time.process_time() - start
            count += 1
    return spent / count


def bench_limit_counters(folder, blocks=12):
    """Compare an answer's CPU with its rate-limit counter in the database and in memory.

    The two are measured in alternating blocks on one database, so that the machine's other
    load falls on both alike; the ratio of their medians is compared with the target.
    """
    from quiz.storage.extensions import limiter

    apps = {
        uri: create_app(
            {
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite3",
                "SECRET_KEY": "bench",
                "RATELIMIT_STORAGE_URI": uri,
                "QUIZ_ANSWER_LIMIT": "100000 per minute",
                "QUIZ_ROUND_LIMIT": "100000 per minute",
            }
        )
        for uri in ("memory://", "database://")
    }
    figures: dict[str, list[float]] = {uri: [] for uri in apps}
    for _ in range(blocks):
        for uri, app in apps.items():
            limiter.init_app(app)  # the limiter is one object: point it at this app's store
            figures[uri].append(answer_cpu(app, rounds=3))
    for app in apps.values():
        with app.app_context():
            db.engine.dispose()
    memory, database = (statistics.median(figures[uri]) for uri in apps)
    ratio = database / memory
    print(
        f"answer CPU with its rate-limit counter in memory {memory * 1000:.2f} ms, in the "
        f"database {database * 1000:.2f} ms (medians of {blocks} alternating blocks)"
    )
    met = "met    " if ratio <= 1.10 else "NOT MET"
    print(f"target {met}  answers, counters in the database: x{ratio:.2f} (target: x1.10 at most)")


def bench_leaderboard(app):
    client = app.test_client()

    def read():
        client.get("/api/v1/leaderboard?article=baikonur&limit=10")

    small = timed(read, repeat=20)
    with app.app_context():
        article = db.session.scalar(db.select(Article).where(Article.slug == "baikonur"))
        now = utcnow()
        db.session.add_all(
            Round(
                token_hash=f"bench-{i}",
                article_id=article.id,
                nickname=f"p{i}",
                size=10,
                score=(i * 7919) % 10000,
                correct=i % 11,
                answered=10,
                started_at=now,
                finished_at=now,
            )
            for i in range(20000)
        )
        db.session.commit()
    large = timed(read, repeat=20)
    print(
        f"leaderboard: {small * 1000:.2f} ms with few rounds, {large * 1000:.2f} ms with 20,000 "
        f"more (ratio {large / small:.2f}; one indexed read per request)"
    )


def main():
    with tempfile.TemporaryDirectory() as folder:
        app = create_app(
            {"SQLALCHEMY_DATABASE_URI": f"sqlite:///{folder}/bench.sqlite3", "SECRET_KEY": "bench"}
        )
        app.instance_path = folder
        result = app.test_cli_runner().invoke(args=["init"])
        if result.exit_code:
            sys.exit(result.output)
        bench_generation(app)
        bench_answers(app)
        bench_leaderboard(app)
        with app.app_context():
            db.engine.dispose()
        bench_limit_counters(folder)


if __name__ == "__main__":
    main()
    from http_bench import main as http_main  # bench/ is on sys.path when run as a script

    http_main()
    from cli import main as cli_main

    cli_main()

    from live import main as live_main

    live_main()
    from heldout import main as heldout_main

    heldout_main()
