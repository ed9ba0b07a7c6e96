"""Teacher pages."""

# The route modules register themselves on the blueprint when imported.
from quiz.teach import classes, exchange, live, results, views  # noqa: F401
from quiz.teach.blueprint import bp

__all__ = ["bp"]
