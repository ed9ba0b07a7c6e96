"""Live games through the pages, as with JavaScript off: forms, redirects and refreshes."""

import html
import re

import pytest
from sqlalchemy import func, select

from quiz.classroom import classes
from quiz.classroom.results import student_rows
from quiz.storage.extensions import db
from quiz.storage.models import (
    Answer,
    Article,
    Classroom,
    LiveGame,
    LivePlayer,
    Memory,
    Option,
    Round,
    Teacher,
)
from tests.live.conftest import expire_clock, right_answer, wrong_answer
from tests.pages import csrf_token
from tests.teach.conftest import log_in, make_teacher

pytestmark = pytest.mark.usefixtures("app")


def text(response) -> str:
    """Return the page's HTML with entities read, so answers with apostrophes compare."""
    return html.unescape(response.get_data(as_text=True))


@pytest.fixture
def host(app):
    make_teacher(app)
    client = app.test_client()
    assert log_in(client).status_code == 302
    return client


def create(host, size=2, time_limit=30, assignment=0, speed_bonus=True) -> str:
    """Create a game on the host page; return its PIN."""
    page = text(host.get("/teach/live"))
    article = re.search(r'<option value="(\d+)"[^>]*>Baikonur', page).group(1)
    response = host.post(
        "/teach/live",
        data={
            "csrf_token": csrf_token(page),
            "article": article,
            "assignment": assignment,
            "size": size,
            "time_limit": time_limit,
            **({"speed_bonus": "y"} if speed_bonus else {}),
        },
    )
    assert response.status_code == 302, text(response)
    return response.headers["Location"].rsplit("/", 1)[1]


def join(client, pin, nickname):
    page = text(client.get(f"/live?pin={pin}"))
    return client.post(
        "/live", data={"csrf_token": csrf_token(page), "pin": pin, "nickname": nickname}
    )


def act(host, pin, action):
    page = text(host.get(f"/teach/live/{pin}"))
    return host.post(f"/teach/live/{pin}/{action}", data={"csrf_token": csrf_token(page)})


def answer(client, pin, choice):
    page = text(client.get(f"/live/{pin}"))
    qid = re.search(r'name="question_id" value="(\d+)"', page).group(1)
    return client.post(
        f"/live/{pin}/answer",
        data={"csrf_token": csrf_token(page), "question_id": qid, "answer": choice},
    )


def question_id(client, pin) -> int:
    return int(re.search(r'name="question_id" value="(\d+)"', text(client.get(f"/live/{pin}")))[1])


def test_a_game_on_the_pages_without_javascript(app, host):
    pin = create(host)
    lobby = text(host.get(f"/teach/live/{pin}"))
    assert pin in lobby and f"/teach/live/{pin}/qr.svg" in lobby
    assert '<noscript><meta http-equiv="refresh"' in lobby and ">Refresh</a>" in lobby
    qr = host.get(f"/teach/live/{pin}/qr.svg")
    assert qr.mimetype == "image/svg+xml" and b"<svg" in qr.data

    ada = app.test_client()
    joined = join(ada, pin, "Ada")
    assert joined.status_code == 302 and joined.headers["Location"] == f"/live/{pin}"
    page = text(ada.get(f"/live/{pin}"))
    assert "You are in, Ada!" in page and '<noscript><meta http-equiv="refresh"' in page
    assert "Ada" in text(host.get(f"/teach/live/{pin}"))

    assert act(host, pin, "start").status_code == 303
    question = text(ada.get(f"/live/{pin}"))
    assert 'class="answer shape-triangle"' in question and "seconds left" in question
    qid = question_id(ada, pin)
    right = right_answer(app, qid)
    # Reloading mid-question keeps the player in the game.
    assert "You are in" not in text(ada.get(f"/live/{pin}"))
    assert answer(ada, pin, right).status_code == 303
    # Ada was the only player: her answer closed the question, and now the result shows.
    result = text(ada.get(f"/live/{pin}"))
    assert "Right! +" in result and right in result
    host_page = text(host.get(f"/teach/live/{pin}"))
    assert "The right answer" in host_page and "<progress" in host_page and "Top five" in host_page

    act(host, pin, "next")
    act(host, pin, "next")  # close the second question unanswered
    final = text(ada.get(f"/live/{pin}"))
    assert "No answer this time" in final
    act(host, pin, "next")
    over = text(ada.get(f"/live/{pin}"))
    assert "Game over" in over and "Your place: 1 of 1 player<" in over
    results = text(host.get(f"/teach/live/{pin}/results"))
    assert "Ada" in results and "1 of 2" in results
    # The round of a finished game reads like any other round on the player's pages.
    with app.app_context():
        round_id = db.session.scalar(select(LivePlayer.round_id))
    summary = ada.get(f"/play/{round_id}")
    assert summary.status_code == 302 and summary.headers["Location"].endswith("/summary")


def test_a_running_games_round_cannot_be_played_alone(app, host):
    pin = create(host)
    ada = app.test_client()
    join(ada, pin, "Ada")
    act(host, pin, "start")
    with app.app_context():
        round_id = db.session.scalar(select(LivePlayer.round_id))
    for url in (f"/play/{round_id}", f"/play/{round_id}/summary", f"/play/{round_id}/answers/1"):
        assert ada.get(url).status_code == 404
    home = text(ada.get("/"))
    assert round_id not in home


def test_kick_cannot_be_undone_with_the_cookie(app, host):
    pin = create(host)
    troll = app.test_client()
    join(troll, pin, "Troll")
    with app.app_context():
        player_id = db.session.scalar(select(LivePlayer.id))
    page = text(host.get(f"/teach/live/{pin}"))
    kicked = host.post(
        f"/teach/live/{pin}/players/{player_id}/kick", data={"csrf_token": csrf_token(page)}
    )
    assert kicked.status_code == 303
    assert troll.get(f"/live/{pin}").status_code == 403
    again = join(troll, pin, "Troll2")
    assert again.status_code == 422 and "removed you" in text(again)
    with app.app_context():
        assert db.session.scalar(select(func.count(LivePlayer.id))) == 1


def test_rejoining_from_the_same_browser_resumes(app, host):
    pin = create(host)
    ada = app.test_client()
    join(ada, pin, "Ada")
    act(host, pin, "start")
    back = join(ada, pin, "Someone else")
    assert back.status_code == 302 and back.headers["Location"] == f"/live/{pin}"
    with app.app_context():
        assert db.session.scalar(select(func.count(LivePlayer.id))) == 1


@pytest.mark.parametrize(
    "pin, nickname, message",
    [
        ("999999", "Ada", "No game with this PIN"),
        ("abc", "Ada", "No game with this PIN"),
        ("{pin}", "", "Type a nickname"),
        ("{pin}", "x" * 40, "at most 32"),
        ("{pin}", "Bob", "taken"),
    ],
)
def test_bad_joins_are_explained(app, host, pin, nickname, message):
    real = create(host)
    join(app.test_client(), real, "Bob")
    response = join(app.test_client(), pin.format(pin=real), nickname)
    assert response.status_code == 422
    assert message in text(response)
    with app.app_context():
        assert db.session.scalar(select(func.count(LivePlayer.id))) == 1


def test_a_locked_game_says_so(app, host):
    pin = create(host)
    act(host, pin, "lock")
    response = join(app.test_client(), pin, "Ada")
    assert response.status_code == 422 and "locked" in text(response)
    act(host, pin, "unlock")
    assert join(app.test_client(), pin, "Ada").status_code == 302


def test_bad_answers_on_the_page(app, host):
    pin = create(host)
    ada, bob = app.test_client(), app.test_client()
    join(ada, pin, "Ada")
    join(bob, pin, "Bob")
    act(host, pin, "start")
    page = text(ada.get(f"/live/{pin}"))
    qid = question_id(ada, pin)
    no_csrf = ada.post(f"/live/{pin}/answer", data={"question_id": qid, "answer": "x"})
    assert no_csrf.status_code == 400
    token = csrf_token(page)
    bad_option = ada.post(
        f"/live/{pin}/answer", data={"csrf_token": token, "question_id": qid, "answer": "nope"}
    )
    assert bad_option.status_code == 422 and "options" in text(bad_option)
    for bad in ("x", "0", "-3", str(2**31), str(2**63)):  # ids are 32-bit columns
        bad_id = ada.post(
            f"/live/{pin}/answer", data={"csrf_token": token, "question_id": bad, "answer": "x"}
        )
        assert bad_id.status_code == 422, bad
    stranger = app.test_client()
    assert stranger.post(f"/live/{pin}/answer", data={"csrf_token": token}).status_code in (
        400,
        404,
    )
    assert answer(ada, pin, right_answer(app, qid)).status_code == 303
    twice = ada.post(
        f"/live/{pin}/answer",
        data={"csrf_token": token, "question_id": qid, "answer": right_answer(app, qid)},
        follow_redirects=True,
    )
    assert "already answered" in text(twice)
    bob_page = text(bob.get(f"/live/{pin}"))  # the question as Bob saw it, before time ran out
    expire_clock(app, pin)
    late = bob.post(
        f"/live/{pin}/answer",
        data={
            "csrf_token": csrf_token(bob_page),
            "question_id": qid,
            "answer": right_answer(app, qid),
        },
        follow_redirects=True,
    )
    assert "Too late: that question is closed." in text(late)
    with app.app_context():
        assert db.session.scalar(select(func.count(Answer.id))) == 1


def test_host_pages_are_the_hosts_only(app, host):
    pin = create(host)
    anonymous = app.test_client()
    assert anonymous.get(f"/teach/live/{pin}").status_code == 302
    make_teacher(app, name="other-teacher")
    other = app.test_client()
    log_in(other, name="other-teacher")
    for url in ("", "/panel", "/qr.svg", "/results", "/events"):
        assert other.get(f"/teach/live/{pin}{url}").status_code == 404
    page = text(other.get("/teach/live"))
    assert (
        other.post(f"/teach/live/{pin}/start", data={"csrf_token": csrf_token(page)}).status_code
        == 404
    )
    with app.app_context():
        assert db.session.scalar(select(LiveGame.state)) == "lobby"


def test_bad_game_settings_are_explained(app, host):
    page = text(host.get("/teach/live"))
    response = host.post(
        "/teach/live",
        data={"csrf_token": csrf_token(page), "article": "1", "size": 0, "time_limit": 999},
    )
    assert response.status_code == 422
    assert "between 1 and 50" in text(response) and "between 5 and 240" in text(response)
    with app.app_context():
        assert db.session.scalar(select(func.count(LiveGame.id))) == 0


def test_a_class_game_counts_for_the_class(app, host):
    with app.app_context():
        teacher = db.session.scalar(select(Teacher))
        classroom = classes.create_classroom(teacher, "7B", hidden=False, relaxed=False)

        article = db.session.scalar(select(Article).where(Article.slug == "baikonur"))
        assignment = classes.add_assignment(classroom, article, 3, None)
        db.session.commit()
        classroom_id, code, assignment_id = classroom.id, classroom.code, assignment.id
    ada = app.test_client()
    page = text(ada.get("/join"))
    ada.post("/join", data={"csrf_token": csrf_token(page), "code": code, "nickname": "Ada"})
    pin = create(host, size=1, assignment=assignment_id)
    join(ada, pin, "Ada")
    act(host, pin, "start")
    qid = question_id(ada, pin)
    answer(ada, pin, right_answer(app, qid))
    act(host, pin, "next")
    over = text(host.get(f"/teach/live/{pin}"))
    assert "Class results of 7B" in over
    with app.app_context():
        rows = student_rows(db.session.get(Classroom, classroom_id))
        ada_row = next(r for r in rows if r.nickname == "Ada")
        assert ada_row.correct == 1 and ada_row.points > 500 and ada_row.finished == 1
        assert db.session.scalar(select(Round.assignment_id)) == assignment_id
    csv = host.get(f"/teach/classes/{classroom_id}/results.csv")
    assert "Ada" in text(csv)


def test_a_live_answer_counts_for_practice(app, host):
    """A wrong live answer puts the question's fact on the player's practice list."""
    pin = create(host)
    ada = app.test_client()
    join(ada, pin, "Ada")
    act(host, pin, "start")
    qid = question_id(ada, pin)
    right = right_answer(app, qid)
    with app.app_context():
        options = db.session.scalars(select(Option.text).where(Option.question_id == qid)).all()
    wrong = next(text for text in options if text != right)
    assert answer(ada, pin, wrong).status_code == 303
    with app.app_context():
        player_id = db.session.scalar(select(Round.player_id).join(LivePlayer))
        memories = db.session.scalars(select(Memory).where(Memory.player_id == player_id)).all()
    assert player_id is not None and memories
    assert all(memory.lapses == 1 for memory in memories)


def table_rows(page: str, caption: str) -> list[list[str]]:
    """Return the cells' text of a table's body rows, the table found by its caption."""
    table = page.split(f"<caption>{caption}</caption>", 1)[1].split("</table>", 1)[0]
    body = table.split("<tbody>", 1)[1]
    return [
        [
            re.sub(r"<[^>]+>", "", cell).strip()
            for cell in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", row)
        ]
        for row in re.findall(r"<tr>(.*?)</tr>", body, re.S)
    ]


def test_tied_players_share_their_place_on_every_screen(app, host):
    """Ada and Bob right (no speed bonus: 1000 points each), Cy and Dee wrong, Eve silent:
    places 1, 1, 3, 3, 3 in the top five and the full results, on the podium and on the
    players' own screens."""
    pin = create(host, size=1, speed_bonus=False)
    players = {name: app.test_client() for name in ("Ada", "Bob", "Cy", "Dee", "Eve")}
    for name, client in players.items():
        join(client, pin, name)
    act(host, pin, "start")
    qid = question_id(players["Ada"], pin)
    right, wrong = right_answer(app, qid), wrong_answer(app, qid)
    for name, choice in (("Ada", right), ("Bob", right), ("Cy", wrong), ("Dee", wrong)):
        assert answer(players[name], pin, choice).status_code == 303
    act(host, pin, "next")
    places = [("1", "Ada"), ("1", "Bob"), ("3", "Cy"), ("3", "Dee"), ("3", "Eve")]
    closed = text(host.get(f"/teach/live/{pin}"))
    assert [tuple(row[:2]) for row in table_rows(closed, "Top five")] == places
    assert "<dd>3 of 5</dd>" in text(players["Cy"].get(f"/live/{pin}"))

    act(host, pin, "next")
    over = text(host.get(f"/teach/live/{pin}"))
    assert [tuple(row[:2]) for row in table_rows(over, "Top five")] == places
    podium = re.findall(r"Place (\d+)</span> <strong>(\w+)</strong>", over)
    assert podium == places  # all three on the third place stand on the podium
    for name, place in (("Ada", 1), ("Bob", 1), ("Cy", 3), ("Eve", 3)):
        assert f"Your place: {place} of 5 players" in text(players[name].get(f"/live/{pin}"))
    full = text(host.get(f"/teach/live/{pin}/results"))
    assert [tuple(row[:2]) for row in table_rows(full, "Players")] == places
