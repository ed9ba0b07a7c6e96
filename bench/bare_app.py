"""The reference for the HTTP figures: a bare Flask app, served as `quiz serve` serves the quiz.

`/healthz` answers without touching anything; `/db` runs the query the quiz's `/healthz`
runs (SELECT 1) on a connection of its own to the same SQLite file. Started by
bench/http_bench.py as `python bench/bare_app.py PORT WORKERS DATABASE`, through the same
gunicorn set-up (quiz.serving.run: worker count and class).
"""

from __future__ import annotations

import sqlite3
import sys
import threading

from flask import Flask, jsonify

app = Flask(__name__)
_local = threading.local()


@app.get("/healthz")
def healthz():
    """Answer at once."""
    return jsonify(status="ok")


@app.get("/db")
def database():
    """Run one query on the database."""
    if not hasattr(_local, "connection"):  # opened in the worker, after the fork
        _local.connection = sqlite3.connect(app.config["DATABASE"])
    _local.connection.execute("SELECT 1").fetchone()
    return jsonify(status="ok")


if __name__ == "__main__":
    from quiz.serving import run

    port, workers, app.config["DATABASE"] = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    run(app, "127.0.0.1", port, workers)
