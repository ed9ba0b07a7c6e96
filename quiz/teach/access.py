"""Who may see what under /teach/: the shared library, and what a teacher owns."""

from flask import abort
from flask_login import current_user

from ..extensions import db
from ..models import Article, Classroom, Fact, Question, Template


def visible_article(article_id: int) -> Article:
    """Return an article of the shared library or of the current teacher, else 404."""
    article = db.session.get(Article, article_id)
    if article is None or article.owner_id not in (None, current_user.id):
        abort(404, "No such article.")
    return article


def visible_fact(fact_id: int) -> Fact:
    """Return a fact of a visible article, else 404."""
    fact = db.session.get(Fact, fact_id)
    if fact is None:
        abort(404, "No such fact.")
    visible_article(fact.article_id)
    return fact


def visible_question(question_id: int) -> Question:
    """Return a question of a visible article, else 404."""
    question = db.session.get(Question, question_id)
    if question is None:
        abort(404, "No such question.")
    visible_article(question.article_id)
    return question


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
