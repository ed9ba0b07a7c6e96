"""Let a SQLite database's writers in one at a time, in turn, across threads and processes.

SQLite admits one writer at a time. The others retry from its busy handler, which sleeps
1, 2, 5, 10… ms between tries; but a write here holds the lock for a fraction of a
millisecond, so with a classroom answering at once the waiting workers mostly sleep while
the lock is free. Writers therefore first take a blocking lock — a thread lock inside the
process, then `flock` on a file beside the database — and the kernel wakes the next one the
moment the previous one is done. SQLite's own lock still guards the data; this only orders
the queue in front of it.
"""

from __future__ import annotations

import os
import sys
import threading

from sqlalchemy.engine import URL

if sys.platform == "win32":  # waitress serves from one process, so the thread lock does it.
    fcntl = None
else:
    import fcntl

# Where a pooled connection records the queue it holds, until it goes back to the pool.
HELD = "quiz_writer_queue"
SUFFIX = "-writers"


class WriterQueue:
    """The queue of writers for one SQLite file."""

    def __init__(self, path: str):
        self.path = path + SUFFIX
        self._start()

    def _start(self) -> None:
        # A forked worker gets a lock and a file description of its own: sharing the parent's
        # open file would let every worker hold the same flock at once.
        self.pid = os.getpid()
        self.thread_lock = threading.Lock()
        self.fd: int | None = None

    def acquire(self, timeout: float) -> bool:
        """Wait for our turn to write; False if none came within `timeout` seconds."""
        if self.pid != os.getpid():
            self._start()
        if not self.thread_lock.acquire(timeout=timeout):
            return False
        if fcntl is None:
            return True
        try:
            if self.fd is None:
                # flock needs only read access, so any user who can read the database can queue.
                self.fd = os.open(self.path, os.O_RDONLY | os.O_CREAT, 0o644)
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        except OSError:
            # A folder we cannot write in: SQLite's busy handler still keeps writers apart.
            self.thread_lock.release()
            return False
        return True

    def release(self) -> None:
        """Let the next writer in."""
        if fcntl is not None and self.fd is not None:
            fcntl.flock(self.fd, fcntl.LOCK_UN)
        self.thread_lock.release()


_queues: dict[str, WriterQueue] = {}
_queues_lock = threading.Lock()


def queue_for(url: URL) -> WriterQueue | None:
    """Return the writer queue of a SQLite file database, or None (memory, URI, not SQLite)."""
    database = url.database
    if (
        url.get_backend_name() != "sqlite"
        or not database
        or database == ":memory:"
        or url.query.get("uri")
    ):
        return None
    path = os.path.abspath(database)
    with _queues_lock:
        if path not in _queues:
            _queues[path] = WriterQueue(path)
        return _queues[path]


def wait_turn(url: URL, info: dict, timeout: float) -> None:
    """Take the database's writer queue for a pooled connection (its `info`), once."""
    if HELD in info:
        return  # a second transaction on the same checked-out connection
    queue = queue_for(url)
    if queue is not None and queue.acquire(timeout):
        info[HELD] = queue


def done(info: dict) -> None:
    """Leave the queue, if this pooled connection holds it."""
    queue = info.pop(HELD, None)
    if queue is not None:
        queue.release()
