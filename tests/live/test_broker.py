"""Fan-out across processes: a change made through another app (another process) reaches this
process's streams over Redis pub/sub or PostgreSQL LISTEN/NOTIFY, not only through the poll."""

import os

import pytest

from quiz import create_app
from quiz.live import broker, games
from quiz.storage.extensions import db
from quiz.storage.models import LiveGame
from tests.conftest import on_postgresql
from tests.live.test_stream import next_event, open_stream, quick_keepalive  # noqa: F401

REDIS_URL = os.environ.get("QUIZ_TEST_REDIS", "redis://127.0.0.1:6379/0")


def test_the_broker_follows_the_configuration(app):
    app.config["QUIZ_LIVE_BROKER"] = "auto"
    expected = "postgres" if on_postgresql() else "poll"
    assert broker.kind_for(app) == expected
    app.config["QUIZ_LIVE_REDIS_URL"] = REDIS_URL
    assert broker.kind_for(app) == "redis"
    app.config["QUIZ_LIVE_BROKER"] = "poll"
    assert broker.kind_for(app) == "poll"


def _redis_or_skip():
    redis = pytest.importorskip("redis")
    client = redis.Redis.from_url(REDIS_URL, socket_connect_timeout=3)
    try:
        client.ping()
    except redis.RedisError as exc:
        pytest.skip(f"Redis does not answer at {REDIS_URL} ({exc})")
    finally:
        client.close()


@pytest.mark.parametrize("kind", ["redis", "postgres"])
def test_a_change_in_another_process_wakes_this_ones_streams(app, new_game, monkeypatch, kind):
    if kind == "redis":
        _redis_or_skip()
        app.config["QUIZ_LIVE_REDIS_URL"] = REDIS_URL
    elif not on_postgresql():
        pytest.skip("LISTEN/NOTIFY needs the suite on PostgreSQL (QUIZ_TEST_DATABASE_URL)")
    app.config["QUIZ_LIVE_BROKER"] = kind
    # With a notification broker only a notification can wake the listener in this test.
    monkeypatch.setattr(broker, "SLOW_POLL_SECONDS", 600.0)
    game = new_game(players=("Ada",))
    stream, events = open_stream(game.client, game.url("/events"), game.players["Ada"])
    assert next_event(events)[2]["state"] == "lobby"

    other = create_app({**app.config, "TESTING": True})  # another process's app
    with other.app_context():
        game_id = db.session.scalar(db.select(LiveGame.id).where(LiveGame.pin == game.pin))
        games.start(game_id)
        db.session.remove()
        db.engine.dispose()
    _name, _version, data = next_event(events)
    assert data["state"] == "question"
    stream.close()


def test_a_stopped_hub_ends_its_threads_and_says_nothing_of_lost_notifications(
    app, new_game, caplog
):
    game = new_game(players=("Ada",))
    stream, events = open_stream(game.client, game.url("/events"), game.players["Ada"])
    next_event(events)
    hub = broker.hub_for(app)
    thread = hub.thread
    assert thread is not None and thread.is_alive()
    stream.close()
    broker.stop_hub(app)
    thread.join(timeout=10)
    assert not thread.is_alive()
    assert broker.hub_for(app) is not hub  # a later stream would start a new one
    assert "notifications lost" not in caplog.text
