"""Security headers on every response, Secure cookies over HTTPS, and rate-limit keys."""

from __future__ import annotations

import hashlib
import os
import secrets

from flask import Flask, abort, current_app, g, has_request_context, request, session
from flask.sessions import SecureCookieSessionInterface
from flask_babel import gettext as _
from flask_limiter.util import get_remote_address
from werkzeug.middleware.proxy_fix import ProxyFix

from quiz.accounts.tokens import bearer_token, hash_token
from quiz.i18n import N_
from quiz.rules import PLAYER_KEY
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

# The signed-cookie key of a random id that tells one browser's join attempts from another's.
BROWSER_KEY = "browser"
FORM_TYPES = ("application/x-www-form-urlencoded", "multipart/form-data")
ANSWER_LIMIT_MESSAGE = N_("Too many answers in a short time: wait a moment, then answer again.")
CODE_LIMIT_MESSAGE = "Too many personal codes typed from this network: wait a minute, then retry."
PLAYER_LIMIT_MESSAGE = "Too many players created from this network in a short time: wait a minute."
ROUND_LIMIT_MESSAGE = N_(
    "Too many rounds started from this network in a short time: wait a minute."
)
LOGIN_LIMIT_MESSAGE = N_("Too many failed logins. Wait a minute, then try again.")
JOIN_LIMIT_MESSAGE = N_(
    "Too many wrong class codes in a short time. Wait a few minutes, then type the code "
    "your teacher shows exactly as it is."
)
# A year, once a browser has seen the site over HTTPS; subdomains may be other schools' sites.
HSTS = "max-age=31536000"


class HttpsAwareSessionInterface(SecureCookieSessionInterface):
    """Mark the session cookie Secure whenever the request came over HTTPS."""

    def open_session(self, app: Flask, request):
        """Open the signed session; with no cookie to verify (API calls), start an empty one."""
        if app.secret_key and (
            "HTTP_COOKIE" not in request.environ
            or not request.cookies.get(self.get_cookie_name(app))
        ):
            # Skips building the signing serializer on every cookieless request.
            return self.session_class()
        return super().open_session(app, request)

    def save_session(self, app: Flask, session, response) -> None:
        """Save the session; with nothing in it and nothing changed, only say it was read."""
        if not session and not session.modified:
            # As Flask does, without first working out the cookie's attributes.
            if session.accessed:
                response.vary.add("Cookie")
            return
        super().save_session(app, session, response)

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
        # Flask documents wrapping wsgi_app so; mypy takes it for replacing a method.
        app.wsgi_app = ProxyFix(  # type: ignore[method-assign]
            app.wsgi_app, x_for=1, x_proto=1, x_host=1, x_port=1
        )
    app.session_interface = HttpsAwareSessionInterface()
    app.before_request(refuse_nul_characters)
    app.after_request(add_headers)


def refuse_nul_characters():
    """Refuse query strings and forms with a NUL character: no field needs one."""
    # PostgreSQL cannot store NUL in text, so such input would otherwise fail deep inside.
    values = [*request.args.values()] if request.query_string else []
    if request.method in ("POST", "PUT", "PATCH") and request.mimetype in FORM_TYPES:
        values += request.form.values()
    if any("\x00" in value for value in values):
        abort(400, _("The request contains a NUL character, which no field accepts."))


def add_headers(response):
    """Set the security headers on a response, keeping any a view set itself."""
    headers = response.headers
    # One pass over the response's headers rather than one per header set here.
    present = {name.lower() for name, _value in headers.items()}
    headers.extend((name, value) for name, value in HEADERS.items() if name.lower() not in present)
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


def address_key() -> str:
    """Key a rate limit by the client's address (the proxy's client, when behind one)."""
    return f"address:{get_remote_address()}"


def login_account_key() -> str:
    """Key a login limit by the account name typed, however it is capitalised or spaced."""
    name = request.form.get("name", "").strip().casefold()
    return "account:" + hashlib.sha256(name.encode()).hexdigest()[:32]


def browser_key() -> str:
    """Key a rate limit by a random id kept in this browser's signed cookie."""
    browser = session.get(BROWSER_KEY)
    if not isinstance(browser, str) or not browser:
        browser = session[BROWSER_KEY] = secrets.token_urlsafe(16)
    return f"browser:{browser}"


def login_limit() -> str:
    """Return how many failed logins one account, or one address, may make (QUIZ_LOGIN_LIMIT)."""
    return current_app.config["QUIZ_LOGIN_LIMIT"]


def join_limit() -> str:
    """Return how many wrong class codes one browser may try (QUIZ_JOIN_LIMIT)."""
    return current_app.config["QUIZ_JOIN_LIMIT"]


def join_address_limit() -> str:
    """Return how many wrong class codes one address may try (QUIZ_JOIN_ADDRESS_LIMIT)."""
    return current_app.config["QUIZ_JOIN_ADDRESS_LIMIT"]


def _failed_login(response) -> bool:
    return response.status_code == 401


def limit_failed_logins(view):
    """Refuse logins for an account, and from an address, that failed too often of late.

    Only failures count. The account's limit stops guesses at one password spread over many
    addresses; the address's limit stops one machine trying many accounts.
    """
    for key_func in (login_account_key, address_key):
        view = limiter.limit(
            login_limit,
            key_func=key_func,
            methods=["POST"],
            deduct_when=_failed_login,
            error_message=LOGIN_LIMIT_MESSAGE,
        )(view)
    return view


def count_wrong_class_code() -> None:
    """Mark this request as a wrong class code, to be counted once the response is ready."""
    g.wrong_class_code = True


def _wrong_class_code(_response) -> bool:
    return bool(g.get("wrong_class_code"))


def limit_wrong_class_codes(view):
    """Refuse class codes from a browser, or an address, that tried too many wrong ones.

    Only wrong codes count, so a class joining at once is not slowed down. The browser's limit
    is the tighter one: one student walking codes is stopped, and the classmates behind the
    same school address still join; the address's limit stops a walker who drops cookies.
    A refused request is refused before its code is looked up, so it tells nothing.
    """
    for limit, key_func in ((join_limit, browser_key), (join_address_limit, address_key)):
        view = limiter.limit(
            limit,
            key_func=key_func,
            methods=["POST"],
            deduct_when=_wrong_class_code,
            error_message=JOIN_LIMIT_MESSAGE,
        )(view)
    return view
