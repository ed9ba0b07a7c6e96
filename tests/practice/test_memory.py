"""Every answer reviews the player's memory of the facts it tests, on FSRS's clock."""

from datetime import timedelta

import pytest
from fsrs import Rating
from sqlalchemy import select

from quiz.practice import record_review, sessions
from quiz.practice.memory import MASTERED_DAYS, rating_for
from quiz.storage.extensions import db, write_transaction
from quiz.storage.models import Memory, Player, Question, question_fact, utcnow
from tests.answers import first_answer
from tests.practice.conftest import (
    asked_facts,
    facts_of,
    memories,
    missed_earlier,
    questions_with_facts,
    right_answer,
    seed_article_id,
)


@pytest.mark.parametrize(
    "correct,elapsed,limit,rating",
    [
        (False, 1, 30, Rating.Again),
        (False, 29, 30, Rating.Again),
        (True, 3, 30, Rating.Good),
        (True, 20, 30, Rating.Good),
        (True, 21, 30, Rating.Hard),
        (True, 90, 30, Rating.Hard),
        (True, 5, 0, Rating.Good),
    ],
)
def test_wrong_is_again_right_is_good_or_hard_when_it_took_most_of_the_time(
    correct, elapsed, limit, rating
):
    assert rating_for(correct, elapsed, limit) == rating


def test_a_missed_fact_is_practised_the_same_day_through_another_question_then_put_off(
    app, student
):
    client, player_id, round_question = student
    article_id = seed_article_id(app)
    missed = asked_facts(app, round_question)
    stored = memories(app, player_id)
    assert {m.fact_id for m in stored} == missed
    for memory in stored:
        assert memory.state == "learning" and memory.lapses == 1 and memory.reviews == 1
        # FSRS's first learning step after a miss: it is due again a minute later.
        assert memory.due - memory.last_review == timedelta(minutes=1)
    answered = stored[0].last_review

    later = answered + timedelta(minutes=5)  # the same day: move the scheduler's clock
    with app.app_context():
        assert sessions.due_count(player_id, article_id, later) == len(missed)
        served = sessions.next_question(player_id, article_id, now=later)
        assert served is not None
        # Another question about the fact it missed, not the button it pressed.
        assert served.question.id != round_question
        asked = served.question.id
    assert asked_facts(app, asked) & missed

    with app.app_context():
        verdict = sessions.answer(player_id, asked, right_answer(app, asked), now=later)
    assert verdict.correct
    reviewed = {item.review.fact_id: item.review for item in verdict.items}
    for fact_id in asked_facts(app, asked) & missed:
        review = reviewed[fact_id]
        assert review.before == "learning"
        before = next(m for m in stored if m.fact_id == fact_id)
        # A right answer puts it off: due later than after the miss, and later than now.
        assert review.due > before.due and review.due > later
    with app.app_context():
        assert sessions.due_count(player_id, article_id, later) == len(missed) - len(
            asked_facts(app, asked) & missed
        )


def test_right_answers_at_the_due_times_carry_a_fact_to_mastered(app, ctx):
    player = Player(nickname="Keen")
    db.session.add(player)
    db.session.commit()
    player_id, article_id = player.id, seed_article_id(app)
    (question_id,) = questions_with_facts(app, 1)
    (fact_id,) = facts_of(app, question_id)
    missed_earlier(app, player_id, [question_id])
    now = memories(app, player_id)[0].due
    db.session.remove()
    levels = []
    # A question may test a second fact, due in between: both move on.
    for _ in range(30):
        memory = db.session.scalar(
            select(Memory).where(Memory.player_id == player_id, Memory.fact_id == fact_id)
        )
        now = max(now, memory.due) + timedelta(minutes=1)
        served = sessions.next_question(player_id, article_id, now=now)
        question = served.question
        verdict = sessions.answer(player_id, question.id, question.answer, now=now)
        levels += [i.review.after for i in verdict.items if i.review.fact_id == fact_id]
        db.session.remove()
        if levels and levels[-1] == "mastered":
            break
    assert levels[-1] == "mastered", levels
    assert levels.index("reviewing") < levels.index("mastered")
    memory = db.session.scalar(
        select(Memory).where(Memory.player_id == player_id, Memory.fact_id == fact_id)
    )
    assert memory.stability >= MASTERED_DAYS
    # Weeks later: FSRS spreads intervals by a few days ("fuzz") so reviews do not bunch.
    assert memory.due - now >= timedelta(days=14)
    progress = sessions.overview(player_id, now=now)[0]
    assert progress.mastered >= 1


def test_a_question_without_a_fact_is_scheduled_as_itself(app, build):
    article = build.quiz(size=1)
    question_id = db.session.scalar(select(Question.id).where(Question.article_id == article.id))
    article_id = article.id
    player = Player(nickname="Imported")
    db.session.add(player)
    db.session.commit()
    reviews = record_review(
        player.id, question_id, correct=True, elapsed=2, time_limit=30, at=article.created_at
    )
    assert [(r.fact_id, r.question_id, r.before, r.after) for r in reviews] == [
        (None, question_id, None, "learning")
    ]
    memory = db.session.scalar(select(Memory).where(Memory.player_id == player.id))
    assert (memory.fact_id, memory.question_id, memory.article_id) == (
        None,
        question_id,
        article_id,
    )
    # Practice asks it again through itself, the only question there is.
    later = memory.due + timedelta(seconds=1)
    served = sessions.next_question(player.id, article_id, now=later)
    assert served.question.id == question_id


def test_a_question_about_two_facts_reviews_both(app, ctx):
    question_id, facts = db.session.execute(
        select(question_fact.c.question_id, db.func.count())
        .group_by(question_fact.c.question_id)
        .having(db.func.count() == 2)
        .limit(1)
    ).one()
    player = Player(nickname="Two")
    db.session.add(player)
    db.session.commit()
    at = player.created_at
    reviews = record_review(player.id, question_id, correct=False, elapsed=1, time_limit=30, at=at)
    assert len(reviews) == facts == 2
    assert len(memories(app, player.id)) == 2
    # Answered again later: the same two memories move on, no new rows.
    record_review(
        player.id, question_id, correct=True, elapsed=1, time_limit=30, at=at + timedelta(hours=1)
    )
    stored = memories(app, player.id)
    assert [m.reviews for m in stored] == [2, 2]
    assert [m.lapses for m in stored] == [1, 1]


@pytest.mark.parametrize("kind", ["statement", "odd_one_out"])
@pytest.mark.parametrize("correct", [True, False])
def test_a_question_of_claims_reviews_only_the_fact_of_its_own_sentence(app, ctx, kind, correct):
    """ "Which of these does the article say?": one claim is asked, the others are there to be
    told apart from it, so only the asked claim's fact moves, right or wrong."""
    question = db.session.scalar(
        select(Question).where(Question.kind == kind, Question.status == "active")
    )
    question_id, claims = question.id, len(question.facts)
    (own,) = [
        f.id
        for f in question.facts
        if f.sentence is not None and question.explanation.startswith(f.sentence.text)
    ]
    player = Player(nickname="Claims")
    db.session.add(player)
    db.session.commit()
    reviews = record_review(
        player.id, question_id, correct=correct, elapsed=1, time_limit=30, at=player.created_at
    )
    assert claims >= 3
    assert [r.fact_id for r in reviews] == [own]
    assert [m.fact_id for m in memories(app, player.id)] == [own]


def test_practice_asks_a_fact_only_through_questions_that_ask_it(app, ctx):
    """A fact that is only a claim beside another in a question of claims is not asked through
    that question: answering it would not review the fact."""
    article_id = seed_article_id(app)
    question = db.session.scalar(
        select(Question).where(Question.kind == "statement", Question.status == "active")
    )
    statement_id = question.id
    beside = next(
        f.id
        for f in question.facts
        if f.sentence is None or not question.explanation.startswith(f.sentence.text)
    )
    player = Player(nickname="Beside")
    db.session.add(player)
    db.session.commit()
    player_id = player.id
    # The fact was missed through a question of its own, long ago; then only questions of
    # claims are left about it.
    alone = next(
        q.id
        for q in db.session.scalars(
            select(Question)
            .join(question_fact, question_fact.c.question_id == Question.id)
            .where(question_fact.c.fact_id == beside, Question.status == "active")
        )
        if [f.id for f in q.facts] == [beside]
    )
    db.session.remove()  # end this read before the writes below
    missed_earlier(app, player_id, [alone])
    for other in db.session.scalars(
        select(Question)
        .join(question_fact, question_fact.c.question_id == Question.id)
        .where(question_fact.c.fact_id == beside)
    ):
        if other.kind not in ("statement", "odd_one_out"):
            other.status = "retired"
    db.session.commit()
    asking = facts_of(app, statement_id)  # the statement still holds the fact as a claim
    assert beside in asking
    db.session.remove()
    now = utcnow()
    served = sessions.next_question(player_id, article_id, now=now)
    # Served at all, it is through a question whose own claim is this fact, and answering
    # it reviews the fact; with no such question the fact is not counted as due either.
    if served is None:
        assert sessions.due_count(player_id, article_id, now) == 0
    else:
        assert served.question.id != statement_id
        verdict = sessions.answer(player_id, served.question.id, served.question.answer, now=now)
        assert [item.review.fact_id for item in verdict.items] == [beside]


def test_a_review_in_the_callers_transaction_goes_back_with_it(app, ctx):
    """What a live game relies on: its answer and the memory commit or roll back together."""
    question_id = db.session.scalar(select(question_fact.c.question_id).limit(1))
    player = Player(nickname="Live")
    db.session.add(player)
    db.session.commit()
    player_id, at = player.id, player.created_at
    with pytest.raises(RuntimeError), write_transaction() as connection:
        record_review(
            player_id,
            question_id,
            correct=True,
            elapsed=4,
            time_limit=20,
            at=at,
            connection=connection,
        )
        raise RuntimeError("the answer could not be stored")
    assert memories(app, player_id) == []


def test_rounds_without_a_player_remember_nothing(app, client):
    created = client.post(
        "/api/v1/rounds", json={"nickname": "Bot", "article": "baikonur", "size": 1}
    ).get_json()
    headers = {"Authorization": f"Bearer {created['token']}"}
    url = f"/api/v1/rounds/{created['id']}"
    question = client.get(url + "/question", headers=headers).get_json()["question"]
    pick = first_answer(question)
    answered = client.post(
        url + "/answers", json={"question_id": question["id"], "answer": pick}, headers=headers
    )
    assert answered.status_code == 200
    with app.app_context():
        assert db.session.scalar(select(db.func.count()).select_from(Memory)) == 0


def test_a_question_left_unanswered_is_dealt_afresh_after_a_while(app, ctx):
    player = Player(nickname="Idle")
    db.session.add(player)
    db.session.commit()
    player_id, article_id = player.id, seed_article_id(app)
    missed_earlier(app, player_id, questions_with_facts(app, 1))
    now = memories(app, player_id)[0].due + timedelta(minutes=1)
    db.session.remove()  # end this session's read, which began before the review was written
    first = sessions.next_question(player_id, article_id, now=now)
    # Fetched again soon after: the same question, still timed from when it was first shown.
    again = sessions.next_question(player_id, article_id, now=now + timedelta(minutes=5))
    assert again.question.id == first.question.id
    assert memories(app, player_id)[0].served_at == now
    # Left for longer than PENDING_FOR: shown afresh, timed from now.
    later = now + sessions.PENDING_FOR + timedelta(minutes=1)
    fresh = sessions.next_question(player_id, article_id, now=later)
    assert fresh is not None
    assert memories(app, player_id)[0].served_at == later
    verdict = sessions.answer(player_id, fresh.question.id, fresh.question.answer, now=later)
    assert verdict.correct
    # Answered quickly after it was shown afresh: good, not hard.
    assert verdict.items[0].review.after == "learning"
    assert verdict.next_due - later == timedelta(minutes=10)
