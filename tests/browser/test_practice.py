"""A student practises in a real Chromium: what is due, a session by keyboard and mouse, what
improved, a personal code taken to a fresh browser; axe-core checks every practice page."""

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from quiz.storage.extensions import db
from quiz.storage.models import Answer, Fact, Player, Question, Round, question_fact
from tests.browser.test_audit import audit, click_through_round
from tests.browser.test_play import start
from tests.practice.conftest import missed_earlier, questions_with_facts

# A fact a teacher named at length, with a word too long for any phone's line.
LONG_ABOUT = (
    "the day the first crew of the Soyuz programme launched from the Baikonur Cosmodrome "
    "in the Kazakh steppe, " + "Kosmodromnayaploshchadkanomerodinatsatpyat" * 2
)

pytestmark = pytest.mark.browser


def answered_questions(app, nickname: str) -> tuple[str, list[int]]:
    with app.app_context():
        player = db.session.scalar(select(Player).where(Player.nickname == nickname))
        questions = db.session.scalars(
            select(Answer.question_id).join(Round).where(Round.player_id == player.id)
        ).all()
        return player.id, list(questions)


def test_a_practice_session_in_the_browser(app, browser, page, live_server):
    start(page, live_server, nickname="Practiser", size="3")
    click_through_round(page, 3, audit_pages=False)
    expect(page.get_by_role("heading", name="Round complete")).to_be_visible()
    # The round was two hours ago, all missed: move the scheduler's clock, not the test's.
    player_id, questions = answered_questions(app, "Practiser")
    missed_earlier(app, player_id, questions)

    page.get_by_role("link", name="Practise").click()
    expect(page.get_by_role("heading", name="Practise what you met")).to_be_visible()
    audit(page, "practice")
    page.get_by_role("button", name=re.compile("Practise Baikonur")).click()

    for n in range(1, 12):
        expect(page.locator(".progress")).to_contain_text(f"{n} of")
        if n == 1:
            audit(page, "practice-question")
        radios = page.get_by_role("radio")
        if radios.count():
            radios.first.focus()
            page.keyboard.press("Space")
            expect(radios.first).to_be_checked()
        else:
            page.get_by_role("textbox").fill("1961")
        page.keyboard.press("Enter")
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("Right!|Not quite"))
        expect(page.locator("blockquote")).not_to_be_empty()
        expect(page.locator("dd", has_text="Comes back").first).to_be_visible()
        if n == 1:
            audit(page, "practice-feedback")
        following = page.get_by_role("link", name=re.compile("Next question|See what improved"))
        expect(following).to_be_focused()
        done = following.inner_text() == "See what improved"
        page.keyboard.press("Enter")
        if done:
            break
    expect(page.get_by_role("heading", level=1)).to_have_text(
        re.compile("Practice done|Nothing more is due")
    )
    expect(page.get_by_role("table")).to_contain_text("What you practised")
    audit(page, "practice-summary")

    page.get_by_role("link", name="Back to practice").click()
    page.get_by_role("link", name="My personal code").click()
    audit(page, "practice-code-ask")
    page.get_by_role("button", name="Make my personal code").click()
    code = page.locator(".code").inner_text()
    assert re.fullmatch(r"[A-Z0-9]{5}-[A-Z0-9]{5}", code)
    expect(page.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    audit(page, "practice-code")

    # A phone with no cookie: the code brings the player and their practice over.
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    try:
        other = phone.new_page()
        other.goto(live_server + "/continue")
        audit(other, "continue")
        other.get_by_label("Your personal code").fill(code.lower())
        other.get_by_role("button", name="Continue").click()
        expect(other.get_by_text("Welcome back, Practiser")).to_be_visible()
        expect(other.get_by_role("heading", name=re.compile("Baikonur"))).to_be_visible()
        width = other.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"the practice page scrolls sideways on a phone ({width}px)"
        audit(other, "practice-phone")
    finally:
        phone.close()


def test_practice_feedback_with_a_long_fact_fits_a_phone(app, browser, live_server):
    phone = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    try:
        page = phone.new_page()
        start(page, live_server, nickname="Phone", size="1")
        click_through_round(page, 1, audit_pages=False)
        player_id, _questions = answered_questions(app, "Phone")
        # One fact missed two hours ago, so it is due now; its name is long.
        (question_id,) = questions_with_facts(app, 1)
        missed_earlier(app, player_id, [question_id])
        with app.app_context():
            fact_id = db.session.scalar(
                select(question_fact.c.fact_id).where(question_fact.c.question_id == question_id)
            )
            db.session.get_one(Fact, fact_id).about = LONG_ABOUT
            db.session.commit()

        page.goto(live_server + "/practice")
        page.get_by_role("button", name=re.compile("Practise Baikonur")).click()
        asked = int(page.locator("input[name=question_id]").get_attribute("value"))
        with app.app_context():
            right = db.session.get_one(Question, asked).answer
        radios = page.get_by_role("radio")
        if radios.count():
            # A wrong option: the page then shows the right answer too.
            wrong = next(i for i in range(radios.count()) if radios.nth(i).input_value() != right)
            radios.nth(wrong).check()
        else:
            page.get_by_role("textbox").fill("certainly not this")
        page.get_by_role("button", name="Answer").click()
        expect(page.get_by_role("heading", level=1)).to_have_text("Not quite")
        expect(page.locator("dt", has_text="The right answer")).to_be_visible()
        expect(page.locator("dt", has_text="Kosmodromnaya")).to_be_visible()
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"the practice feedback scrolls sideways on a phone ({width}px)"
        # Every label and value stays inside the card.
        card = page.locator(".card.verdict").bounding_box()
        for cell in page.locator(".verdict dt, .verdict dd").all():
            box = cell.bounding_box()
            assert box["x"] >= card["x"] and box["x"] + box["width"] <= card["x"] + card["width"]
        audit(page, "practice-feedback-phone")
    finally:
        phone.close()
