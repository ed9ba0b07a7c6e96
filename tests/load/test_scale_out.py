"""The school deployment: gunicorn serving wsgi.py with several workers that share one set of
rate-limit counters in Redis (and PostgreSQL, when the suite runs there)."""

import hashlib
import os
from concurrent.futures import ThreadPoolExecutor

import pytest

from tests.load.conftest import request

REDIS_URL = os.environ.get("QUIZ_TEST_REDIS", "redis://127.0.0.1:6379/0")


@pytest.fixture
def redis_client():
    redis = pytest.importorskip("redis", reason="the redis package is not installed")
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.skip(
            f"Redis does not answer at {REDIS_URL}: shared rate-limit tests skipped ({exc})"
        )
    yield client
    client.close()


def test_gunicorn_workers_share_the_answer_limit_through_redis(server, redis_client):
    """Four answers a minute per round, counted once across three worker processes."""
    running = server(
        workers=3,
        wsgi=True,
        env={
            "QUIZ_RATELIMIT_STORAGE": REDIS_URL,
            "QUIZ_ANSWER_LIMIT": "4 per minute",
        },
    )
    port = running.port
    status, created = request(
        port, "POST", "/api/v1/rounds", {"nickname": "Ada", "article": "baikonur", "size": 8}
    )
    assert status == 201
    url, token = f"/api/v1/rounds/{created['id']}", created["token"]
    question = request(port, "GET", url + "/question", token=token)[1]["question"]
    pick = (question["options"] or ["1961"])[0]
    if question["kind"] == "order":
        pick = question["options"]  # the events in the order shown
    answer = {"question_id": question["id"], "answer": pick}

    # Twelve tries at once, a connection each: every worker gets some of them, and each
    # try counts against the limit, whichever worker takes it.
    with ThreadPoolExecutor(12) as pool:
        tries = [
            pool.submit(request, port, "POST", url + "/answers", answer, token) for _ in range(12)
        ]
        statuses = sorted(t.result()[0] for t in tries)

    # Four got past the limit (one answer stored, three refused as already answered).
    assert statuses == [200] + [409] * 3 + [429] * 8
    digest = hashlib.sha256(token.encode()).hexdigest()[:32]
    assert redis_client.keys(f"*token:{digest}*"), "the counter is not kept in Redis"
    status, state = request(port, "GET", url, token=token)
    assert status == 200 and state["answered"] == 1
