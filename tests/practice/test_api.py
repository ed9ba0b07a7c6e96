"""The practice API: players with a token, their next due question, its answer; clear 4xx."""

from datetime import datetime

import pytest

from tests.practice.conftest import (
    asked_facts,
    memories,
    missed_earlier,
    questions_with_facts,
    right_answer,
    wrong_answer,
)


def bearer(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def new_player(client, nickname="Ada") -> dict:
    response = client.post("/api/v1/players", json={"nickname": nickname})
    assert response.status_code == 201, response.get_json()
    return response.get_json()


def play_wrong_round(client, token: str, size=2) -> list[int]:
    """Play a round with the player's token, answering every question wrong."""
    created = client.post(
        "/api/v1/rounds",
        json={"nickname": "Ada", "article": "baikonur", "size": size},
        headers=bearer(token),
    ).get_json()
    round_headers = bearer(created["token"])
    url = f"/api/v1/rounds/{created['id']}"
    asked = []
    while not (body := client.get(url + "/question", headers=round_headers).get_json()).get(
        "finished"
    ):
        question = body["question"]
        pick = wrong_answer(client.application, question["id"], question["options"] or [])
        asked.append(question["id"])
        reply = client.post(
            url + "/answers",
            json={"question_id": question["id"], "answer": pick},
            headers=round_headers,
        )
        assert reply.status_code == 200
    return asked


def test_a_player_made_through_the_api_plays_rounds_that_count_for_practice(app, client):
    player = new_player(client)
    assert player["token"].startswith("qp_") and player["nickname"] == "Ada"
    asked = play_wrong_round(client, player["token"])
    remembered = {m.fact_id for m in memories(app, player["id"])}
    assert remembered == set().union(*(asked_facts(app, q) for q in asked))
    # Just answered: nothing is due yet, and the API says when something will be.
    body = client.get("/api/v1/practice?article=baikonur", headers=bearer(player["token"]))
    assert body.status_code == 200
    due = body.get_json()
    assert due["due"] == 0
    assert datetime.fromisoformat(due["next_due_at"])


def first_due_at(app, player_id) -> str:
    return max(m.due for m in memories(app, player_id) if m.reviews == 1).isoformat()


def test_the_next_due_question_is_practised_and_put_off(app, client):
    player = new_player(client)
    missed = questions_with_facts(app, 2)
    missed_earlier(app, player["id"], missed)
    due_before = first_due_at(app, player["id"])
    headers = bearer(player["token"])
    first = client.get("/api/v1/practice?article=baikonur", headers=headers).get_json()
    assert first["due"] == 2
    question = first["question"]
    assert question["id"] not in missed  # through another question
    assert "answer" not in question  # never the answer before it is answered
    # Fetched again before answering: the same question.
    again = client.get("/api/v1/practice?article=baikonur", headers=headers).get_json()
    assert again["question"]["id"] == question["id"]
    reply = client.post(
        "/api/v1/practice/answers",
        json={"question_id": question["id"], "answer": right_answer(app, question["id"])},
        headers=headers,
    )
    assert reply.status_code == 200
    verdict = reply.get_json()
    assert verdict["correct"] is True and verdict["explanation"]
    dues = [datetime.fromisoformat(f["due_at"]) for f in verdict["facts"]]
    assert datetime.fromisoformat(verdict["next_due_at"]) == min(dues)
    # Right now, so put off: due later than it was (it was due two hours ago).
    assert min(dues) > datetime.fromisoformat(due_before)
    assert {f["level"] for f in verdict["facts"]} <= {"learning", "reviewing", "mastered"}
    left = client.get("/api/v1/practice?article=baikonur", headers=headers).get_json()
    assert left["due"] == 1


@pytest.mark.parametrize(
    "body,status,message",
    [
        ({}, 422, "'nickname' is required"),
        ({"nickname": ""}, 422, "nickname"),
        ({"nickname": 7}, 422, "must be a string"),
        ({"nickname": "x" * 80}, 422, "nickname"),
        ([], 400, "JSON object"),
    ],
)
def test_a_bad_new_player_is_refused(client, body, status, message):
    response = client.post("/api/v1/players", json=body)
    assert response.status_code == status
    assert message in response.get_json()["error"]["message"]


def test_practice_calls_need_a_players_token(app, client):
    round_ = client.post(
        "/api/v1/rounds", json={"nickname": "Bot", "article": "baikonur", "size": 1}
    ).get_json()
    for headers in ({}, bearer("nonsense"), bearer(round_["token"]), {"Authorization": "Basic x"}):
        got = client.get("/api/v1/practice?article=baikonur", headers=headers)
        posted = client.post(
            "/api/v1/practice/answers", json={"question_id": 1, "answer": "1961"}, headers=headers
        )
        for response in (got, posted):
            assert response.status_code == 401
            assert response.get_json()["error"]["code"] == "unauthorized"
    # A round started with a token that is not a player's is refused, not silently unlinked.
    refused = client.post(
        "/api/v1/rounds",
        json={"nickname": "Bot", "article": "baikonur", "size": 1},
        headers=bearer("qp_forged"),
    )
    assert refused.status_code == 401


def test_bad_practice_requests_get_a_clear_4xx_and_change_nothing(app, client):
    player = new_player(client)
    missed = questions_with_facts(app, 1)
    missed_earlier(app, player["id"], missed)
    headers = bearer(player["token"])
    before = [(m.id, m.due, m.reviews) for m in memories(app, player["id"])]
    cases = [
        ("get", "/api/v1/practice", None, 422, "'article' is required"),
        ("get", "/api/v1/practice?article=", None, 422, "'article' is required"),
        ("get", "/api/v1/practice?article=atlantis", None, 404, "No article"),
        ("post", "/api/v1/practice/answers", [], 400, "JSON object"),
        ("post", "/api/v1/practice/answers", {"answer": "x"}, 422, "'question_id' is required"),
        ("post", "/api/v1/practice/answers", {"question_id": "7", "answer": "x"}, 422, "whole"),
        ("post", "/api/v1/practice/answers", {"question_id": 0, "answer": "x"}, 422, "between"),
        ("post", "/api/v1/practice/answers", {"question_id": 7}, 422, "'answer' is required"),
        ("post", "/api/v1/practice/answers", {"question_id": 7, "answer": "x"}, 409, "not waiting"),
    ]
    for method, url, body, status, message in cases:
        response = getattr(client, method)(url, json=body, headers=headers)
        assert response.status_code == status, (url, body, response.get_json())
        assert message in response.get_json()["error"]["message"], (url, body)
    assert [(m.id, m.due, m.reviews) for m in memories(app, player["id"])] == before

    shown = client.get("/api/v1/practice?article=baikonur", headers=headers).get_json()
    question = shown["question"]
    if question["options"]:
        wrong = client.post(
            "/api/v1/practice/answers",
            json={"question_id": question["id"], "answer": "Atlantis"},
            headers=headers,
        )
        assert wrong.status_code == 422
        assert "one of the question's options" in wrong.get_json()["error"]["message"]
    assert [(m.id, m.due, m.reviews) for m in memories(app, player["id"])] == before
    # The question shown still waits for its answer.
    answered = client.post(
        "/api/v1/practice/answers",
        json={"question_id": question["id"], "answer": right_answer(app, question["id"])},
        headers=headers,
    )
    assert answered.status_code == 200
    twice = client.post(
        "/api/v1/practice/answers",
        json={"question_id": question["id"], "answer": right_answer(app, question["id"])},
        headers=headers,
    )
    assert twice.status_code == 409


def test_the_openapi_document_lists_the_practice_calls(client):
    document = client.get("/api/v1/openapi.json").get_json()
    paths = document["paths"]
    assert "post" in paths["/api/v1/players"]
    assert paths["/api/v1/practice"]["get"]["security"] == [{"playerToken": []}]
    assert "post" in paths["/api/v1/practice/answers"]
    assert paths["/api/v1/rounds"]["post"]["security"] == [{}, {"playerToken": []}]
    assert "playerToken" in document["components"]["securitySchemes"]


def test_a_players_practice_answers_are_limited_per_token(app, client):
    app.config["QUIZ_ANSWER_LIMIT"] = "2 per minute"
    ada, bob = new_player(client), new_player(client, "Bob")

    def answer(player):
        body = {"question_id": 1, "answer": "1961"}
        return client.post("/api/v1/practice/answers", json=body, headers=bearer(player["token"]))

    # Counted before the answer is looked at, refused ones too.
    statuses = [answer(ada).status_code for _ in range(3)]
    assert 429 not in statuses[:2] and statuses[2] == 429
    assert answer(bob).status_code != 429
