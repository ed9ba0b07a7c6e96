"""Errors raised by services, and how HTML pages and the API show them."""

import math
import time

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException


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
        message = exc.description or exc.name
        if exc.code == 413:
            message = "The request body is larger than this server accepts."
        if exc.code == 429:
            message = f"{message} {_retry_in()}".strip()
        if wants_json():
            return json_error(exc.code or 500, message)
        return _page(exc.code or 500, message)

    @app.errorhandler(CSRFError)
    def csrf_error(exc: CSRFError):
        message = (
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
            return json_error(500, "Something went wrong on the server.", "server_error")
        return _page(500, "Something went wrong on the server. Please try again.")


def _retry_in() -> str:
    """Say when a refused request may be sent again (the Retry-After header says it too)."""
    from quiz.storage.extensions import limiter

    breached = limiter.current_limit
    if breached is None:
        return ""
    seconds = max(1, math.ceil(breached.reset_at - time.time()))
    if seconds < 90:
        return f"You can try again in {seconds} second{'s' if seconds > 1 else ''}."
    return f"You can try again in {math.ceil(seconds / 60)} minutes."


def _page(status: int, message: str):
    titles = {
        400: "Bad request",
        403: "Not allowed",
        404: "Page not found",
        405: "Not allowed",
        409: "Already done",
        413: "Too large",
        422: "Please check your input",
        429: "Too many tries",
        423: "Not open now",
        500: "Server error",
    }
    title = titles.get(status, "Error")
    return render_template("errors/error.html", status=status, title=title, message=message), status
