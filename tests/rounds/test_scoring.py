"""Scoring on the server: points, totals kept with the answers, one answer per question."""

from datetime import timedelta

import pytest
from sqlalchemy.exc import IntegrityError

from quiz.rounds import scoring
from quiz.storage.extensions import db
from quiz.storage.models import Answer, Round, utcnow
from tests.builders import Builder
from tests.concurrency import race_answers


@pytest.mark.parametrize(
    "elapsed,limit,points",
    [
        (0, 30, 1000),
        (15, 30, 750),
        (30, 30, 500),
        (90, 30, 500),
        (3, 30, 950),
        (-5, 30, 1000),
        (10, 20, 750),
    ],
)
def test_points_fall_from_full_to_half_at_the_time_limit(elapsed, limit, points):
    assert scoring.points_for(True, elapsed, limit, speed_bonus=True) == points


def test_a_wrong_answer_scores_nothing_and_no_bonus_means_full_points():
    assert scoring.points_for(False, 0, 30, speed_bonus=True) == 0
    assert scoring.points_for(True, 29, 30, speed_bonus=False) == 1000
    assert scoring.points_for(False, 1, 30, speed_bonus=False) == 0


def _served_ago(round_, seconds):
    item = scoring.current_item(round_)
    item.served_at = utcnow() - timedelta(seconds=seconds)
    db.session.commit()
    return item


def test_points_count_from_when_the_question_was_first_served(build):
    article = build.quiz(size=2)
    round_, _ = scoring.start_round(article, "Ada", 2)
    item = _served_ago(round_, 15)
    verdict = scoring.record_answer(round_.id, item.question_id, "1961")
    assert 745 <= verdict.points <= 750
    # Serving again does not restart the clock.
    item = _served_ago(round_, 30)
    scoring.serve(item)
    verdict = scoring.record_answer(round_.id, item.question_id, "1961")
    assert verdict.points == 500


def test_a_relaxed_round_scores_1000_for_every_right_answer(build):
    article = build.quiz(size=1)
    round_, _ = scoring.start_round(article, "Ada", 1, speed_bonus=False)
    item = _served_ago(round_, 25)
    assert scoring.record_answer(round_.id, item.question_id, "1961").points == 1000


def test_totals_are_kept_with_the_answers(build):
    article = build.quiz(size=2)
    round_, _ = scoring.start_round(article, "Ada", 2)
    first, second = round_.items
    scoring.record_answer(round_.id, first.question_id, "1961")
    db.session.expire_all()
    round_ = db.session.get(Round, round_.id)
    assert (round_.answered, round_.correct, round_.finished_at) == (1, 1, None)
    scoring.record_answer(round_.id, second.question_id, "1955")
    db.session.expire_all()
    round_ = db.session.get(Round, round_.id)
    assert (round_.answered, round_.correct) == (2, 1)
    assert round_.finished_at is not None
    answers = db.session.query(Answer).all()
    assert sum(a.points for a in answers) == round_.score
    assert {a.given for a in answers} == {"1961", "1955"}
    assert all(a.option_id is not None for a in answers)


def test_the_database_refuses_a_second_answer_to_a_question(build):
    article = build.quiz(size=1)
    round_, _ = scoring.start_round(article, "Ada", 1)
    qid = round_.items[0].question_id
    for _ in range(2):
        db.session.add(
            Answer(
                round_id=round_.id,
                question_id=qid,
                given="1961",
                correct=True,
                points=1,
                elapsed_ms=0,
            )
        )
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_a_round_samples_without_repeats(build):
    article = build.quiz(size=8)
    round_, token = scoring.start_round(article, "Ada", 8)
    assert len({i.question_id for i in round_.items}) == 8
    assert [i.position for i in round_.items] == list(range(1, 9))
    assert round_.token_hash != token and scoring.token_matches(round_, token)


def test_concurrent_double_answers_count_once(app, db_path):
    """Many threads answer the same question at the same moment; one answer counts."""
    with app.app_context():
        article = Builder().quiz(size=2)
        round_, _ = scoring.start_round(article, "Ada", 2)
        round_id, qid = round_.id, round_.items[0].question_id
    outcomes = race_answers(app, round_id, qid, "1961", threads=8)
    assert outcomes == ["conflict"] * 7 + ["ok"]
    with app.app_context():
        round_ = db.session.get(Round, round_id)
        assert (round_.answered, round_.correct) == (1, 1)
        assert db.session.query(Answer).count() == 1
        assert round_.score == db.session.query(Answer).one().points


def test_leaderboard_today_uses_the_configured_zone(build):
    from zoneinfo import ZoneInfo

    start = scoring.start_of_today(ZoneInfo("Pacific/Kiritimati"))
    assert start.tzinfo is not None and start.hour == 0


def _sentences(article, count):
    """Give the article `count` sentences in all; return them."""
    from quiz.storage.models import Sentence

    for n in range(len(article.sentences) + 1, count + 1):
        article.sentences.append(Sentence(position=n, text=f"Sentence {n}."))
    db.session.commit()
    return article.sentences


def test_a_round_asks_about_as_many_sentences_as_it_can_before_repeating_one(build):
    article = build.article()
    sentences = _sentences(article, 4)
    for sentence in sentences:
        for _ in range(3):  # a year, a cloze, a true/false about the same sentence, say
            build.question(article, sentence_id=sentence.id)
    for _ in range(20):
        round_, _ = scoring.start_round(article, "Ada", 4)
        asked = [item.question.sentence_id for item in round_.items]
        assert sorted(asked) == sorted(s.id for s in sentences)


def test_a_round_larger_than_the_sentences_still_deals_every_question_once(build):
    article = build.article()
    sentences = _sentences(article, 2)
    made = {build.question(article, sentence_id=s.id).id for s in sentences for _ in range(3)}
    made.add(build.question(article).id)  # a teacher's question, from no sentence
    round_, _ = scoring.start_round(article, "Ada", 10)
    assert {item.question_id for item in round_.items} == made
    assert round_.size == 7


def test_dealing_is_random_within_those_rules():
    import random

    pool = [(n, n % 3) for n in range(30)]
    deals = {tuple(scoring.deal(pool, 3, random.Random(seed))) for seed in range(20)}
    assert len(deals) > 10
    for dealt in deals:
        assert sorted(qid % 3 for qid in dealt) == [0, 1, 2]
