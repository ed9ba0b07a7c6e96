"""A student plays the seed article in a real Chromium, by keyboard, on a desktop and a phone."""

import os
import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

SCREENSHOT = Path(__file__).resolve().parents[2] / "docs" / "question.png"


def start(page, base, nickname="Ada", size="3"):
    page.goto(base + "/")
    page.get_by_label("Nickname").fill(nickname)
    page.get_by_label("Number of questions").fill(size)
    page.get_by_role("button", name="Start the round").click()
    expect(page).to_have_title(re.compile(r"Question 1 of"))


def test_a_student_plays_a_round_by_keyboard(page, live_server):
    page.goto(live_server + "/")
    # Skip link first, then the form is reachable with Tab alone.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Skip to content")).to_be_focused()
    page.get_by_label("Nickname").focus()
    page.keyboard.type("Keyboard Kid")
    page.keyboard.press("Tab")
    page.keyboard.press("Control+A")
    page.keyboard.type("3")
    page.keyboard.press("Enter")
    expect(page).to_have_title(re.compile(r"Question 1 of 3"))

    for position in range(1, 4):
        expect(page.locator(".progress")).to_contain_text(f"Question {position} of 3")
        radios = page.get_by_role("radio")
        if radios.count():
            radios.first.focus()
            page.keyboard.press("Space")
            expect(radios.first).to_be_checked()
        elif page.get_by_role("combobox").count():
            place_events(page)
            # Enter on a drop-down opens it; the keyboard user moves on to the button.
            page.get_by_role("button", name="Answer").focus()
        else:
            page.get_by_role("textbox").fill("1961")
        page.keyboard.press("Enter")
        verdict = page.get_by_role("heading", level=1)
        expect(verdict).to_have_text(re.compile(r"Right!|Not quite"))
        # The sentence of the article that proves the answer.
        expect(page.locator("blockquote")).not_to_be_empty()
        next_link = page.get_by_role("link", name=re.compile("Next question|See your results"))
        expect(next_link).to_be_focused()
        page.keyboard.press("Enter")

    expect(page.get_by_role("heading", name="Round complete")).to_be_visible()
    expect(page.locator(".totals")).to_contain_text("of 3")
    page.get_by_role("link", name="Leaderboard").first.click()
    expect(page.locator("table").first).to_contain_text("Keyboard Kid")


def test_the_question_page_fits_a_phone_and_works_without_javascript(browser, live_server):
    context = browser.new_context(
        viewport={"width": 360, "height": 740}, java_script_enabled=False, is_mobile=True
    )
    page = context.new_page()
    try:
        start(page, live_server, size="2")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"the page scrolls sideways on a phone ({width}px)"
        options = page.get_by_role("radio")
        assert 2 <= options.count() <= 4 or page.get_by_role("textbox").count() == 1
        # Every option has a label a screen reader announces.
        for i in range(options.count()):
            assert options.nth(i).evaluate("el => el.labels.length") == 1
        if options.count():
            options.first.check()
        elif page.get_by_role("combobox").count():
            place_events(page)
        else:
            page.get_by_role("textbox").fill("1961")
        page.get_by_role("button", name="Answer").click()
        expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"Right!|Not quite"))
    finally:
        context.close()


KINDS = ("order", "statement", "odd_one_out", "first", "choice", "cloze", "date", "short")


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_question_page_fits_a_phone(app, browser, live_server, kind):
    """Dealt at random, a round shows any kind first: each, with its longest options, must fit
    a phone's width (an order question's drop-down lists hold whole events)."""
    from sqlalchemy import func, select

    from quiz.storage.extensions import db
    from quiz.storage.models import Option, Question
    from quiz.storage.states import QuestionStatus

    with app.app_context():
        longest = (
            select(Question.id)
            .join(Option, isouter=True)
            .where(Question.kind == kind, Question.status == QuestionStatus.ACTIVE)
            .group_by(Question.id)
            .order_by(func.max(func.length(func.coalesce(Option.text, ""))).desc())
            .limit(1)
        )
        chosen = db.session.scalar(longest)
        assert chosen is not None, f"the seed article has no {kind} question"
        for question in db.session.scalars(select(Question)):
            question.status = QuestionStatus.ACTIVE if question.id == chosen else "retired"
        db.session.commit()
    context = browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True)
    page = context.new_page()
    try:
        start(page, live_server, size="1")
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 360, f"a {kind} question scrolls sideways on a phone ({width}px)"
    finally:
        context.close()


def place_events(page):
    """Answer an order question: the events in the order the boxes list them."""
    boxes = page.get_by_role("combobox")
    for n in range(boxes.count()):
        boxes.nth(n).select_option(index=n + 1)


def choose_first(page):
    """Pick an answer without sending it: the first option, events in the listed order, or
    a typed year."""
    if page.get_by_role("radio").count():
        page.get_by_role("radio").first.check()
    elif page.get_by_role("combobox").count():
        place_events(page)
    else:
        page.get_by_role("textbox").fill("1961")


def answer_first(page):
    choose_first(page)
    page.get_by_role("button", name="Answer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile(r"Right!|Not quite"))


def test_going_back_after_answering_shows_the_next_question(page, live_server):
    start(page, live_server, size="2")
    answer_first(page)
    page.go_back()
    # Never the answered question again: the server deals the next one.
    expect(page.locator(".progress")).to_contain_text("Question 2 of 2")
    answer_first(page)
    page.goto(live_server + "/me")
    expect(page.locator("table")).to_contain_text("of 2")
    expect(page.get_by_role("link", name="Results")).to_be_visible()


def test_screenshot_of_a_question_page(browser, live_server):
    """Keep the README's screenshot current when asked to (QUIZ_SCREENSHOT=1)."""
    context = browser.new_context(viewport={"width": 900, "height": 700})
    page = context.new_page()
    try:
        start(page, live_server, nickname="Aigerim", size="5")
        expect(page.get_by_role("button", name="Answer")).to_be_visible()
        if os.environ.get("QUIZ_SCREENSHOT"):
            SCREENSHOT.parent.mkdir(exist_ok=True)
            page.screenshot(path=str(SCREENSHOT), full_page=True)
    finally:
        context.close()


def test_a_wrong_answer_shows_the_right_one_in_readable_colours(app, page, live_server):
    from quiz.storage.extensions import db
    from quiz.storage.models import Question
    from tests.browser.test_audit import audit

    start(page, live_server, size="1")
    question_id = int(page.locator("input[name=question_id]").get_attribute("value"))
    with app.app_context():
        right = db.session.get(Question, question_id).answer
    radios = page.get_by_role("radio")
    if page.get_by_role("combobox").count():
        place_events(page)  # in the order shown, which is never the right one
    elif radios.count():
        page.locator(f"input[type=radio]:not([value={right!r}])").first.check()
    else:
        page.get_by_role("textbox").fill("not the answer")
    page.get_by_role("button", name="Answer").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Not quite")
    shown = page.locator("dd.answer")
    expect(shown).to_be_visible()
    # Not the live game's white tile text on the page's light card.
    assert shown.evaluate("e => getComputedStyle(e).color") != "rgb(255, 255, 255)"
    audit(page, "play-feedback-wrong")
