"""What a class forgets: the facts its students got wrong most and are least likely to recall."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select

from quiz.practice.memory import SCHEDULER, recall
from quiz.storage.extensions import db
from quiz.storage.models import (
    Article,
    Classroom,
    Fact,
    Memory,
    Player,
    Question,
    QuestionStatus,
    question_fact,
    utcnow,
)


@dataclass
class WeakItem:
    """A fact (or a question with no fact) and how the class's students hold it."""

    label: str
    article: Article
    sentence: str | None
    students: int
    lapses: int
    # The mean predicted probability that a student of the class recalls it now.
    recall: float
    questions: list[Question] = field(default_factory=list)


def weakest(classroom: Classroom, limit: int = 10, now: datetime | None = None) -> list[WeakItem]:
    """Return the class's weakest facts: most wrong answers first, then the lowest recall.

    Only facts of articles the class's teacher can see, and only weak ones: answered wrong at
    least once, or predicted below the retention the scheduler aims at.
    """
    now = now or utcnow()
    members = select(Player.id).where(Player.classroom_id == classroom.id)
    visible = (Article.owner_id.is_(None)) | (Article.owner_id == classroom.teacher_id)
    rows = db.session.scalars(
        select(Memory)
        .join(Article, Article.id == Memory.article_id)
        .where(Memory.player_id.in_(members), visible)
    ).all()
    grouped: dict[tuple[int | None, int | None], list[Memory]] = {}
    for row in rows:
        grouped.setdefault((row.fact_id, row.question_id), []).append(row)
    scored = []
    for key, memories in grouped.items():
        lapses = sum(m.lapses for m in memories)
        mean = sum(recall(m, now) for m in memories) / len(memories)
        if lapses or mean < SCHEDULER.desired_retention:
            scored.append((-lapses, mean, key, memories))
    scored.sort(key=lambda entry: entry[:2])
    return [_item(key, memories, -neg, mean) for neg, mean, key, memories in scored[:limit]]


def _item(key, memories: list[Memory], lapses: int, mean: float) -> WeakItem:
    fact_id, question_id = key
    article = db.session.get_one(Article, memories[0].article_id)
    if fact_id is not None:
        fact = db.session.get_one(Fact, fact_id)
        questions = db.session.scalars(
            select(Question)
            .join(question_fact, question_fact.c.question_id == Question.id)
            .where(question_fact.c.fact_id == fact_id, Question.status == QuestionStatus.ACTIVE)
            .order_by(Question.id)
        ).all()
        sentence = fact.sentence.text if fact.sentence is not None else None
        label = fact.about
    else:
        question = db.session.get_one(Question, question_id)
        questions = [question]
        sentence = question.explanation or None
        label = question.title or question.prompt
    return WeakItem(
        label=label,
        article=article,
        sentence=sentence,
        students=len(memories),
        lapses=lapses,
        recall=mean,
        questions=list(questions),
    )
