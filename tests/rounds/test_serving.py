"""Serving a round's current question through the API: the first serve starts the clock, later
reads change nothing, and the options come in the round's own order."""

from datetime import timedelta

from sqlalchemy import select

from quiz.rounds import scoring
from quiz.storage.extensions import db
from quiz.storage.models import Question, Round, RoundQuestion, utcnow


def _start(client, size=3, article="baikonur"):
    response = client.post(
        "/api/v1/rounds", json={"nickname": "Ada", "article": article, "size": size}
    )
    assert response.status_code == 201, response.get_json()
    created = response.get_json()
    return created["id"], {"Authorization": f"Bearer {created['token']}"}


def _current(app, round_id):
    with app.app_context():
        return db.session.scalars(
            select(RoundQuestion)
            .join(Round, Round.id == RoundQuestion.round_id)
            .where(RoundQuestion.round_id == round_id)
            .where(RoundQuestion.position == Round.answered + 1)
        ).one()


def test_the_first_read_records_the_serve_and_a_second_keeps_it(app, client):
    round_id, auth = _start(client)
    assert _current(app, round_id).served_at is None
    before = utcnow()
    first = client.get(f"/api/v1/rounds/{round_id}/question", headers=auth).get_json()
    served = _current(app, round_id).served_at
    assert served is not None and before <= served <= utcnow()
    again = client.get(f"/api/v1/rounds/{round_id}/question", headers=auth).get_json()
    assert again == first
    assert _current(app, round_id).served_at == served


def test_points_count_from_the_first_read_not_a_later_one(app, client):
    round_id, auth = _start(client, size=2)
    question = client.get(f"/api/v1/rounds/{round_id}/question", headers=auth).get_json()
    # The question was first read 15 s ago; reading it again now must not restart the clock.
    with app.app_context():
        item = db.session.get(RoundQuestion, _current(app, round_id).id)
        item.served_at = utcnow() - timedelta(seconds=15)
        db.session.commit()
        right = db.session.get(Question, question["question"]["id"]).answer
    client.get(f"/api/v1/rounds/{round_id}/question", headers=auth)
    verdict = client.post(
        f"/api/v1/rounds/{round_id}/answers",
        json={"question_id": question["question"]["id"], "answer": right},
        headers=auth,
    ).get_json()
    # 15 s into the time limit (give or take a slow second), not 0 s: a restarted clock would
    # give (nearly) full points.
    limit = question["question"]["time_limit"]
    expected = scoring.points_for(True, 15, limit, speed_bonus=True)
    slowest = scoring.points_for(True, 16, limit, speed_bonus=True)
    assert verdict["correct"] and slowest <= verdict["points"] <= expected


def test_the_options_come_in_the_same_order_as_on_the_pages(app, client):
    round_id, auth = _start(client, size=50)
    kinds = set()
    while True:
        body = client.get(f"/api/v1/rounds/{round_id}/question", headers=auth).get_json()
        if body.get("finished"):
            break
        with app.app_context():
            question = db.session.get(Question, body["question"]["id"])
            pages = [o.text for o in scoring.shuffled_options(round_id, question)]
            kinds.add(question.kind)
            given = question.answer if not pages else pages[0]
            if question.kind == "order":
                given = pages  # the events in the order shown
        assert body["question"]["options"] == pages
        reply = client.post(
            f"/api/v1/rounds/{round_id}/answers",
            json={"question_id": body["question"]["id"], "answer": given},
            headers=auth,
        )
        assert reply.status_code == 200, reply.get_json()
    assert {"true_false", "choice"} <= kinds


def test_the_answer_is_never_served_with_the_question(app, client):
    round_id, auth = _start(client, size=50)
    body = client.get(f"/api/v1/rounds/{round_id}/question", headers=auth).get_json()
    assert set(body) == {"position", "of", "question"}
    assert set(body["question"]) == {"id", "prompt", "kind", "options", "time_limit"}


def test_a_finished_round_is_read_without_writing(app, client):
    round_id, auth = _start(client, size=1)
    body = client.get(f"/api/v1/rounds/{round_id}/question", headers=auth).get_json()
    with app.app_context():
        right = db.session.get(Question, body["question"]["id"]).answer
    client.post(
        f"/api/v1/rounds/{round_id}/answers",
        json={"question_id": body["question"]["id"], "answer": right},
        headers=auth,
    )
    with app.app_context():
        served = [item.served_at for item in db.session.get(Round, round_id).items]
    response = client.get(f"/api/v1/rounds/{round_id}/question", headers=auth)
    assert response.get_json() == {"finished": True}
    with app.app_context():
        assert [item.served_at for item in db.session.get(Round, round_id).items] == served
