"""Results of a class: per student and per round totals, item-analysis input, CSV export."""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, or_, select

from quiz.accounts.visibility import visible_to
from quiz.classroom import analysis
from quiz.storage.extensions import db
from quiz.storage.models import (
    Answer,
    Article,
    Assignment,
    Classroom,
    Option,
    Player,
    Question,
    QuestionStatus,
    Report,
    Round,
    Teacher,
    Template,
)
from quiz.storage.work import unit_of_work

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")


@dataclass(frozen=True)
class StudentRow:
    """A student's totals over the rounds they played in a class."""

    player_id: str | None
    nickname: str
    rounds: int
    finished: int
    points: int
    correct: int
    answered: int
    seconds: float


@dataclass(frozen=True)
class RoundRow:
    """One round with its article and the time spent answering."""

    round: Round
    article: str
    seconds: float


def class_rounds(classroom: Classroom) -> Select:
    """Return a query of the rounds played for the class's assignments."""
    return (
        select(Round)
        .join(Assignment, Round.assignment_id == Assignment.id)
        .where(Assignment.classroom_id == classroom.id)
    )


def _class_round_ids(classroom: Classroom) -> Select:
    return class_rounds(classroom).with_only_columns(Round.id)


def class_report(classroom: Classroom, report_id: int) -> Report | None:
    """Return a report sent from one of the class's rounds, or None."""
    return db.session.scalar(
        select(Report).where(
            Report.id == report_id, Report.round_id.in_(_class_round_ids(classroom))
        )
    )


def student_rows(classroom: Classroom) -> list[StudentRow]:
    """Return one row per student of the class: rounds, points, number right, time answering."""
    in_class = Round.id.in_(_class_round_ids(classroom))
    totals = db.session.execute(
        select(
            Round.player_id,
            func.max(Round.nickname),
            func.count(Round.id),
            func.count(Round.finished_at),
            func.coalesce(func.sum(Round.score), 0),
            func.coalesce(func.sum(Round.correct), 0),
            func.coalesce(func.sum(Round.answered), 0),
        )
        .where(in_class)
        .group_by(Round.player_id)
    ).all()
    times = dict(
        db.session.execute(
            select(Round.player_id, func.coalesce(func.sum(Answer.elapsed_ms), 0))
            .join(Answer, Answer.round_id == Round.id)
            .where(in_class)
            .group_by(Round.player_id)
        ).all()
    )
    players = {
        p.id: p
        for p in db.session.scalars(
            select(Player).where(
                or_(
                    Player.classroom_id == classroom.id,
                    Player.id.in_([row[0] for row in totals if row[0] is not None]),
                )
            )
        )
    }
    rows = {}
    for player_id, nickname, rounds, finished, points, correct, answered in totals:
        player = players.get(player_id) if player_id is not None else None
        rows[player_id] = StudentRow(
            player_id=player_id if player else None,
            nickname=player.nickname if player else nickname,
            rounds=rounds,
            finished=finished,
            points=int(points),
            correct=int(correct),
            answered=int(answered),
            seconds=int(times.get(player_id, 0)) / 1000,
        )
    for player in players.values():
        # Students who joined but have not played yet are listed too, with zeros.
        rows.setdefault(player.id, StudentRow(player.id, player.nickname, 0, 0, 0, 0, 0, 0.0))
    return sorted(rows.values(), key=lambda r: (r.nickname.casefold(), r.player_id or ""))


def round_rows(classroom: Classroom, player_id: str | None = None) -> list[RoundRow]:
    """Return the class's rounds (one student's, if given), newest first, with answering time."""
    seconds = (
        select(func.coalesce(func.sum(Answer.elapsed_ms), 0))
        .where(Answer.round_id == Round.id)
        .scalar_subquery()
    )
    query = (
        class_rounds(classroom)
        .join(Article, Article.id == Round.article_id)
        .add_columns(Article.title, seconds)
        .order_by(Round.started_at.desc(), Round.id)
    )
    if player_id is not None:
        query = query.where(Round.player_id == player_id)
    return [RoundRow(r, title, int(ms) / 1000) for r, title, ms in db.session.execute(query)]


def score_percentages(classroom: Classroom) -> list[float]:
    """Return each finished round's share of right answers, in percent."""
    rows = db.session.execute(
        class_rounds(classroom)
        .where(Round.finished_at.is_not(None))
        .with_only_columns(Round.correct, Round.size)
    )
    return [100 * correct / size for correct, size in rows]


def _responses(query: Select) -> list[analysis.Response]:
    """Turn (player id, round id, question id, correct, option id) rows into responses."""
    # A round without its player (the player was removed) still counts as one student.
    return [
        analysis.Response(player_id or f"round:{round_id}", question_id, correct, option_id)
        for player_id, round_id, question_id, correct, option_id in db.session.execute(query)
    ]


def _answers() -> Select:
    return (
        select(Round.player_id, Round.id, Answer.question_id, Answer.correct, Answer.option_id)
        .join(Round, Round.id == Answer.round_id)
        .order_by(Answer.answered_at, Answer.id)
    )


def class_responses(classroom: Classroom) -> list[analysis.Response]:
    """Return every answer given in the class's rounds, oldest first."""
    return _responses(_answers().where(Round.id.in_(_class_round_ids(classroom))))


def option_infos(question_ids: Iterable[int]) -> dict[int, list[analysis.OptionInfo]]:
    """Return the options of the given questions, in their stored order."""
    ids = list(question_ids)
    infos: dict[int, list[analysis.OptionInfo]] = {}
    query = select(Option).where(Option.question_id.in_(ids)).order_by(Option.position)
    for option in db.session.scalars(query):
        infos.setdefault(option.question_id, []).append(
            analysis.OptionInfo(option.id, option.text, option.correct)
        )
    return infos


def open_reports(
    question_ids: Iterable[int], rounds: Select | None = None
) -> dict[int, list[Report]]:
    """Return the unresolved student reports on the given questions, from `rounds` if given."""
    query = select(Report).where(
        Report.question_id.in_(list(question_ids)), Report.resolved.is_(False)
    )
    if rounds is not None:
        query = query.where(Report.round_id.in_(rounds))
    found: dict[int, list[Report]] = {}
    for report in db.session.scalars(query.order_by(Report.created_at, Report.id)):
        found.setdefault(report.question_id, []).append(report)
    return found


@dataclass
class Item:
    """A question with its statistics and its students' reports."""

    question: Question
    stats: analysis.ItemStats
    reports: list[Report]


def class_items(classroom: Classroom) -> list[Item]:
    """Analyse every question answered in the class's rounds."""
    responses = class_responses(classroom)
    ids = sorted({r.question_id for r in responses})
    questions = {q.id: q for q in db.session.scalars(select(Question).where(Question.id.in_(ids)))}
    reports = open_reports(ids, _class_round_ids(classroom))
    stats = analysis.analyse(
        responses,
        option_infos(ids),
        {qid: len(found) for qid, found in reports.items()},
        question_ids=ids,
    )
    return [Item(questions[s.question_id], s, reports.get(s.question_id, [])) for s in stats]


def template_stats(teacher: Teacher) -> list[tuple[Template, analysis.TemplateCounts]]:
    """Count, for each template the teacher can see, its questions flagged or retired."""
    questions = db.session.execute(
        select(Question.id, Question.template_id, Question.status)
        .join(Article, Article.id == Question.article_id)
        .where(
            Question.template_id.is_not(None),
            Question.status.in_((QuestionStatus.ACTIVE, QuestionStatus.RETIRED)),
            visible_to(teacher.id, Article.owner_id),
        )
    ).all()
    ids = [qid for qid, _template, _status in questions]
    # Flags over every answer ever given: a template is judged by all its questions' use.
    reports = open_reports(ids)
    stats = analysis.analyse(
        _responses(_answers().where(Answer.question_id.in_(ids))),
        option_infos(ids),
        {qid: len(found) for qid, found in reports.items()},
        question_ids=ids,
    )
    flagged = {s.question_id for s in stats if s.flagged}
    counts = analysis.template_counts(
        (template, status, qid in flagged) for qid, template, status in questions
    )
    templates = db.session.scalars(
        select(Template).where(visible_to(teacher.id, Template.owner_id)).order_by(Template.key)
    )
    empty = analysis.TemplateCounts(0, 0, 0)
    return [(t, counts.get(t.id, empty)) for t in templates]


def neutralise(value: object) -> object:
    """Return a CSV cell that a spreadsheet will show as text, never run as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


CSV_HEADER = (
    "nickname",
    "article",
    "started (UTC)",
    "finished (UTC)",
    "questions",
    "answered",
    "correct",
    "points",
    "seconds answering",
)


def _when(moment: datetime | None) -> str:
    return moment.strftime("%Y-%m-%d %H:%M:%S") if moment else ""


def csv_rows(classroom: Classroom) -> list[Sequence[object]]:
    """Return the class's rounds as CSV rows, oldest first, the header first."""
    rows: list[Sequence[object]] = [CSV_HEADER]
    for row in reversed(round_rows(classroom)):
        r = row.round
        rows.append(
            (
                r.nickname,
                row.article,
                _when(r.started_at),
                _when(r.finished_at),
                r.size,
                r.answered,
                r.correct,
                r.score,
                f"{row.seconds:.1f}",
            )
        )
    return rows


def to_csv(rows: Iterable[Sequence[object]]) -> str:
    """Write rows as CSV text, every cell neutralised against formula injection."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for row in rows:
        writer.writerow([neutralise(cell) for cell in row])
    return buffer.getvalue()


def resolve_report(report: Report) -> None:
    """Mark a student's report dealt with: it no longer counts toward the question's flags."""
    with unit_of_work():
        report.resolved = True
