"""A name the article gives no wrong options for is typed, and its surname counts: from an
imported article to an answer through the API, graded on the server."""

from sqlalchemy import select

from quiz.authoring.importing import import_article
from quiz.storage.extensions import db
from quiz.storage.models import Question

TEXT = (
    "Nokia began as a pulp mill in Finland. In 1871, Fredrik Idestam and his friend Leo "
    "Mechelin formed a shared company and called it Nokia."
)


def _typed_round(app, client):
    """Import the article, keep its one typed gap (a person's name) only, start a round of it.
    Return the round and the name."""
    with app.app_context():
        article = import_article("Nokia", TEXT, approve=True).article
        questions = db.session.scalars(
            select(Question).where(Question.article_id == article.id)
        ).all()
        typed = [q for q in questions if q.kind == "short" and "_____" in q.prompt]
        assert len(typed) == 1, [q.prompt for q in questions]
        for question in questions:
            question.status = "active" if question is typed[0] else "retired"
        db.session.commit()
        slug, name = article.slug, typed[0].answer
    response = client.post("/api/v1/rounds", json={"nickname": "Ada", "article": slug, "size": 1})
    assert response.status_code == 201, response.get_json()
    return response.get_json(), name


def _answer(client, round_, typed):
    """Answer the round's one question with `typed`; return the verdict."""
    headers = {"Authorization": f"Bearer {round_['token']}"}
    served = client.get(f"/api/v1/rounds/{round_['id']}/question", headers=headers)
    question = served.get_json()["question"]
    assert question["kind"] == "short" and question["options"] == []
    assert "answer" not in question  # never sent before it is answered
    body = {"question_id": question["id"], "answer": typed}
    verdict = client.post(f"/api/v1/rounds/{round_['id']}/answers", json=body, headers=headers)
    assert verdict.status_code == 200, verdict.get_json()
    return verdict.get_json()


def test_a_typed_name_is_right_by_its_surname_and_wrong_by_another_name(app, client):
    round_, name = _typed_round(app, client)
    assert name in ("Fredrik Idestam", "Leo Mechelin")
    right = _answer(client, round_, f" {name.split()[-1].lower()} ")
    assert right["correct"] is True and right["points"] > 0
    assert right["correct_answer"] == name
    other = "Mechelin" if name == "Fredrik Idestam" else "Idestam"
    wrong = _answer(client, _typed_round(app, client)[0], other)
    assert wrong["correct"] is False and wrong["points"] == 0
