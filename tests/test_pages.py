"""The student pages, driven as a browser would: forms with CSRF, redirects, cookies."""

import pytest

from quiz.storage.extensions import db
from quiz.storage.models import Answer, Round
from tests.pages import answer_current, csrf_token, hidden, start_round


def text(response):
    return response.get_data(as_text=True)


def test_home_offers_the_seed_article_and_a_start_form(client):
    page = text(client.get("/"))
    assert "Baikonur" in page
    assert 'name="nickname"' in page and 'name="size"' in page
    assert 'name="csrf_token"' in page
    assert '<html lang="en">' in page and 'name="viewport"' in page
    # The page names its icon, so a browser does not ask for a missing /favicon.ico.
    assert 'rel="icon" href="/static/favicon.svg"' in page
    icon = client.get("/static/favicon.svg")
    assert icon.status_code == 200 and icon.mimetype == "image/svg+xml"


def test_a_round_from_start_to_summary(client, build):
    article = build.quiz(size=2, title="Gagarin")
    url = start_round(client, article=article.slug, size=2, nickname="Ada")
    page = text(client.get(url))
    assert "Question 1 of 2" in page
    # The answer is never in the page before answering (options carry no marker).
    assert "correct" not in page.lower()

    response, _, options = answer_current(client, url, pick=lambda o: "1961")
    assert sorted(options) == ["1955", "1957", "1961", "1994"]
    assert response.status_code == 302
    feedback = text(client.get(response.headers["Location"]))
    assert "Right!" in feedback
    assert "In 1961 Yuri Gagarin flew." in feedback

    response, _, _ = answer_current(client, url, pick=lambda o: "1955")
    feedback = text(client.get(response.headers["Location"]))
    assert "Not quite" in feedback and "The right answer" in feedback and "1961" in feedback
    assert "See your results" in feedback

    summary = client.get(url, follow_redirects=True)
    body = text(summary)
    assert "Round complete" in body and "1 of 2" in body and "right" in body
    assert body.count("In 1961 Yuri Gagarin flew.") == 2


def test_reloading_or_going_back_never_scores_twice(client, build):
    article = build.quiz(size=2)
    url = start_round(client, article=article.slug, size=2)
    page = text(client.get(url))
    data = {
        "csrf_token": csrf_token(page),
        "question_id": hidden(page, "question_id"),
        "answer": "1961",
    }
    first = client.post(url, data=data)
    # The browser re-sends the same form (reload after POST, or back and submit again).
    again = client.post(url, data=data)
    assert again.status_code == 302
    assert again.headers["Location"] == first.headers["Location"]
    assert "already answered" in text(client.get(again.headers["Location"]))
    with client.application.app_context():
        assert db.session.query(Answer).count() == 1
        assert db.session.query(Round).one().answered == 1


def test_a_missing_answer_is_shown_on_the_form(client, build):
    article = build.quiz(size=1)
    url = start_round(client, article=article.slug, size=1)
    page = text(client.get(url))
    response = client.post(
        url, data={"csrf_token": csrf_token(page), "question_id": hidden(page, "question_id")}
    )
    assert response.status_code == 422
    assert "Choose an answer." in text(response)


def test_an_answer_that_is_not_an_option_is_refused(client, build, ctx):
    article = build.quiz(size=1)
    url = start_round(client, article=article.slug, size=1)
    page = text(client.get(url))
    response = client.post(
        url,
        data={
            "csrf_token": csrf_token(page),
            "question_id": hidden(page, "question_id"),
            "answer": "2000",
        },
    )
    assert response.status_code == 422
    assert db.session.query(Answer).count() == 0


def test_forms_without_a_csrf_token_are_refused(client, build, ctx):
    article = build.quiz(size=1)
    response = client.post("/", data={"article": article.slug, "size": 1, "nickname": "Ada"})
    assert response.status_code == 400
    assert "expired" in text(response)
    assert db.session.query(Round).count() == 0
    url = start_round(client, article=article.slug, size=1)
    page = text(client.get(url))
    response = client.post(url, data={"question_id": hidden(page, "question_id"), "answer": "1961"})
    assert response.status_code == 400
    assert db.session.query(Answer).count() == 0


@pytest.mark.parametrize(
    "size,nickname,message",
    [
        ("0", "Ada", "between 1 and 50"),
        ("51", "Ada", "between 1 and 50"),
        ("ten", "Ada", "Not a valid integer"),
        ("5", "", "Type a nickname."),
        ("5", "   ", "Type a nickname."),
        ("5", "x" * 40, "at most 32"),
    ],
)
def test_start_form_errors_are_shown_by_the_field(client, size, nickname, message, ctx):
    page = text(client.get("/"))
    response = client.post(
        "/",
        data={
            "csrf_token": csrf_token(page),
            "article": "baikonur",
            "size": size,
            "nickname": nickname,
        },
    )
    assert response.status_code == 422
    body = text(response)
    assert message in body and 'aria-invalid="true"' in body
    assert db.session.query(Round).count() == 0


def test_an_unknown_article_choice_is_refused(client, ctx):
    page = text(client.get("/"))
    response = client.post(
        "/", data={"csrf_token": csrf_token(page), "article": "nope", "size": 5, "nickname": "Ada"}
    )
    assert response.status_code == 422
    assert db.session.query(Round).count() == 0


def test_rounds_of_another_browser_are_not_found(app, build):
    article = build.quiz(size=1)
    mine = app.test_client()
    url = start_round(mine, article=article.slug, size=1)
    other = app.test_client()
    assert other.get(url).status_code == 404
    assert other.get(url + "/summary").status_code == 404
    assert other.get(url + "/answers/1").status_code == 404


def test_an_unfinished_round_can_be_resumed_from_home(client, build):
    article = build.quiz(size=2, title="Resumable")
    url = start_round(client, article=article.slug, size=2)
    answer_current(client, url)
    home = text(client.get("/"))
    assert "Carry on where you left off" in home and url in home
    assert "question 2 of 2" in home


def test_feedback_for_an_unanswered_position_is_404(client, build):
    article = build.quiz(size=2)
    url = start_round(client, article=article.slug, size=2)
    assert client.get(url + "/answers/2").status_code == 404
    assert client.get(url + "/answers/abc").status_code == 404
    # A position the round does not have says so, not "not answered yet".
    beyond = client.get(url + "/answers/999")
    assert beyond.status_code == 404
    assert "This round has no question 999." in text(beyond)
    assert "not been answered yet" not in text(beyond)


def test_leaderboard_page_shows_today_and_all_time(client, build):
    article = build.quiz(size=1, title="Boardable")
    url = start_round(client, article=article.slug, size=1, nickname="<b>Ada</b>")
    answer_current(client, url, pick=lambda o: "1961")
    page = text(client.get(f"/leaderboard?article={article.slug}"))
    assert "Today" in page and "All time" in page
    # Nicknames are escaped, never markup.
    assert "&lt;b&gt;Ada&lt;/b&gt;" in page and "<b>Ada</b>" not in page
    assert client.get("/leaderboard?article=nope").status_code == 404
    assert client.get("/leaderboard").status_code == 200


def test_the_leaderboard_opens_on_the_article_this_browser_played_last(app, client, build):
    article = build.quiz(size=1, title="Zeppelins")
    draft = build.article(title="Draft under review")
    build.question(draft, status="proposed")
    start_round(client, article=article.slug, size=1)
    page = text(client.get("/leaderboard"))
    assert "Leaderboard: Zeppelins" in page
    assert "Draft under review" not in page  # nothing to play or played: not listed
    # A browser that has played nothing opens on the first article.
    assert "Leaderboard: Zeppelins" not in text(app.test_client().get("/leaderboard"))


def test_history_lists_this_browsers_rounds_only(app, build):
    article = build.quiz(size=1, title="Historic")
    mine, other = app.test_client(), app.test_client()
    start_round(mine, article=article.slug, size=1, nickname="Ada")
    assert "Historic" in text(mine.get("/me"))
    assert "No rounds played on this browser yet" in text(other.get("/me"))


def test_the_nickname_is_remembered_on_this_browser(client, build):
    article = build.quiz(size=1)
    start_round(client, article=article.slug, size=1, nickname="Grace")
    assert 'value="Grace"' in text(client.get("/"))


def test_a_relaxed_round_scores_full_points(client, build):
    article = build.quiz(size=1)
    url = start_round(client, article=article.slug, size=1, relaxed=True)
    assert "No time pressure" in text(client.get(url))
    response, _, _ = answer_current(client, url, pick=lambda o: "1961")
    assert "+1,000 points" in text(client.get(response.headers["Location"]))


def test_unknown_pages_get_a_friendly_404(client):
    response = client.get("/no/such/page")
    assert response.status_code == 404
    assert "Page not found" in text(response)


@pytest.mark.parametrize("bad", ["", "x", "0", str(2**31), str(2**63)])
def test_an_answer_without_a_real_question_id_is_refused(client, build, ctx, bad):
    article = build.quiz(size=1)
    url = start_round(client, article=article.slug, size=1)
    page = text(client.get(url))
    data = {"csrf_token": csrf_token(page), "question_id": bad, "answer": "1961"}
    response = client.post(url, data=data)
    assert 400 <= response.status_code < 500, response.status_code
    assert db.session.query(Answer).count() == 0
