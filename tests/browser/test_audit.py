"""Every student page in a real Chromium: axe-core finds no serious or critical violation,
a round plays with the mouse alone, a nickname with <script> stays text, screenshots are kept.

axe-core comes installed with the test extras (axe-playwright-python bundles axe.min.js);
nothing is downloaded while the tests run.
"""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from tests.browser.test_play import place_events, start
from tests.security.conftest import make_classroom
from tests.teach.conftest import make_teacher

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
ARTEFACTS = ROOT / "test-results" / "screenshots"
DOCS = ROOT / "docs"
BLOCKING = {"serious", "critical"}
# The README shows these (and docs/question.png, kept by test_play).
README_PAGES = {"home", "feedback", "summary", "leaderboard"}


def audit(page, name: str) -> None:
    """Run axe-core on the page, keep a screenshot, and fail on a serious or critical issue."""
    from axe_playwright_python.sync_playwright import Axe

    ARTEFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTEFACTS / f"{name}.png"), full_page=True)
    if os.environ.get("QUIZ_SCREENSHOT") and name in README_PAGES:
        page.screenshot(path=str(DOCS / f"{name}.png"), full_page=True)
    results = Axe().run(page)
    blocking = [
        f"{v['id']} ({v['impact']}): {v['help']} at {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in BLOCKING
    ]
    assert blocking == [], f"{name}: {blocking}"


def click_through_round(page, size: int, audit_pages: bool) -> None:
    for position in range(1, size + 1):
        expect(page.locator(".progress")).to_contain_text(f"Question {position} of {size}")
        if audit_pages and position == 1:
            audit(page, "question")
        radios = page.get_by_role("radio")
        if radios.count():
            # Click the option's label, as a student taps the words on a phone.
            page.locator(f"label[for='{radios.first.get_attribute('id')}']").click()
            expect(radios.first).to_be_checked()
        elif page.get_by_role("combobox").count():
            place_events(page)
        else:
            page.get_by_role("textbox").click()
            page.keyboard.type("1961")
        page.get_by_role("button", name="Answer").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"Right!|Not quite"))
        if audit_pages and position == 1:
            audit(page, "feedback")
        page.get_by_role("link", name=re.compile("Next question|See your results")).click()


def test_every_student_page_passes_axe_and_a_round_plays_with_the_mouse(app, page, live_server):
    page.goto(live_server + "/")
    audit(page, "home")
    page.get_by_label("Nickname").click()
    page.keyboard.type("Mouse Only")
    page.get_by_label("Number of questions").fill("3")
    page.get_by_role("button", name="Start the round").click()
    click_through_round(page, 3, audit_pages=True)
    expect(page.get_by_role("heading", name="Round complete")).to_be_visible()
    audit(page, "summary")
    page.get_by_role("link", name="Leaderboard").first.click()
    expect(page.locator("table").first).to_contain_text("Mouse Only")
    audit(page, "leaderboard")
    page.get_by_role("link", name="My rounds").click()
    audit(page, "history")
    page.goto(live_server + "/join")
    audit(page, "join")
    page.goto(live_server + "/no/such/page")
    audit(page, "not-found")


def test_the_class_page_passes_axe(app, page, live_server):
    with app.app_context():
        from quiz.storage.extensions import db
        from quiz.storage.models import Article

        article_id = db.session.scalar(db.select(Article.id).where(Article.slug == "baikonur"))
    _, _, code = make_classroom(app, make_teacher(app), article_id)
    page.goto(f"{live_server}/join?code={code}")
    page.get_by_label("Nickname").fill("Classmate")
    page.get_by_role("button", name=re.compile("Join")).click()
    expect(page).to_have_url(re.compile(r"/class$"))
    audit(page, "class")


def test_a_nickname_with_a_script_tag_is_shown_as_text(page, live_server):
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    nickname = "<script>alert(1)</script>"
    start(page, live_server, nickname=nickname, size="1")
    click_through_round(page, 1, audit_pages=False)
    page.goto(live_server + "/leaderboard")
    expect(page.locator("table").first).to_contain_text(nickname)
    page.goto(live_server + "/me")
    expect(page.locator("main")).to_contain_text(nickname)
    assert dialogs == []
    assert page.locator("script", has_text="alert(1)").count() == 0


def test_an_order_question_passes_axe_and_is_played_by_keyboard(app, page, live_server, build):
    from quiz.generation import ORDER_SEPARATOR

    events = ["The first satellite", "Gagarin's flight", "The founding of the city"]
    with app.app_context():
        article = build.article(title="Order")
        build.question(
            article,
            kind="order",
            prompt="Put these events in order, earliest first.",
            answer=ORDER_SEPARATOR.join([events[2], events[0], events[1]]),
            options=events,
        )
    page.goto(live_server + "/")
    page.get_by_label(re.compile(r"^Order \(")).check()
    page.get_by_label("Nickname").fill("Ada")
    page.get_by_label("Number of questions").fill("1")
    page.get_by_role("button", name="Start the round").click()
    expect(page.get_by_label("1st (earliest)")).to_be_visible()
    audit(page, "order-question")
    # By keyboard: focus each box and type the start of its event.
    for label, event in (("1st (earliest)", "The f"), ("2nd", "The fi"), ("3rd (latest)", "G")):
        page.get_by_label(label).focus()
        page.keyboard.type(event)
    page.get_by_label("1st (earliest)").select_option(events[2])
    page.get_by_label("2nd").select_option(events[0])
    page.get_by_label("3rd (latest)").select_option(events[1])
    page.get_by_role("button", name="Answer").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"^Right!"))
    audit(page, "order-feedback")
