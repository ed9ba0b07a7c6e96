"""Baikonur Quiz: turn an article into a quiz that students play in a browser."""

import logging
import secrets
import weakref
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from flask import Flask
from werkzeug.routing import IntegerConverter

from quiz import config
from quiz.config import ConfigError
from quiz.paths import migrations_dir
from quiz.rules import MAX_ID

log = logging.getLogger(__name__)


class BoundedInt(IntegerConverter):
    """An <int:…> URL part no larger than a database id can be."""

    def __init__(self, map, *args, **kwargs):
        kwargs.setdefault("max", MAX_ID)
        super().__init__(map, *args, **kwargs)


class Quiz(Flask):
    """The app: Flask, with what every request runs looked up once rather than per request."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Weak, so that a function made for one request (after_this_request) is not kept.
        self._plain: weakref.WeakSet = weakref.WeakSet()

    def ensure_sync(self, func):
        """Return a plain function as it is (known after its first call), else wrap it."""
        # Flask asks this of every hook and view on every request: a dozen inspections each.
        try:
            if func in self._plain:
                return func
        except TypeError:  # a callable that cannot be referred to weakly
            return super().ensure_sync(func)
        found = super().ensure_sync(func)
        if found is func:
            self._plain.add(func)
        return found


def create_app(
    test_config: dict | None = None, *, web: bool = True, database: bool = True
) -> Flask:
    """Create the app: settings, extensions, blueprints and commands; no database I/O.

    With web=False it has the settings and the database only, without pages, API, logins,
    limits or migrations: enough for the commands that read and write the database, which
    then start without importing the rest. With database=False as well it has the settings
    alone, for a command that opens the database itself (quiz.storage.plain).
    """
    app = Quiz(__name__, instance_relative_config=True)
    app.config.update(config.from_environment(app.instance_path))
    if test_config is not None:
        app.config.update(test_config)
    if not app.config.get("SECRET_KEY"):
        if web:
            # Only until `quiz init` writes a key: sessions will not survive a restart.
            log.warning("no secret key yet: run `quiz init` (or set QUIZ_SECRET_KEY)")
        app.config["SECRET_KEY"] = secrets.token_hex(32)
    app.config["QUIZ_ZONE"] = _zone(app.config.get("QUIZ_TIMEZONE"))

    if not (web or database):
        return app
    init_database(app)
    if not web:
        return app

    from quiz import errors, i18n, security
    from quiz.accounts import auth
    from quiz.api import bp as api_bp
    from quiz.cli import register as register_cli
    from quiz.play import bp as play_bp
    from quiz.serving import CloseAfterUnreadBody
    from quiz.storage import counters  # noqa: F401  (registers the database:// counters)
    from quiz.teach import bp as teach_bp

    # Ids are 32-bit columns on PostgreSQL: a larger id in a URL is simply not found.
    app.url_map.converters["int"] = BoundedInt

    from quiz.storage.extensions import csrf, limiter, login

    init_migrations(app)
    csrf.init_app(app)
    login.init_app(app)
    login.user_loader(auth.load_teacher)
    limiter.init_app(app)
    security.init_app(app)
    i18n.init_app(app)

    # gunicorn keeps no connection after a body it was refused unread (quiz.serving).
    app.wsgi_app = CloseAfterUnreadBody(app.wsgi_app)  # type: ignore[method-assign]

    app.register_blueprint(play_bp)
    app.register_blueprint(teach_bp)
    app.register_blueprint(api_bp)
    errors.register(app)
    register_cli(app)
    return app


def init_database(app: Flask) -> None:
    """Bind the database to the app, refusing a URL it cannot use with a ConfigError."""
    # Imported here, not at the top, so that the pure packages (quiz.facts, quiz.generation)
    # and the `quiz` command can be imported without loading the database or Flask views.
    from sqlalchemy.exc import ArgumentError

    from quiz.storage import opening
    from quiz.storage.extensions import db, engine_options

    url = app.config["SQLALCHEMY_DATABASE_URI"]
    opening.check_url(url)
    try:
        app.config.setdefault("SQLALCHEMY_ENGINE_OPTIONS", engine_options(url))
        db.init_app(app)
    except (ArgumentError, ValueError) as exc:  # a URL of a supported kind, but malformed
        raise opening.unreadable(url, exc) from exc


def init_migrations(app: Flask) -> None:
    """Bind Flask-Migrate (Alembic) to the app, unless it is already bound."""
    from quiz.storage.extensions import db, migrate

    if "migrate" not in app.extensions:
        migrate.init_app(app, db, directory=str(migrations_dir()), render_as_batch=True)


def _zone(name: str | None):
    """Return the time zone that "today" on leaderboards is counted in."""
    if not name:
        # The server's own local zone.
        from datetime import datetime

        return datetime.now().astimezone().tzinfo
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ConfigError(f"QUIZ_TIMEZONE={name!r} is not a known time zone") from exc
