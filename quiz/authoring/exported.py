"""Which questions an export writes, in what order, and how they are written.

The questions are read with one plain SQL statement on a driver connection, so that the same
read serves the teacher's download (on the session's connection) and `quiz export` (on a
connection opened without SQLAlchemy, quiz.storage.plain), and one statement reads the
article, its questions and their options from one snapshot of the database.
"""

from __future__ import annotations

import json
from typing import Any

from quiz import formats
from quiz.formats import Choice, Item
from quiz.storage.states import QuestionStatus

# Where a statement's parameter goes, by the driver's paramstyle (PEP 249).
MARKERS = {"qmark": "?", "format": "%s", "pyformat": "%s", "numeric": ":{n}"}

# The article's playable questions, oldest first, each with its options in order; an
# article without any gives one row of NULLs, and an unknown slug gives no row at all.
# No exchange format has a put-in-order question, so those stay behind.
STATEMENT = """
SELECT question.id, question.kind, question.prompt, question.answer, question.explanation,
    question.title, question.category, question.difficulty, question.time_limit,
    CAST(question.data AS TEXT), "option".position, "option".text, "option".correct,
    "option".feedback
FROM article
LEFT JOIN question ON question.article_id = article.id
    AND question.status = {0} AND question.kind <> {1}
LEFT JOIN "option" ON "option".question_id = question.id
WHERE article.slug = {2}
ORDER BY question.id, "option".position
"""
UNEXPORTED_KIND = "order"


def statement(paramstyle: str) -> str:
    """Return the statement with the parameter markers of a driver's paramstyle."""
    marker = MARKERS.get(paramstyle)
    if marker is None:
        raise ValueError(f"no parameter markers for the paramstyle {paramstyle!r}")
    return STATEMENT.format(*(marker.format(n=n) for n in (1, 2, 3)))


def read_items(connection: Any, paramstyle: str, slug: str) -> list[Item] | None:
    """Return the article's exported questions as the formats exchange them.

    `connection` is a driver connection (PEP 249): anything with cursor(). Returns None when
    no article has that slug.
    """
    cursor = connection.cursor()
    try:
        cursor.execute(statement(paramstyle), (QuestionStatus.ACTIVE.value, UNEXPORTED_KIND, slug))
        rows = cursor.fetchall()
    finally:
        cursor.close()
    if not rows:
        return None
    items: dict[int, Item] = {}
    for question_id, *question, position, text, correct, feedback in rows:
        if question_id is None:
            continue
        item = items.get(question_id)
        if item is None:
            item = items[question_id] = _item(*question)
        if position is not None:
            item.options.append(Choice(text, bool(correct), feedback))
    return list(items.values())


def read_in_session(slug: str) -> list[Item] | None:
    """Read the article's exported questions in the app's database session, as read_items.

    The session is flushed first, as its own queries are; the read is in its transaction.
    """
    from quiz.storage.extensions import db

    db.session.flush()
    connection = db.session.connection()
    return read_items(connection.connection, connection.dialect.paramstyle, slug)


def _item(
    kind: str,
    prompt: str,
    answer: str,
    explanation: str,
    title: str | None,
    category: str | None,
    difficulty: str | None,
    time_limit: int,
    data: str | None,
) -> Item:
    """Return a question's columns as an Item, still without its options."""
    return Item(
        kind=kind,
        prompt=prompt,
        answer=answer,
        explanation=explanation,
        title=title,
        category=category,
        difficulty=difficulty,
        time_limit=time_limit,
        # Stored as JSON text, as SQLAlchemy's JSON type writes it.
        data=None if data is None else json.loads(data),
    )


def write(items: list[Item], fmt: str) -> tuple[bytes, list[tuple[str, str]]]:
    """Write questions in one of formats.FORMATS; return the file (UTF-8) and what it left out."""
    dumped = formats.dump(items, fmt)
    return dumped.text.encode("utf-8"), dumped.skipped
