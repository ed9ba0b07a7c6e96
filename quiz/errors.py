"""Errors raised by services, and how HTML pages and the API show them."""

import math
import time
from urllib.parse import urlsplit

from flask import Flask, jsonify, render_template, request
from flask_babel import gettext
from flask_babel import lazy_gettext as _l
from werkzeug.exceptions import HTTPException

from quiz.i18n import ngettext


class QuizError(Exception):
    """A request the service refuses; carries an API code and an HTTP status."""

    code = "bad_request"
    status = 400

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class Invalid(QuizError):
    code, status = "invalid", 422


class Unauthorized(QuizError):
    code, status = "unauthorized", 401


class NotFound(QuizError):
    code, status = "not_found", 404


class Conflict(QuizError):
    code, status = "conflict", 409


class Locked(QuizError):
    """Not open now: a locked or finished live game, a question that is not open."""

    code, status = "locked", 423


class Closed(Conflict):
    """Too late: an assignment's deadline has passed."""


# What an HTTP status is called in the API's error codes.
HTTP_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "too_large",
    422: "invalid",
    423: "locked",
    429: "too_many_requests",
}


# What an HTTP error says when the code that raised it gave no message of its own.
DEFAULT_MESSAGES = {
    400: _l("The request was not understood."),
    401: _l("You need to log in first."),
    403: _l("You are not allowed to do that."),
    404: _l("There is nothing at this address."),
    405: _l("This address does not accept that kind of request."),
    409: _l("That was already done."),
    413: _l("What you sent is larger than this server accepts."),
    415: _l("The request body is not in a format this address accepts."),
    422: _l("Please check what you sent."),
    429: _l("Too many requests in a short time: wait a moment, then try again."),
}

# What an error page is titled.
TITLES = {
    400: _l("Bad request"),
    401: _l("Please log in"),
    403: _l("Not allowed"),
    404: _l("Page not found"),
    405: _l("Not allowed"),
    409: _l("Not possible now"),
    413: _l("Too large"),
    422: _l("Please check your input"),
    423: _l("Not open now"),
    429: _l("Too many tries"),
    500: _l("Server error"),
}


def http_message(exc: HTTPException) -> str:
    """Return what an HTTP error says, in the request's language."""
    status = exc.code or 500
    description = exc.description
    if status == 413:
        return _too_large()
    if (not description or description == type(exc).description) and status in DEFAULT_MESSAGES:
        return str(DEFAULT_MESSAGES[status])
    # A message marked with N_() where it was raised is translated here; one already
    # translated there is not in the catalog and comes back unchanged.
    return gettext(str(description or exc.name))


def _too_large() -> str:
    """Say that the request was too large, and what this address accepts at most."""
    from quiz.i18n import size

    most = request.max_content_length
    if request.mimetype == "multipart/form-data" and request.max_form_memory_size:
        # A text field of such a form has its own limit, which may be the smaller one.
        most = min(most or request.max_form_memory_size, request.max_form_memory_size)
    if not most:
        return str(DEFAULT_MESSAGES[413])
    return gettext(
        "What you sent is larger than this server accepts: at most %(size)s.", size=size(most)
    )


def wants_json() -> bool:
    """Tell whether the failing request was an API or health call."""
    return request.path.startswith("/api/") or request.path == "/healthz"


def json_error(status: int, message: str, code: str | None = None):
    """Build the API's error body with its status."""
    code = code or HTTP_CODES.get(status, "error")
    return jsonify(error={"code": code, "message": message}), status


def register(app: Flask) -> None:
    """Show errors as JSON to API clients and as friendly pages to people."""
    # Here, not at the top: services raise the errors above in commands that load no forms.
    from flask_wtf.csrf import CSRFError

    @app.errorhandler(QuizError)
    def quiz_error(exc: QuizError):
        if wants_json():
            return json_error(exc.status, exc.message, exc.code)
        return _page(exc.status, exc.message)

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        message = http_message(exc)
        if exc.code == 429:
            message = f"{message} {_retry_in()}".strip()
        if wants_json():
            return json_error(exc.code or 500, message)
        return _page(exc.code or 500, message)

    @app.errorhandler(CSRFError)
    def csrf_error(exc: CSRFError):
        message = gettext(
            "This form has expired or did not come from this site. "
            "Go back, reload the page and send it again."
        )
        if wants_json():
            return json_error(400, message)
        return _page(400, message)

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        app.logger.exception("unhandled error on %s %s", request.method, request.path)
        if wants_json():
            return json_error(500, gettext("Something went wrong on the server."), "server_error")
        return _page(500, gettext("Something went wrong on the server. Please try again."))


def _retry_in() -> str:
    """Say when a refused request may be sent again (the Retry-After header says it too)."""
    from quiz.storage.extensions import limiter

    breached = limiter.current_limit
    if breached is None:
        return ""
    seconds = max(1, math.ceil(breached.reset_at - time.time()))
    if seconds < 90:
        return ngettext(
            "You can try again in %(num)s second.", "You can try again in %(num)s seconds.", seconds
        )
    return ngettext(
        "You can try again in %(num)s minute.",
        "You can try again in %(num)s minutes.",
        math.ceil(seconds / 60),
    )


def _page(status: int, message: str):
    title = str(TITLES.get(status, _l("Error")))
    back, back_label = _way_back()
    page = render_template(
        "errors/error.html",
        status=status,
        title=title,
        message=message,
        back=back,
        back_label=back_label,
    )
    return page, status


def _way_back() -> tuple[str, str]:
    """Return where an error page links back to, and what the link says.

    The page the browser came from when it is one of this site's (a form sent too large comes
    back to its form), else the teacher's dashboard under /teach, else the start page.
    """
    from flask import url_for

    from quiz.i18n import return_path, safe_return_path

    referrer = urlsplit(request.referrer or "")
    if referrer.netloc == request.host and referrer.scheme in ("http", "https"):
        path = referrer.path + (f"?{referrer.query}" if referrer.query else "")
        here = request.method == "GET" and path == return_path()
        if safe_return_path(path) == path and not here:
            return path, gettext("Back to the page you came from")
    if request.path == "/teach" or request.path.startswith("/teach/"):
        return url_for("teach.dashboard"), gettext("Back to your dashboard")
    return url_for("play.home"), gettext("Back to the start page")
