"""Run the app under a production WSGI server."""

from __future__ import annotations

import sys

from flask import Flask

# Each open event stream of a live game holds a thread for as long as the page is open.
DEFAULT_THREADS = 256
# Idle keep-alive connections a worker holds besides its threads' (each for gunicorn's
# keepalive seconds, 2 by default).
KEEPALIVE_CONNECTIONS = 128


# gunicorn reads what is left of a request body the app did not read before it takes the
# connection's next request, but at most this much (gunicorn.http.parser._DRAIN_MAX_BYTES),
# for at most a few seconds; past that it closes the connection.
DRAIN_BYTES = 64 * 1024


class CloseAfterUnreadBody:
    """Close the connection after a refused request whose body was not read, and say so.

    Wraps the app's wsgi_app (create_app), so `quiz serve` and `gunicorn wsgi:app` both have it.

    A body over the size limit is refused (413) from its Content-Length alone, without reading
    it. gunicorn then reads the rest to find the next request, gives up past DRAIN_BYTES or
    when the client waits before sending it, and closes the connection: after an answer that
    said "Connection: keep-alive", so a client that reuses the connection fails. gunicorn
    drops a Connection header from the app (a hop-by-hop header, PEP 3333) but closes when its
    response is told to, and then says "Connection: close" itself.
    """

    def __init__(self, app):
        self.app = app

    def __call__(self, environ, start_response):
        length = _content_length(environ)
        chunked = "chunked" in environ.get("HTTP_TRANSFER_ENCODING", "").lower()
        if not (length or chunked):
            return self.app(environ, start_response)
        body = _CountedBody(environ["wsgi.input"])
        environ["wsgi.input"] = body

        def start(status: str, headers, exc_info=None):
            left = None if chunked else length - body.count  # None: unknown
            if not body.ended and (left is None or left > 0):
                refused = int(status.split(None, 1)[0]) >= 400
                if refused or left is None or left > DRAIN_BYTES:
                    _force_close(start_response)
            return start_response(status, headers, exc_info)

        return self.app(environ, start)


def _force_close(start_response) -> None:
    """Tell gunicorn to close the connection after this response (and to say so)."""
    # gunicorn's start_response is a method of its response (gunicorn.http.wsgi.Response).
    response = getattr(start_response, "__self__", None)
    force_close = getattr(response, "force_close", None)
    if force_close is not None:
        force_close()


def _content_length(environ) -> int:
    try:
        return max(0, int(environ.get("CONTENT_LENGTH") or 0))
    except ValueError:
        return 0


class _CountedBody:
    """A request body that counts what the app read of it."""

    def __init__(self, stream):
        self.stream = stream
        self.count = 0
        self.ended = False

    def _counted(self, data: bytes, size) -> bytes:
        self.count += len(data)
        if not data or size is None or size < 0:
            self.ended = True
        return data

    def read(self, size=None) -> bytes:
        return self._counted(self.stream.read(size), size)

    def readline(self, size=None) -> bytes:
        line = self.stream.readline(size)
        self.count += len(line)
        self.ended = self.ended or not line
        return line

    def readlines(self, hint=None) -> list[bytes]:
        lines = self.stream.readlines(hint)
        self.count += sum(map(len, lines))
        self.ended = self.ended or not hint
        return lines

    def __iter__(self):
        for line in self.stream:
            self.count += len(line)
            yield line
        self.ended = True


def listen_problem(host: str, port: int) -> str | None:
    """Say in one line why the server could not listen on host:port, or None when it can.

    Binds a socket there and lets it go, as the server will bind it a moment later: the
    address is checked before the server says it is running, rather than retried and logged.
    """
    import errno
    import socket

    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)
    except (socket.gaierror, UnicodeError):
        return f"{host} is not an address of this computer: choose another with --host"
    family, kind, protocol, _, address = found[0]
    with socket.socket(family, kind, protocol) as sock:
        if sys.platform != "win32":
            # As gunicorn does: a port whose last connections are still closing is free.
            sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            sock.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                return f"port {port} is in use: choose another with --port"
            if exc.errno == errno.EADDRNOTAVAIL:
                return f"{host} is not an address of this computer: choose another with --host"
            if exc.errno == errno.EACCES:
                return (
                    f"port {port} may only be used by the system administrator: "
                    "choose one above 1023 with --port"
                )
            return f"cannot listen on {host} port {port}: {exc.strerror or exc}"
    return None


def run(
    app: Flask,
    host: str,
    port: int,
    workers: int,
    access_log: bool = False,
    threads: int = DEFAULT_THREADS,
) -> None:
    """Serve the app with gunicorn, or with waitress where gunicorn cannot run."""
    if sys.platform == "win32":
        _waitress(app, host, port, workers, threads)
    else:
        _gunicorn(app, host, port, workers, access_log, threads)


def _gunicorn(
    app: Flask, host: str, port: int, workers: int, access_log: bool, threads: int
) -> None:
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"[{host}]:{port}" if ":" in host else f"{host}:{port}")
            self.cfg.set("workers", workers)
            # Threaded workers: a live game's event streams stay open for minutes, and a sync
            # worker would be held by one of them. Threads rather than gevent: the SQLite
            # writer queue waits in flock() and the database drivers block, which would stall a
            # whole gevent worker; a thread waiting there holds only itself. Short requests
            # (answers, /healthz) go to any free thread, so they never queue behind streams.
            self.cfg.set("worker_class", "gthread")
            self.cfg.set("threads", threads)
            # Idle keep-alive connections beyond the threads: a browser or client reuses its
            # connection for the next request instead of opening one each time (gunicorn keeps
            # none when worker_connections equals threads). A worker whose threads and
            # keep-alive places are all taken stops accepting, so the next connection goes to
            # a worker with room instead of waiting behind another's streams.
            self.cfg.set("worker_connections", threads + KEEPALIVE_CONNECTIONS)
            # Streams are ended at shutdown after this long; their clients reconnect elsewhere.
            self.cfg.set("graceful_timeout", 10)
            # A line per request costs about a tenth of a millisecond; off unless asked for.
            self.cfg.set("accesslog", "-" if access_log else None)
            # The worker's heartbeat: a worker silent this long is restarted. Threaded workers
            # beat from their main loop, so a long stream does not count against it.
            self.cfg.set("timeout", 30)
            if "control_socket_disable" in self.cfg.settings:
                # Recent gunicorn opens a control socket in the home folder: not needed here, and
                # two servers on one machine would contend for it.
                self.cfg.set("control_socket_disable", True)

        def load(self):
            return app

    Server().run()


def _waitress(app: Flask, host: str, port: int, workers: int, threads: int) -> None:
    import waitress

    waitress.serve(app, host=host, port=port, threads=max(workers, 4, threads))
