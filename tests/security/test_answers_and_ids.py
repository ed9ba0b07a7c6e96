"""What a curious student tries: finding answers early, walking ids, posting a score, a crash."""

import html
import json
import re

from sqlalchemy import select

from quiz.generation import ORDER_SEPARATOR
from quiz.storage.extensions import db
from quiz.storage.models import Answer, Question, Round
from tests.pages import answer_current, csrf_token, hidden, order_positions, start_round
from tests.practice.conftest import wrong_answer

ROUNDS = 6


def _question(app, question_id):
    with app.app_context():
        question = db.session.get(Question, question_id)
        # A true statement is its own proof: then the prompt states the explanation.
        explanation = "" if question.explanation in question.prompt else question.explanation
        return question.answer, explanation, [o.text for o in question.options]


def test_no_question_page_gives_away_its_answer(app, client):
    right_positions = set()
    for _ in range(ROUNDS):
        url = start_round(client, size=5)
        for _ in range(5):
            page = client.get(url).get_data(as_text=True)
            answer, explanation, options = _question(app, int(hidden(page, "question_id")))
            assert not explanation or explanation not in page
            assert not re.search(r"correct|right answer|data-answer", page, re.IGNORECASE)
            if not options:
                assert answer not in page
            values = re.findall(r'type="radio"[^>]*value="([^"]*)"', page) or re.findall(
                r'value="([^"]*)"[^>]*type="radio"', page
            )
            if len(values) > 2:
                right_positions.add([html.unescape(v) for v in values].index(answer))
            answer_current(client, url)
    # The right option is not always in the same place.
    assert len(right_positions) > 1


def test_the_api_never_sends_an_answer_before_it_is_answered(app, client):
    created = client.post(
        "/api/v1/rounds", json={"nickname": "Eve", "article": "baikonur", "size": 10}
    ).get_json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    url = f"/api/v1/rounds/{created['id']}"
    for _ in range(10):
        body = client.get(url + "/question", headers=auth).get_json()
        assert set(body["question"]) == {"id", "prompt", "kind", "options", "time_limit"}
        answer, explanation, options = _question(app, body["question"]["id"])
        text = json.dumps(body, ensure_ascii=False)
        text += json.dumps(client.get(url, headers=auth).get_json(), ensure_ascii=False)
        assert not explanation or explanation not in text
        assert "correct" not in json.dumps(body)
        if not options:
            assert answer not in text
        pick = body["question"]["options"][0] if options else "no idea"
        if body["question"]["kind"] == "order":
            pick = body["question"]["options"]
        client.post(
            url + "/answers",
            json={"question_id": body["question"]["id"], "answer": pick},
            headers=auth,
        )


def test_feedback_for_a_question_not_yet_answered_is_not_found(client):
    url = start_round(client, size=3)
    assert client.get(url + "/answers/1").status_code == 404
    assert client.get(url + "/answers/2").status_code == 404
    summary = client.get(url + "/summary").get_data(as_text=True)
    assert "Not answered yet" in summary and "the right answer" not in summary


def test_round_and_player_ids_cannot_be_guessed_or_walked(app, client):
    ids = [start_round(app.test_client(), size=1).rsplit("/", 1)[1] for _ in range(30)]
    assert len(set(ids)) == 30
    assert all(len(i) >= 16 and re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids)
    # No shared prefix that would hint at a counter or a clock.
    assert len({i[:4] for i in ids}) > 25
    with client.session_transaction() as cookie:
        assert "player_id" not in cookie
    # Another browser's round is not found, not forbidden: its existence is not confirmed.
    assert client.get(f"/play/{ids[0]}").status_code == 404
    assert client.get(f"/play/{ids[0]}/summary").status_code == 404


def test_a_round_token_opens_only_its_own_round(client):
    def create():
        return client.post(
            "/api/v1/rounds", json={"nickname": "Eve", "article": "baikonur", "size": 2}
        ).get_json()

    mine, theirs = create(), create()
    auth = {"Authorization": f"Bearer {mine['token']}"}
    assert client.get(f"/api/v1/rounds/{theirs['id']}", headers=auth).status_code == 404
    forged = {"Authorization": "Bearer " + mine["token"][:-2] + "xx"}
    assert client.get(f"/api/v1/rounds/{mine['id']}", headers=forged).status_code == 401


def test_a_posted_score_or_points_field_is_ignored_by_the_api(app, client):
    created = client.post(
        "/api/v1/rounds",
        json={"nickname": "Eve", "article": "baikonur", "size": 2, "score": 10**6, "points": 9},
    ).get_json()
    auth = {"Authorization": f"Bearer {created['token']}"}
    url = f"/api/v1/rounds/{created['id']}"
    question = client.get(url + "/question", headers=auth).get_json()["question"]
    body = {
        "question_id": question["id"],
        # Well formed for any kind: an order question's events in a wrong order, not one.
        "answer": wrong_answer(app, question["id"], question["options"] or []),
        "score": 10**6,
        "points": 10**6,
        "correct": True,
    }
    response = client.post(url + "/answers", json=body, headers=auth).get_json()
    assert response["correct"] is False and response["points"] == 0 and response["score"] == 0
    assert client.get(url, headers=auth).get_json()["score"] == 0


def test_a_posted_score_or_points_field_is_ignored_by_the_pages(app, client):
    url = start_round(client, size=1)
    page = client.get(url).get_data(as_text=True)
    answer, _, options = _question(app, int(hidden(page, "question_id")))
    wrong = next((o for o in options if o != answer), "surely wrong")
    data = {
        "csrf_token": csrf_token(page),
        "question_id": hidden(page, "question_id"),
        "answer": wrong,
        "score": "1000000",
        "points": "1000000",
        "correct": "y",
    }
    positions = order_positions(page)
    if positions:
        # An order question: the events latest first is certainly wrong.
        del data["answer"]
        events = answer.split(ORDER_SEPARATOR)[::-1]
        data.update({name: event for (name, _), event in zip(positions, events, strict=True)})
    assert client.post(url, data=data).status_code == 302
    with app.app_context():
        round_ = db.session.scalar(select(Round).where(Round.id == url.rsplit("/", 1)[1]))
        assert round_.score == 0 and round_.correct == 0
        assert db.session.scalar(select(Answer.points).where(Answer.round_id == round_.id)) == 0


def test_a_crash_shows_no_stack_trace_or_debugger(app):
    @app.get("/boom")
    def boom():
        raise RuntimeError("secret internals /work/main/quiz")

    @app.get("/api/v1/boom")
    def api_boom():
        raise RuntimeError("secret internals /work/main/quiz")

    client = app.test_client()
    for path in ("/boom", "/api/v1/boom"):
        response = client.get(path)
        body = response.get_data(as_text=True)
        assert response.status_code == 500
        for leak in ("Traceback", "secret internals", "RuntimeError", "Werkzeug Debugger", ".py"):
            assert leak not in body, (path, leak)
    assert client.get("/api/v1/boom").get_json()["error"]["code"] == "server_error"


def test_the_served_app_is_never_in_debug_mode(monkeypatch, tmp_path):
    from quiz import create_app

    monkeypatch.delenv("FLASK_DEBUG", raising=False)
    app = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path}/x.db", "SECRET_KEY": "k"})
    assert app.debug is False and app.config["PROPAGATE_EXCEPTIONS"] is None
