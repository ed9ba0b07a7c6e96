"""Student pages."""

# The route modules register themselves on the blueprint when imported.
from quiz.play import live, practice, views  # noqa: F401
from quiz.play.blueprint import bp

__all__ = ["bp"]
