"""JSON API, version 1."""

# The route modules register themselves on the blueprint when imported.
from quiz.api import games, practice, trivia, views  # noqa: F401
from quiz.api.blueprint import api, bp

__all__ = ["api", "bp"]
