"""Classes: join codes, students joining with a nickname, assignments with deadlines."""

from __future__ import annotations

import secrets
from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select

from quiz.errors import Closed, Invalid, NotFound
from quiz.rounds.scoring import question_counts, start_round
from quiz.storage.extensions import db
from quiz.storage.models import Article, Assignment, Classroom, Player, Round, Teacher, utcnow
from quiz.storage.work import unit_of_work

# No 0/O or 1/I/L: codes are read off a projector and typed on phones.
CODE_ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789"
CODE_LENGTH = 6


def new_code() -> str:
    """Return a join code no class has yet."""
    while True:
        code = "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
        if db.session.scalar(select(Classroom.id).where(Classroom.code == code)) is None:
            return code


def normalise_code(raw: str) -> str:
    """Return a typed join code in its stored form (upper case, no spaces or dashes)."""
    return "".join(ch for ch in raw.upper() if ch.isalnum())


def create_classroom(
    teacher: Teacher, name: str, *, hidden: bool, relaxed: bool, language: str | None = None
) -> Classroom:
    """Create a class for the teacher with a fresh join code."""
    with unit_of_work():
        classroom = Classroom(
            teacher_id=teacher.id,
            name=name.strip(),
            code=new_code(),
            leaderboard_hidden=hidden,
            relaxed=relaxed,
            language=language or None,
        )
        db.session.add(classroom)
    return classroom


def update_classroom(
    classroom: Classroom,
    name: str,
    *,
    hidden: bool,
    relaxed: bool,
    language: str | None = None,
) -> None:
    """Rename a class, hide its leaderboard, turn its speed bonus off, set its pages' language."""
    with unit_of_work():
        classroom.name = name.strip()
        classroom.leaderboard_hidden = hidden
        classroom.relaxed = relaxed
        classroom.language = language or None


def delete_assignment(assignment: Assignment) -> None:
    """Remove an assignment; rounds already played keep their scores."""
    with unit_of_work() as session:
        session.delete(assignment)


def classroom_by_code(code: str) -> Classroom:
    """Return the class with this join code, or raise NotFound."""
    classroom = db.session.scalar(select(Classroom).where(Classroom.code == normalise_code(code)))
    if classroom is None:
        raise NotFound(_("No class has that code. Check it with your teacher."))
    return classroom


def add_assignment(
    classroom: Classroom, article: Article, size: int, deadline: datetime | None
) -> Assignment:
    """Assign an article to a class, with a round size and an optional deadline."""
    if deadline is not None and deadline <= utcnow():
        raise Invalid(_("The deadline must be in the future."))
    if not question_counts().get(article.id):
        # A class would be sent to a round it cannot start; the teacher knows it by its title.
        raise Invalid(
            _("The article “%(slug)s” has no playable questions yet.", slug=article.title)
        )
    with unit_of_work():
        assignment = Assignment(
            classroom_id=classroom.id, article_id=article.id, size=size, deadline=deadline
        )
        db.session.add(assignment)
    return assignment


def assignments_of(classroom: Classroom) -> list[Assignment]:
    """Return a class's assignments, newest first."""
    query = select(Assignment).where(Assignment.classroom_id == classroom.id)
    return list(db.session.scalars(query.order_by(Assignment.created_at.desc())))


def is_open(assignment: Assignment) -> bool:
    """Tell whether an assignment still takes answers."""
    return assignment.deadline is None or utcnow() < assignment.deadline


def play_assignment(assignment: Assignment, player: Player) -> Round:
    """Start a round of an assignment for a player of its class."""
    if player.classroom_id != assignment.classroom_id:
        raise NotFound(_("That assignment is not for your class."))
    if not is_open(assignment):
        raise Closed(_("The deadline for this assignment has passed."))
    with unit_of_work():
        classroom = assignment.classroom
        round_, _token = start_round(
            assignment.article,
            player.nickname,
            assignment.size,
            player_id=player.id,
            speed_bonus=not classroom.relaxed,
            assignment_id=assignment.id,
        )
    return round_


def class_leaderboard(classroom: Classroom, limit: int = 20) -> list[Round]:
    """Return the class's best finished rounds across its assignments."""
    query = (
        select(Round)
        .join(Assignment, Round.assignment_id == Assignment.id)
        .where(Assignment.classroom_id == classroom.id, Round.finished_at.is_not(None))
        .order_by(Round.score.desc(), Round.finished_at.asc())
        .limit(limit)
    )
    return list(db.session.scalars(query))


def members(classroom: Classroom) -> list[Player]:
    """Return the players who joined a class."""
    query = select(Player).where(Player.classroom_id == classroom.id).order_by(Player.nickname)
    return list(db.session.scalars(query))
