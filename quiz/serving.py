"""Run the app under a production WSGI server."""

from __future__ import annotations

import sys

from flask import Flask


def run(app: Flask, host: str, port: int, workers: int, access_log: bool = False) -> None:
    """Serve the app with gunicorn, or with waitress where gunicorn cannot run."""
    if sys.platform == "win32":
        _waitress(app, host, port, workers)
    else:
        _gunicorn(app, host, port, workers, access_log)


def _gunicorn(app: Flask, host: str, port: int, workers: int, access_log: bool) -> None:
    from gunicorn.app.base import BaseApplication

    class Server(BaseApplication):
        def load_config(self):
            self.cfg.set("bind", f"[{host}]:{port}" if ":" in host else f"{host}:{port}")
            self.cfg.set("workers", workers)
            self.cfg.set("worker_class", "sync")
            # A line per request costs about a tenth of a millisecond; off unless asked for.
            self.cfg.set("accesslog", "-" if access_log else None)
            # Answers are short requests; a slow client should not hold a worker for long.
            self.cfg.set("timeout", 30)
            if "control_socket_disable" in self.cfg.settings:
                # Recent gunicorn opens a control socket in the home folder: not needed here, and
                # two servers on one machine would contend for it.
                self.cfg.set("control_socket_disable", True)

        def load(self):
            return app

    Server().run()


def _waitress(app: Flask, host: str, port: int, workers: int) -> None:
    import waitress

    waitress.serve(app, host=host, port=port, threads=max(workers, 4))
