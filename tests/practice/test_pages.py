"""The practice pages: what is due, a session through other questions, what improved."""

import re
from datetime import timedelta
from html import unescape

from sqlalchemy import select

from quiz.storage.extensions import db
from quiz.storage.models import Fact, Memory, Question, utcnow
from tests.pages import csrf_token, hidden, radio_values
from tests.practice.conftest import (
    asked_alone,
    facts_of,
    memories,
    missed_earlier,
    player_of,
    questions_with_facts,
    right_answer,
    seed_article_id,
    wrong_answer,
)


def text(response) -> str:
    return response.get_data(as_text=True)


def start(client, article_id):
    page = text(client.get("/practice/code"))  # a page of the same browser with a form
    return client.post(f"/practice/{article_id}/start", data={"csrf_token": csrf_token(page)})


def answer(client, app, article_id, right=True):
    """Answer the practice question on screen; return (response, question id)."""
    page = client.get(f"/practice/{article_id}")
    assert page.status_code == 200, text(page)
    html = text(page)
    question_id = int(hidden(html, "question_id"))
    options = radio_values(html)
    given = right_answer(app, question_id) if right else wrong_answer(app, question_id, options)
    response = client.post(
        f"/practice/{article_id}",
        data={"csrf_token": csrf_token(html), "question_id": question_id, "answer": given},
    )
    return response, question_id


def test_without_a_player_the_page_says_to_play_first(client):
    page = text(client.get("/practice"))
    assert "Play a round" in page and "personal code" in page
    assert client.get("/practice/1").status_code == 404
    assert client.get("/practice/code").status_code == 404


def test_a_missed_question_waits_on_the_practice_page(app, student):
    client, _player_id, _question = student
    page = text(client.get("/practice"))
    assert "Baikonur" in page
    # Missed a moment ago: nothing is due yet, the next falls due in a minute.
    assert "in 1 minute" in page
    assert "Nothing due" in page


def test_a_practice_session_asks_what_is_due_and_ends_with_what_improved(app, student):
    client, player_id, _question = student
    article_id = seed_article_id(app)
    questions = questions_with_facts(app, 3)
    missed_earlier(app, player_id, questions)
    page = text(client.get("/practice"))
    assert "<dt>Due now</dt><dd>3</dd>" in page, page
    assert start(client, article_id).status_code == 302

    asked = []
    for n, right in enumerate([True, False, True], start=1):
        response, question_id = answer(client, app, article_id, right=right)
        assert response.status_code == 302
        asked.append(question_id)
        feedback = text(client.get(response.headers["Location"]))
        assert ("Right!" if right else "Not quite") in feedback
        assert "<blockquote>" in feedback  # the article's sentence that proves it
        assert "Comes back in" in feedback
        assert f"{n} of 3" in feedback
    # Each fact was asked through another question than the one missed.
    assert not set(asked) & set(questions)
    assert "See what improved" in feedback

    summary = text(client.get(f"/practice/{article_id}/summary"))
    assert "Practice done" in summary
    assert "2 of 3" in summary and "right" in summary
    # One line per fact reviewed: a question may test two facts.
    facts = [len(facts_of(app, q)) for q in asked]
    assert summary.count("Right</span>") == facts[0] + facts[2]
    assert summary.count("Wrong</span>") == facts[1]
    # Asking for another question once the session is over shows the summary again.
    assert client.get(f"/practice/{article_id}").headers["Location"].endswith("/summary")


def test_a_reload_shows_the_same_question_until_it_is_answered(app, student):
    client, player_id, _question = student
    article_id = seed_article_id(app)
    missed_earlier(app, player_id, questions_with_facts(app, 2))
    start(client, article_id)
    first = hidden(text(client.get(f"/practice/{article_id}")), "question_id")
    second = hidden(text(client.get(f"/practice/{article_id}")), "question_id")
    assert first == second


def test_an_answer_not_among_the_options_is_refused_and_changes_nothing(app, student):
    client, player_id, _question = student
    article_id = seed_article_id(app)
    missed_earlier(app, player_id, questions_with_facts(app, 1))
    start(client, article_id)
    html = text(client.get(f"/practice/{article_id}"))
    before = [(m.id, m.due, m.reviews) for m in memories(app, player_id)]
    question_id = hidden(html, "question_id")
    data = {"csrf_token": csrf_token(html), "question_id": question_id}
    if radio_values(html):
        response = client.post(f"/practice/{article_id}", data=data | {"answer": "Atlantis"})
        assert response.status_code == 422
    # No answer at all, or no question: the form says so, nothing is recorded.
    assert client.post(f"/practice/{article_id}", data=data).status_code == 422
    right = right_answer(app, int(question_id))
    for bad in ("", "x"):
        no_question = data | {"question_id": bad, "answer": right}
        assert client.post(f"/practice/{article_id}", data=no_question).status_code == 400, bad
    # Another number is another question than the one waiting (ids are 32-bit columns).
    for other in ("0", str(2**31), str(2**63)):
        response = client.post(f"/practice/{article_id}", data=data | {"question_id": other})
        assert response.status_code == 302, other
    assert [(m.id, m.due, m.reviews) for m in memories(app, player_id)] == before


def test_an_answer_to_a_question_no_longer_shown_is_not_counted_twice(app, student):
    client, player_id, _question = student
    article_id = seed_article_id(app)
    missed_earlier(app, player_id, questions_with_facts(app, 2))
    start(client, article_id)
    html = text(client.get(f"/practice/{article_id}"))
    question_id = int(hidden(html, "question_id"))
    data = {
        "csrf_token": csrf_token(html),
        "question_id": question_id,
        "answer": right_answer(app, question_id),
    }
    assert client.post(f"/practice/{article_id}", data=data).status_code == 302
    reviews = sum(m.reviews for m in memories(app, player_id))
    again = client.post(f"/practice/{article_id}", data=data, follow_redirects=True)
    assert again.status_code == 200
    assert "not waiting for your answer" in text(again)
    assert sum(m.reviews for m in memories(app, player_id)) == reviews


def test_the_practice_forms_refuse_bad_requests(app, student):
    client, _player_id, _question = student
    article_id = seed_article_id(app)
    # No CSRF token: refused before anything.
    assert client.post(f"/practice/{article_id}/start").status_code == 400
    assert client.post("/practice/code").status_code == 400
    # No such article.
    assert start(client, 99999).status_code == 404
    assert client.get("/practice/99999").status_code == 404
    # Nothing due: no session starts, the page says so.
    response = start(client, article_id)
    assert response.status_code == 302
    assert "is due right now" in text(client.get("/practice"))
    # Without a session, the question, feedback and summary pages lead back to the list.
    for path in ("", "/feedback", "/summary"):
        response = client.get(f"/practice/{article_id}{path}")
        assert response.status_code == 302 and response.headers["Location"] == "/practice"


def test_nobody_else_sees_or_answers_a_players_practice(app, student):
    client, player_id, _question = student
    article_id = seed_article_id(app)
    missed_earlier(app, player_id, questions_with_facts(app, 1))
    start(client, article_id)
    html = text(client.get(f"/practice/{article_id}"))
    stranger = app.test_client()
    assert stranger.get(f"/practice/{article_id}").status_code == 404
    with app.app_context():
        served = db.session.scalar(
            select(Memory.served_question_id).where(Memory.served_question_id.is_not(None))
        )
    assert str(served) == hidden(html, "question_id")
    assert "Nothing to practise on this browser yet" in text(stranger.get("/practice"))
    assert player_of(client) == player_id


def test_a_question_over_two_due_facts_counts_one_question_fewer(app, student):
    client, player_id, _question = student
    article_id = seed_article_id(app)
    first_id, facts = asked_alone(app, article_id, "first")
    missed_earlier(app, player_id, [first_id])
    assert len(facts) == 2
    assert "<dt>Due now</dt><dd>2</dd>" in text(client.get("/practice"))
    assert start(client, article_id).status_code == 302
    question = text(client.get(f"/practice/{article_id}"))
    assert "1 of 2" in question
    response, question_id = answer(client, app, article_id)
    assert question_id == first_id
    feedback = text(client.get(response.headers["Location"]))
    # Both facts were reviewed at once: the session is one question long, and says so.
    assert "1 of 1" in feedback and "1 of 2" not in feedback
    assert "See what improved" in feedback and "Next question" not in feedback
    summary = text(client.get(f"/practice/{article_id}/summary"))
    assert "Practice done" in summary and "<strong>1 of 1</strong> right" in summary
    assert summary.count('<th scope="row">') == 2


def test_a_session_asks_as_many_questions_as_it_says_and_sums_up_each_fact_once(app, student):
    """Facts due together, one of them asked by a question of claims ("which of these does the
    article say?") whose other claims are facts due too."""
    client, player_id, _question = student
    article_id = seed_article_id(app)
    with app.app_context():
        # Questions over two facts (which came first, how many years between) are put aside:
        # each answer here is about one fact, so the count of questions is the count of facts.
        for question in db.session.scalars(select(Question)):
            if question.kind not in ("statement", "odd_one_out") and len(question.facts) > 1:
                question.status = "retired"
        db.session.commit()
        statement = db.session.scalar(
            select(Question).where(Question.kind == "statement", Question.status == "active")
        )
        claims = {f.id: f.about for f in statement.facts}
        own = next(
            f.id for f in statement.facts if statement.explanation.startswith(f.sentence.text)
        )
        # A question of each fact's own (a gap, a year, true or false) to miss it through.
        alone = {}
        for question in db.session.scalars(
            select(Question).where(
                Question.status == "active", Question.kind.not_in(["statement", "odd_one_out"])
            )
        ):
            ids = [f.id for f in question.facts]
            if len(ids) == 1 and ids[0] in claims:
                alone.setdefault(ids[0], question.id)
    assert set(alone) == set(claims) and len(claims) == 4
    # Missed two hours ago.
    missed_earlier(app, player_id, [alone[own], *(alone[f] for f in claims if f != own)])
    with app.app_context():
        # The statement's own fact is then asked through questions of claims only.
        for question in db.session.scalars(select(Question)):
            if question.kind not in ("statement", "odd_one_out") and own in {
                f.id for f in question.facts
            }:
                question.status = "retired"
        db.session.commit()

    assert "<dt>Due now</dt><dd>4</dd>" in text(client.get("/practice"))
    assert start(client, article_id).status_code == 302
    asked = []
    for n in range(1, 5):
        page = text(client.get(f"/practice/{article_id}"))
        assert f"{n} of 4" in page, re.findall(r'<p class="progress">.*?</p>', page)
        response, question_id = answer(client, app, article_id)
        asked.append(question_id)
        feedback = text(client.get(response.headers["Location"]))
        assert f"{n} of 4" in feedback
    assert "See what improved" in feedback and "Next question" not in feedback
    with app.app_context():
        kinds = [db.session.get(Question, q).kind for q in asked]
    assert {"statement", "odd_one_out"} & set(kinds)

    summary = text(client.get(f"/practice/{article_id}/summary"))
    assert "Practice done" in summary and "<strong>4 of 4</strong> right" in summary
    # One line per fact, each once: the four facts due, nothing else.
    rows = [unescape(row) for row in re.findall(r'<th scope="row">(.*?)</th>', summary)]
    assert sorted(rows) == sorted(a[:1].upper() + a[1:] for a in claims.values())
    assert summary.count("Right</span>") == 4
    moved = int(re.search(r"<strong>(\d+)</strong> facts? moved up", summary).group(1))
    assert moved == summary.count("(moved up)")


def test_the_summary_has_one_line_per_fact_from_before_the_session_to_its_last_review(app, student):
    client, _player_id, _question = student
    article_id = seed_article_id(app)
    (fact,) = questions_with_facts(app, 1)
    (fact_id,) = facts_of(app, fact)
    (other_id,) = facts_of(app, questions_with_facts(app, 2)[1])
    with app.app_context():
        labels = {f.id: f.about for f in db.session.scalars(select(Fact))}

    now = utcnow()
    soon = (now + timedelta(minutes=10, seconds=20)).isoformat()
    later = (now + timedelta(days=3, minutes=5)).isoformat()

    def review(fact, before, after, due):
        return {"fact": fact, "question": None, "before": before, "after": after, "due": due}

    # A session of four answers in which one fact was reviewed three times, met new, missed,
    # then right twice; another fact once.
    done = [
        {"question": fact, "correct": False, "items": [review(fact_id, None, "learning", later)]},
        {
            "question": fact,
            "correct": True,
            "items": [review(other_id, "learning", "learning", soon)],
        },
        {
            "question": fact,
            "correct": True,
            "items": [review(fact_id, "learning", "learning", soon)],
        },
        {
            "question": fact,
            "correct": True,
            "items": [review(fact_id, "learning", "reviewing", later)],
        },
    ]
    with client.session_transaction() as cookie:
        cookie["practice"] = {"article": article_id, "size": 4, "done": done}
    summary = text(client.get(f"/practice/{article_id}/summary"))
    assert "<strong>3 of 4</strong> right" in summary
    rows = re.findall(r'<tr>\s*<th scope="row">(.*?)</th>(.*?)</tr>', summary, re.S)
    assert [unescape(label) for label, _cells in rows] == [
        labels[fact_id][:1].upper() + labels[fact_id][1:],
        labels[other_id][:1].upper() + labels[other_id][1:],
    ]
    cells = [re.findall(r"<td>(.*?)</td>", line, re.S) for _label, line in rows]
    # Where it stood before the session (new), where its last review left it, and when that
    # review said it comes back.
    assert "Right" in cells[0][0] and cells[0][1] == "new" and cells[0][2].startswith("reviewing")
    assert "moved up" in cells[0][2] and cells[0][3] == "in 3 days"
    assert (
        cells[1][1] == "learning" and cells[1][2] == "learning" and cells[1][3] == "in 10 minutes"
    )
    assert "<strong>1</strong> fact moved up" in summary


def test_practice_never_deals_a_put_in_order_question(app, student):
    client, player_id, _question = student
    article_id = seed_article_id(app)
    order_id, _facts = asked_alone(app, article_id, "order")
    missed_earlier(app, player_id, [order_id])
    # Its facts have no question practice can ask: none is dealt.
    start(client, article_id)
    page = client.get(f"/practice/{article_id}")
    assert page.status_code == 302 or hidden(text(page), "question_id") != str(order_id)
