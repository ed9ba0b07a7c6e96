"""Wake each process's event streams when a game changes: one listener per process.

A stream never queries the database on its own. Each worker process has one hub: a thread
that reads the version (and answer count) of every game its streams watch, and wakes those
streams when it changes. What makes the hub look again:

- a change made in this process (in-process, immediate);
- on PostgreSQL, a NOTIFY sent in the changing transaction (LISTEN in the hub's thread);
- with Redis configured, a message on a pub/sub channel;
- and in every case a poll of the games' version column: every 0.1 s when no notification
  can arrive (the embedded SQLite default, several worker processes on one file), every
  second otherwise. The poll also closes questions whose time is up, so the clock runs
  even when nobody sends a request.
"""

from __future__ import annotations

import logging
import os
import threading
import time
from collections.abc import Callable
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime

from flask import Flask, current_app, has_app_context
from sqlalchemy import select, text

from quiz.live.clock import GRACE, is_due
from quiz.storage.extensions import db
from quiz.storage.models import LiveGame, utcnow

log = logging.getLogger(__name__)

CHANNEL = "quiz_live"
POLL_SECONDS = 0.1
SLOW_POLL_SECONDS = 1.0
BATCH_SECONDS = 0.01
# A listener with no game to watch for this long stops; the next stream starts another.
IDLE_SECONDS = 10.0
G = LiveGame.__table__


# What closes a question whose time is up (quiz.live.games.expire registers itself).
_closers: list[Callable[[int, int], object]] = []


def close_due_with(close: Callable[[int, int], object]) -> None:
    """Let the listener close due questions with this service function."""
    if close not in _closers:
        _closers.append(close)


def kind_for(app: Flask) -> str:
    """Return how this app's processes tell each other of changes: redis, postgres or poll."""
    chosen = app.config.get("QUIZ_LIVE_BROKER") or "auto"
    if chosen != "auto":
        return chosen
    if app.config.get("QUIZ_LIVE_REDIS_URL"):
        return "redis"
    if str(app.config["SQLALCHEMY_DATABASE_URI"]).startswith("postgresql"):
        return "postgres"
    return "poll"


def announce(connection, game_id: int) -> None:
    """Inside a changing transaction: on PostgreSQL, NOTIFY the listeners when it commits."""
    if connection.dialect.name == "postgresql":
        connection.execute(
            text("SELECT pg_notify(:channel, :game)"), {"channel": CHANNEL, "game": str(game_id)}
        )


def changed(game_id: int) -> None:
    """After a committed change: wake this process's streams and, over Redis, the others'."""
    if not has_app_context():
        return
    app = current_app._get_current_object()  # type: ignore[attr-defined]
    hub = _hubs.get(id(app))
    if hub is not None and hub.pid == os.getpid():
        hub.wake.set()
    if kind_for(app) == "redis":
        try:
            _redis(app).publish(CHANNEL, str(game_id))
        except Exception:  # the poll still carries the change, a second later at most
            log.warning("could not publish a live game change to Redis", exc_info=True)


_clients: dict[tuple[int, str], object] = {}


def _redis(app: Flask):
    import redis

    key = (os.getpid(), app.config["QUIZ_LIVE_REDIS_URL"])
    if key not in _clients:
        _clients[key] = redis.Redis.from_url(key[1], socket_timeout=2)
    return _clients[key]


@dataclass
class Watch:
    """What a process knows of one watched game, and the streams waiting on it.

    Each stream waits on an event of its own, so a change wakes every stream once, and a
    player's reconnect wakes only that player's stale stream. The watch's lock guards only its
    tables, briefly: a stream waking takes no lock that the others share, so a class
    reconnecting at once does not queue on one lock (under the GIL, a queue on a lock whose
    holder waits for its turn to run is seconds long with a thousand threads).
    """

    lock: threading.Lock = field(default_factory=threading.Lock)
    wakers: dict[int, threading.Event] = field(default_factory=dict)
    hosts: set[int] = field(default_factory=set)  # tickets of host streams
    streams: int = 0
    version: int = 0
    answered: int = 0
    state: str = ""
    closes_at: datetime | None = None
    found: bool = False
    # The newest stream of each player: an older one (a phone that reconnected before its
    # old connection was noticed gone) ends, and frees its thread, at once.
    latest: dict[int, int] = field(default_factory=dict)
    tickets: int = 0

    def join(self, player_id: int | None) -> int:
        """Register a stream (the player's current one); return its ticket."""
        with self.lock:
            self.tickets += 1
            ticket = self.tickets
            self.wakers[ticket] = threading.Event()
            stale = None
            if player_id is None:
                self.hosts.add(ticket)
            else:
                stale = self.wakers.get(self.latest.get(player_id, 0))
                self.latest[player_id] = ticket
        if stale is not None:
            stale.set()
        return ticket

    def leave(self, ticket: int) -> None:
        with self.lock:
            self.wakers.pop(ticket, None)
            self.hosts.discard(ticket)

    def update(self, row) -> None:
        """Take a new version (and answer count); wake the streams that send it.

        A new answer count alone wakes only the hosts' streams: players are not sent it, and a
        thousand answers must not wake a thousand streams each.
        """
        with self.lock:
            new_version = row.version != self.version
            self.version, self.answered = row.version, row.answered
            self.state, self.closes_at, self.found = row.state, row.closes_at, True
            if new_version:
                woken = list(self.wakers.values())
            else:
                woken = [self.wakers[ticket] for ticket in self.hosts if ticket in self.wakers]
        for waker in woken:
            waker.set()

    def superseded(self, player_id: int | None, ticket: int) -> bool:
        return player_id is not None and self.latest.get(player_id) != ticket

    def key(self, host: bool) -> tuple:
        """What a stream compares: players follow the version, hosts the answer count too."""
        return (self.version, self.answered) if host else (self.version,)


class Hub:
    """One process's listener for one app: the games its streams watch."""

    def __init__(self, app: Flask):
        self.app = app
        self.pid = os.getpid()
        self.kind = kind_for(app)
        self.lock = threading.Lock()
        self.games: dict[int, Watch] = {}
        self.wake = threading.Event()
        self.thread: threading.Thread | None = None
        self.stopped = False  # the app is gone: its threads end at their next turn

    @contextmanager
    def watching(self, game_id: int):
        """Watch a game for as long as a stream is open."""
        with self.lock:
            watch = self.games.setdefault(game_id, Watch())
            watch.streams += 1
            self._start()
        if not watch.found:
            self.refresh([game_id])
        try:
            yield watch
        finally:
            with self.lock:
                watch.streams -= 1
                if watch.streams == 0 and self.games.get(game_id) is watch:
                    del self.games[game_id]

    def wait(
        self,
        watch: Watch,
        seen: tuple,
        host: bool,
        timeout: float,
        player_id: int | None = None,
        ticket: int = 0,
    ) -> bool:
        """Wait until the game differs from what a stream last sent (or the stream is
        superseded by the same player's newer one); False on timeout."""
        waker = watch.wakers[ticket]
        deadline = time.monotonic() + timeout
        while True:
            # Cleared before looking, so that a change made after the look sets it again.
            waker.clear()
            if watch.key(host) != seen or watch.superseded(player_id, ticket):
                return True
            left = deadline - time.monotonic()
            if left <= 0:
                return False
            waker.wait(left)

    def refresh(self, game_ids: list[int] | None = None) -> None:
        """Read the watched games' versions; wake the streams of those that changed."""
        with self.lock:
            ids = game_ids or list(self.games)
        if not ids:
            return
        with self.app.app_context():
            with db.engine.connect() as connection:
                rows = connection.execute(
                    select(G.c.id, G.c.version, G.c.answered, G.c.state, G.c.closes_at).where(
                        G.c.id.in_(ids)
                    )
                ).all()
            now = utcnow()
            due = []
            for row in rows:
                watch = self.games.get(row.id)
                if watch is None:
                    continue
                seen = (watch.version, watch.answered)
                if (row.version, row.answered) != seen or not watch.found:
                    watch.update(row)
                if is_due(row.state, row.closes_at, now):
                    due.append((row.id, row.version))
            if due:
                for game_id, version in due:
                    for close in _closers:
                        close(game_id, version)
                db.session.remove()
        if due:
            self.refresh([game_id for game_id, _ in due])

    def _start(self) -> None:
        """Start the listener threads unless they run (called with the lock held)."""
        if self.thread is not None:
            return
        self.thread = threading.Thread(target=self._run, name="live-hub", daemon=True)
        self.thread.start()
        if self.kind in ("redis", "postgres"):
            threading.Thread(target=self._listen, name="live-listen", daemon=True).start()

    def _timeout(self) -> float:
        """How long to sleep: the poll interval, or less when a question is due to close."""
        interval = POLL_SECONDS if self.kind == "poll" else SLOW_POLL_SECONDS
        if not self.games:
            return SLOW_POLL_SECONDS
        now = utcnow()
        for watch in list(self.games.values()):
            if watch.state == "question" and watch.closes_at is not None:
                left = (watch.closes_at + GRACE - now).total_seconds() + 0.01
                interval = min(interval, max(left, 0.01))
        return interval

    def _run(self) -> None:
        idle_since = time.monotonic()
        while True:
            self.wake.wait(self._timeout())
            # Changes arriving together (a class answering at once) are read together.
            time.sleep(BATCH_SECONDS)
            self.wake.clear()
            with self.lock:
                if self.stopped:
                    return
                if self.games:
                    idle_since = time.monotonic()
                elif time.monotonic() - idle_since > IDLE_SECONDS:
                    self.thread = None  # the next stream starts a new listener
                    return
            try:
                self.refresh()
            except Exception:  # a database hiccup must not end the listener
                if self.stopped:
                    return
                log.warning("live game refresh failed", exc_info=True)
                time.sleep(SLOW_POLL_SECONDS)

    def _listen(self) -> None:
        """Wake the hub on every notification from another process (Redis or PostgreSQL)."""
        while self.thread is not None and not self.stopped:
            try:
                if self.kind == "redis":
                    self._listen_redis()
                else:
                    self._listen_postgres()
            except Exception:
                if self.stopped:
                    return  # the app and its database are gone: nothing was lost
                log.warning("live game notifications lost; listening again", exc_info=True)
            self.wake.set()  # whatever was missed, the poll reads it
            time.sleep(SLOW_POLL_SECONDS)

    def _listen_redis(self) -> None:
        pubsub = _redis(self.app).pubsub()
        pubsub.subscribe(CHANNEL)
        try:
            while self.thread is not None and not self.stopped:
                message = pubsub.get_message(timeout=SLOW_POLL_SECONDS)
                if message and message.get("type") == "message":
                    self.wake.set()
        finally:
            pubsub.close()

    def _listen_postgres(self) -> None:
        import psycopg

        url = self.app.config["SQLALCHEMY_DATABASE_URI"]
        url = url.replace("postgresql+psycopg://", "postgresql://", 1)
        with psycopg.connect(url, autocommit=True) as connection:
            connection.execute(f"LISTEN {CHANNEL}")
            while self.thread is not None and not self.stopped:
                for _notify in connection.notifies(timeout=SLOW_POLL_SECONDS):
                    self.wake.set()


_hubs: dict[int, Hub] = {}
_hubs_lock = threading.Lock()


def stop_hub(app: Flask) -> None:
    """End this process's listener threads for an app that is going away (tests, shutdown)."""
    with _hubs_lock:
        hub = _hubs.pop(id(app), None)
    if hub is not None:
        with hub.lock:
            hub.stopped = True
        hub.wake.set()


def hub_for(app: Flask) -> Hub:
    """Return this process's hub for the app, made on first use (after a fork, anew)."""
    with _hubs_lock:
        hub = _hubs.get(id(app))
        if hub is None or hub.pid != os.getpid() or hub.app is not app:
            hub = _hubs[id(app)] = Hub(app)
        return hub
