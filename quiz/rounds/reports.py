"""Students' reports that a question looks wrong: one per question per round."""

from __future__ import annotations

from flask_babel import gettext as _
from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from quiz.errors import Conflict, Invalid, NotFound
from quiz.storage.extensions import db
from quiz.storage.models import Answer, Report, Round, RoundQuestion
from quiz.storage.work import unit_of_work

MAX_COMMENT = 500


def report_question(round_id: str, position: int, comment: str | None) -> Report:
    """Store a student's report on an answered question of their round, once per question."""
    comment = (comment or "").strip() or None
    if comment is not None and len(comment) > MAX_COMMENT:
        raise Invalid(_("A comment is at most %(most)s characters.", most=MAX_COMMENT))
    try:
        with unit_of_work() as session:
            # Two reports sent at once both pass the check below; the unique constraint on
            # (round, question) keeps only one.
            if session.get(Round, round_id) is None:
                raise NotFound(_("No such round."))
            question_id = session.scalar(
                select(RoundQuestion.question_id)
                .join(
                    Answer,
                    (Answer.round_id == RoundQuestion.round_id)
                    & (Answer.question_id == RoundQuestion.question_id),
                )
                .where(RoundQuestion.round_id == round_id, RoundQuestion.position == position)
            )
            if question_id is None:
                raise NotFound(_("That question has not been answered yet."))
            if is_reported(round_id, question_id):
                raise Conflict(_("You have already reported this question. Thank you!"))
            report = Report(question_id=question_id, round_id=round_id, comment=comment)
            session.add(report)
    except IntegrityError as exc:
        raise Conflict(_("You have already reported this question. Thank you!")) from exc
    return report


def is_reported(round_id: str, question_id: int) -> bool:
    """Tell whether this round already reported this question."""
    found = db.session.scalar(
        select(Report.id).where(Report.round_id == round_id, Report.question_id == question_id)
    )
    return found is not None
