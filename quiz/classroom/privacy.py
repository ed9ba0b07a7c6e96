"""Students are minors: rename or remove a nickname, delete a student's or a class's data."""

from __future__ import annotations

from sqlalchemy import delete, or_, select, update

from quiz.classroom.results import class_rounds
from quiz.storage.extensions import db
from quiz.storage.models import Assignment, Classroom, Memory, Player, Report, Round
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


def _player_memory(classroom: Classroom, player: Player, round_ids: list[str]):
    """Select what the player's practice remembers from the rounds deleted for them."""
    memory = delete(Memory).where(Memory.player_id == player.id)
    if player.classroom_id == classroom.id:
        return memory
    # Not a member: only the articles of the class's rounds they played, which are all the
    # teacher may delete; their memory comes from those answers.
    articles = select(Round.article_id).where(Round.id.in_(round_ids)).distinct()
    return memory.where(Memory.article_id.in_(articles))


def delete_player_answers(classroom: Classroom, player: Player) -> int:
    """Delete a player's rounds (answers, totals, reports) and what practice remembers of them.

    Return how many rounds went.
    """
    query = _player_rounds(classroom, player)
    with unit_of_work() as session:
        round_ids = list(session.scalars(query))
        session.execute(_player_memory(classroom, player, round_ids))
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
    visitors = (
        class_rounds(classroom)
        .with_only_columns(Round.player_id, Round.article_id)
        .where(Round.player_id.is_not(None))
        .distinct()
    )
    with unit_of_work() as session:
        # What practice remembers of the class's rounds, for those who played one without
        # joining; members' memory goes with them below.
        for player_id, article_id in session.execute(visitors).all():
            session.execute(
                delete(Memory).where(Memory.player_id == player_id, Memory.article_id == article_id)
            )
        _delete_rounds(list(session.scalars(rounds)))
        session.execute(delete(Memory).where(Memory.player_id.in_(members)))
        session.execute(delete(Player).where(Player.classroom_id == classroom_id))
        session.execute(delete(Assignment).where(Assignment.classroom_id == classroom_id))
        session.execute(delete(Classroom).where(Classroom.id == classroom_id))
