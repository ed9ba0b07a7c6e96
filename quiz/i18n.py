"""Languages: the locale of each request, the compiled catalogs, the switch and formatting."""

from __future__ import annotations

import os
import re
import tempfile
import threading
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from urllib.parse import urlsplit

import flask_babel
from babel.dates import format_date, format_time, get_datetime_format
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import (
    Flask,
    abort,
    current_app,
    has_request_context,
    redirect,
    request,
    session,
    url_for,
)
from flask_babel import Babel, Domain, get_locale
from flask_babel import lazy_gettext as _l
from jinja2 import pass_context
from markupsafe import Markup
from sqlalchemy.exc import SQLAlchemyError

# Each language is named in itself on the switch, so a reader finds their own.
LANGUAGES = {"kk": "Қазақша", "ru": "Русский", "en": "English"}
DEFAULT_LANGUAGE = "en"
# The cookie that remembers the switch.
COOKIE = "language"
COOKIE_SECONDS = 365 * 24 * 3600
CATALOGS = Path(__file__).resolve().parent / "translations"


def N_(message: str) -> str:
    """Mark a message for the catalogs without translating it here (it is translated later)."""
    return message


# Values stored in English that pages show: question statuses and kinds, fact types, flags.
LABELS = {
    "proposed": _l("proposed"),
    "active": _l("active"),
    "rejected": _l("rejected"),
    "retired": _l("retired"),
    "choice": _l("multiple choice"),
    "true_false": _l("true or false"),
    "year": _l("year"),
    "date": _l("date"),
    "first": _l("which came first"),
    "number": _l("number"),
    "cloze": _l("fill in the gap"),
    "short": _l("short answer"),
    "order": _l("put in order"),
    "statement": _l("which the article says"),
    "odd_one_out": _l("odd one out"),
    "person": _l("person"),
    "place": _l("place"),
    "organisation": _l("organisation"),
    "thing": _l("named thing"),
    "list": _l("list"),
    # How far a player's memory of a fact has come.
    "learning": _l("learning"),
    "reviewing": _l("reviewing"),
    "mastered": _l("mastered"),
    # States of a live game.
    "lobby": _l("waiting for players"),
    "question": _l("question open"),
    "closed": _l("between questions"),
    "finished": _l("finished"),
    # What a template is filled with ("over").
    "dated": _l("a dated fact"),
    "dated,dated": _l("two dated facts"),
    "entity": _l("a person, place or organisation"),
    "any": _l("any fact"),
    "events": _l("three or four dated events"),
    "statements": _l("four claims from four sentences"),
    "too hard": _l("too hard"),
    "too easy": _l("too easy"),
    "negative discrimination": _l("negative discrimination"),
    "a wrong option nobody picks": _l("a wrong option nobody picks"),
    "reported by students": _l("reported by students"),
}


def label(value) -> str:
    """Return the page's name for a stored value, or the value itself if it has none."""
    found = LABELS.get(value) if isinstance(value, str) else None
    return str(found) if found is not None else value


class CompilingDomain(Domain):
    """A message domain that compiles the .po catalogs to .mo the first time it is used.

    A fresh clone or a wheel carries only .po files: the .mo files are written next to them
    when that folder is writable, and into the instance folder when it is not.
    """

    def __init__(self, source: Path, fallback: Path):
        super().__init__()
        self.source = source
        self.fallback = fallback
        self._lock = threading.Lock()

    def get_translations(self):
        """Compile stale catalogs once, then return the request's translations."""
        if self._translation_directories is None:
            with self._lock:
                if self._translation_directories is None:
                    self._translation_directories = [str(self._compile())]
        return super().get_translations()

    def _compile(self) -> Path:
        try:
            compile_catalogs(self.source, self.source)
            return self.source
        except OSError:
            compile_catalogs(self.source, self.fallback)
            return self.fallback


def compile_catalogs(source: Path, target: Path) -> list[Path]:
    """Write a .mo under target for every .po under source that has none or an older one."""
    written = []
    for po in sorted(source.glob("*/LC_MESSAGES/*.po")):
        mo = target / po.relative_to(source).with_suffix(".mo")
        if mo.exists() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        mo.parent.mkdir(parents=True, exist_ok=True)
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parent.parent.name)
        # Written aside and renamed, so another worker never reads half a file.
        fd, tmp = tempfile.mkstemp(dir=mo.parent, suffix=".mo.tmp")
        try:
            with os.fdopen(fd, "wb") as f:
                write_mo(f, catalog)
            os.replace(tmp, mo)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
        written.append(mo)
    return written


class QuizBabel(Babel):
    """Flask-Babel with one compiling domain per app, so catalogs load once, not per request."""

    @property
    def domain_instance(self):
        return current_app.extensions["quiz_i18n_domain"]


babel = QuizBabel()


def init_app(app: Flask) -> None:
    """Set up Flask-Babel, the language switch and the formatting helpers of the pages."""
    app.config.setdefault("BABEL_DEFAULT_LOCALE", DEFAULT_LANGUAGE)
    app.extensions["quiz_i18n_domain"] = CompilingDomain(
        CATALOGS, Path(app.instance_path) / "translations"
    )
    babel.init_app(app, locale_selector=select_locale)
    app.add_url_rule("/language", "set_language", set_language, methods=["POST"])
    app.before_request(_choose_language)
    app.after_request(_mark_language)
    app.jinja_env.filters.update({name: _per_request(f) for name, f in FILTERS.items()})
    app.jinja_env.globals["ngettext"] = _counting(app.jinja_env.globals["ngettext"])
    app.context_processor(_page_helpers)


def current_language() -> str:
    """Return the language code of this request: kk, ru or en."""
    locale = get_locale()
    return locale.language if locale is not None else DEFAULT_LANGUAGE


def select_locale() -> str:
    """Choose the language: the switch's cookie, the player's class, then the browser."""
    if not has_request_context():
        return DEFAULT_LANGUAGE  # the CLI stays English
    from quiz.errors import wants_json

    browser = request.accept_languages.best_match(LANGUAGES, DEFAULT_LANGUAGE)
    if wants_json():
        # API clients ask with Accept-Language only; cookies belong to the pages.
        return browser
    chosen = request.cookies.get(COOKIE)
    if chosen in LANGUAGES:
        return chosen
    return _class_language() or browser


def _class_language() -> str | None:
    """Return the default language of the class this browser's player belongs to."""
    from quiz.rules import PLAYER_KEY
    from quiz.storage.extensions import db
    from quiz.storage.models import Classroom, Player

    player_id = session.get(PLAYER_KEY)
    if not player_id:
        return None
    query = (
        db.select(Classroom.language)
        .join(Player, Player.classroom_id == Classroom.id)
        .where(Player.id == player_id)
    )
    try:
        language = db.session.scalar(query)
    except SQLAlchemyError:
        # An error page after a failed statement: the browser's language will do.
        return None
    return language if language in LANGUAGES else None


def _choose_language() -> None:
    """Choose the request's language before the view runs, outside any write it makes."""
    # Flask-Babel keeps the locale in g; a test that holds an app context open shares g
    # between its requests, so each request chooses afresh.
    flask_babel.refresh()
    from quiz.errors import wants_json

    if request.endpoint != "static" and not wants_json():
        # The class's language is read now, not halfway through a transaction that may fail.
        # (API and health calls choose by Accept-Language alone, with no read, when needed.)
        get_locale()


def set_language():
    """Remember the language chosen with the switch and go back to the page it was on."""
    code = request.form.get("language", "")
    if code not in LANGUAGES:
        abort(400, flask_babel.gettext("Choose one of the languages offered."))
    response = redirect(safe_return_path(request.form.get("next")), code=303)
    response.set_cookie(
        COOKIE,
        code,
        max_age=COOKIE_SECONDS,
        samesite="Lax",
        httponly=True,
        secure=request.is_secure,
    )
    return response


def safe_return_path(target: str | None) -> str:
    """Return target if it is a path on this site, else the start page."""
    if not target or not target.startswith("/") or target.startswith("//"):
        return url_for("play.home")
    parts = urlsplit(target)
    unsafe = parts.scheme or parts.netloc or "\\" in target
    if unsafe or any(ord(c) < 32 or ord(c) == 127 for c in target):
        return url_for("play.home")
    return target


def return_path() -> str:
    """Return the path the switch should come back to: this page, re-read with GET."""
    if request.method == "GET" and request.query_string:
        return request.full_path
    return request.path


def _mark_language(response):
    """Tell caches that pages differ by language, and say which one a page is in."""
    if response.mimetype == "text/html" and has_request_context():
        response.headers["Content-Language"] = current_language()
        response.vary.add("Accept-Language")
        response.vary.add("Cookie")
    return response


def _per_request(f):
    """Wrap a filter so Jinja never folds it into a template at compile time.

    `{{ 1000|number }}` would otherwise be formatted once, in the language of the request
    that compiled the template, and shown that way to everybody after.
    """

    @pass_context
    def filter_(_context, *args, **kwargs):
        return f(*args, **kwargs)

    filter_.__doc__ = f.__doc__
    return filter_


def _counting(jinja_ngettext):
    """Wrap the templates' ngettext so its `%(num)s` is written the language's way (1 000)."""

    @pass_context
    def ngettext_(context, singular, plural, num, **variables):
        variables.setdefault("num", number(num))
        return jinja_ngettext(context, singular, plural, num, **variables)

    return ngettext_


def ngettext(singular: str, plural: str, num: int, **variables) -> str:
    """Like Flask-Babel's ngettext, with `%(num)s` written the language's way (1 000)."""
    variables.setdefault("num", number(num))
    return flask_babel.get_domain().get_translations().ungettext(singular, plural, num) % variables


def _page_helpers() -> dict[str, object]:
    return {
        "current_language": current_language(),
        "languages": list(LANGUAGES.items()),
        "language_return_path": return_path,
    }


def _zone():
    return current_app.config["QUIZ_ZONE"]


def format_when(value: datetime, with_time: bool = True) -> str:
    """Return a moment as the page's language writes it, in the server's time zone."""
    locale = get_locale() or DEFAULT_LANGUAGE
    local = value.astimezone(_zone())
    date = format_date(local, "medium", locale=locale)
    if not with_time:
        return date
    # The locale's own way to join a date and a time ("{1}, {0}"), with hours and minutes only.
    joined = str(get_datetime_format("medium", locale=locale))
    return joined.replace("{1}", date).replace("{0}", format_time(local, "short", locale=locale))


def _time(value: datetime, with_time: bool) -> Markup:
    local = value.astimezone(_zone())
    text = format_when(value, with_time)
    return Markup('<time datetime="{}">{}</time>').format(local.isoformat(), text)


def when(value: datetime | None) -> Markup | str:
    """Format a moment as date and time in the server's zone, as the page's language writes it."""
    return "–" if value is None else _time(value, with_time=True)


def day(value: datetime | None) -> Markup | str:
    """Format a moment's date in the server's zone, as the page's language writes it."""
    return "–" if value is None else _time(value, with_time=False)


def number(value, format: str | None = None) -> str:
    """Format a number as the page's language writes it (1,000 / 1 000)."""
    return flask_babel.format_decimal(value, format)


def percent(value, format: str | None = None) -> str:
    """Format a share as a percentage in the page's language (27%, 27 %)."""
    return flask_babel.format_percent(value, format)


def size(count: int) -> str:
    """Write a number of bytes in the page's language: 512 KiB, 1 MiB, 1.5 MiB."""
    if count >= 1024 * 1024:
        return flask_babel.gettext(
            "%(num)s MiB", num=flask_babel.format_decimal(count / (1024 * 1024), "#,##0.#")
        )
    return flask_babel.gettext(
        "%(num)s KiB", num=flask_babel.format_decimal(max(1, count // 1024), "#,##0")
    )


def translate(message, **values) -> str:
    """Translate a message marked elsewhere with N_(); unmarked text comes back as it is.

    Its values are filled in after: numbers written the language's way, and a value that is
    itself a marked problem (with `template` and `values`, like ImportProblem) translated too.
    A marked problem or `quiz.marked.Message` may also be given alone, with no values: its
    own are used, and its plural (`plural`, counting `num`) chosen the language's way.
    Unlike `_()` in a template, the result stays plain text, escaped when shown, so a message
    that quotes an uploaded file can never become markup.
    """
    if not values and isinstance(getattr(message, "template", None), str):
        return _shown(message)
    return flask_babel.gettext(str(message), **{k: _shown(v) for k, v in values.items()})


def _shown(value):
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, int | float | Decimal):
        return number(value)
    template = getattr(value, "template", None)
    if isinstance(template, str):
        values = getattr(value, "values", {})
        plural = getattr(value, "plural", None)
        if isinstance(plural, str):
            shown = {k: _shown(v) for k, v in values.items() if k != "num"}
            return ngettext(template, plural, values["num"], **shown)
        return translate(template, **values)
    return value


# A full stop a message puts after a value that already ends its sentence ("levels.</strong>.").
_DOUBLE_STOP = re.compile(r"([.!?…])((?:</(?:strong|em|q|b|i)>)+)\.")


def one_stop(message):
    """Drop a message's full stop after a value in <strong> that ends with its own . ! ? or …."""
    text = _DOUBLE_STOP.sub(r"\1\2", str(message))
    return Markup(text) if isinstance(message, Markup) else text


FILTERS = {
    "when": when,
    "day": day,
    "number": number,
    "percent": percent,
    "label": label,
    "translate": translate,
    "size": size,
    "one_stop": one_stop,
}
