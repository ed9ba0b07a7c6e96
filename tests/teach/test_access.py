"""Every teacher route: anonymous users and students are sent to login; other teachers get 404."""

import re

import pytest

from quiz import create_app
from quiz.live import games
from quiz.storage.extensions import db
from quiz.storage.models import (
    ApiToken,
    Article,
    Assignment,
    Classroom,
    Fact,
    Option,
    Player,
    Question,
    Sentence,
    Template,
)
from tests.teach.conftest import log_in, make_teacher


def _teacher_rules():
    app = create_app({"SECRET_KEY": "x", "SQLALCHEMY_DATABASE_URI": "sqlite://"})
    return sorted(
        (rule.rule, sorted(rule.methods - {"HEAD", "OPTIONS"}))
        for rule in app.url_map.iter_rules()
        if rule.endpoint.startswith("teach.") and rule.endpoint != "teach.login"
    )


RULES = _teacher_rules()


@pytest.fixture
def private(app):
    """A teacher's own article (with a fact, a question, a template) and class, by id."""
    owner = make_teacher(app, "owner")
    with app.app_context():
        article = Article(slug="private", title="Private", body="One.", owner_id=owner)
        article.sentences = [Sentence(position=1, text="One.")]
        db.session.add(article)
        db.session.flush()
        fact = Fact(article_id=article.id, key="k", type="year", about="a", data={})
        question = Question(
            article_id=article.id,
            kind="year",
            prompt="When?",
            answer="1961",
            explanation="One.",
            fingerprint="x",
            status="active",
            options=[
                Option(position=1, text="1961", correct=True),
                Option(position=2, text="1962", correct=False),
            ],
        )
        template = Template(key="own", kind="year", text="t", data={}, owner_id=owner)
        classroom = Classroom(teacher_id=owner, name="7B", code="ABCDEF")
        db.session.add_all([fact, question, template, classroom])
        db.session.flush()
        assignment = Assignment(classroom_id=classroom.id, article_id=article.id, size=5)
        # A student of the class, for the result pages about one student.
        player = Player(nickname="Ada", classroom_id=classroom.id)
        token = ApiToken(teacher_id=owner, name="quiz app", token_hash="0" * 64)
        db.session.add_all([assignment, player, token])
        db.session.commit()
        # A finished live game of the owner's (so its event stream ends after one event).
        game = games.create_game(owner, article, 1, 30)
        pin, game_id = game.pin, game.id
        live_player_id = games.join(game_id, "Ada").player_id
        for _step in range(3):
            games.advance(game_id)
        return {
            "article_id": article.id,
            "fact_id": fact.id,
            "question_id": question.id,
            "template_id": template.id,
            "classroom_id": classroom.id,
            "assignment_id": assignment.id,
            "player_id": player.id,
            "token_id": token.id,
            "fmt": "gift",
            # The class is checked before the report, so any report id shows the rule.
            "report_id": 1,
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


def _call(client, method, url):
    return client.open(url, method=method, data={})


@pytest.mark.parametrize("rule,methods", RULES, ids=[r for r, _ in RULES])
def test_anonymous_users_and_students_are_sent_to_login(app, private, rule, methods):
    client = app.test_client()
    # A student who has played has a player cookie, and is still not a teacher.
    client.get("/")
    for method in methods:
        response = _call(client, method, _url(rule, private))
        assert response.status_code in (302, 403), (method, rule)
        if response.status_code == 302:
            assert "/teach/login" in response.headers["Location"]


OWNED = [
    (r, m)
    for r, m in RULES
    if any(
        k in r
        for k in (
            "article_id",
            "fact_id",
            "question_id",
            "template_id",
            "classroom_id",
            "assignment_id",
            "token_id",
            "pin",
        )
    )
]


@pytest.mark.parametrize("rule,methods", OWNED, ids=[r for r, _ in OWNED])
def test_other_teachers_get_404_for_what_is_not_theirs(app, private, rule, methods):
    make_teacher(app, "intruder")
    client = app.test_client()
    assert log_in(client, name="intruder").status_code == 302
    for method in methods:
        response = _call(client, method, _url(rule, private))
        # A POST without its CSRF token may be refused before the lookup: still not a leak.
        assert response.status_code in (404, 400), (method, rule, response.status_code)
        if method == "GET":
            assert response.status_code == 404


def test_the_owner_can_open_every_page_of_their_own(app, private):
    client = app.test_client()
    assert log_in(client, name="owner").status_code == 302
    for rule, methods in OWNED:
        if "GET" in methods:
            response = client.get(_url(rule, private))
            assert response.status_code in (200, 302), (rule, response.status_code)


def test_shared_library_articles_are_visible_to_every_teacher(app, teacher_client):
    with app.app_context():
        seed = db.session.scalar(db.select(Article).where(Article.slug == "baikonur"))
    page = teacher_client.get("/teach/").get_data(as_text=True)
    assert "Baikonur" in page and "Shared" in page
    assert teacher_client.get(f"/teach/articles/{seed.id}").status_code == 200
