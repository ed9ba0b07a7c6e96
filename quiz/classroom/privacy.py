"""Students are minors: rename or remove a nickname, delete a student's or a class's data."""

from __future__ import annotations

from sqlalchemy import delete, or_, select, update

from quiz.classroom.results import class_rounds
from quiz.storage.extensions import db
from quiz.storage.models import Assignment, Classroom, Player, Report, Round
from quiz.storage.work import unit_of_work

REMOVED_NICKNAME = "Anonymous"


def class_player(classroom: Classroom, player_id: str) -> Player | None:
    """Return the player if they joined the class or played one of its rounds."""
    player = db.session.get(Player, player_id)
    if player is None or player.classroom_id == classroom.id:
        return player
    played = db.session.scalar(class_rounds(classroom).where(Round.player_id == player.id).limit(1))
    return player if played is not None else None


def rename_player(player: Player, nickname: str) -> None:
    """Give a player a new nickname, on every round they played (leaderboards included)."""
    player_id = player.id
    with unit_of_work() as session:
        session.execute(update(Player).where(Player.id == player_id).values(nickname=nickname))
        session.execute(update(Round).where(Round.player_id == player_id).values(nickname=nickname))


def remove_nickname(player: Player) -> None:
    """Replace a player's nickname everywhere by a neutral one."""
    rename_player(player, REMOVED_NICKNAME)


def _player_rounds(classroom: Classroom, player: Player):
    """Select the rounds a teacher of this class may delete for the player."""
    if player.classroom_id == classroom.id:
        # A member's rounds at home are theirs too, and the teacher is who they trusted.
        return select(Round.id).where(Round.player_id == player.id)
    return class_rounds(classroom).where(Round.player_id == player.id).with_only_columns(Round.id)


def _delete_rounds(round_ids: list[str]) -> None:
    """Delete rounds with their answers and dealt questions, and the reports sent from them."""
    # Reports keep no link to a deleted round, and a comment may name the student: delete them.
    db.session.execute(delete(Report).where(Report.round_id.in_(round_ids)))
    # Answers and dealt questions go with their round (ON DELETE CASCADE); removing the whole
    # round keeps every total consistent, since a round's totals are the sum of its answers.
    db.session.execute(delete(Round).where(Round.id.in_(round_ids)))


def delete_player_answers(classroom: Classroom, player: Player) -> int:
    """Delete a player's rounds (answers, totals, reports); return how many rounds went."""
    query = _player_rounds(classroom, player)
    with unit_of_work() as session:
        round_ids = list(session.scalars(query))
        _delete_rounds(round_ids)
    return len(round_ids)


def delete_class_data(classroom: Classroom) -> None:
    """Delete a class with its assignments, its rounds and its students' data."""
    classroom_id = classroom.id
    members = select(Player.id).where(Player.classroom_id == classroom_id)
    rounds = select(Round.id).where(
        or_(
            Round.id.in_(class_rounds(classroom).with_only_columns(Round.id)),
            Round.player_id.in_(members),
        )
    )
    with unit_of_work() as session:
        _delete_rounds(list(session.scalars(rounds)))
        session.execute(delete(Player).where(Player.classroom_id == classroom_id))
        session.execute(delete(Assignment).where(Assignment.classroom_id == classroom_id))
        session.execute(delete(Classroom).where(Classroom.id == classroom_id))
