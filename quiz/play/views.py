"""Student pages: start a round, answer questions, see feedback, results and leaderboards."""

import flask_babel
from flask import (
    abort,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from sqlalchemy import select

from quiz.classroom import classes
from quiz.errors import Closed, Conflict, Invalid, NotFound
from quiz.forms import status_of
from quiz.generation import ORDER_SEPARATOR
from quiz.i18n import ngettext
from quiz.play.blueprint import bp
from quiz.play.forms import (
    ChoiceAnswerForm,
    JoinForm,
    PlayForm,
    ReportForm,
    StartForm,
    TextAnswerForm,
    order_answer_form,
    posted_id,
)
from quiz.rounds import players, reports, scoring
from quiz.security import (
    ANSWER_LIMIT_MESSAGE,
    PLAYER_KEY,
    answer_limit,
    count_wrong_class_code,
    limit_round_starts,
    limit_wrong_class_codes,
    player_key,
)
from quiz.storage.extensions import db, limiter
from quiz.storage.models import Article, Assignment, Classroom, LivePlayer, Player, Round


def current_player() -> Player | None:
    """Return the player this browser's signed cookie names."""
    player_id = session.get(PLAYER_KEY)
    return db.session.get(Player, player_id) if player_id else None


def remember(player: Player) -> None:
    """Keep the player's id in this browser's signed cookie."""
    if session.get(PLAYER_KEY) != player.id:
        session[PLAYER_KEY] = player.id
        session.permanent = True


def own_round(round_id: str) -> Round:
    """Return a round this browser plays, or 404 for anybody else's."""
    round_ = db.session.get(Round, round_id)
    if round_ is None or round_.player_id is None or round_.player_id != session.get(PLAYER_KEY):
        abort(404, _("No such round on this browser."))
    if round_.finished_at is None and db.session.scalar(
        select(LivePlayer.id).where(LivePlayer.round_id == round_.id)
    ):
        # Its answers are taken on the game's page, at the game's pace, and shown when it ends.
        abort(404, _("This round is part of a live game that is still running."))
    return round_


def _articles() -> list[tuple[Article, int]]:
    counts = scoring.question_counts()
    articles = db.session.scalars(select(Article).order_by(Article.title))
    return [(a, counts.get(a.id, 0)) for a in articles]


@bp.route("/", methods=["GET", "POST"])
@limit_round_starts
def home():
    """Choose an article, a round size and a nickname; resume an unfinished round."""
    articles = _articles()
    player = current_player()
    form = StartForm()
    form.article.choices = [
        (
            a.slug,
            ngettext(
                "%(title)s (%(num)s question)", "%(title)s (%(num)s questions)", n, title=a.title
            ),
        )
        for a, n in articles
        if n
    ]
    if request.method == "GET" and player is not None:
        form.nickname.data = player.nickname
    if form.validate_on_submit():
        player, round_ = players.start_player_round(
            session.get(PLAYER_KEY),
            form.nickname.data,
            form.article.data,
            form.size.data,
            speed_bonus=not form.relaxed.data,
        )
        remember(player)
        return redirect(url_for(".question", round_id=round_.id))
    unfinished = scoring.unfinished_rounds(player.id) if player else []
    status = status_of(form)
    return render_template("play/home.html", form=form, unfinished=unfinished), status


@bp.route("/play/<round_id>", methods=["GET", "POST"])
@limiter.limit(
    answer_limit, key_func=player_key, methods=["POST"], error_message=ANSWER_LIMIT_MESSAGE
)
def question(round_id: str):
    """Show the round's current question and take its answer."""
    round_ = own_round(round_id)
    item = scoring.current_item(round_)
    if item is None:
        return redirect(url_for(".summary", round_id=round_id))
    question = item.question
    options = scoring.shuffled_options(round_.id, question)
    if question.kind == "order" and options:
        form = order_answer_form([o.text for o in options])
        if form.validate_on_submit():
            return _answer(round_, form, form.ordered())
    else:
        form = ChoiceAnswerForm() if options else TextAnswerForm()
        if options:
            form.answer.choices = [(o.text, o.text) for o in options]
        if form.validate_on_submit():
            return _answer(round_, form, form.answer.data)
    scoring.serve(item)
    form.question_id.data = str(question.id)
    status = status_of(form)
    html = render_template(
        "play/question.html", round=round_, item=item, question=question, form=form
    )
    # Back and reload must fetch the current question, never show an answered one.
    return html, status, {"Cache-Control": "no-store"}


def _answer(round_: Round, form, given: str | list[str]):
    """Record a posted answer and go to its feedback; a repeat goes to the first one's."""
    question_id = posted_id(form.question_id)
    if question_id is None:
        abort(400, _("The answer form is missing its question."))
    try:
        if isinstance(given, list):
            given = ORDER_SEPARATOR.join(given)
        verdict = scoring.record_answer(round_.id, question_id, given)
    except Closed:
        raise
    except Conflict:
        # Reload or back button: the question was answered already; never score twice.
        flash(_("That question was already answered: here is what you answered."), "info")
        position = _position_of(round_, question_id)
        if position is None:
            return redirect(url_for(".question", round_id=round_.id))
        return redirect(url_for(".feedback", round_id=round_.id, position=position))
    except Invalid:
        abort(422, _("That answer is not one of the options."))
    return redirect(url_for(".feedback", round_id=round_.id, position=verdict.position))


def _position_of(round_: Round, question_id: int) -> int | None:
    for item in round_.items:
        if item.question_id == question_id:
            return item.position
    return None


@bp.get("/play/<round_id>/answers/<int:position>")
def feedback(round_id: str, position: int):
    """Show whether an answer was right, the right answer and the sentence that proves it."""
    return _feedback(own_round(round_id), position)


def _feedback(round_: Round, position: int, report_form: ReportForm | None = None, status=200):
    for item, answer in scoring.round_answers(round_):
        if item.position == position and answer is not None:
            return render_template(
                "play/feedback.html",
                round=round_,
                item=item,
                answer=answer,
                report_form=report_form or ReportForm(),
                reported=reports.is_reported(round_.id, item.question_id),
            ), status
    if not 1 <= position <= round_.size:
        abort(404, _("This round has no question %(position)s.", position=position))
    abort(404, _("That question has not been answered yet."))


@bp.post("/play/<round_id>/answers/<int:position>/report")
def report(round_id: str, position: int):
    """Report that an answered question looks wrong, with an optional comment."""
    round_ = own_round(round_id)
    form = ReportForm()
    if not form.validate_on_submit():
        return _feedback(round_, position, form, 422)
    try:
        reports.report_question(round_.id, position, form.comment.data)
    except Conflict as exc:
        flash(exc.message, "info")
    else:
        flash(_("Thank you: your teacher will look at this question."), "info")
    return redirect(url_for(".feedback", round_id=round_.id, position=position))


@bp.get("/play/<round_id>/summary")
def summary(round_id: str):
    """Show a round's points, number correct, time and every question reviewed."""
    round_ = own_round(round_id)
    return render_template(
        "play/summary.html",
        round=round_,
        rows=scoring.round_answers(round_),
        duration=scoring.round_duration(round_),
    )


def _played(article: Article) -> bool:
    """Tell whether a round of an article was played (one whose questions were withdrawn
    keeps its leaderboard)."""
    return (
        db.session.scalar(select(Round.id).where(Round.article_id == article.id).limit(1))
        is not None
    )


@bp.get("/leaderboard")
def leaderboard():
    """Show an article's best rounds today and of all time: by default the article this
    browser played last, else the first. Articles with nothing played or to play (a draft
    under review) are not listed."""
    articles = [a for a, n in _articles() if n or _played(a)]
    if not articles:
        return render_template("play/leaderboard.html", articles=[], article=None)
    player = current_player()
    last = player and db.session.scalar(
        select(Article.slug)
        .join(Round, Round.article_id == Article.id)
        .where(Round.player_id == player.id)
        .order_by(Round.started_at.desc())
        .limit(1)
    )
    slug = request.args.get("article") or last or articles[0].slug
    article = next((a for a in articles if a.slug == slug), None)
    if article is None:
        abort(404, _("No article with the slug “%(slug)s”.", slug=slug))
    zone = current_app.config["QUIZ_ZONE"]
    return render_template(
        "play/leaderboard.html",
        articles=articles,
        article=article,
        today=scoring.leaderboard(article, since=scoring.start_of_today(zone)),
        all_time=scoring.leaderboard(article),
        zone=zone,
    )


@bp.get("/me")
def history():
    """Show the rounds played on this browser."""
    player = current_player()
    rounds = scoring.player_rounds(player.id) if player else []
    return render_template("play/history.html", player=player, rounds=rounds)


@bp.route("/join", methods=["GET", "POST"])
@limit_wrong_class_codes
def join():
    """Join a class with its code and a nickname; no account needed."""
    form = JoinForm(code=request.args.get("code", ""))
    if form.validate_on_submit():
        try:
            classroom = classes.classroom_by_code(form.code.data)
        except NotFound as exc:
            count_wrong_class_code()
            form.code.errors = [*form.code.errors, exc.message]
        else:
            player = players.save_player(
                session.get(PLAYER_KEY), form.nickname.data, classroom_id=classroom.id
            )
            remember(player)
            # The next page is in the class's language now: so is the welcome.
            flask_babel.refresh()
            flash(
                _(
                    "Welcome to %(name)s, %(nickname)s!",
                    name=classroom.name,
                    nickname=player.nickname,
                ),
                "info",
            )
            return redirect(url_for(".classroom"))
    player = current_player()
    if request.method == "GET" and player is not None and not form.nickname.data:
        form.nickname.data = player.nickname
    status = status_of(form)
    return render_template("play/join.html", form=form), status


def _my_classroom():
    player = current_player()
    classroom = None
    if player is not None and player.classroom_id is not None:
        classroom = db.session.get(Classroom, player.classroom_id)
    if classroom is None:
        abort(404, _("You have not joined a class on this browser yet."))
    return player, classroom


@bp.get("/class")
def classroom():
    """Show the student's class: its assignments, and the leaderboard unless hidden."""
    player, classroom = _my_classroom()
    return render_template(
        "play/classroom.html",
        player=player,
        classroom=classroom,
        assignments=classes.assignments_of(classroom),
        is_open=classes.is_open,
        board=None if classroom.leaderboard_hidden else classes.class_leaderboard(classroom),
        form=PlayForm(),
        zone=current_app.config["QUIZ_ZONE"],
    )


@bp.post("/class/assignments/<int:assignment_id>/play")
@limit_round_starts
def play_assignment(assignment_id: int):
    """Start a round of one of the class's assignments."""
    player, _classroom = _my_classroom()
    if not PlayForm().validate_on_submit():
        abort(400, _("The form expired; reload the page and try again."))
    assignment = db.session.get(Assignment, assignment_id)
    if assignment is None:
        abort(404, _("No such assignment."))
    round_ = classes.play_assignment(assignment, player)
    return redirect(url_for(".question", round_id=round_.id))
