"""SQLite writers queue in turn across processes, and leave the queue when their write ends."""

import os
import subprocess
import sys
import threading

import pytest
from sqlalchemy.engine import make_url

from quiz.errors import Conflict
from quiz.rounds import scoring
from quiz.storage import writers
from quiz.storage.extensions import db
from quiz.storage.models import Answer
from tests.builders import Builder
from tests.conftest import on_postgresql

pytestmark = pytest.mark.skipif(on_postgresql(), reason="the writer queue is SQLite's")

fcntl = pytest.importorskip("fcntl", reason="flock queues processes on POSIX only")

# Another process that takes the database's writer queue and holds it until told to go.
HOLDER = """
import sys
from quiz.storage.writers import WriterQueue
queue = WriterQueue(sys.argv[1])
assert queue.acquire(timeout=5)
print("holding", flush=True)
sys.stdin.readline()
queue.release()
"""


def one_round(app):
    with app.app_context():
        round_, _ = scoring.start_round(Builder().quiz(size=2), "Ada", 2)
        return round_.id, round_.items[0].question_id


def queue_is_free(db_path) -> bool:
    """Tell whether nobody holds the database's writer queue (checked without waiting)."""
    fd = os.open(str(db_path) + writers.SUFFIX, os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    finally:
        os.close(fd)
    return True


@pytest.mark.slow
def test_an_answer_waits_while_another_process_writes(app, db_path):
    """A worker process's answer starts only once another process's write has ended."""
    round_id, qid = one_round(app)
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "holding"

        def answer():
            with app.app_context():
                scoring.record_answer(round_id, qid, "1961")
                db.session.remove()

        answering = threading.Thread(target=answer)
        answering.start()
        answering.join(0.5)
        assert answering.is_alive(), "the answer did not wait for the other writer"
        holder.communicate("go\n", timeout=10)
        answering.join(10)
        assert not answering.is_alive()
    finally:
        holder.kill()
        holder.wait()
    with app.app_context():
        assert db.session.scalar(db.select(db.func.count(Answer.id))) == 1


def test_the_queue_is_left_when_a_write_ends(app, db_path):
    """After an answer is stored, or refused as a second answer, the next writer may go at once."""
    round_id, qid = one_round(app)
    with app.app_context():
        scoring.record_answer(round_id, qid, "1961")
        assert queue_is_free(db_path)
        with pytest.raises(Conflict):
            scoring.record_answer(round_id, qid, "1961")
        assert queue_is_free(db_path)


def test_session_writes_leave_the_queue(client, db_path):
    """Starting a round writes through the ORM session, and leaves the queue with the request."""
    response = client.post("/api/v1/rounds", json={"nickname": "Ada", "article": "baikonur"})
    assert response.status_code == 201
    assert queue_is_free(db_path)


def test_a_folder_without_write_access_still_lets_writes_through(tmp_path):
    """If the queue's file cannot be made, SQLite's own lock is left to keep writers apart."""
    queue = writers.WriterQueue(str(tmp_path / "missing" / "quiz.sqlite3"))
    assert queue.acquire(timeout=1) is False
    assert queue.thread_lock.acquire(blocking=False), "a failed acquire kept the thread lock"


@pytest.mark.parametrize(
    "url",
    [
        "sqlite://",
        "sqlite:///:memory:",
        "postgresql+psycopg://quiz@localhost/quiz",
        "sqlite:///file:quiz.db?mode=memory&uri=true",
    ],
)
def test_only_sqlite_files_have_a_queue(url):
    assert writers.queue_for(make_url(url)) is None


def test_one_queue_per_database_file(tmp_path):
    path = tmp_path / "quiz.sqlite3"
    first = writers.queue_for(make_url(f"sqlite:///{path}"))
    assert first is writers.queue_for(make_url(f"sqlite:///{path}"))
    assert first.path == f"{path}{writers.SUFFIX}"
