"""A live game's results: every player's answers and each question's totals.

The answers are rounds' answers, so the class results, item analysis and CSV export read a
game like any other rounds; this is the game's own view of them.
"""

from __future__ import annotations

from sqlalchemy import select

from quiz.live.state import items
from quiz.storage.extensions import db
from quiz.storage.models import Answer, LiveGame, LivePlayer, Round


def game_results(game: LiveGame) -> dict:
    """Return per player (score order) and per question results of a game."""
    players = db.session.execute(
        select(LivePlayer, Round)
        .join(Round, Round.id == LivePlayer.round_id)
        .where(LivePlayer.game_id == game.id)
        .order_by(LivePlayer.kicked, Round.score.desc(), Round.correct.desc(), LivePlayer.id)
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
    rows.sort(key=lambda r: (r["removed"], -r["score"], -r["correct"], r["id"]))
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
