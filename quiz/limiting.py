"""Flask-Limiter, doing nothing on the requests that no limit applies to.

Every limit of the app is declared beside the view it protects (a decorator), none for the
whole app, a blueprint or by default. Flask-Limiter still runs its hooks around every request
(`/healthz`, static files, pages): it looks up the endpoint's limits, finds none, and keeps
per-request state to say so, about a third of the time such a request takes. This subclass
skips that work when there is nothing to find, and does it as before everywhere else.

A view on the hottest path (a student's answer) is limited by `limit_view` instead of the
Limiter's decorator: the same counters, in the same storage, shared by every server process,
the same 429 and headers, without resolving and sorting the view's limits on every request.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING

from flask import Response, g, has_request_context
from flask.globals import request_ctx
from flask_limiter import Limiter, RequestLimit
from limits import RateLimitItem, parse_many
from werkzeug.exceptions import TooManyRequests

if TYPE_CHECKING:
    from flask.typing import RouteCallable

# Where Flask-Limiter keeps a request's state, on the request context, once it has checked.
STATE = "_limiter_request_context"
# Where limit_view keeps the limit a request was checked against, for its headers and message.
VIEW_LIMIT = "quiz_view_limit"


class QuizLimiter(Limiter):
    """A Limiter whose request hooks return at once where no limit has been checked."""

    def _middleware_limits(self) -> bool:
        """Tell whether any limit is checked before the view: app-wide, default, blueprint."""
        manager = self.limit_manager
        return bool(
            manager._application_limits
            or manager._default_limits
            or manager._blueprint_limits
            or self._meta_limits
        )

    def _check_request_limit(
        self, callable_name: str | None = None, in_middleware: bool = True
    ) -> None:
        # Before the view, only app-wide, default and blueprint limits are checked: with none
        # declared there is nothing to check. A view's own limits are checked by its decorator
        # (in_middleware=False), as before.
        if in_middleware and not self._middleware_limits():
            return
        super()._check_request_limit(callable_name, in_middleware)

    @property
    def current_limit(self) -> RequestLimit | None:
        """The limit this request was checked against, if it was checked against any."""
        if not _checked():
            return g.get(VIEW_LIMIT) if has_request_context() else None
        return super().current_limit

    @property
    def current_limits(self) -> list[RequestLimit]:
        """The limits this request was checked against."""
        if not _checked():
            checked = self.current_limit
            return [checked] if checked else []
        return super().current_limits

    # Flask-Limiter's own hooks, by their mangled names: the after-request hook calls the first
    # (then reads current_limit above), the teardown hook is the second.
    def _Limiter__check_conditional_deductions(self, response: Response) -> None:
        if _checked():
            super()._Limiter__check_conditional_deductions(response)  # type: ignore[misc]

    def _Limiter__release_context(self, exc: BaseException | None = None) -> None:
        if _checked():
            super()._Limiter__release_context(exc)  # type: ignore[misc]


def _checked() -> bool:
    """Tell whether a limit was checked in this request (so Flask-Limiter keeps state in it)."""
    if not has_request_context():
        return False
    # request_ctx is a proxy: the state is an attribute of the context object behind it.
    context = request_ctx._get_current_object()  # type: ignore[attr-defined]
    return hasattr(context, STATE)


def limit_view(
    limit_value: Callable[[], str], *, key_func: Callable[[], str], error_message: str
) -> Callable[[RouteCallable], RouteCallable]:
    """Limit a view as `limiter.limit(limit_value, key_func=..., error_message=...)` does.

    Each of the limits is counted by the Limiter's own strategy in its storage, under the
    key the Limiter's decorator would use; the first one exceeded refuses the request with
    429 and `error_message`. The limit checked is the request's `current_limit`, so the
    response carries its X-RateLimit headers and Retry-After, and a refusal's message says
    when to retry, as with the decorator.
    """

    def decorate(view: RouteCallable) -> RouteCallable:
        @functools.wraps(view)
        def limited(*args, **kwargs):
            from quiz.storage.extensions import limiter

            if limiter.enabled:
                # Keyed as the Limiter keys a view's limit: by the key, then the endpoint.
                identifiers = [key_func(), limiter.identify_request()]
                _count(limiter, _parsed(limit_value()), identifiers, error_message)
            return view(*args, **kwargs)

        return limited

    return decorate


@functools.lru_cache(maxsize=64)
def _parsed(limit_value: str) -> list[RateLimitItem]:
    """Return the limits a string declares ("30 per minute; 500 per hour"), strictest first."""
    return sorted(parse_many(limit_value))


def _count(limiter: Limiter, items: list[RateLimitItem], args: list[str], message: str) -> None:
    """Count one hit of each limit, in order; refuse with 429 at the first one exceeded."""
    for item in items:
        if not limiter.limiter.hit(item, *args):
            _checked_against(RequestLimit(limiter, item, args, True, False))
            raise TooManyRequests(description=message)
    if items:
        _checked_against(RequestLimit(limiter, items[0], args, False, False))


def _checked_against(limit: RequestLimit) -> None:
    """Keep the limit the request was checked against, as `current_limit`.

    Flask-Limiter's own after-request hook puts its headers on the response from there, and
    a refusal's message says when to retry from it (quiz.errors).
    """
    g.setdefault(VIEW_LIMIT, limit)
