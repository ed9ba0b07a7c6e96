"""The review queue: proposed questions grouped by their sentence, approved or rejected."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select

from quiz.errors import Invalid
from quiz.i18n import label
from quiz.storage.extensions import db
from quiz.storage.models import Article, Question, QuestionStatus, Sentence
from quiz.storage.work import unit_of_work


def proposed_by_sentence(article: Article) -> list[tuple[Sentence | None, list[Question]]]:
    """Return the article's proposed questions grouped by source sentence, in article order,
    each sentence's best-scored first."""
    questions = db.session.scalars(
        select(Question)
        .where(Question.article_id == article.id, Question.status == QuestionStatus.PROPOSED)
        .order_by(Question.id)
    )
    groups: dict[int | None, list[Question]] = {}
    for question in questions:
        groups.setdefault(question.sentence_id, []).append(question)
    for group in groups.values():
        # Best first within each sentence: a reviewer approving the top few keeps the best.
        group.sort(key=lambda q: -(q.score or 0.0))
    sentences = {
        s.id: s
        for s in db.session.scalars(select(Sentence).where(Sentence.article_id == article.id))
    }
    ordered = sorted(
        (key for key in groups if key is not None), key=lambda key: sentences[key].position
    )
    result: list[tuple[Sentence | None, list[Question]]] = [
        (sentences[key], groups[key]) for key in ordered
    ]
    if None in groups:
        result.append((None, groups[None]))
    return result


def approve(article: Article, question_ids: list[int] | None) -> int:
    """Make proposed questions playable (all of them when ids is None); return how many."""
    return _move(article, question_ids, QuestionStatus.ACTIVE)


def reject(article: Article, question_ids: list[int] | None) -> int:
    """Reject proposed questions (all when ids is None) so they are never proposed again."""
    return _move(article, question_ids, QuestionStatus.REJECTED)


def _move(article: Article, question_ids: list[int] | None, status: str) -> int:
    """Move the chosen proposed questions to a status, all or none."""
    article_id = article.id
    if question_ids is not None:
        ids = list(dict.fromkeys(question_ids))
        if any(isinstance(i, bool) or not isinstance(i, int) for i in ids):
            raise Invalid(_("Question ids are whole numbers."))
        if not ids:
            raise Invalid(_("Choose at least one question."))
    with unit_of_work() as session:
        query = select(Question).where(Question.article_id == article_id)
        if question_ids is None:
            chosen = list(session.scalars(query.where(Question.status == QuestionStatus.PROPOSED)))
        else:
            chosen = list(session.scalars(query.where(Question.id.in_(ids))))
            found = {question.id: question for question in chosen}
            missing = [i for i in ids if i not in found]
            if missing:
                raise Invalid(_("No question %(id)s in this article.", id=missing[0]))
            done = [i for i in ids if found[i].status != QuestionStatus.PROPOSED]
            if done:
                raise Invalid(
                    _(
                        "Question %(id)s is not waiting for review (it is %(status)s).",
                        id=done[0],
                        status=label(found[done[0]].status),
                    )
                )
        for question in chosen:
            question.status = status
    return len(chosen)
