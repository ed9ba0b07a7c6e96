"""Host pages of live games: set one up, show it on the projector, run it, read its results."""

import io

import segno
from flask import (
    Response,
    abort,
    flash,
    redirect,
    render_template,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from quiz.authoring import library
from quiz.errors import Conflict, NotFound
from quiz.live import games, results, state, stream
from quiz.storage.extensions import db
from quiz.storage.models import Assignment, Classroom, LiveGame
from quiz.teach import access
from quiz.teach.blueprint import bp
from quiz.teach.forms import ConfirmForm, LiveGameForm

NO_STORE = {"Cache-Control": "no-store"}


def _own_game(pin: str) -> LiveGame:
    """Return one of the current teacher's games, else 404."""
    game = games.game_by_pin(pin)
    if game.teacher_id != current_user.id:
        abort(404, _("No game with this PIN."))
    return game


def _assignments() -> list[Assignment]:
    return list(
        db.session.scalars(
            select(Assignment)
            .join(Classroom)
            .where(Classroom.teacher_id == current_user.id)
            .order_by(Classroom.name, Assignment.created_at.desc())
        )
    )


def _game_form() -> LiveGameForm:
    form = LiveGameForm()
    articles = library.articles_for(current_user)
    names = library.labels(articles)
    form.article.choices = [(a.id, names[a.id]) for a in articles]
    form.assignment.choices = [(0, _("No class: anyone with the PIN"))] + [
        (a.id, f"{a.classroom.name}: {a.article.title}") for a in _assignments()
    ]
    return form


@bp.route("/live", methods=["GET", "POST"])
def live_new():
    """Set up a live game from an article or a class assignment; list recent games."""
    form = _game_form()
    if form.validate_on_submit():
        article = access.visible_article(form.article.data)
        assignment_id = form.assignment.data or None
        if assignment_id is not None:
            assignment = db.session.get(Assignment, assignment_id)
            if assignment is None or assignment.classroom.teacher_id != current_user.id:
                abort(404, _("No such assignment."))
            article = assignment.article
        try:
            game = games.create_game(
                current_user.id,
                article,
                form.size.data,
                form.time_limit.data,
                form.speed_bonus.data,
                assignment_id,
            )
        except Conflict as exc:
            form.article.errors = [*form.article.errors, exc.message]
        else:
            return redirect(url_for(".live_host", pin=game.pin))
    status = 422 if form.errors else 200
    recent = games.games_of(current_user.id)
    return render_template("live/new.html", form=form, games=recent), status


def _host_context(game: LiveGame) -> dict:
    view = state.view(game.id)
    return {
        "doc": view.document(),
        "players": list(view.ranks.values()),
        "join_url": url_for("play.live_join", _external=True),
        "confirm": ConfirmForm(),
        "shapes": state.SHAPES,
        "classroom": game.assignment.classroom if game.assignment else None,
    }


@bp.get("/live/<pin>")
def live_host(pin: str):
    """Show the game on the projector: PIN and QR code, question and clock, results, podium."""
    game = _own_game(pin)
    return render_template("live/host.html", **_host_context(game)), 200, NO_STORE


@bp.get("/live/<pin>/panel")
def live_host_panel(pin: str):
    """Return the changing part of the host screen, for the page's script."""
    game = _own_game(pin)
    return render_template("live/_host_panel.html", **_host_context(game)), 200, NO_STORE


@bp.get("/live/<pin>/events")
def live_host_events(pin: str):
    """Stream the game's state to the host screen."""
    game_id = _own_game(pin).id
    return stream.response(game_id)


ACTIONS = {
    "start": games.start,
    "next": games.advance,
    "lock": lambda game_id: games.set_locked(game_id, True),
    "unlock": lambda game_id: games.set_locked(game_id, False),
}


@bp.post("/live/<pin>/<any(start, next, lock, unlock):action>")
def live_action(pin: str, action: str):
    """Start the game, move it on, or lock or unlock it."""
    game_id = _own_game(pin).id
    try:
        ACTIONS[action](game_id)
    except Conflict as exc:
        flash(exc.message, "error")
    return redirect(url_for(".live_host", pin=pin), 303)


@bp.post("/live/<pin>/players/<int:live_player_id>/kick")
def live_kick(pin: str, live_player_id: int):
    """Remove a player from the game."""
    game_id = _own_game(pin).id
    try:
        games.kick(game_id, live_player_id)
    except NotFound as exc:
        flash(exc.message, "error")
    else:
        flash(_("Player removed from the game."), "info")
    return redirect(url_for(".live_host", pin=pin), 303)


@bp.get("/live/<pin>/qr.svg")
def live_qr(pin: str):
    """Return a QR code of the join address with the PIN filled in."""
    game = _own_game(pin)
    url = url_for("play.live_join", pin=game.pin, _external=True)
    buffer = io.BytesIO()
    segno.make(url, error="m").save(
        buffer, kind="svg", scale=8, border=2, xmldecl=False, title=f"Join game {game.pin}: {url}"
    )
    return Response(buffer.getvalue(), mimetype="image/svg+xml")


@bp.get("/live/<pin>/results")
def live_results(pin: str):
    """Show a game's results per player and per question."""
    game = _own_game(pin)
    classroom = game.assignment.classroom if game.assignment else None
    return render_template(
        "live/results.html", game=game, results=results.game_results(game), classroom=classroom
    )
