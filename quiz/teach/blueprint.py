"""The teacher blueprint: every page behind login, CSRF checked after it."""

from flask import Blueprint, redirect, request, url_for
from flask_login import current_user

from quiz.storage.extensions import csrf

bp = Blueprint("teach", __name__, url_prefix="/teach")
# The blueprint checks CSRF itself, after login, so that anonymous requests of any method are
# sent to the login page rather than refused for a missing token.
csrf.exempt(bp)


@bp.before_request
def require_login():
    """Keep every teacher page behind login, except the login page; then check CSRF."""
    if request.endpoint != "teach.login" and not current_user.is_authenticated:
        return redirect(url_for("teach.login", next=request.path))
    csrf.protect()
