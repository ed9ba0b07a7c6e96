"""A name the article gives no wrong options for is typed, and its surname counts: from an
imported article to an answer through the API, graded on the server."""

from quiz.authoring.importing import import_article

TEXT = (
    "Nokia began as a pulp mill in Finland. In 1871, Fredrik Idestam and his friend Leo "
    "Mechelin formed a shared company and called it Nokia."
)


def _round_of_every_question(app, client):
    with app.app_context():
        report = import_article("Nokia", TEXT, approve=True)
        slug, size = report.article.slug, report.playable
    response = client.post(
        "/api/v1/rounds", json={"nickname": "Ada", "article": slug, "size": size}
    )
    assert response.status_code == 201, response.get_json()
    return response.get_json(), size


def _answer_all(client, round_, size, typed):
    """Answer every question; a typed name with `typed`. Return the typed names' verdicts."""
    headers = {"Authorization": f"Bearer {round_['token']}"}
    verdicts = []
    for _ in range(size):
        served = client.get(f"/api/v1/rounds/{round_['id']}/question", headers=headers)
        question = served.get_json()["question"]
        name = question["kind"] == "short" and "friend _____" in question["prompt"]
        answer = typed if name else (question["options"] or ["1871"])[0]
        body = {"question_id": question["id"], "answer": answer}
        verdict = client.post(f"/api/v1/rounds/{round_['id']}/answers", json=body, headers=headers)
        assert verdict.status_code == 200, verdict.get_json()
        if name:
            assert "answer" not in question  # never sent before it is answered
            verdicts.append(verdict.get_json())
    return verdicts


def test_a_typed_name_is_right_by_its_surname_and_wrong_by_another_name(app, client):
    round_, size = _round_of_every_question(app, client)
    verdicts = _answer_all(client, round_, size, " mechelin ")
    assert verdicts and all(v["correct"] for v in verdicts)
    assert {v["correct_answer"] for v in verdicts} == {"Leo Mechelin"}
    other, size = _round_of_every_question(app, client)
    assert not any(v["correct"] for v in _answer_all(client, other, size, "Idestam"))
