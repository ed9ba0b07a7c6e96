"""A classroom-sized crowd against a real `quiz serve`: no 5xx, no acknowledged answer lost.

Bounded: loopback only, a fixed number of players, and every request with a timeout.
"""

import threading
from concurrent.futures import ThreadPoolExecutor

from sqlalchemy import create_engine, text

from tests.answers import first_answer
from tests.load.conftest import Tally, play, request

PLAYERS = 500
SIZE = 10
CONNECTIONS = 32


def engine_for(database: str):
    """An engine on the test's database, SQLite file or PostgreSQL URL."""
    url = database if "://" in database else f"sqlite:///{database}"
    return create_engine(url.replace("postgresql://", "postgresql+psycopg://", 1))


def stored_answers(database: str) -> set[tuple[str, int]]:
    engine = engine_for(database)
    try:
        with engine.connect() as connection:
            rows = connection.execute(text("SELECT round_id, question_id FROM answer"))
            return {(r, q) for r, q in rows}
    finally:
        engine.dispose()


def crowd(port: int, tally: Tally, stop=None) -> None:
    with ThreadPoolExecutor(CONNECTIONS) as pool:
        for n in range(PLAYERS):
            pool.submit(play, port, f"player{n}", SIZE, tally, stop)


def test_500_players_answer_10_questions_at_once_and_nothing_is_lost(server, db_path):
    running = server(workers=2)
    tally = Tally()
    crowd(running.port, tally)
    assert tally.server_errors == []
    assert tally.lost_connections == 0
    assert len(tally.acknowledged) == PLAYERS * SIZE
    assert set(tally.acknowledged) <= stored_answers(str(db_path))


def test_a_sigkill_in_the_middle_of_the_load_loses_no_acknowledged_answer(server, db_path):
    running = server(workers=2)
    tally = Tally()
    stop = threading.Event()
    players = threading.Thread(target=crowd, args=(running.port, tally, stop))
    players.start()
    # Kill once a good part of the load has been acknowledged, with much still in flight.
    while len(tally.acknowledged) < PLAYERS * SIZE // 3 and players.is_alive():
        threading.Event().wait(0.05)
    running.kill()
    acknowledged_before_kill = len(tally.acknowledged)
    stop.set()
    players.join(120)
    assert not players.is_alive()
    assert acknowledged_before_kill >= PLAYERS * SIZE // 3
    assert tally.server_errors == []

    restarted = server(workers=2)
    stored = stored_answers(str(db_path))
    missing = set(tally.acknowledged) - stored
    assert missing == set(), f"{len(missing)} acknowledged answers were lost"
    # And the restarted server takes new rounds at once.
    after = Tally()
    play(restarted.port, "after-restart", SIZE, after)
    assert len(after.acknowledged) == SIZE and after.server_errors == []


def test_each_request_reads_what_was_written_before_it(server, db_path):
    """One worker serves every request: none may read from an earlier request's snapshot."""
    running = server(workers=1)
    port = running.port
    status, created = request(
        port, "POST", "/api/v1/rounds", {"nickname": "Fresh", "article": "baikonur", "size": 3}
    )
    assert status == 201
    url, token = f"/api/v1/rounds/{created['id']}", created["token"]
    for answered in range(1, 4):
        question = request(port, "GET", url + "/question", token=token)[1]["question"]
        pick = first_answer(question)
        body = {"question_id": question["id"], "answer": pick}
        assert request(port, "POST", url + "/answers", body, token=token)[0] == 200
        assert request(port, "GET", url, token=token)[1]["answered"] == answered
    board = request(port, "GET", "/api/v1/leaderboard?article=baikonur")[1]
    assert "Fresh" in [entry["nickname"] for entry in board["entries"]]
    # A write from another process (a teacher's command, say) shows on the next request too.
    engine = engine_for(str(db_path))
    try:
        with engine.begin() as connection:
            connection.execute(
                text("UPDATE round SET nickname = 'Renamed' WHERE id = :id"), {"id": created["id"]}
            )
    finally:
        engine.dispose()
    board = request(port, "GET", "/api/v1/leaderboard?article=baikonur")[1]
    assert "Renamed" in [entry["nickname"] for entry in board["entries"]]
