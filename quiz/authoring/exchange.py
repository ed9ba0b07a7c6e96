"""Import question files into an article's bank and export an article's questions."""

from __future__ import annotations

import secrets
from dataclasses import dataclass, field

from flask_babel import gettext as _
from sqlalchemy import select

from quiz import formats
from quiz.authoring import exported
from quiz.errors import Invalid
from quiz.formats import Choice, FormatError, Item, Problem
from quiz.rules import MAX_SLUG, MAX_TITLE, SLUG_RE
from quiz.storage.models import (
    Article,
    Option,
    Origin,
    Question,
    QuestionOrigin,
    QuestionStatus,
    Teacher,
    TriviaSession,
    utcnow,
)
from quiz.storage.work import unit_of_work

FORMATS = formats.FORMATS
DEFAULT_TIME_LIMIT = 30

__all__ = [
    "FORMATS",
    "FormatError",
    "ImportReport",
    "NothingToImport",
    "export_questions",
    "import_questions",
]


class NothingToImport(FormatError):
    """A file that holds no question to import: each one skipped, with why, or none at all."""

    def __init__(self, skipped: list[tuple[int, str]]):
        self.skipped = list(skipped)
        super().__init__([Problem(line, 0, reason) for line, reason in self.skipped])


@dataclass
class ImportReport:
    """What an import did: questions added, duplicates left out, and what it skipped and why."""

    article: Article
    added: int = 0
    duplicates: int = 0
    skipped: list[tuple[int, str]] = field(default_factory=list)


def check_format(fmt: str) -> str:
    """Return the format name, or refuse one that is not in FORMATS."""
    if fmt not in FORMATS:
        raise Invalid(
            _(
                "Unknown format “%(format)s”; choose one of %(formats)s.",
                format=fmt,
                formats=", ".join(FORMATS),
            )
        )
    return fmt


def check_slug(slug: str) -> str:
    """Return the article slug, or refuse one that is not lowercase words joined by hyphens."""
    if not SLUG_RE.fullmatch(slug or "") or len(slug) > MAX_SLUG:
        raise Invalid(
            _(
                "The article slug “%(slug)s” must be 1 to %(most)s lowercase letters, digits"
                " and single hyphens, like 'space-race'.",
                slug=slug,
                most=MAX_SLUG,
            )
        )
    return slug


def import_questions(
    data: bytes | str,
    fmt: str,
    article_slug: str,
    *,
    title: str | None = None,
    owner_id: int | None = None,
) -> ImportReport:
    """Add a file's questions to an article's bank (created if missing); all or nothing."""
    check_format(fmt)
    check_slug(article_slug)
    if title is not None and not 1 <= len(title.strip()) <= MAX_TITLE:
        raise Invalid(_("An article title has 1 to %(most)s characters.", most=MAX_TITLE))
    parsed = formats.parse(data, fmt)  # raises FormatError before anything is written
    if not parsed.items:
        # Not even an empty article: nothing in the file can become a question.
        raise NothingToImport(parsed.skipped)
    with unit_of_work() as session:
        article = session.scalar(select(Article).where(Article.slug == article_slug))
        if article is None:
            article = Article(
                slug=article_slug,
                title=(title or article_slug).strip(),
                body="",
                origin=Origin.IMPORT,
                owner_id=owner_id,
            )
            session.add(article)
            session.flush()
        # Here, not at the top: exporting needs none of the generator.
        from quiz.generation.question import fingerprint

        report = ImportReport(article=article, skipped=list(parsed.skipped))
        seen = set(
            session.scalars(select(Question.fingerprint).where(Question.article_id == article.id))
        )
        for item in parsed.items:
            print_ = fingerprint(item.kind, item.prompt, item.answer)
            if print_ in seen:
                report.duplicates += 1
                continue
            seen.add(print_)
            session.add(_question(article, item, print_))
            report.added += 1
    return report


def _question(article: Article, item: Item, print_: str) -> Question:
    """Build a stored question from an imported one, keeping its own feedback."""
    question = Question(
        article_id=article.id,
        kind=item.kind,
        prompt=item.prompt,
        answer=item.answer,
        explanation=item.explanation
        or item.right_feedback()
        or f"The right answer is {item.answer}.",
        fingerprint=print_,
        origin=QuestionOrigin.IMPORT,
        status=QuestionStatus.ACTIVE,
        time_limit=item.time_limit or DEFAULT_TIME_LIMIT,
        title=item.title,
        category=item.category,
        difficulty=item.difficulty,
        data=item.data,
    )
    question.options = [
        Option(position=n, text=o.text, correct=o.correct, feedback=o.feedback)
        for n, o in enumerate(item.options, start=1)
    ]
    return question


def item_of(question: Question) -> Item:
    """Return a stored question as the formats exchange it."""
    return Item(
        kind=question.kind,
        prompt=question.prompt,
        answer=question.answer,
        options=[Choice(o.text, o.correct, o.feedback) for o in question.options],
        explanation=question.explanation,
        title=question.title,
        category=question.category,
        difficulty=question.difficulty,
        time_limit=question.time_limit,
        data=question.data,
    )


def export_file(article: Article, fmt: str) -> tuple[bytes, list[tuple[str, str]]]:
    """Write the article's playable questions in a format; return the file and what it left out."""
    check_format(fmt)
    return exported.write(exported.read_in_session(article.slug) or [], fmt)


def export_questions(article: Article, fmt: str) -> bytes:
    """Write the article's playable questions in a format (text formats as UTF-8)."""
    return export_file(article, fmt)[0]


def new_trivia_session(teacher: Teacher) -> str:
    """Open an Open Trivia DB session for the teacher and return its token."""
    token = secrets.token_hex(32)
    with unit_of_work() as session:
        session.add(TriviaSession(teacher_id=teacher.id, token=token, seen=[], used_at=utcnow()))
    return token


def mark_trivia_seen(session_id: int, question_ids: list[int]) -> None:
    """Remember which questions a trivia session has been sent, so they do not come again."""
    with unit_of_work() as session:
        row = session.get(TriviaSession, session_id)
        if row is not None:
            row.seen, row.used_at = sorted({*(row.seen or []), *question_ids}), utcnow()


def reset_trivia_session(session_id: int) -> None:
    """Let every question come again in a trivia session."""
    with unit_of_work() as session:
        row = session.get(TriviaSession, session_id)
        if row is not None:
            row.seen, row.used_at = [], utcnow()
