"""The API blueprint and its declared endpoints, shared by the API's view modules."""

from flask import Blueprint, current_app, request

from quiz.api.spec import Api
from quiz.storage.extensions import csrf

bp = Blueprint("api", __name__)
api = Api(bp)
# Bearer tokens, not cookies, authenticate API calls, so there is no CSRF to guard against.
csrf.exempt(bp)


@bp.before_request
def limit_body():
    """Hold API bodies to a small size limit."""
    request.max_content_length = current_app.config["API_MAX_BODY"]
