"""Player pages of live games: join with a PIN and a nickname, answer, follow the game.

The player's token lives in the signed session cookie (only its hash in the database), so a
reload or a lost connection resumes the game; a kicked token opens nothing, cookie or not.
With JavaScript the page follows the game's event stream; without it, it refreshes itself.
"""

from flask import abort, flash, redirect, render_template, request, session, url_for
from flask_babel import gettext as _
from sqlalchemy import select

from quiz.errors import Conflict, Invalid, Locked, NotFound, Unauthorized
from quiz.live import games, state, stream
from quiz.play.blueprint import bp
from quiz.play.forms import LiveAnswerForm, LiveJoinForm, posted_id
from quiz.play.views import current_player
from quiz.rounds.scoring import hash_token
from quiz.security import (
    ANSWER_LIMIT_MESSAGE,
    PLAYER_KEY,
    answer_limit,
    limit_round_starts,
    player_key,
)
from quiz.storage.extensions import db, limiter
from quiz.storage.models import LiveGame, LivePlayer

# The signed-cookie key that maps a game's PIN to this browser's player token in it.
LIVE_KEY = "live"
REMEMBERED = 5
NO_STORE = {"Cache-Control": "no-store"}


def _tokens() -> dict[str, str]:
    found = session.get(LIVE_KEY)
    return dict(found) if isinstance(found, dict) else {}


def _remember(pin: str, token: str) -> None:
    tokens = _tokens()
    tokens.pop(pin, None)
    tokens[pin] = token
    session[LIVE_KEY] = dict(list(tokens.items())[-REMEMBERED:])
    session.permanent = True


def _seat(game: LiveGame) -> LivePlayer | None:
    """Return this browser's player in the game, if its cookie holds a token for it."""
    token = _tokens().get(game.pin)
    if not token:
        return None
    player = db.session.scalar(select(LivePlayer).where(LivePlayer.token_hash == hash_token(token)))
    return player if player is not None and player.game_id == game.id else None


@bp.route("/live", methods=["GET", "POST"])
@limit_round_starts
def live_join():
    """Join a live game with the PIN on the projector and a nickname."""
    form = LiveJoinForm(pin=request.args.get("pin", ""))
    if form.validate_on_submit():
        pin = "".join(form.pin.data.split())
        try:
            game = games.game_by_pin(pin)
        except NotFound as exc:
            form.pin.errors = [*form.pin.errors, exc.message]
        else:
            mine = _seat(game)
            if mine is not None and mine.kicked:
                form.pin.errors = [*form.pin.errors, _("The teacher removed you from this game.")]
            elif mine is not None:
                flash(
                    _(
                        "Welcome back, %(nickname)s: you are still in the game.",
                        nickname=mine.nickname,
                    ),
                    "info",
                )
                return redirect(url_for(".live_game", pin=pin))
            else:
                return _join(game, form)
    player = current_player()
    if request.method == "GET" and player is not None and not form.nickname.data:
        form.nickname.data = player.nickname
    status = 422 if form.errors else 200
    return render_template("live/join.html", form=form), status


def _join(game: LiveGame, form: LiveJoinForm):
    game_id, pin = game.id, game.pin
    browser = current_player()
    try:
        joined = games.join(
            game_id,
            form.nickname.data,
            player_id=browser.id if browser else None,
            new_browser=browser is None,
        )
    except Conflict as exc:
        form.nickname.errors = [*form.nickname.errors, exc.message]
    except Locked as exc:
        form.pin.errors = [*form.pin.errors, exc.message]
    else:
        if browser is None and joined.browser_id:
            session[PLAYER_KEY] = joined.browser_id
        _remember(pin, joined.token)
        return redirect(url_for(".live_game", pin=pin))
    return render_template("live/join.html", form=form), 422


def _my_game(pin: str) -> tuple[LiveGame, LivePlayer]:
    """Return the game and this browser's player in it: 404, 403 if kicked."""
    game = games.game_by_pin(pin)
    player = _seat(game)
    if player is None:
        abort(404, _("You have not joined this game on this browser: join it with its PIN."))
    if player.kicked:
        abort(403, _("The teacher removed you from this game."))
    return game, player


def _panel_context(game: LiveGame, player: LivePlayer) -> dict:
    view = state.view(game.id)
    return {
        "doc": view.document(player.id),
        "form": LiveAnswerForm(),
        "shapes": state.SHAPES,
    }


@bp.get("/live/<pin>")
def live_game(pin: str):
    """Show the player's screen: the lobby, the open question, their result, their rank."""
    game = games.game_by_pin(pin)
    if _seat(game) is None:
        return redirect(url_for(".live_join", pin=game.pin))
    game, player = _my_game(pin)
    context = _panel_context(game, player)
    return render_template("live/player.html", **context), 200, NO_STORE


@bp.get("/live/<pin>/panel")
def live_panel(pin: str):
    """Return the changing part of the player's screen, for the page's script."""
    game, player = _my_game(pin)
    return render_template("live/_player_panel.html", **_panel_context(game, player)), 200, NO_STORE


@bp.get("/live/<pin>/events")
def live_events(pin: str):
    """Stream the game's state to the player's page."""
    game, player = _my_game(pin)
    game_id, player_id = game.id, player.id
    return stream.response(game_id, player_id)


@bp.post("/live/<pin>/answer")
@limiter.limit(answer_limit, key_func=player_key, error_message=ANSWER_LIMIT_MESSAGE)
def live_answer(pin: str):
    """Take the player's answer to the open question, then show the game again."""
    game, _player = _my_game(pin)
    form = LiveAnswerForm()
    if not form.validate_on_submit():
        abort(400, _("The answer form is incomplete: reload the page and answer again."))
    question_id = posted_id(form.question_id)
    if question_id is None:
        abort(422, _("The answer form is missing its question."))
    try:
        games.answer(game.id, _tokens()[game.pin], question_id, form.answer.data or "")
    except Conflict:
        flash(_("You had already answered this question: your first answer counts."), "info")
    except Locked:
        flash(_("Too late: that question is closed."), "info")
    except Invalid as exc:
        abort(422, exc.message)
    except Unauthorized as exc:
        abort(403, exc.message)
    return redirect(url_for(".live_game", pin=game.pin), 303)
