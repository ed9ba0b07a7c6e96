"""Server-sent events of a live game: each event is the whole snapshot, its id the version.

A (re)connecting client gets the current snapshot at once, whatever Last-Event-ID it sends:
the snapshot is the whole state, so nothing in between needs replaying.
"""

from __future__ import annotations

import contextlib
import json
import socket
import time
from collections.abc import Iterator

from flask import Flask, Response, current_app, request

from quiz.live import state
from quiz.live.broker import hub_for
from quiz.live.games import State

# A comment line this often keeps proxies from closing a quiet stream, and finds clients gone
# without a word (a phone that lost the network) within two intervals, freeing their threads.
KEEPALIVE_SECONDS = 10.0
# Streams end after this long and the client reconnects, so no connection is held for ever.
MAX_STREAM_SECONDS = 30 * 60.0
RETRY_MS = 1000
# A phone that drops off the network says nothing: the keep-alive written after it is never
# acknowledged, and the kernel would go on resending it for a quarter of an hour, the stream
# holding its thread all along (its reconnect on another worker does not end it). Data left
# unacknowledged this long ends the connection instead, so the next write fails.
DEAD_AFTER_MS = 30_000


def event(document: dict, version: int, name: str = "state") -> str:
    """Format one server-sent event."""
    data = json.dumps(document, separators=(",", ":"))
    return f"id: {version}\nevent: {name}\ndata: {data}\n\n"


def events(app: Flask, game_id: int, player_id: int | None = None) -> Iterator[str]:
    """Yield the game's snapshots as they change, for a player or (player_id None) the host."""
    hub = hub_for(app)
    with hub.watching(game_id) as watch:
        ticket = watch.join(player_id)
        try:
            # The reconnect delay goes out with the first event, in one write: a class's
            # phones all reconnect at once, and each write is a turn for the thread.
            first = True
            for chunk in _follow(app, hub, watch, game_id, player_id, ticket):
                yield f"retry: {RETRY_MS}\n\n{chunk}" if first else chunk
                first = False
        finally:
            watch.leave(ticket)


def _follow(app, hub, watch, game_id, player_id, ticket) -> Iterator[str]:
    """Yield the events of one stream until the game ends, the player is kicked or reconnects."""
    host = player_id is None
    keepalive = app.config.get("QUIZ_LIVE_KEEPALIVE", KEEPALIVE_SECONDS)
    started = time.monotonic()
    seen: tuple | None = None
    while time.monotonic() - started < MAX_STREAM_SECONDS:
        if watch.superseded(player_id, ticket):
            # The same player has a newer stream (a reconnect, or the game in another tab):
            # say so, so that a page still open stops rather than taking the stream back.
            yield event({"superseded": True}, watch.version, "superseded")
            return
        key = watch.key(host)
        if key != seen:
            with app.app_context():
                view = state.view(game_id, (watch.version, watch.answered))
            if player_id is not None and player_id in view.kicked:
                yield event({"kicked": True}, view.version, "kicked")
                return
            yield event(view.document(player_id), view.version)
            seen = key
            if view.state == State.FINISHED:
                return
        elif seen is not None and not hub.wait(watch, seen, host, keepalive, player_id, ticket):
            yield ": keep-alive\n\n"


def response(game_id: int, player_id: int | None = None) -> Response:
    """Return the event stream as a streaming response that no proxy buffers or caches."""
    # The stream outlives the request: it reads through the app, in contexts of its own.
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    give_up_on_silence(request.environ.get("gunicorn.socket"))
    return Response(
        events(app, game_id, player_id),
        mimetype="text/event-stream",
        headers={"Cache-Control": "no-store", "X-Accel-Buffering": "no"},
    )


def give_up_on_silence(connection: object) -> None:
    """Let the kernel end this connection once its data goes unacknowledged for long (Linux)."""
    option = getattr(socket, "TCP_USER_TIMEOUT", None)
    if option is None or not isinstance(connection, socket.socket):
        return
    with contextlib.suppress(OSError):  # not TCP (a Unix socket), or already closed
        connection.setsockopt(socket.IPPROTO_TCP, option, DEAD_AFTER_MS)
