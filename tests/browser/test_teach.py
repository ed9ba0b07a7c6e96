"""A teacher works in a real Chromium: log in, add a fact, publish a question, run a class."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_play import place_events
from tests.teach.conftest import PASSWORD, make_teacher

pytestmark = pytest.mark.browser

GAGARIN = (
    "Just a few years later, in 1961, Yuri Gagarin began his historic journey into space from here."
)


def log_in(page, base):
    page.goto(base + "/teach/login")
    page.get_by_label("Name").fill("ms-frizzle")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    expect(page.get_by_role("heading", name="Dashboard")).to_be_visible()


def test_a_teacher_adds_a_fact_publishes_a_question_and_runs_a_class(app, browser, live_server):
    make_teacher(app)
    teacher = browser.new_context().new_page()
    log_in(teacher, live_server)

    # Add a fact to the shared Baikonur article.
    teacher.get_by_role("link", name="Baikonur Cosmodrome turns 70").click()
    teacher.get_by_role("link", name="Add a fact").click()
    teacher.get_by_label("Type").select_option("number")
    teacher.get_by_label("What it is about").fill("the number of Kazakh heroes named")
    teacher.get_by_label("Value", exact=True).fill("3")
    sentence = teacher.locator("#sentence option", has_text="our own heroes").get_attribute("value")
    teacher.get_by_label("Sentence of the article that states it").select_option(sentence)
    teacher.get_by_label("Unit or noun").fill("cosmonauts")
    teacher.get_by_role("button", name="Save the fact").click()
    expect(teacher.locator(".flash")).to_contain_text("Fact saved")
    expect(teacher.locator("#main")).to_contain_text("the number of Kazakh heroes named")

    # Review what is proposed, preview one question and publish it.
    teacher.get_by_role("link", name="Review proposed questions").click()
    expect(teacher.get_by_role("heading", level=1)).to_contain_text("Proposed questions")
    teacher.get_by_role("link", name="Templates").click()
    teacher.go_back()
    first = teacher.locator("input[name=question]").first
    question_id = first.get_attribute("value")
    teacher.goto(f"{live_server}/teach/questions/{question_id}")
    expect(teacher.locator(".preview")).to_be_visible()
    teacher.get_by_role("button", name="Publish").click()
    expect(teacher.locator(".flash")).to_contain_text("The question is published.")

    # Create a class and assign the article.
    teacher.get_by_role("link", name="Dashboard").click()
    teacher.get_by_role("link", name="New class").click()
    teacher.get_by_label("Class name").fill("7B")
    teacher.get_by_role("button", name="Create the class").click()
    code = teacher.locator(".code").inner_text().strip()
    assert re.fullmatch(r"[A-Z0-9]{6}", code)
    expect(teacher.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    teacher.get_by_label("Questions per round").fill("3")
    teacher.get_by_role("button", name="Assign").click()
    expect(teacher.locator("table").first).to_contain_text("Baikonur")

    # A student joins with the code and plays the assignment.
    student = browser.new_context().new_page()
    student.goto(f"{live_server}/join?code={code}")
    student.get_by_label("Nickname").fill("<script>alert(1)</script>")
    student.get_by_role("button", name="Join").click()
    expect(student.get_by_role("heading", name="7B")).to_be_visible()
    student.get_by_role("button", name=re.compile("Play")).click()
    for _ in range(3):
        radios = student.get_by_role("radio")
        if radios.count():
            radios.first.check()
        elif student.get_by_role("combobox").count():
            place_events(student)
        else:
            student.get_by_role("textbox").fill("1961")
        student.get_by_role("button", name="Answer").click()
        student.get_by_role("link", name=re.compile("Next question|See your results")).click()
    expect(student.get_by_role("heading", name="Round complete")).to_be_visible()

    # The teacher sees the student, by nickname shown as text, and reads the results.
    teacher.reload()
    expect(teacher.locator("#main")).to_contain_text("<script>alert(1)</script>")
    teacher.get_by_role("link", name="Results", exact=True).click()
    expect(teacher.locator("#main")).to_contain_text("<script>alert(1)</script>")
    expect(teacher.locator("svg title").first).not_to_be_empty()
    teacher.get_by_role("link", name="Results per question").click()
    expect(teacher.locator("#main")).to_contain_text("Facility")
