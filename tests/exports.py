"""Exports as the ORM reads them, the reference that the plain-SQL read must match.

`quiz export` and the teacher's download read the questions with one SQL statement
(quiz.authoring.exported); these helpers read them through the models, as the export did
before, and store an article with every kind of question an export meets.
"""

from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from quiz import formats
from quiz.authoring.exchange import import_questions, item_of
from quiz.storage.extensions import db
from quiz.storage.models import Article, Question, QuestionStatus
from tests.builders import Builder

FILES = Path(__file__).parent / "formats" / "files"

# What moodle.gift lacks: a category and a difficulty, a partial credit, a numeric range.
MORE = {
    "gift": "// quiz: kind=year time_limit=20\n::Year:: When? {=1961#Yes ~1957#No}\n\n"
    "Part? {~%100%a ~%50%b#half ~%-25%c}\n\nRange? {#1950..1960}\n\nTol? {#1961:2}\n",
    "opentdb": '{"response_code": 0, "results": [{"type": "multiple", "difficulty": "hard",'
    ' "category": "Космос", "question": "Who flew second?", "correct_answer": "Titov",'
    ' "incorrect_answers": ["Gagarin", "Leonov"]}]}',
}


def orm_export(slug: str, fmt: str) -> tuple[bytes, list[tuple[str, str]]]:
    """Return the export file and what it left out, read through the models."""
    article = db.session.scalar(select(Article).where(Article.slug == slug))
    assert article is not None
    query = (
        select(Question)
        .where(
            Question.article_id == article.id,
            Question.status == QuestionStatus.ACTIVE,
            Question.kind != "order",
        )
        .options(selectinload(Question.options))
        .order_by(Question.id)
    )
    dumped = formats.dump([item_of(q) for q in db.session.scalars(query)], fmt)
    return dumped.text.encode("utf-8"), dumped.skipped


def add_every_kind(slug: str) -> None:
    """Add imported questions of every kind to an article, and some that are not playable."""
    import_questions((FILES / "moodle.gift").read_bytes(), "gift", slug)
    for fmt, text in MORE.items():
        import_questions(text, fmt, slug)
    article = db.session.scalar(select(Article).where(Article.slug == slug))
    build = Builder()
    for status in ("retired", "proposed", "rejected"):
        build.question(article, prompt=f"A {status} question?", status=status)
    build.question(article, prompt="A question without options?", kind="short", options=())
