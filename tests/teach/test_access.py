"""Every teacher route, GET and POST, from the app's URL map: an anonymous request is sent to
the login page; another teacher asking for what is not theirs, with a valid CSRF token, gets
404 and changes nothing; pages without an id show nobody else's private things.

A new teacher route fails `test_every_teacher_route_has_an_access_case` until it has a case.
"""

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from sqlalchemy import select

from quiz import create_app
from quiz.authoring.questions import sync_questions
from quiz.live import games
from quiz.rounds import scoring
from quiz.storage.extensions import db
from quiz.storage.models import (
    ApiToken,
    Article,
    Assignment,
    Classroom,
    Fact,
    Player,
    Question,
    Report,
    Template,
)
from quiz.storage.work import unit_of_work
from tests.pages import csrf_token
from tests.security.conftest import snapshot
from tests.teach.conftest import log_in, make_teacher, own_copy_of_seed


def _teacher_rules():
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    return sorted(
        (rule.rule, method)
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("teach.") and rule.endpoint != "teach.login"
        for method in sorted(rule.methods - {"HEAD", "OPTIONS"})
    )


RULES = _teacher_rules()
# URL parts that name one teacher's object: a rule with one of them is checked for 404.
OWNED_PARTS = ("article_id", "fact_id", "question_id", "template_id", "classroom_id",
               "assignment_id", "token_id", "player_id", "report_id", "pin")  # fmt: skip
OWNED = [(r, m) for r, m in RULES if any(f"{part}>" in r for part in OWNED_PARTS)]
# Routes without an id: each says what another teacher's request to it must not reveal or do.
UNOWNED = {
    ("/teach/", "GET"): "page",
    ("/teach/articles/new", "GET"): "page",
    ("/teach/articles/new", "POST"): "own",
    ("/teach/classes/new", "GET"): "page",
    ("/teach/classes/new", "POST"): "own",
    ("/teach/logout", "POST"): "own",
    ("/teach/questions/import", "GET"): "page",
    ("/teach/questions/import", "POST"): "article-field",
    ("/teach/seed", "GET"): "page",
    ("/teach/seed", "POST"): "own",
    ("/teach/templates", "GET"): "page",
    ("/teach/templates/new", "GET"): "page",
    ("/teach/templates/new", "POST"): "article-field",
    ("/teach/templates/stats", "GET"): "page",
    ("/teach/tokens", "GET"): "page",
    ("/teach/tokens", "POST"): "own",
    ("/teach/live", "GET"): "page",
    ("/teach/live", "POST"): "article-field",
}

# What the owner's private things are called: none of it may reach another teacher's page.
SECRETS = ("Own own-baikonur", "own-when-secret", "Owners class 7B", "owner laptop token")


def test_every_teacher_route_has_an_access_case():
    uncovered = [case for case in RULES if case not in OWNED and case not in UNOWNED]
    assert not uncovered, f"give these teacher routes an access case: {uncovered}"
    assert len(RULES) >= 40


@pytest.fixture
def private(app):
    """The owner's article, facts, questions, template, class, student, report and token."""
    owner = make_teacher(app, "owner")
    article_id = own_copy_of_seed(app, owner)
    with app.app_context():
        article = db.session.get(Article, article_id)
        with unit_of_work():
            sync_questions(article, status="proposed")
        questions = db.session.scalars(
            select(Question).where(Question.article_id == article_id).order_by(Question.id)
        ).all()
        question = questions[0]
        with unit_of_work():
            question.status = "active"
        seed_template = db.session.scalar(select(Template).order_by(Template.id))
        template = Template(key="own-when-secret", kind=seed_template.kind,
                            text=seed_template.text,
                            data={**seed_template.data, "key": "own-when-secret"},
                            origin="teacher", owner_id=owner)  # fmt: skip
        classroom = Classroom(teacher_id=owner, name="Owners class 7B", code="OWNER7")
        token = ApiToken(teacher_id=owner, name="owner laptop token", token_hash="0" * 64)
        with unit_of_work():
            db.session.add_all([template, classroom, token])
            db.session.flush()
            assignment = Assignment(classroom_id=classroom.id, article_id=article_id, size=3)
            player = Player(nickname="Ada", classroom_id=classroom.id)
            db.session.add_all([assignment, player])
        round_, _ = scoring.start_round(article, "Ada", 3, player_id=player.id,
                                        assignment_id=assignment.id)  # fmt: skip
        with unit_of_work():
            report = Report(question_id=round_.items[0].question_id, round_id=round_.id)
            db.session.add(report)
        fact = db.session.scalar(select(Fact).where(Fact.article_id == article_id))
        # A finished live game of the owner's (so its event stream ends after one event).
        game = games.create_game(owner, article, 1, 30)
        pin, game_id = game.pin, game.id
        live_player_id = games.join(game_id, "Ada").player_id
        for _step in range(3):
            games.advance(game_id)
        return {
            "article_id": article_id,
            "fact_id": fact.id,
            "question_id": question.id,
            "template_id": template.id,
            "classroom_id": classroom.id,
            "assignment_id": assignment.id,
            "player_id": player.id,
            "token_id": token.id,
            "report_id": report.id,
            "fmt": "gift",
            "pin": pin,
            "action": "next",
            "live_player_id": live_player_id,
        }


def _url(rule: str, ids: dict) -> str:
    url = rule
    for name, value in ids.items():
        url = re.sub(rf"<(?:[^<>]*:)?{name}>", str(value), url)
    assert "<" not in url, f"no test id for {rule}"
    return url


def _payload(ids: dict) -> dict:
    """Fields that would make each POST do its work for the owner."""
    return {
        "status": "retired",
        "title": "Changed",
        "text": "Changed text. It has two sentences.",
        "prompt": "Changed?",
        "answer": "1961",
        "explanation": "Changed.",
        "name": "Changed",
        "nickname": "Changed",
        "action": "approve",
        "all": "1",
        "about": "changed",
        "type": "year",
        "value": "1999",
        "key": "changed",
        "kind": "year",
        "over": "dated",
        "time_limit": "30",
        "save": "1",
        "article": str(ids["article_id"]),
        "assign-article": str(ids["article_id"]),
        "assign-size": "2",
    }


def _without_counters(tables: dict) -> dict:
    return {name: rows for name, rows in tables.items() if name != "rate_limit"}


def _logged_in(app, name):
    client = app.test_client()
    assert log_in(client, name=name).status_code == 302
    token = csrf_token(client.get("/teach/articles/new").get_data(as_text=True))
    return client, token


def test_anonymous_requests_are_sent_to_the_login_page(app, private):
    client = app.test_client()
    client.get("/")  # a student who has played has a cookie, and is still not a teacher
    token = csrf_token(client.get("/teach/login").get_data(as_text=True))
    for rule, method in RULES:
        url = _url(rule, private)
        response = client.open(url, method=method, data={"csrf_token": token})
        assert response.status_code == 302, (method, url, response.status_code)
        location = urlsplit(response.headers["Location"])
        assert location.path == "/teach/login", (method, url, location)
        assert parse_qs(location.query)["next"] == [urlsplit(url).path]


def test_another_teacher_gets_404_and_changes_nothing(app, private):
    make_teacher(app, "intruder")
    client, token = _logged_in(app, "intruder")
    with app.app_context():
        before = _without_counters(snapshot())
    for rule, method in OWNED:
        url = _url(rule, private)
        data = {"csrf_token": token, **_payload(private)} if method == "POST" else None
        response = client.open(url, method=method, data=data)
        assert response.status_code == 404, (method, url, response.status_code)
        page = response.get_data(as_text=True)
        assert not any(secret in page for secret in SECRETS), (method, url)
        with app.app_context():
            assert _without_counters(snapshot()) == before, f"{method} {url} changed data"


def test_the_same_requests_work_for_the_owner(app, private):
    """So that the 404s above come from ownership, not from requests that could never work."""
    client, token = _logged_in(app, "owner")
    for rule, method in OWNED:
        if method != "GET":
            continue
        url = _url(rule, private)
        assert client.get(url).status_code in (200, 302), url
    # One POST of each kind of object, with the very fields the intruder sent.
    for rule in ("/teach/classes/<int:classroom_id>/reports/<int:report_id>/resolve",
                 "/teach/classes/<int:classroom_id>/students/<player_id>/nickname",
                 "/teach/questions/<int:question_id>/status", "/teach/facts/<int:fact_id>/delete",
                 "/teach/tokens/<int:token_id>/revoke",
                 "/teach/assignments/<int:assignment_id>/delete",
                 "/teach/templates/<int:template_id>/edit"):  # fmt: skip
        with app.app_context():
            before = _without_counters(snapshot())
        url = _url(rule, private)
        response = client.post(url, data={"csrf_token": token, **_payload(private)})
        assert response.status_code == 302, (url, response.status_code)
        with app.app_context():
            assert _without_counters(snapshot()) != before, f"POST {url} changed nothing"


def test_pages_without_an_id_show_nobody_elses_private_things(app, private):
    make_teacher(app, "intruder")
    client, token = _logged_in(app, "intruder")
    with app.app_context():
        before = _without_counters(snapshot())
    for (rule, method), kind in UNOWNED.items():
        if kind == "own":
            continue  # creates the intruder's own things, or ends their own session
        data = {"csrf_token": token, **_payload(private)} if method == "POST" else None
        response = client.open(rule, method=method, data=data)
        page = response.get_data(as_text=True)
        assert response.status_code in (200, 404, 422), (method, rule, response.status_code)
        assert not any(secret in page for secret in SECRETS), (method, rule)
        if kind == "article-field":
            # Naming the owner's article in a form field is refused like any unknown choice.
            assert response.status_code in (404, 422), (method, rule)
        with app.app_context():
            assert _without_counters(snapshot()) == before, f"{method} {rule} changed data"
    # The owner does see them, so the pages above could have shown them.
    owner, _ = _logged_in(app, "owner")
    pages = "".join(owner.get(u).get_data(as_text=True) for u in ("/teach/", "/teach/templates"))
    assert "Own own-baikonur" in pages and "own-when-secret" in pages


def test_shared_library_articles_are_visible_to_every_teacher(app, teacher_client):
    with app.app_context():
        seed = db.session.scalar(db.select(Article).where(Article.slug == "baikonur"))
    page = teacher_client.get("/teach/").get_data(as_text=True)
    assert "Baikonur" in page and "Shared" in page
    assert teacher_client.get(f"/teach/articles/{seed.id}").status_code == 200
