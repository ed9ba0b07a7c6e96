"""Student pages for practice: what is due, a short session, a personal code for another device."""

from __future__ import annotations

from datetime import datetime

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _

from quiz.errors import Conflict, Invalid
from quiz.forms import status_of
from quiz.play.blueprint import bp
from quiz.play.forms import (
    ChoiceAnswerForm,
    ContinueForm,
    PracticeForm,
    TextAnswerForm,
    posted_id,
)
from quiz.play.views import current_player, remember
from quiz.practice import players, sessions
from quiz.practice.memory import LEVELS
from quiz.rounds import scoring
from quiz.security import (
    ANSWER_LIMIT_MESSAGE,
    CODE_LIMIT_MESSAGE,
    answer_limit,
    code_limit,
    player_key,
)
from quiz.storage.extensions import db, limiter
from quiz.storage.models import Article, Player, Question, utcnow

# The running session in the signed cookie: its article, its length, what was answered.
RUN_KEY = "practice"
NO_STORE = {"Cache-Control": "no-store"}


def _player() -> Player:
    player = current_player()
    if player is None:
        abort(404, _("Nothing to practise on this browser yet: play a round first."))
    return player


def _article(article_id: int) -> Article:
    article = db.session.get(Article, article_id)
    if article is None:
        abort(404, _("No such article."))
    return article


def _run(article_id: int) -> dict | None:
    run = session.get(RUN_KEY)
    return run if isinstance(run, dict) and run.get("article") == article_id else None


@bp.get("/practice")
def practice():
    """Show, per article played, the facts due now, being learnt and mastered."""
    player = current_player()
    rows = sessions.overview(player.id) if player else []
    return render_template(
        "play/practice.html",
        player=player,
        rows=rows,
        form=PracticeForm(),
        now=utcnow(),
        wait_words=sessions.wait_words,
    )


@bp.post("/practice/<int:article_id>/start")
def practice_start(article_id: int):
    """Start a short practice session: ten items, or what is due."""
    player = _player()
    if not PracticeForm().validate_on_submit():
        abort(400, _("The form expired; reload the page and try again."))
    article = _article(article_id)
    due = sessions.due_count(player.id, article.id)
    if not due:
        flash(_("Nothing of “%(title)s” is due right now.", title=article.title), "info")
        return redirect(url_for(".practice"))
    session[RUN_KEY] = {"article": article.id, "size": min(due, sessions.SESSION_SIZE), "done": []}
    return redirect(url_for(".practice_question", article_id=article.id))


@bp.route("/practice/<int:article_id>", methods=["GET", "POST"])
@limiter.limit(
    answer_limit, key_func=player_key, methods=["POST"], error_message=ANSWER_LIMIT_MESSAGE
)
def practice_question(article_id: int):
    """Ask the next due fact through one of its questions, and take the answer."""
    player, article = _player(), _article(article_id)
    run = _run(article.id)
    if run is None:
        return redirect(url_for(".practice"))
    if len(run["done"]) >= run["size"]:
        return redirect(url_for(".practice_summary", article_id=article.id))
    served = sessions.next_question(player.id, article.id)
    if served is None:
        return redirect(url_for(".practice_summary", article_id=article.id))
    posted = request.form.get("question_id", "") if request.method == "POST" else ""
    if posted.isdigit() and int(posted) != served.question.id:
        # Sent twice, or from an older tab: that question was answered already.
        flash(_("That question is not waiting for your answer any more: here is the next."), "info")
        return redirect(url_for(".practice_question", article_id=article.id))
    options = scoring.shuffled_options(f"practice:{served.memory_id}", served.question)
    form = ChoiceAnswerForm() if options else TextAnswerForm()
    if options:
        form.answer.choices = [(o.text, o.text) for o in options]
    if form.validate_on_submit():
        return _answer(player, article, run, form)
    form.question_id.data = str(served.question.id)
    status = status_of(form)
    html = render_template(
        "play/practice_question.html",
        article=article,
        run=run,
        question=served.question,
        form=form,
    )
    return html, status, NO_STORE


def _answer(player: Player, article: Article, run: dict, form):
    """Record a practice answer and show its feedback; a repeat goes back to the question."""
    question_id = posted_id(form.question_id)
    if question_id is None:
        abort(400, _("The answer form is missing its question."))
    try:
        verdict = sessions.answer(player.id, question_id, form.answer.data)
    except Conflict as exc:
        flash(exc.message, "info")
        return redirect(url_for(".practice_question", article_id=article.id))
    except Invalid:
        abort(422, _("That answer is not one of the options."))
    # Ids and levels only: the signed cookie must stay small; labels are read when shown.
    run["done"].append(
        {
            "question": question_id,
            "correct": verdict.correct,
            "items": [
                {
                    "fact": item.review.fact_id,
                    "question": item.review.question_id,
                    "before": item.review.before,
                    "after": item.review.after,
                    "due": item.review.due.isoformat(),
                }
                for item in verdict.items
            ],
        }
    )
    # A question over several due facts reviews them all: the session then has fewer questions
    # to ask than it said, and says so from now on rather than stop short of its count.
    left = sessions.due_count(player.id, article.id)
    run["size"] = min(run["size"], len(run["done"]) + left)
    run["given"] = verdict.given
    session[RUN_KEY] = run
    return redirect(url_for(".practice_feedback", article_id=article.id))


@bp.get("/practice/<int:article_id>/feedback")
def practice_feedback(article_id: int):
    """Show whether the last practice answer was right, the sentence, and when it comes back."""
    player = _player()
    article = _article(article_id)
    run = _run(article.id)
    if run is None or not run["done"]:
        return redirect(url_for(".practice"))
    last = run["done"][-1]
    question = db.session.get(Question, last["question"])
    if question is None:
        abort(404, _("That question no longer exists."))
    return render_template(
        "play/practice_feedback.html",
        article=article,
        run=run,
        last=last,
        given=run.get("given", ""),
        items=_labelled(last["items"]),
        question=question,
        finished=len(run["done"]) >= run["size"] or sessions.due_count(player.id, article.id) == 0,
        waits=_waits(last["items"]),
    )


@bp.get("/practice/<int:article_id>/summary")
def practice_summary(article_id: int):
    """Show what a practice session improved."""
    _player()
    article = _article(article_id)
    run = _run(article.id)
    if run is None:
        return redirect(url_for(".practice"))
    items = _labelled(_per_fact(run["done"]))
    return render_template(
        "play/practice_summary.html",
        article=article,
        run=run,
        items=items,
        waits=_waits(items),
        improved=sum(item["up"] for item in items),
    )


def _per_fact(done: list[dict]) -> list[dict]:
    """Return one line per fact (or question) the session reviewed, in the order first met:
    where it stood before the session, and its last review (answer, level, when it is due)."""
    lines: dict[tuple, dict] = {}
    for answer in done:
        for item in answer["items"]:
            key = (item["fact"], item["question"])
            before = lines[key]["before"] if key in lines else item["before"]
            lines[key] = item | {"before": before, "correct": answer["correct"]}
    return [line | {"up": _improved(line)} for line in lines.values()]


def _labelled(items: list[dict]) -> list[dict]:
    """Add to each reviewed item what it is about, in words."""
    return [item | {"label": sessions.label_of(item["fact"], item["question"])} for item in items]


def _waits(items: list[dict]) -> list[str]:
    """Say when each item comes back, in words."""
    now = utcnow()
    return [sessions.wait_words(datetime.fromisoformat(item["due"]), now) for item in items]


def _improved(item: dict) -> bool:
    """Tell whether an item moved up: from new or learning to reviewing, or on to mastered."""
    levels = (None, *LEVELS)
    return levels.index(item["after"]) > levels.index(item["before"])


@bp.route("/practice/code", methods=["GET", "POST"])
def practice_code():
    """Make a personal code (with a QR code) to continue on another device."""
    player = _player()
    form = PracticeForm()
    if not form.validate_on_submit():
        status = 400 if request.method == "POST" else 200
        return render_template("play/code.html", player=player, form=form, code=None), status
    code = players.issue_code(player.id)
    url = url_for(".continue_", code=code, _external=True)
    html = render_template(
        "play/code.html", player=player, form=form, code=code, url=url, qr=players.code_qr(url)
    )
    # The code is shown once: no copy of it stays in a cache.
    return html, 200, NO_STORE


@bp.route("/continue", methods=["GET", "POST"])
@limiter.limit(code_limit, methods=["POST"], error_message=CODE_LIMIT_MESSAGE)
def continue_():
    """Continue as the player whose personal code is typed: this browser becomes theirs."""
    form = ContinueForm(code=request.args.get("code", ""))
    if form.validate_on_submit():
        player = players.player_by_code(form.code.data)
        if player is None:
            form.code.errors = [
                *form.code.errors,
                "No player has that code. Check it, or ask your teacher for a new one.",
            ]
        else:
            session.pop(RUN_KEY, None)
            remember(player)
            flash(
                _(
                    "Welcome back, %(nickname)s: this browser now continues as you.",
                    nickname=player.nickname,
                ),
                "info",
            )
            return redirect(url_for(".practice"))
    status = status_of(form)
    return render_template("play/continue.html", form=form), status
