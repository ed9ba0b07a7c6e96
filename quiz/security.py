"""Security headers on every response, Secure cookies over HTTPS, and rate-limit keys."""

from __future__ import annotations

import os

from flask import Flask, abort, current_app, has_request_context, request, session
from flask.sessions import SecureCookieSessionInterface
from flask_limiter.util import get_remote_address
from werkzeug.middleware.proxy_fix import ProxyFix

from quiz.accounts.tokens import bearer_token, hash_token
from quiz.storage.extensions import limiter

# Only our own files: no inline script or style, no plugins, no framing, forms post home only.
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)

HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    # For browsers that predate frame-ancestors.
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}

# The signed-cookie key that holds the id of the browser's player.
PLAYER_KEY = "player_id"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
ANSWER_LIMIT_MESSAGE = "Too many answers in a short time: wait a moment, then answer again."
CODE_LIMIT_MESSAGE = "Too many personal codes typed from this network: wait a minute, then retry."
PLAYER_LIMIT_MESSAGE = "Too many players created from this network in a short time: wait a minute."
ROUND_LIMIT_MESSAGE = "Too many rounds started from this network in a short time: wait a minute."
# A year, once a browser has seen the site over HTTPS; subdomains may be other schools' sites.
HSTS = "max-age=31536000"


class HttpsAwareSessionInterface(SecureCookieSessionInterface):
    """Mark the session cookie Secure whenever the request came over HTTPS."""

    def open_session(self, app: Flask, request):
        """Open the signed session; with no cookie to verify (API calls), start an empty one."""
        if app.secret_key and not request.cookies.get(self.get_cookie_name(app)):
            # Skips building the signing serializer on every cookieless request.
            return self.session_class()
        return super().open_session(app, request)

    def get_cookie_secure(self, app: Flask) -> bool:
        """Return True when configured so or when this request is HTTPS."""
        if super().get_cookie_secure(app):
            return True
        return has_request_context() and request.is_secure


def init_app(app: Flask) -> None:
    """Add the security headers, HTTPS-aware cookies and, if configured, proxy trust."""
    behind = os.environ.get("QUIZ_BEHIND_PROXY", "").strip().lower() in ("1", "true", "yes")
    app.config.setdefault("QUIZ_BEHIND_PROXY", behind)
    if app.config["QUIZ_BEHIND_PROXY"]:
        # Trust X-Forwarded-* from exactly one proxy hop, and only when told one is there:
        # otherwise any client could claim HTTPS or another address.
        app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1, x_port=1)
    app.session_interface = HttpsAwareSessionInterface()
    app.before_request(refuse_nul_characters)
    app.after_request(add_headers)


def refuse_nul_characters():
    """Refuse query strings and forms with a NUL character: no field needs one."""
    # PostgreSQL cannot store NUL in text, so such input would otherwise fail deep inside.
    values = [*request.args.values()]
    if request.method in ("POST", "PUT", "PATCH") and request.mimetype in FORM_TYPES:
        values += request.form.values()
    if any("\x00" in value for value in values):
        abort(400, "The request contains a NUL character, which no field accepts.")


def add_headers(response):
    """Set the security headers on a response, keeping any a view set itself."""
    for name, value in HEADERS.items():
        response.headers.setdefault(name, value)
    if request.is_secure:
        response.headers.setdefault("Strict-Transport-Security", HSTS)
        # Cookies set by other extensions (the login "remember me") get Secure too.
        cookies = response.headers.getlist("Set-Cookie")
        if any("; secure" not in c.lower() for c in cookies):
            response.headers.setlist(
                "Set-Cookie", [c if "; secure" in c.lower() else c + "; Secure" for c in cookies]
            )
    return response


def answer_limit() -> str:
    """Return how many answers one round or one player may send (QUIZ_ANSWER_LIMIT)."""
    return current_app.config["QUIZ_ANSWER_LIMIT"]


def code_limit() -> str:
    """Return how many personal codes one address may type (QUIZ_CODE_LIMIT)."""
    return current_app.config["QUIZ_CODE_LIMIT"]


def round_limit() -> str:
    """Return how many rounds one address may start (QUIZ_ROUND_LIMIT)."""
    return current_app.config["QUIZ_ROUND_LIMIT"]


# One bucket per address for every way of starting a round: the start page, a class
# assignment and the API.
limit_round_starts = limiter.shared_limit(
    round_limit, scope="start-round", methods=["POST"], error_message=ROUND_LIMIT_MESSAGE
)


# API players are created per address, as generously as rounds are started.
limit_player_creation = limiter.limit(
    round_limit, methods=["POST"], error_message=PLAYER_LIMIT_MESSAGE
)


def round_token_key() -> str:
    """Key an API rate limit by the round's bearer token, never by address alone."""
    # A whole classroom shares one address, so the address cannot tell students apart.
    token = bearer_token()
    if token is None:
        return f"no-token:{get_remote_address()}"
    return "token:" + hash_token(token)[:32]


def player_key() -> str:
    """Key a page's rate limit by the player in the signed cookie, never by address alone."""
    player_id = session.get(PLAYER_KEY)
    if not player_id:
        # No player yet: such a request cannot answer anything, so the address is enough.
        return f"no-player:{get_remote_address()}"
    return f"player:{player_id}"
