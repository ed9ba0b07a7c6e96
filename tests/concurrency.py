"""Answer one question from many threads at the same moment."""

import threading

from quiz.errors import Conflict
from quiz.rounds import scoring
from quiz.storage.extensions import db


def race_answers(app, round_id: str, question_id: int, answer: str, threads: int) -> list[str]:
    """Send the same answer from several threads at once; return each outcome."""
    barrier = threading.Barrier(threads)
    outcomes = []

    def attempt():
        with app.app_context():
            barrier.wait()
            try:
                scoring.record_answer(round_id, question_id, answer)
                outcomes.append("ok")
            except Conflict:
                outcomes.append("conflict")
            finally:
                db.session.remove()

    workers = [threading.Thread(target=attempt) for _ in range(threads)]
    for worker in workers:
        worker.start()
    for worker in workers:
        worker.join()
    return sorted(outcomes)
