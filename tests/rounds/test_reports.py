"""Students report a question that looks wrong, from the feedback page."""

import pytest
from sqlalchemy import func, select

from quiz.storage.extensions import db
from quiz.storage.models import Report, Round
from tests.pages import answer_current, csrf_token, start_round


def text(response):
    return response.get_data(as_text=True)


@pytest.fixture
def answered(client):
    """A round of two questions with the first answered; returns the feedback page's URL."""
    # The seed article, not the `build` fixture: its app context would be shared by every
    # request, and with it one CSRF token cached for two browsers.
    url = start_round(client, article="baikonur", size=2)
    response, _, _ = answer_current(client, url)
    return response.headers["Location"]


def _reports(app):
    with app.app_context():
        return db.session.scalars(select(Report)).all()


def _report(client, feedback_url, comment=None, position=None):
    page = text(client.get(feedback_url))
    url = feedback_url if position is None else feedback_url.rsplit("/", 1)[0] + f"/{position}"
    data = {"csrf_token": csrf_token(page)}
    if comment is not None:
        data["comment"] = comment
    return client.post(f"{url}/report", data=data)


def test_the_feedback_page_offers_a_report_form(client, answered):
    page = text(client.get(answered))
    assert "This question looks wrong" in page
    assert f'action="{answered}/report"' in page
    assert 'name="comment"' in page


@pytest.mark.parametrize(
    "comment,stored",
    [(None, None), ("", None), ("  2 answers fit  ", "2 answers fit"), ("x" * 500, "x" * 500)],
)
def test_a_report_is_stored_with_its_optional_comment(app, client, answered, comment, stored):
    response = _report(client, answered, comment)
    assert response.status_code == 302 and response.headers["Location"] == answered
    [report] = _reports(app)
    assert report.comment == stored and not report.resolved
    with app.app_context():
        round_ = db.session.get(Round, answered.split("/")[2])
        # The report names the question at that position of the student's round.
        assert (report.round_id, report.question_id) == (round_.id, round_.items[0].question_id)
    page = text(client.get(answered))
    assert "your teacher will look at this question" in page
    assert "You reported this question" in page and 'name="comment"' not in page


def test_a_question_is_reported_once_per_round(app, client, answered):
    first_page = text(client.get(answered))
    token = csrf_token(first_page)
    assert client.post(f"{answered}/report", data={"csrf_token": token}).status_code == 302
    again = client.post(f"{answered}/report", data={"csrf_token": token, "comment": "again"})
    assert again.status_code == 302
    assert len(_reports(app)) == 1
    assert "already reported" in text(client.get(answered))


def test_a_too_long_comment_is_refused_with_a_message(app, client, answered):
    response = _report(client, answered, "x" * 501)
    assert response.status_code == 422
    assert "At most 500 characters." in text(response)
    assert _reports(app) == []


def test_a_report_without_csrf_writes_nothing(app, client, answered):
    assert client.post(f"{answered}/report", data={"comment": "hi"}).status_code == 400
    assert _reports(app) == []


def test_an_unanswered_question_cannot_be_reported(app, client, answered):
    assert _report(client, answered, "hmm", position=2).status_code == 404
    assert _report(client, answered, "hmm", position=99).status_code == 404
    assert _reports(app) == []


def test_only_the_rounds_browser_can_report(app, client, answered):
    stranger = app.test_client()
    stranger.get("/")
    page = text(stranger.get("/"))
    response = stranger.post(f"{answered}/report", data={"csrf_token": csrf_token(page)})
    assert response.status_code == 404
    response = stranger.post(
        "/play/no-such-round/answers/1/report", data={"csrf_token": csrf_token(page)}
    )
    assert response.status_code == 404
    with app.app_context():
        assert db.session.scalar(select(func.count()).select_from(Report)) == 0
