"""Flask-Limiter, doing nothing on the requests that no limit applies to.

Every limit of the app is declared beside the view it protects (a decorator), none for the
whole app, a blueprint or by default. Flask-Limiter still runs its hooks around every request
(`/healthz`, static files, pages): it looks up the endpoint's limits, finds none, and keeps
per-request state to say so, about a third of the time such a request takes. This subclass
skips that work when there is nothing to find, and does it as before everywhere else.
"""

from __future__ import annotations

from flask import Response, has_request_context
from flask.globals import request_ctx
from flask_limiter import Limiter, RequestLimit

# Where Flask-Limiter keeps a request's state, on the request context, once it has checked.
STATE = "_limiter_request_context"


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
            return None
        return super().current_limit

    @property
    def current_limits(self) -> list[RequestLimit]:
        """The limits this request was checked against."""
        if not _checked():
            return []
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
