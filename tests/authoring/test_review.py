"""The review queue: proposed questions by sentence; approve and reject, all or some."""

from pathlib import Path

import pytest
from sqlalchemy import select

from quiz.authoring.importing import import_article, update_article_text
from quiz.authoring.review import approve, proposed_by_sentence, reject
from quiz.errors import Invalid
from quiz.storage.extensions import db
from quiz.storage.models import Article, Question

NEWS = (Path(__file__).parents[1] / "heldout" / "news-bridge.txt").read_text(encoding="utf-8")


@pytest.fixture
def article(ctx):
    return import_article("Bridge", NEWS).article


def _statuses(article):
    rows = db.session.scalars(select(Question).where(Question.article_id == article.id))
    return {q.id: q.status for q in rows}


def test_proposed_questions_are_grouped_by_sentence_in_article_order(article):
    groups = proposed_by_sentence(article)
    positions = [s.position for s, _ in groups if s is not None]
    assert positions == sorted(positions) and len(positions) == len(set(positions))
    for sentence, questions in groups:
        assert questions and all(q.status == "proposed" for q in questions)
        if sentence is not None:
            assert all(q.explanation.startswith(sentence.text) for q in questions)
    assert sum(len(qs) for _, qs in groups) == len(_statuses(article))


def test_approve_some_then_reject_the_rest(article):
    ids = sorted(_statuses(article))
    assert approve(article, ids[:2]) == 2
    assert reject(article, None) == len(ids) - 2
    statuses = _statuses(article)
    assert [statuses[i] for i in ids[:2]] == ["active", "active"]
    assert {statuses[i] for i in ids[2:]} == {"rejected"}
    assert proposed_by_sentence(article) == []


def test_approve_all(article):
    count = len(_statuses(article))
    assert approve(article, None) == count
    assert set(_statuses(article).values()) == {"active"}


def test_rejected_questions_are_not_proposed_again(article):
    reject(article, None)
    update_article_text(article, NEWS + "\nHeavy snow closed the roads in 1929.")
    proposed = [q for _, qs in proposed_by_sentence(article) for q in qs]
    assert proposed and all("1929" in q.explanation for q in proposed)
    import_article("Bridge", NEWS, slug=article.slug)
    assert "rejected" in _statuses(article).values()


@pytest.mark.parametrize("ids", [[], [999_999], ["1"], [True]])
def test_bad_ids_are_refused_and_nothing_changes(article, ids):
    before = _statuses(article)
    with pytest.raises(Invalid):
        approve(article, ids)
    assert _statuses(article) == before


def test_ids_of_another_article_or_not_proposed_are_refused(article):
    other = db.session.scalar(select(Article).where(Article.slug == "baikonur"))
    foreign = db.session.scalar(select(Question.id).where(Question.article_id == other.id))
    mine = sorted(_statuses(article))
    with pytest.raises(Invalid, match="No question"):
        reject(article, [mine[0], foreign])
    approve(article, [mine[0]])
    before = _statuses(article)
    with pytest.raises(Invalid, match="not waiting for review"):
        reject(article, [mine[1], mine[0]])
    assert _statuses(article) == before


def test_each_sentence_shows_its_best_scored_questions_first(article):
    groups = proposed_by_sentence(article)
    scores = [q.score for _, questions in groups for q in questions]
    assert all(score is not None and 0 <= score <= 1 for score in scores)
    for _, questions in groups:
        ranked = [q.score for q in questions]
        assert ranked == sorted(ranked, reverse=True)
    # Gap and true/false questions rank below the kinds that ask more of a student.
    for _, questions in groups:
        kinds = [q.kind for q in questions]
        if "choice" in kinds and "true_false" in kinds:
            assert kinds.index("choice") < kinds.index("true_false")
