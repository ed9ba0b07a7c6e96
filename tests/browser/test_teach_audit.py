"""Every teacher page in a real Chromium passes axe-core with no serious or critical violation:
the login page, each page of the teacher blueprint with a class whose student played and
reported a question, forms showing their validation errors, and what a sent form shows (a new
token, a template preview, the problems of a rejected upload).

Screenshots are kept as test-results/screenshots/teach-*.png.
"""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from quiz.authoring import library
from quiz.live import games
from quiz.storage.extensions import db
from quiz.storage.models import Article, Classroom, Player, Round, Template
from tests.browser.test_audit import audit, click_through_round
from tests.browser.test_teach import log_in
from tests.security.conftest import make_classroom
from tests.teach.conftest import make_teacher

pytestmark = pytest.mark.browser

# Teacher GET endpoints that answer with a file, a fragment or a stream rather than a page.
NOT_PAGES = {
    "teach.classroom_qr",
    "teach.article_export",
    "teach.class_results_csv",
    "teach.live_qr",
    "teach.live_host_panel",
    "teach.live_host_events",
}


def play_in_class(browser, base: str, code: str) -> None:
    """A student joins with the code, plays the class's assignment and reports question 1."""
    context = browser.new_context()
    student = context.new_page()
    student.goto(f"{base}/join?code={code}")
    student.get_by_label("Nickname").fill("Ada")
    student.get_by_role("button", name=re.compile("Join")).click()
    student.get_by_role("button", name=re.compile("Play")).click()
    click_through_round(student, 3, audit_pages=False)
    expect(student.get_by_role("heading", name="Round complete")).to_be_visible()
    student.goto(re.sub(r"/summary$", "/answers/1", student.url))
    student.get_by_text("This question looks wrong").click()
    student.get_by_label("What looks wrong?").fill("Two options could be right.")
    student.get_by_role("button", name="Report the question").click()
    expect(student.get_by_text("You reported this question")).to_be_visible()
    context.close()


def add_fact(app, article_id: int) -> int:
    """Add a teacher's fact to the article, which proposes questions to review; return its id."""
    with app.app_context():
        article = db.session.get(Article, article_id)
        sentence = next(s for s in article.sentences if "our own heroes" in s.text)
        fields = {
            "type": "number",
            "about": "the number of Kazakh heroes named",
            "value": "3",
            "sentence": sentence.id,
            "unit": "cosmonauts",
        }
        fact, proposed = library.save_fact(article, library.fact_data(article, fields))
        assert proposed > 0
        return fact.id


def class_ids(app, classroom_id: int, fact_id: int) -> dict:
    """Return the ids that fill the teacher URLs: the class, its student, what they played."""
    with app.app_context():
        player = db.session.scalar(select(Player).where(Player.classroom_id == classroom_id))
        round_ = db.session.scalar(select(Round).where(Round.player_id == player.id))
        # A live game of the class's teacher, played to its podium.
        classroom = db.session.get(Classroom, classroom_id)
        game = games.create_game(classroom.teacher_id, round_.article, 2, 30)
        pin, game_id = game.pin, game.id
        games.join(game_id, "Ada")
        for _step in range(5):
            games.advance(game_id)
        return {
            "pin": pin,
            "classroom_id": classroom_id,
            "player_id": player.id,
            "article_id": round_.article_id,
            "question_id": round_.items[0].question_id,
            "fact_id": fact_id,
            "template_id": db.session.scalar(select(Template.id).order_by(Template.id)),
        }


def open_details(page) -> None:
    """Open every disclosure (the data tables of the charts), so that axe checks them too."""
    for summary in page.locator("details > summary").all():
        summary.click()


def teacher_pages(app, ids: dict) -> dict[str, str]:
    """Return every teacher page but the login page, by screenshot name, filled with ids."""
    pages = {}
    for rule in app.url_map.iter_rules():
        if not rule.endpoint.startswith("teach.") or "GET" not in rule.methods:
            continue
        if rule.endpoint in NOT_PAGES or rule.endpoint == "teach.login":
            continue
        missing = rule.arguments - ids.keys()
        assert not missing, f"give the teacher audit an id for {missing} ({rule.rule})"
        parts = [p for p in rule.rule.split("/")[2:] if p and not p.startswith("<")]
        name = "teach-" + ("-".join(parts) or "dashboard")
        if name in pages:  # /teach/live and /teach/live/<pin>: told apart by their endpoint
            name += "-" + rule.endpoint.split(".", 1)[1]
        pages[name] = rule.build(ids, False)[1]
    return pages


def broken_file(name: str) -> dict:
    """Return an upload, for Playwright, that no importer accepts."""
    return {"name": name, "mimeType": "text/plain", "buffer": b"::Q1:: Which year? {=1961 ~\n"}


def test_the_login_page_passes_axe_before_and_after_a_wrong_password(app, page, live_server):
    make_teacher(app)
    page.goto(live_server + "/teach/login")
    audit(page, "teach-login")
    page.get_by_label("Name").fill("ms-frizzle")
    page.get_by_label("Password").fill("not the password")
    page.get_by_role("button", name="Log in").click()
    expect(page.locator(".errors")).to_contain_text("do not match")
    audit(page, "teach-login-error")


def test_every_teacher_page_passes_axe_with_a_class_that_played(app, browser, page, live_server):
    with app.app_context():
        baikonur = db.session.scalar(select(Article.id).where(Article.slug == "baikonur"))
    classroom_id, _, code = make_classroom(app, make_teacher(app), baikonur)
    play_in_class(browser, live_server, code)
    fact_id = add_fact(app, baikonur)
    log_in(page, live_server)
    pages = teacher_pages(app, class_ids(app, classroom_id, fact_id))
    assert len(pages) == 26
    for name, path in pages.items():
        response = page.goto(live_server + path)
        assert response.ok, f"{path}: {response.status}"
        open_details(page)
        audit(page, name)


def test_forms_showing_their_errors_pass_axe(app, page, live_server):
    make_teacher(app)
    log_in(page, live_server)
    page.goto(live_server + "/teach/classes/new")
    page.get_by_role("button", name="Create the class").click()
    expect(page.locator(".errors").first).to_be_visible()
    audit(page, "teach-classes-new-errors")
    page.get_by_role("link", name="Dashboard").click()
    page.get_by_role("link", name="Baikonur Cosmodrome turns 70").click()
    page.get_by_role("link", name="Add a fact").click()
    page.get_by_role("button", name="Save the fact").click()
    expect(page.locator(".errors").first).to_be_visible()
    audit(page, "teach-articles-facts-new-errors")


def test_what_a_sent_form_shows_passes_axe(app, page, live_server):
    make_teacher(app)
    log_in(page, live_server)
    page.goto(live_server + "/teach/tokens")
    page.get_by_label("What the token is for").fill("Moodle")
    page.get_by_role("button", name="Create a token").click()
    expect(page.locator(".token")).to_be_visible()
    audit(page, "teach-tokens-created")
    page.goto(live_server + "/teach/templates")
    page.locator("tbody a").first.click()
    page.get_by_role("button", name="Preview").click()
    expect(page.get_by_role("heading", name=re.compile("Preview:"))).to_be_visible()
    audit(page, "teach-templates-preview")
    page.goto(live_server + "/teach/seed")
    page.get_by_label("Facts file").set_input_files(broken_file("facts.toml"))
    page.get_by_label("Article text").set_input_files(broken_file("article.txt"))
    page.get_by_role("button", name="Check and load").click()
    expect(page.get_by_role("alert")).to_contain_text("Nothing was loaded")
    audit(page, "teach-seed-problems")
    page.goto(live_server + "/teach/questions/import")
    page.get_by_label("Question file").set_input_files(broken_file("questions.gift"))
    page.get_by_label("Title of the new question bank").fill("Space race")
    page.get_by_role("button", name="Check and import").click()
    expect(page.get_by_role("alert")).to_contain_text("Nothing was imported")
    audit(page, "teach-questions-import-problems")
