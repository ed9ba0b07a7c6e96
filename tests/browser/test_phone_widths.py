"""Every page with a table, or a teacher's long title, fits a phone's screen in each language:
a word too long for its column breaks inside the column, never widening the page (Kazakh
and Russian headings are longer than English ones)."""

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from quiz.i18n import LANGUAGES
from quiz.storage.extensions import db
from quiz.storage.models import Article, Question
from tests.browser.test_play import answer_first, start
from tests.builders import Builder
from tests.teach.conftest import PASSWORD, make_teacher

pytestmark = pytest.mark.browser

PHONE = {"width": 360, "height": 740}
STUDENT_PAGES = ("/", "/me", "/leaderboard?article=baikonur")
TEACHER_PAGES = ("/teach/", "/teach/live", "/teach/templates", "/teach/templates/stats")
# A title a teacher may type: one word longer than a phone is wide.
LONG_TITLE = "Космодром" * 20


def _fits(page, url: str) -> None:
    page.goto(url)
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"], f"{url} scrolls sideways on a phone ({width}px)"


def _switch(page, language: str) -> None:
    page.get_by_role("button", name=LANGUAGES[language]).first.click()
    expect(page.locator("html")).to_have_attribute("lang", language)


@pytest.mark.parametrize("language", ["en", "ru", "kk"])
def test_pages_with_tables_fit_a_phone_in_each_language(app, browser, live_server, language):
    teacher_id = make_teacher(app)
    with app.app_context():
        seed = db.session.scalar(select(Article).where(Article.slug == "baikonur"))
        question_id = db.session.scalar(select(Question.id).where(Question.article_id == seed.id))
        # With a question to play: it is listed beside the seed on the leaderboard.
        long = Builder().article(slug="long", title=LONG_TITLE, owner_id=teacher_id)
        Builder().question(long)
    context = browser.new_context(viewport=PHONE, is_mobile=True)
    try:
        student = context.new_page()
        start(student, live_server, nickname="Айгерім Сәрсенбаева", size="2")
        for _ in range(2):
            answer_first(student)
            student.locator("main a.button").first.click()
        _switch(student, language)
        for path in STUDENT_PAGES:
            _fits(student, live_server + path)
        teacher = context.new_page()
        teacher.goto(live_server + "/teach/login")
        teacher.locator("input[name=name]").fill("ms-frizzle")
        teacher.locator("input[name=password]").fill(PASSWORD)
        teacher.locator("form button[type=submit]").last.click()
        expect(teacher).not_to_have_url(live_server + "/teach/login")
        for path in (*TEACHER_PAGES, f"/teach/questions/{question_id}"):
            _fits(teacher, live_server + path)
    finally:
        context.close()
