"""A live game's results: every player's answers and each question's totals.

The answers are rounds' answers, so the class results, item analysis and CSV export read a
game like any other rounds; this is the game's own view of them.
"""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select

from quiz.live.state import items, standings
from quiz.storage.extensions import db
from quiz.storage.models import Answer, LiveGame, LivePlayer, Round


def _ranked(rows) -> Iterator[tuple[int, str, int, int]]:
    return ((r["id"], r["nickname"], r["score"], r["correct"]) for r in rows)


def game_results(game: LiveGame) -> dict:
    """Return per player (in their places) and per question results of a game."""
    players = db.session.execute(
        select(LivePlayer, Round)
        .join(Round, Round.id == LivePlayer.round_id)
        .where(LivePlayer.game_id == game.id)
        .order_by(LivePlayer.id)
    ).all()
    rounds = [r.id for _p, r in players]
    answers: dict[str, list[Answer]] = {}
    for answer in db.session.scalars(
        select(Answer).where(Answer.round_id.in_(rounds)).order_by(Answer.id)
    ):
        answers.setdefault(answer.round_id, []).append(answer)
    questions = items(game.id)
    # While a question is open its answers are not counted yet: its result is not out.
    hidden = {questions[game.position - 1].id} if game.state == "question" else set()
    per_question = {q.id: [0, 0] for q in questions}
    rows: list[dict] = []
    for player, round_ in players:
        given = [a for a in answers.get(round_.id, []) if a.question_id not in hidden]
        if not player.kicked:
            for a in given:
                per_question[a.question_id][0] += 1
                per_question[a.question_id][1] += int(a.correct)
        rows.append(
            {
                "id": player.id,
                "place": None,
                "nickname": player.nickname,
                "score": sum(a.points for a in given),
                "correct": sum(1 for a in given if a.correct),
                "answered": len(given),
                "removed": player.kicked,
                "answers": [
                    {
                        "question_id": a.question_id,
                        "answer": a.given,
                        "correct": a.correct,
                        "points": a.points,
                        "elapsed_ms": a.elapsed_ms,
                    }
                    for a in given
                ],
            }
        )
    # Players still in the game in their places; removed players after them, with none.
    places = {row.id: row.rank for row in standings(_ranked(r for r in rows if not r["removed"]))}
    order = {row.id: index for index, row in enumerate(standings(_ranked(rows)))}
    for row in rows:
        row["place"] = places.get(row["id"])
    rows.sort(key=lambda r: (r["removed"], order[r["id"]]))
    return {
        "pin": game.pin,
        "state": game.state,
        "players": rows,
        "questions": [
            {
                "number": q.number,
                "id": q.id,
                "prompt": q.prompt,
                "correct_answer": q.answer,
                "answered": per_question[q.id][0],
                "correct": per_question[q.id][1],
            }
            for q in questions
        ],
    }
