"""Run the app under a production WSGI server."""

from __future__ import annotations

import sys

from flask import Flask

# Each open event stream of a live game holds a thread for as long as the page is open.
DEFAULT_THREADS = 256
# Idle keep-alive connections a worker holds besides its threads' (each for gunicorn's
# keepalive seconds, 2 by default).
KEEPALIVE_CONNECTIONS = 128


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
