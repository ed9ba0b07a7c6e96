"""Who may see what under /teach/: the shared library, and what a teacher owns."""

from flask import abort
from flask_login import current_user

from quiz.storage.extensions import db
from quiz.storage.models import Article, Classroom, Fact, Question, Template


def visible_article(article_id: int) -> Article:
    """Return an article of the shared library or of the current teacher, else 404."""
    article = db.session.get(Article, article_id)
    if article is None or article.owner_id not in (None, current_user.id):
        abort(404, "No such article.")
    return article


def _of_visible_article(model, row_id: int, name: str):
    """Return a row that belongs to a visible article, else 404."""
    row = db.session.get(model, row_id)
    if row is None:
        abort(404, f"No such {name}.")
    visible_article(row.article_id)
    return row


def visible_fact(fact_id: int) -> Fact:
    """Return a fact of a visible article, else 404."""
    return _of_visible_article(Fact, fact_id, "fact")


def visible_question(question_id: int) -> Question:
    """Return a question of a visible article, else 404."""
    return _of_visible_article(Question, question_id, "question")


def visible_template(template_id: int) -> Template:
    """Return a shared template or one of the current teacher's, else 404."""
    template = db.session.get(Template, template_id)
    if template is None or template.owner_id not in (None, current_user.id):
        abort(404, "No such template.")
    return template


def own_classroom(classroom_id: int) -> Classroom:
    """Return one of the current teacher's classes, else 404."""
    classroom = db.session.get(Classroom, classroom_id)
    if classroom is None or classroom.teacher_id != current_user.id:
        abort(404, "No such class.")
    return classroom
