"""The event stream: the snapshot at once on (re)connect, a new event on every change."""

import json
import queue
import socket
import threading

import pytest

from quiz.live import broker, stream
from tests.live.conftest import bearer, expire_clock


@pytest.fixture(autouse=True)
def quick_keepalive(app):
    """Keep-alive comments often, so a test's reader can stop between two of them."""
    app.config["QUIZ_LIVE_KEEPALIVE"] = 0.1


class Stream:
    """An open event stream read by a thread of its own, until the test stops it."""

    def __init__(self, response):
        self.response = response
        self.events: queue.Queue = queue.Queue()
        self.stop = threading.Event()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        try:
            read_events(self.response, self.events, self.stop)
        finally:
            self.response.close()

    def close(self) -> None:
        self.stop.set()
        self.reader.join(5)
        assert not self.reader.is_alive()


def read_events(response, into: queue.Queue, stop: threading.Event) -> None:
    """Parse server-sent events from a streaming response into (event, id, data) tuples."""
    buffer = ""
    try:
        for chunk in response.response:
            if stop.is_set():
                return
            buffer += chunk.decode() if isinstance(chunk, bytes) else chunk
            while "\n\n" in buffer:
                block, buffer = buffer.split("\n\n", 1)
                fields = dict(line.split(": ", 1) for line in block.splitlines() if ": " in line)
                if "data" in fields:
                    into.put((fields.get("event"), int(fields["id"]), json.loads(fields["data"])))
    except Exception as exc:  # surface reader errors in the test
        into.put(("error", 0, repr(exc)))


def open_stream(client, url, token, last_event_id=None):
    headers = bearer(token)
    if last_event_id is not None:
        headers["Last-Event-ID"] = str(last_event_id)
    response = client.get(url, headers=headers, buffered=False)
    assert response.status_code == 200
    assert response.mimetype == "text/event-stream"
    assert response.headers["Cache-Control"] == "no-store"
    stream = Stream(response)
    return stream, stream.events


def next_event(events: queue.Queue):
    event = events.get(timeout=10)
    assert event[0] != "error", event
    return event


def test_the_stream_sends_the_state_at_once_then_each_change(app, new_game):
    game = new_game(players=("Ada", "Bob"))
    response, events = open_stream(game.client, game.url("/events"), game.players["Ada"])
    name, version, data = next_event(events)
    assert name == "state" and data["state"] == "lobby" and data["version"] == version
    assert data["you"]["nickname"] == "Ada"

    game.host_post("start")
    name, newer, data = next_event(events)
    assert newer > version and data["state"] == "question"
    assert data["question"]["remaining_ms"] > 0 and "result" not in data
    response.close()


def test_a_reconnect_gets_the_current_state_at_once(app, new_game):
    game = new_game(players=("Ada",))
    game.host_post("start")
    current = game.state().get_json()["version"]
    response, events = open_stream(
        game.client, game.url("/events"), game.players["Ada"], last_event_id=1
    )
    _name, version, data = next_event(events)
    assert version == current and data["state"] == "question"
    response.close()


def test_the_host_stream_follows_the_answer_count(app, new_game):
    from tests.live.conftest import right_answer

    game = new_game(players=("Ada", "Bob"))
    qid = game.host_post("start").get_json()["question"]["id"]
    response, events = open_stream(game.client, game.url("/events"), game.host)
    _name, version, data = next_event(events)
    assert data["answered"] == 0 and "you" not in data
    game.answer("Ada", qid, right_answer(app, qid))
    _name, same, data = next_event(events)
    assert same == version and data["answered"] == 1
    response.close()


def test_the_clock_closes_a_watched_question_with_no_request_at_all(app, new_game):
    game = new_game(players=("Ada",))
    game.host_post("start")
    response, events = open_stream(game.client, game.url("/events"), game.players["Ada"])
    assert next_event(events)[2]["state"] == "question"
    expire_clock(app, game.pin)
    # Only the process's listener is left to notice: it closes the question by itself.
    _name, _version, data = next_event(events)
    assert data["state"] == "closed" and data["result"]["correct_answer"]
    response.close()


def test_a_kicked_players_stream_ends(app, new_game):
    game = new_game(players=("Ada", "Troll"))
    response, events = open_stream(game.client, game.url("/events"), game.players["Troll"])
    next_event(events)
    game.client.delete(game.url(f"/players/{game.ids['Troll']}"), headers=bearer(game.host))
    name, _version, data = next_event(events)
    assert name == "kicked" and data == {"kicked": True}
    response.close()


@pytest.mark.parametrize("token", [None, "lp_forged", "qt_forged"])
def test_the_stream_needs_a_token_of_the_game(new_game, token):
    game = new_game(players=("Ada",))
    headers = bearer(token) if token else {}
    assert game.client.get(game.url("/events"), headers=headers).status_code == 401


def test_each_process_has_one_listener_for_all_its_streams(app, new_game):
    game = new_game(players=("Ada", "Bob"))
    first, _ = open_stream(game.client, game.url("/events"), game.players["Ada"])
    second, events = open_stream(game.client, game.url("/events"), game.players["Bob"])
    next_event(events)
    hub = broker.hub_for(app)
    assert len(hub.games) == 1
    assert next(iter(hub.games.values())).streams == 2
    assert hub.kind in ("poll", "postgres")
    first.close()
    second.close()


def test_a_players_newer_stream_ends_the_older_one(app, new_game):
    game = new_game(players=("Ada",))
    old, old_events = open_stream(game.client, game.url("/events"), game.players["Ada"])
    next_event(old_events)
    new, new_events = open_stream(game.client, game.url("/events"), game.players["Ada"])
    assert next_event(new_events)[2]["state"] == "lobby"
    name, _version, data = next_event(old_events)
    assert name == "superseded" and data == {"superseded": True}
    game.host_post("start")
    assert next_event(new_events)[2]["state"] == "question"
    old.close()
    new.close()


@pytest.mark.skipif(not hasattr(socket, "TCP_USER_TIMEOUT"), reason="a Linux socket option")
def test_a_stream_gives_up_on_a_phone_that_went_silent(app, new_game):
    game = new_game(players=("Ada",))
    with socket.create_server(("127.0.0.1", 0)) as listener:
        phone = socket.create_connection(listener.getsockname())
        served, _ = listener.accept()
        with phone, served:
            response = game.client.get(
                game.url("/events"),
                headers=bearer(game.players["Ada"]),
                environ_overrides={"gunicorn.socket": served},
                buffered=False,
            )
            assert response.status_code == 200
            option = served.getsockopt(socket.IPPROTO_TCP, socket.TCP_USER_TIMEOUT)
            assert option == stream.DEAD_AFTER_MS
            response.close()
