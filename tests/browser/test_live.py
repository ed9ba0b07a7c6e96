"""A live game in a real Chromium: a host and three players in separate browsers, following the
game over server-sent events; a reload mid-question, a kick, a late joiner, axe-core on the
host's and the players' pages."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.test_audit import audit
from tests.browser.test_teach import log_in
from tests.teach.conftest import make_teacher

pytestmark = pytest.mark.browser


def join(browser, base, pin, nickname):
    page = browser.new_context().new_page()
    page.goto(base + "/live")
    page.get_by_label("Game PIN").fill(pin)
    page.get_by_label("Nickname").fill(nickname)
    page.get_by_role("button", name="Join").click()
    expect(page.get_by_role("heading", level=1)).to_have_text(f"You are in, {nickname}!")
    return page


def test_a_live_game_with_a_host_and_three_players(app, browser, live_server):
    make_teacher(app)
    host = browser.new_context().new_page()
    log_in(host, live_server)
    host.get_by_role("link", name="Live games").click()
    host.get_by_label("Article").select_option(label="Baikonur Cosmodrome turns 70")
    host.get_by_label("Number of questions").fill("2")
    host.get_by_label("Seconds per question").fill("60")
    host.get_by_role("button", name="Create the game").click()
    pin = host.locator(".pin").inner_text().strip()
    assert re.fullmatch(r"\d{6}", pin)
    expect(host.get_by_role("img", name=re.compile("QR code"))).to_be_visible()
    audit(host, "live-host-lobby")

    ada = join(browser, live_server, pin, "Ada")
    audit(ada, "live-player-lobby")
    bob = join(browser, live_server, pin, "Bob")
    cy = join(browser, live_server, pin, "Cy")
    # The lobby fills up on the projector without a reload.
    expect(host.locator("details.players summary")).to_have_text("Players: 3")
    expect(ada.locator("#live-panel")).to_contain_text("Players in the game: 3")

    host.get_by_role("button", name="Start the game").click()
    options = host.locator("ul.options li")
    expect(options.first).to_be_visible()
    count = options.count()
    for player in (ada, bob, cy):
        expect(player.locator("button.answer").first).to_be_visible()
    # The page says "60 seconds left"; the script then counts down as "59 s left".
    expect(host.locator(".countdown")).to_have_text(re.compile(r"\d+ s(econds)? left"))
    audit(host, "live-host-question")
    audit(ada, "live-player-question")

    ada.locator("button.answer").first.click()
    expect(ada.locator(".waiting")).to_contain_text("Answer received")
    expect(host.locator("[data-answered-count]")).to_have_text("1")

    # Bob's phone reloads mid-question: he is still in the game, on the same question.
    bob.reload()
    expect(bob.locator("button.answer").first).to_be_visible()
    bob.locator("button.answer").nth(1).focus()
    bob.keyboard.press("Enter")  # answered with the keyboard alone
    expect(bob.locator(".waiting")).to_be_visible()

    # The host removes Cy; everyone left has answered, so the question closes at once.
    host.locator("details.players summary").click()
    host.get_by_role("button", name="Remove Cy").click()
    expect(cy.get_by_role("heading", level=1)).to_have_text("Not allowed")
    expect(cy.locator("main")).to_contain_text("The teacher removed you from this game.")
    cy.goto(live_server + "/live")
    cy.get_by_label("Game PIN").fill(pin)
    cy.get_by_label("Nickname").fill("Cy again")
    cy.get_by_role("button", name="Join").click()
    expect(cy.locator(".errors")).to_contain_text("removed you")

    expect(host.get_by_text("The right answer:")).to_be_visible()
    expect(host.locator("table.distribution progress")).to_have_count(count)
    audit(host, "live-host-result")
    for player in (ada, bob):
        expect(player.get_by_role("heading", level=1)).to_have_text(
            re.compile(r"Right! \+\d+ points|Not quite")
        )
    audit(ada, "live-player-result")

    # A late joiner comes in between questions and plays the next one.
    dee = browser.new_context().new_page()
    dee.goto(live_server + f"/live?pin={pin}")
    dee.get_by_label("Nickname").fill("Dee")
    dee.get_by_role("button", name="Join").click()
    expect(dee.locator("#live-panel")).to_contain_text("No answer this time")

    host.get_by_role("button", name="Next question").click()
    for player in (ada, bob, dee):
        expect(player.locator(".progress")).to_contain_text("Question 2 of 2")
        player.locator("button.answer").first.click()
    expect(host.get_by_text("The right answer:")).to_be_visible()
    host.get_by_role("button", name="Show the podium").click()
    expect(host.get_by_role("heading", name="Podium")).to_be_visible()
    audit(host, "live-host-podium")
    for player in (ada, bob, dee):
        expect(player.get_by_role("heading", level=1)).to_have_text("Game over")
        expect(player.locator("#live-final")).to_contain_text(
            re.compile(r"Your place: \d of 3 players")
        )
    audit(dee, "live-player-final")
    host.get_by_role("link", name="Full results").click()
    expect(host.locator("table").first).to_contain_text("Cy (removed)")
    expect(host.locator("table").first).to_contain_text("Dee")


def test_a_keyboard_player_keeps_their_place_from_one_question_to_the_next(
    app, browser, live_server
):
    """Each new step of the game takes the player's focus to its heading: one Tab from the
    question to its first answer, never the skip link, the menu and the languages again."""
    make_teacher(app)
    host = browser.new_context().new_page()
    log_in(host, live_server)
    host.goto(live_server + "/teach/live")
    host.get_by_label("Article").select_option(label="Baikonur Cosmodrome turns 70")
    host.get_by_label("Number of questions").fill("2")
    host.get_by_label("Seconds per question").fill("60")
    host.get_by_role("button", name="Create the game").click()
    pin = host.locator(".pin").inner_text().strip()
    ada = join(browser, live_server, pin, "Ada")
    bob = join(browser, live_server, pin, "Bob")
    status = ada.locator("#live-status")

    host.get_by_role("button", name="Start the game").click()
    # The question replaces the lobby: focus on its heading, said once (not again as status).
    expect(ada.locator("#live-prompt")).to_be_focused()
    expect(status).to_have_text("")
    ada.keyboard.press("Tab")
    expect(ada.locator("button.answer").first).to_be_focused()
    ada.keyboard.press("Enter")  # answered with the keyboard alone; the page loads again
    expect(ada.locator(".waiting")).to_contain_text("Answer received")
    expect(ada.locator("#live-prompt")).to_be_focused()

    bob.locator("button.answer").first.click()  # the last answer closes the question
    expect(ada.locator("#live-verdict")).to_be_focused()
    expect(ada.locator("#live-verdict")).to_have_text(re.compile(r"Right! \+\d+ points|Not quite"))
    expect(status).to_have_text("")

    host.get_by_role("button", name="Next question").click()
    expect(ada.locator(".progress")).to_contain_text("Question 2 of 2")
    expect(ada.locator("#live-prompt")).to_be_focused()
    expect(status).to_have_text("")
    ada.keyboard.press("Tab")
    expect(ada.locator("button.answer").first).to_be_focused()
    audit(ada, "live-player-keyboard-question")
    ada.keyboard.press("Tab")
    expect(ada.locator("button.answer").nth(1)).to_be_focused()
    ada.keyboard.press("Enter")
    expect(ada.locator("#live-prompt")).to_be_focused()
    bob.locator("button.answer").first.click()
    expect(ada.locator("#live-verdict")).to_be_focused()

    host.get_by_role("button", name="Show the podium").click()
    expect(ada.get_by_role("heading", level=1)).to_have_text("Game over")
    expect(ada.get_by_role("heading", level=1)).to_be_focused()
    expect(ada.locator("#live-final")).to_contain_text("Your place:")
    audit(ada, "live-player-keyboard-final")
