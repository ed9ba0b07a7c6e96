"""Who may see what under /teach/: the shared library, and what a teacher owns.

Each lookup asks the database for the row *and* the visibility rule (quiz.accounts.visibility)
at once: what another teacher owns is simply not found, and answers 404 like a wrong id.
"""

from flask import abort
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from quiz.accounts.visibility import visible_to
from quiz.storage.extensions import db
from quiz.storage.models import Article, Classroom, Fact, Question, Template


def visible_article(article_id: int) -> Article:
    """Return an article of the shared library or of the current teacher, else 404."""
    query = select(Article).where(
        Article.id == article_id, visible_to(current_user.id, Article.owner_id)
    )
    return _found(query, _("No such article."))


def _of_visible_article(model, row_id: int, missing: str):
    """Return a row that belongs to a visible article, else 404."""
    query = (
        select(model)
        .join(Article, Article.id == model.article_id)
        .where(model.id == row_id, visible_to(current_user.id, Article.owner_id))
    )
    return _found(query, missing)


def visible_fact(fact_id: int) -> Fact:
    """Return a fact of a visible article, else 404."""
    return _of_visible_article(Fact, fact_id, _("No such fact."))


def visible_question(question_id: int) -> Question:
    """Return a question of a visible article, else 404."""
    return _of_visible_article(Question, question_id, _("No such question."))


def visible_templates():
    """Return the query for the shared templates and the current teacher's, by key."""
    return (
        select(Template)
        .where(visible_to(current_user.id, Template.owner_id))
        .order_by(Template.key, Template.owner_id.is_not(None))
    )


def visible_template(template_id: int) -> Template:
    """Return a shared template or one of the current teacher's, else 404."""
    return _found(visible_templates().where(Template.id == template_id), _("No such template."))


def own_classroom(classroom_id: int) -> Classroom:
    """Return one of the current teacher's classes, else 404."""
    query = select(Classroom).where(
        Classroom.id == classroom_id, Classroom.teacher_id == current_user.id
    )
    return _found(query, _("No such class."))


def _found(query, missing: str):
    row = db.session.scalar(query)
    if row is None:
        abort(404, missing)
    return row
