"""Who may see and use what: the shared library and a teacher's own things, as query clauses.

The rule is written once here and used by the teacher pages, the Open Trivia DB endpoint, the
results and generation: a row with no owner belongs to the shared library, which every teacher
may use; a row with an owner is that teacher's alone, and for anybody else it does not exist.
"""

from __future__ import annotations

from sqlalchemy import ColumnElement, SQLColumnExpression, or_, true

from quiz.storage.models import Article, Template


def visible_to(teacher_id: int, owner: SQLColumnExpression[int | None]) -> ColumnElement[bool]:
    """Return the clause: shared (no owner), or owned by this teacher."""
    return or_(owner.is_(None), owner == teacher_id)


def templates_filling(article_owner_id: int | None) -> ColumnElement[bool]:
    """Return the clause for the templates that may fill an article of this owner.

    Shared templates fill every article; a teacher's own templates fill only that teacher's
    articles, never the shared library (which other teachers read) nor anybody else's.
    """
    if article_owner_id is None:
        return Template.owner_id.is_(None)
    return visible_to(article_owner_id, Template.owner_id)


def articles_filled_by(template_owner_id: int | None) -> ColumnElement[bool]:
    """Return the clause for the articles a template of this owner may fill (the same rule)."""
    if template_owner_id is None:
        return true()
    return Article.owner_id == template_owner_id
